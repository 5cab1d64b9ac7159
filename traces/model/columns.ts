/**
 * Read access to the events' fields without building an event object: for passes over every
 * event (the timeline, statistics), where `model.event(i)` would allocate a million objects.
 *
 * Each accessor answers for the kinds its comment names, with the value `model.event(i)` would
 * hold in that field; for any other kind its result is meaningless. Events the columns cannot hold
 * (kept whole by the store) are answered from the whole event, so the two views always agree.
 */
import type { TraceEvent } from "../format/schema";
import type { EventStore, NarrowColumn } from "./event-store";
import { F1, KIND_MASK, REASON_INDEX } from "./kinds";

type Whole = Record<string, unknown>;

export class EventColumns {
  private times: Float64Array | undefined;
  private kinds: Uint8Array | undefined;
  private gs: NarrowColumn | Int32Array | undefined;

  constructor(private readonly store: EventStore) {}

  get length(): number {
    return this.store.n;
  }

  private whole(i: number): Whole | undefined {
    const irregular = this.store.irregular;
    return irregular.size === 0 ? undefined : (irregular.get(i) as Whole | undefined);
  }

  /** The kind, as its index in `EVENT_KINDS` (the `Kind` enum). */
  kind(i: number): number {
    return this.store.k[i]! & KIND_MASK;
  }

  /** The acting goroutine (`g`). */
  g(i: number): number {
    const w = this.whole(i);
    return w ? (w.g as number) : this.store.g[i]!;
  }

  time(i: number): number {
    return this.store.timeOf(i);
  }

  /** `loc`, 0 when absent. */
  loc(i: number): number {
    const w = this.whole(i);
    return w ? ((w.loc as number | undefined) ?? 0) : this.store.locOf(i);
  }

  /**
   * The event's primary id: `child` (go.create), `target` (go.unblock), `ch` (chan.*), `id`
   * (mutex, rwmutex, wg, cond, once, atomic and timer events), `ctx` (ctx.*).
   */
  subject(i: number): number {
    const w = this.whole(i);
    if (!w) return this.store.a[i]!;
    return (w.child ?? w.target ?? w.id ?? w.ctx ?? w.ch ?? 0) as number;
  }

  /** `len` of chan.send and chan.recv. */
  len(i: number): number {
    const w = this.whole(i);
    return w ? (w.len as number) : this.store.b[i]!;
  }

  /** `from` of chan.recv (the matching send's seq); 0 when absent. */
  from(i: number): number {
    const w = this.whole(i);
    if (w) return (w.from as number | undefined) ?? 0;
    const back = this.store.y[i]!; // how many seqs before the receive the send was (0: no `from`)
    return back === 0 ? 0 : this.store.seqOf(i) - back;
  }

  /** `count` of wg.add. */
  count(i: number): number {
    const w = this.whole(i);
    return w ? (w.count as number) : this.store.y[i]!;
  }

  /** `read` of rwmutex.lock and rwmutex.unlock. */
  read(i: number): boolean {
    const w = this.whole(i);
    return w ? w.read === true : (this.store.k[i]! & F1) !== 0;
  }

  /** `reason` of go.block, as its index in `BLOCK_REASONS`. */
  reason(i: number): number {
    const w = this.whole(i);
    return w ? (REASON_INDEX.get(w.reason as string) ?? -1) : this.store.a[i]!;
  }

  /** Length of `on` of go.block. */
  onCount(i: number): number {
    const w = this.whole(i);
    return w ? (w.on as number[]).length : this.store.ints[this.store.x[i]!]!;
  }

  /** `on[j]` of go.block. */
  on(i: number, j: number): number {
    const w = this.whole(i);
    return w ? (w.on as number[])[j]! : this.store.ints[this.store.x[i]! + 1 + j]!;
  }

  /**
   * Every event's time, kind and goroutine as whole columns, made once and shared (do not mutate):
   * the store's own arrays where they already hold exactly that, since on a large trace fresh
   * memory costs more than the pass that fills it.
   */
  timeColumn(): Float64Array {
    const st = this.store;
    if (st.t) return st.n === st.t.length ? st.t : st.t.subarray(0, st.n);
    if (!this.times) {
      const out = new Float64Array(st.n);
      for (let r = 0; r < st.runs; r++) out.fill(st.runT[r]!, st.runStart[r]!, r + 1 < st.runs ? st.runStart[r + 1]! : st.n);
      this.times = out;
    }
    return this.times;
  }

  /** See `timeColumn`: kinds as `EVENT_KINDS` indices. */
  kindColumn(): Uint8Array {
    if (!this.kinds) {
      const { k, n } = this.store;
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = k[i]! & KIND_MASK;
      this.kinds = out;
    }
    return this.kinds;
  }

  /** See `timeColumn`: acting goroutines. */
  goroutineColumn(): NarrowColumn {
    if (!this.gs) {
      const st = this.store;
      let gs: NarrowColumn = st.n === st.g.length ? st.g : st.g.subarray(0, st.n);
      for (const [i, e] of st.irregular) {
        if (gs[i] === e.g) continue;
        // The store's own column, or 16 bits that cannot hold the whole event's goroutine: a 32-bit copy.
        if (gs.buffer === st.g.buffer || gs instanceof Int16Array) gs = Int32Array.from(gs);
        gs[i] = e.g;
      }
      this.gs = gs;
    }
    return this.gs;
  }

  /** The whole event, built on demand (for the rare kinds a pass needs in full). */
  event(i: number): TraceEvent {
    return this.store.event(i);
  }
}
