/**
 * Goroutine lanes: each goroutine's life as state segments (running, runnable, blocked, sleeping,
 * done) in typed arrays, inferred from the event stream exactly as the model's state machine does
 * (docs/model.md): runnable from its `go.create` or a `go.unblock` naming it, running from its
 * first own event after that until it blocks, yields, ends or another goroutine acts.
 *
 * Invariants: segments are contiguous (`t1[i] === t0[i + 1]`), ascending, non-empty except
 * possibly the last; two neighbours never share both status and reason; a zero-length segment is
 * replaced by the one that follows it at the same time. `cum` holds prefix sums of time per state,
 * so the time a lane spends in each state over any range costs two binary searches.
 */
import type { SourceLocation } from "../model";
import { f64, i32, i8, u8 } from "./growable";
import { DONE, STATE_COUNT } from "./status";

export interface GoroutineLane {
  readonly id: number;
  readonly name: string;
  readonly parent: number | undefined;
  /** Ids of the goroutines it created, in creation order. */
  readonly children: readonly number[];
  /** Depth in the creation tree (main and orphans: 0). */
  readonly depth: number;
  /** Event index of its `go.create`; -1 when it existed from the start (main). */
  readonly createdIndex: number;
  /** Where it was created (`loc` of the `go.create`). */
  readonly createLoc: SourceLocation | undefined;
  /** Number of segments. */
  readonly n: number;
  /** Segment start and end times, ns. */
  readonly t0: Float64Array;
  readonly t1: Float64Array;
  /** Segment states (status.ts codes). */
  readonly status: Uint8Array;
  /** BLOCK_REASONS index for blocked/sleeping segments, else -1. */
  readonly reason: Int8Array;
  /** Index of the event that began each segment. */
  readonly ev: Int32Array;
  /** `cum[i * STATE_COUNT + s]`: ns spent in state s before segment i; (n + 1) rows. */
  readonly cum: Float64Array;
  /** Indices of the events involving it (as `model.eventsOf`), ascending. */
  readonly events: Int32Array;
}

/** Builds one lane's segments as the pass goes. */
export class LaneBuilder {
  private readonly t0: ReturnType<typeof f64>;
  private readonly st: ReturnType<typeof u8>;
  private readonly rs: ReturnType<typeof i8>;
  private readonly ev: ReturnType<typeof i32>;
  createdIndex = -1;
  createLoc: SourceLocation | undefined;

  /**
   * `events`: how many events involve the goroutine (`model.eventsOf`). A lane changes state at
   * most twice per such event (its own change, then losing the CPU to another goroutine), so the
   * arrays are sized once; what is never written costs address space, not memory.
   */
  constructor(readonly id: number, events = 4) {
    const capacity = 2 * events + 2;
    this.t0 = f64(capacity);
    this.st = u8(capacity);
    this.rs = i8(capacity);
    this.ev = i32(capacity);
  }

  /** Current state, or -1 before the goroutine exists. */
  get status(): number {
    return this.st.length === 0 ? -1 : this.st.last;
  }

  set(t: number, status: number, reason: number, ev: number): void {
    const n = this.st.length;
    if (n > 0 && this.st.last === status && this.rs.last === reason) return;
    if (n > 0 && this.t0.last === t) {
      // The previous segment lasted no time: the new one replaces it, or merges with the one before.
      this.t0.pop();
      this.st.pop();
      this.rs.pop();
      this.ev.pop();
      if (this.st.length > 0 && this.st.last === status && this.rs.last === reason) return;
    }
    this.t0.push(t);
    this.st.push(status);
    this.rs.push(reason);
    this.ev.push(ev);
  }

  finish(end: number, info: { name: string; parent: number | undefined; children: number[]; depth: number; events: Int32Array }): GoroutineLane {
    const t0 = this.t0.done();
    const n = t0.length;
    const status = this.st.done();
    const t1 = new Float64Array(n);
    for (let i = 0; i < n; i++) t1[i] = i + 1 < n ? t0[i + 1]! : Math.max(end, t0[i]!);
    // Prefix sums are five numbers per segment, read only by range statistics: made on first use.
    let cum: Float64Array | undefined;
    return {
      id: this.id,
      ...info,
      createdIndex: this.createdIndex,
      createLoc: this.createLoc,
      n,
      t0,
      t1,
      status,
      reason: this.rs.done(),
      ev: this.ev.done(),
      get cum() {
        return (cum ??= prefixSums(t0, t1, status));
      },
    };
  }
}

function prefixSums(t0: Float64Array, t1: Float64Array, status: Uint8Array): Float64Array {
  const n = t0.length;
  const cum = new Float64Array((n + 1) * STATE_COUNT);
  for (let i = 0; i < n; i++) {
    const row = i * STATE_COUNT;
    for (let s = 0; s < STATE_COUNT; s++) cum[row + STATE_COUNT + s] = cum[row + s]!;
    cum[row + STATE_COUNT + status[i]!]! += t1[i]! - t0[i]!;
  }
  return cum;
}

/** Index of the segment covering time t (the last starting at or before t); -1 before the lane starts. */
export function segmentAt(lane: GoroutineLane, t: number, from = 0): number {
  let lo = from;
  let hi = lane.n - 1;
  let found = from - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (lane.t0[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Time (ns) the lane spends in state s before time t. */
export function cumulativeAt(lane: GoroutineLane, s: number, t: number, seg = segmentAt(lane, t)): number {
  if (seg < 0) return 0;
  const base = lane.cum[seg * STATE_COUNT + s]!;
  if (lane.status[seg] !== s) return base;
  return base + Math.min(Math.max(0, t - lane.t0[seg]!), lane.t1[seg]! - lane.t0[seg]!);
}

/**
 * Time per state over [a, b) written into `out` (length STATE_COUNT); returns the dominant state
 * (most time; ties go to the lower code, so running wins). Before the lane starts counts as nothing.
 */
export function stateTimes(lane: GoroutineLane, a: number, b: number, out: Float64Array, segA = segmentAt(lane, a), segB = segmentAt(lane, b)): number {
  let best = -1;
  let bestT = -1;
  for (let s = 0; s < STATE_COUNT; s++) {
    const v = cumulativeAt(lane, s, b, segB) - cumulativeAt(lane, s, a, segA);
    out[s] = v;
    if (v > bestT) {
      bestT = v;
      best = s;
    }
  }
  // A last segment that is done lasts to the trace end: past it, nothing accumulates.
  return bestT > 0 ? best : segB >= 0 ? lane.status[segB]! : DONE;
}
