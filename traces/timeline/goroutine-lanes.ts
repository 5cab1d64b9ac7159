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

/**
 * Where lanes get their arrays: views into a few large typed arrays, handed out in order. A large
 * trace has a thousand lanes whose arrays double a few times each; one ArrayBuffer per array
 * costs more to create than the writes into it. A lane that grows leaves its old views unused
 * (never more than it keeps). `slabElements`: elements per slab of each type; 0 makes every
 * array its own (for a lone builder, as in tests). One method per array type rather than one
 * generic: each call site then sees a single typed-array kind, which the derive's loop relies on.
 */
export class LaneArrays {
  private readonly f64 = { slab: new Float64Array(0), used: 0 };
  private readonly u8 = { slab: new Uint8Array(0), used: 0 };
  private readonly i8 = { slab: new Int8Array(0), used: 0 };
  private readonly i32 = { slab: new Int32Array(0), used: 0 };
  constructor(private readonly slabElements = 1 << 16) {}

  t0(n: number): Float64Array {
    const p = this.f64;
    if (p.used + n > p.slab.length) (p.slab = new Float64Array(Math.max(n, this.slabElements))), (p.used = 0);
    return p.slab.subarray(p.used, (p.used += n));
  }
  status(n: number): Uint8Array {
    const p = this.u8;
    if (p.used + n > p.slab.length) (p.slab = new Uint8Array(Math.max(n, this.slabElements))), (p.used = 0);
    return p.slab.subarray(p.used, (p.used += n));
  }
  reason(n: number): Int8Array {
    const p = this.i8;
    if (p.used + n > p.slab.length) (p.slab = new Int8Array(Math.max(n, this.slabElements))), (p.used = 0);
    return p.slab.subarray(p.used, (p.used += n));
  }
  ev(n: number): Int32Array {
    const p = this.i32;
    if (p.used + n > p.slab.length) (p.slab = new Int32Array(Math.max(n, this.slabElements))), (p.used = 0);
    return p.slab.subarray(p.used, (p.used += n));
  }
}

/**
 * Builds one lane's segments as the pass goes. It keeps its own arrays rather than `Growable`s:
 * `status` is read for nearly every event, and arrays of one element type each keep these reads
 * and writes monomorphic.
 */
export class LaneBuilder {
  private t0: Float64Array;
  private st: Uint8Array;
  private rs: Int8Array;
  private ev: Int32Array;
  private n = 0;
  /** Current state, or -1 before the goroutine exists: the last segment's status, kept as a field. */
  private current = -1;
  createdIndex = -1;
  createLoc: SourceLocation | undefined;

  /**
   * `capacity`: segments expected (a hint: past it the arrays double). A lane changes state at
   * most twice per event involving it, but most events do not change its state, and fresh memory
   * is costly (sized to that bound, the 1M-event benchmark's derivation took ~100 ms longer), so
   * the derivation leaves the default.
   */
  constructor(readonly id: number, private readonly arrays = new LaneArrays(0), capacity = 8) {
    this.t0 = arrays.t0(capacity);
    this.st = arrays.status(capacity);
    this.rs = arrays.reason(capacity);
    this.ev = arrays.ev(capacity);
  }

  /** Current state, or -1 before the goroutine exists. */
  get status(): number {
    return this.current;
  }

  set(t: number, status: number, reason: number, ev: number): void {
    let n = this.n;
    if (n > 0 && this.current === status && this.rs[n - 1] === reason) return;
    if (n > 0 && this.t0[n - 1] === t) {
      // The previous segment lasted no time: the new one replaces it, or merges with the one before.
      n--;
      if (n > 0 && this.st[n - 1] === status && this.rs[n - 1] === reason) {
        this.n = n;
        this.current = status;
        return;
      }
    }
    if (n === this.t0.length) this.grow();
    this.t0[n] = t;
    this.st[n] = status;
    this.rs[n] = reason;
    this.ev[n] = ev;
    this.n = n + 1;
    this.current = status;
  }

  private grow(): void {
    const cap = 2 * this.t0.length;
    const a = this.arrays;
    const t0 = a.t0(cap);
    const st = a.status(cap);
    const rs = a.reason(cap);
    const ev = a.ev(cap);
    t0.set(this.t0);
    st.set(this.st);
    rs.set(this.rs);
    ev.set(this.ev);
    this.t0 = t0;
    this.st = st;
    this.rs = rs;
    this.ev = ev;
  }

  finish(end: number, info: { name: string; parent: number | undefined; children: number[]; depth: number; events: Int32Array }): GoroutineLane {
    // Views: the slack past n was never written, so it holds address space but no memory.
    const n = this.n;
    const t0 = this.t0.subarray(0, n);
    const status = this.st.subarray(0, n);
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
      reason: this.rs.subarray(0, n),
      ev: this.ev.subarray(0, n),
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
