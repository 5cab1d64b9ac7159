/**
 * sync.WaitGroup, after Go's sync/waitgroup.go.
 *
 * Invariant: the counter never goes below zero — an Add that would make it negative panics
 * ("sync: negative WaitGroup counter"). When the counter returns to zero every waiter is released
 * (readied in queue order, as Go's semaphore releases them) and the group can be reused — but
 * an Add that starts a new round before a released Wait has returned panics in that Wait
 * ("sync: WaitGroup is reused before previous Wait has returned"), as in Go.
 * `go(fn)` is Go 1.25's WaitGroup.Go: Add(1), then a goroutine that runs fn and calls Done.
 */
import { GoPanic, MSG } from "../panic";
import { WaitQueue } from "../queue";
import { RuntimeObject } from "../object";
import type { Named } from "../named";
import { waiter, type LockWaiter } from "./mutex";

export class WaitGroup extends RuntimeObject {
  count = 0;
  readonly waiters = new WaitQueue<LockWaiter>();

  constructor(opts?: Named) {
    super("wg", opts?.name);
    this.attachIfRunning();
  }

  protected override reset(): void {
    this.count = 0;
    this.waiters.clear();
  }

  add(delta: number): void {
    const s = this.bind();
    const g = s.g();
    this.count += delta;
    if (s.tr) s.emit(g.id, "wg.add", `,"id":${this.id},"delta":${delta},"count":${this.count}`);
    if (this.count < 0) throw new GoPanic(MSG.negativeWaitGroup);
    if (this.count === 0) for (let w = this.waiters.shift(); w; w = this.waiters.shift()) s.wake(w.g, undefined);
  }

  done(): void {
    this.add(-1);
  }

  async wait(): Promise<void> {
    const s = this.bind();
    const g = s.g();
    if (this.count > 0) {
      this.waiters.push(waiter(g));
      await s.park("wg.wait", [this.id]);
      // Go checks, on waking, that nobody has started a new round (Add) before this Wait returned.
      if (this.count !== 0) throw new GoPanic(MSG.waitGroupReused);
    }
    if (s.tr) s.emit(g.id, "wg.wait", `,"id":${this.id}`);
  }

  go(fn: () => unknown): void {
    const s = this.bind();
    this.add(1);
    s.spawn(
      async () => {
        try {
          await fn();
        } finally {
          if (!s.ended) this.done();
        }
      },
      [],
      undefined,
      fn,
    );
  }
}
