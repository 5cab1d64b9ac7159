/**
 * Waiter counts of locks and WaitGroups: a goroutine blocked on one counts as its waiter until it
 * is served (acquires the lock, `Wait` returns), woken or ends (docs/model.md).
 *
 * Invariant: q is among the queues of g exactly when q counts g, once; `q.waiting` is how many
 * goroutines it counts, and the last step of `q.waiters` holds that number. A goroutine waits on
 * few queues at once (usually one), so its list is scanned rather than hashed, and it is emptied,
 * not dropped, when it leaves: one list per goroutine that ever waits.
 */
import type { StepBuilder } from "./object-tracks";

export interface WaitQueue {
  waiting: number;
  readonly waiters: StepBuilder;
}

const DENSE_IDS = 1 << 20;

/**
 * The queues one goroutine waits on: `qs[0..n)`. The array is never shortened, only `n`: setting
 * an array's length to 0 frees its storage, and the next push would allocate it again (once per
 * block, a measurable share of the pass on a large trace).
 */
interface Waiting {
  readonly qs: WaitQueue[];
  n: number;
}

export class Waiters {
  private readonly dense: (Waiting | undefined)[] = [];
  private readonly byId = new Map<number, Waiting>();

  private of(g: number): Waiting | undefined {
    return g >= 0 && g < DENSE_IDS ? this.dense[g] : this.byId.get(g);
  }

  /** g starts waiting on q at t (nothing changes when it already is). */
  join(q: WaitQueue, g: number, t: number): void {
    let w = this.of(g);
    if (!w) {
      w = { qs: [], n: 0 };
      if (g >= 0 && g < DENSE_IDS) this.dense[g] = w;
      else this.byId.set(g, w);
    } else if (indexIn(w, q) >= 0) return;
    if (w.n < w.qs.length) w.qs[w.n] = q;
    else w.qs.push(q);
    w.n++;
    q.waiters.push(t, ++q.waiting);
  }

  /** g stops waiting on q at t, if it was. */
  leave(q: WaitQueue, g: number, t: number): void {
    const w = this.of(g);
    if (!w || w.n === 0) return;
    const k = indexIn(w, q);
    if (k < 0) return;
    w.qs[k] = w.qs[--w.n]!;
    q.waiters.push(t, --q.waiting);
  }

  /** g stops waiting on everything at t. */
  leaveAll(g: number, t: number): void {
    const w = this.of(g);
    if (!w || w.n === 0) return;
    for (let k = 0; k < w.n; k++) {
      const q = w.qs[k]!;
      q.waiters.push(t, --q.waiting);
    }
    w.n = 0;
  }
}

function indexIn(w: Waiting, q: WaitQueue): number {
  for (let k = 0; k < w.n; k++) if (w.qs[k] === q) return k;
  return -1;
}
