/**
 * Object tracks: channels (occupancy step series against cap, send/recv ticks, close time), locks
 * (holder intervals, waiter and reader counts) and WaitGroups (counter and waiter counts), built
 * in the same pass as the lanes.
 *
 * A step series `(t[i], v[i])` holds value v[i] from t[i] until t[i + 1] (the last until the
 * trace end); t ascends, and two steps never share a time (a later value at the same time
 * replaces the earlier one). Each series has a max-tree so a pixel's maximum is O(log n).
 */
import type { ObjectKind } from "../format/schema";
import { Kind } from "../model";
import { f64, i32, u8 } from "./growable";

export interface StepSeries {
  readonly n: number;
  readonly t: Float64Array;
  readonly v: Int32Array;
  /** Largest value in the series (0 when empty). */
  readonly max: number;
  /** Segment tree of maxima over v: leaves at [size, 2·size). */
  readonly tree: Int32Array;
  readonly size: number;
}

export class StepBuilder {
  private readonly t: ReturnType<typeof f64>;
  private readonly v: ReturnType<typeof i32>;
  /** `capacity`: steps expected (a hint: past it the arrays grow). */
  constructor(t0?: number, v0 = 0, capacity = 8) {
    this.t = f64(capacity);
    this.v = i32(capacity);
    if (t0 !== undefined) this.push(t0, v0);
  }
  get value(): number {
    return this.v.length === 0 ? 0 : this.v.last;
  }
  push(t: number, v: number): void {
    const n = this.v.length;
    if (n > 0 && this.v.last === v) return;
    if (n > 0 && this.t.last === t) {
      this.v.last = v;
      if (n > 1 && this.v.data[n - 2] === v) {
        this.t.pop();
        this.v.pop();
      }
      return;
    }
    this.t.push(t);
    this.v.push(v);
  }
  finish(): StepSeries {
    const t = this.t.done();
    const v = this.v.done();
    const n = v.length;
    let size = 1;
    while (size < n) size <<= 1;
    const tree = new Int32Array(2 * size).fill(-0x7fffffff);
    tree.set(v, size);
    for (let i = size - 1; i >= 1; i--) tree[i] = Math.max(tree[2 * i]!, tree[2 * i + 1]!);
    let max = 0;
    for (let i = 0; i < n; i++) if (v[i]! > max) max = v[i]!;
    return { n, t, v, max, tree, size };
  }
}

/** Largest value of steps [i, j] (inclusive). */
export function rangeMax(s: StepSeries, i: number, j: number): number {
  let lo = i + s.size;
  let hi = j + s.size + 1;
  let m = -0x7fffffff;
  while (lo < hi) {
    if (lo & 1) m = Math.max(m, s.tree[lo++]!);
    if (hi & 1) m = Math.max(m, s.tree[--hi]!);
    lo >>= 1;
    hi >>= 1;
  }
  return m;
}

/** Value of the series at time t (0 before its first step). */
export function valueAt(s: StepSeries, t: number): number {
  let lo = 0;
  let hi = s.n - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (s.t[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? 0 : s.v[found]!;
}

/** Times and event indices of point events (sends, receives), ascending. */
export interface Ticks {
  readonly n: number;
  readonly t: Float64Array;
  readonly ev: Int32Array;
}

export class TickBuilder {
  private readonly t: ReturnType<typeof f64>;
  private readonly ev: ReturnType<typeof i32>;
  constructor(capacity = 8) {
    this.t = f64(capacity);
    this.ev = i32(capacity);
  }
  push(t: number, ev: number): void {
    this.t.push(t);
    this.ev.push(ev);
  }
  finish(): Ticks {
    return { n: this.t.length, t: this.t.done(), ev: this.ev.done() };
  }
}

export interface ChannelTrack {
  readonly kind: "chan";
  readonly id: number;
  readonly name: string;
  readonly cap: number;
  readonly madeAt: number;
  /** Buffer occupancy (`len` after each send/receive). */
  readonly occupancy: StepSeries;
  readonly sends: Ticks;
  readonly recvs: Ticks;
  /** Time of its first `chan.close`; undefined while open. */
  readonly closedAt: number | undefined;
}

/** Holder intervals of a lock: [t0, t1) held by g, as a writer (or mutex holder) or a reader; t1 is +∞ for a hold never released. */
export interface HolderIntervals {
  readonly n: number;
  readonly t0: Float64Array;
  readonly t1: Float64Array;
  readonly g: Int32Array;
  /** 1 for a read lock. */
  readonly read: Uint8Array;
}

export interface LockTrack {
  readonly kind: "mutex" | "rwmutex";
  readonly id: number;
  readonly name: string;
  readonly madeAt: number;
  /** Mutex holders / RWMutex writers; never overlap, so t0 and t1 both ascend. */
  readonly writers: HolderIntervals;
  /** RWMutex read holds, ascending by t0 (they overlap). */
  readonly readerHolds: HolderIntervals;
  readonly readers: StepSeries;
  readonly waiters: StepSeries;
}

export interface WaitGroupTrack {
  readonly kind: "wg";
  readonly id: number;
  readonly name: string;
  readonly madeAt: number;
  readonly counter: StepSeries;
  readonly waiters: StepSeries;
}

export type ObjectTrack = ChannelTrack | LockTrack | WaitGroupTrack;
export type TrackKind = ObjectTrack["kind"];
export const TRACK_KINDS: readonly ObjectKind[] = ["chan", "mutex", "rwmutex", "wg"];

/**
 * How many events of each kind name an object (`model.eventsOf`, which includes blocks naming it
 * in `on`): bounds on each of its series, so their arrays are sized once and exactly enough. On
 * a large trace fresh memory costs more than this count; a bound that falls short only means growth.
 */
export interface ObjectEventCounts {
  sends: number;
  recvs: number;
  locks: number;
  unlocks: number;
  blocks: number;
  adds: number;
}

/** Counts for an object whose events are unknown: small hints, past which the arrays grow. */
export const UNKNOWN_COUNTS: ObjectEventCounts = { sends: 8, recvs: 8, locks: 8, unlocks: 8, blocks: 8, adds: 8 };

export function countObjectEvents(events: Int32Array, kinds: Uint8Array): ObjectEventCounts {
  const c: ObjectEventCounts = { sends: 0, recvs: 0, locks: 0, unlocks: 0, blocks: 0, adds: 0 };
  for (let j = 0; j < events.length; j++) {
    switch (kinds[events[j]!]) {
      case Kind.ChanSend: c.sends++; break;
      case Kind.ChanRecv: c.recvs++; break;
      case Kind.MutexLock: case Kind.RwmutexLock: c.locks++; break;
      case Kind.MutexUnlock: case Kind.RwmutexUnlock: c.unlocks++; break;
      case Kind.GoBlock: c.blocks++; break;
      case Kind.WgAdd: c.adds++; break;
      default: break;
    }
  }
  return c;
}

class IntervalBuilder {
  readonly t0: ReturnType<typeof f64>;
  readonly t1: ReturnType<typeof f64>;
  readonly g: ReturnType<typeof i32>;
  readonly read: ReturnType<typeof u8>;
  constructor(capacity: number) {
    this.t0 = f64(capacity);
    this.t1 = f64(capacity);
    this.g = i32(capacity);
    this.read = u8(capacity);
  }
  open(t: number, g: number, read: boolean): void {
    this.t0.push(t);
    this.t1.push(Number.NaN);
    this.g.push(g);
    this.read.push(read ? 1 : 0);
  }
  /** Closes the latest open interval of g (any g when g < 0). */
  close(t: number, g: number): void {
    const t1 = this.t1.data;
    for (let i = this.t1.length - 1; i >= 0; i--) {
      if (Number.isNaN(t1[i]!) && (g < 0 || this.g.data[i] === g)) {
        t1[i] = t;
        return;
      }
    }
  }
  finish(): HolderIntervals {
    const t1 = this.t1.done();
    for (let i = 0; i < t1.length; i++) if (Number.isNaN(t1[i]!)) t1[i] = Number.POSITIVE_INFINITY;
    return { n: t1.length, t0: this.t0.done(), t1, g: this.g.done(), read: this.read.done() };
  }
}

export class ChannelBuilder {
  readonly occupancy: StepBuilder;
  readonly sends: TickBuilder;
  readonly recvs: TickBuilder;
  closedAt: number | undefined;
  /** A step per send and receive after the first; a tick per send or receive. */
  constructor(readonly id: number, readonly name: string, readonly cap: number, readonly madeAt: number, counts = UNKNOWN_COUNTS) {
    this.occupancy = new StepBuilder(madeAt, 0, counts.sends + counts.recvs + 1);
    this.sends = new TickBuilder(counts.sends);
    this.recvs = new TickBuilder(counts.recvs);
  }
  finish(): ChannelTrack {
    return {
      kind: "chan", id: this.id, name: this.name, cap: this.cap, madeAt: this.madeAt,
      occupancy: this.occupancy.finish(), sends: this.sends.finish(), recvs: this.recvs.finish(), closedAt: this.closedAt,
    };
  }
}

export class LockBuilder {
  readonly writers: IntervalBuilder;
  readonly readerHolds: IntervalBuilder;
  readonly readers: StepBuilder;
  readonly waiters: StepBuilder;
  /** Goroutines counted as waiting (waiters.ts keeps who). */
  waiting = 0;
  /** A hold per lock; a readers step per lock and unlock; a waiters step per block naming it and per leaving. */
  constructor(readonly kind: "mutex" | "rwmutex", readonly id: number, readonly name: string, readonly madeAt: number, counts = UNKNOWN_COUNTS) {
    const rw = kind === "rwmutex";
    this.writers = new IntervalBuilder(counts.locks);
    this.readerHolds = new IntervalBuilder(rw ? counts.locks : 1);
    this.readers = new StepBuilder(madeAt, 0, rw ? counts.locks + counts.unlocks + 1 : 1);
    this.waiters = new StepBuilder(madeAt, 0, 2 * counts.blocks + 1);
  }
  /** g holds the lock from t; the caller first ends its wait (`Waiters.leave`). */
  lock(t: number, g: number, read: boolean): void {
    if (read) {
      this.readerHolds.open(t, g, true);
      this.readers.push(t, this.readers.value + 1);
    } else this.writers.open(t, g, false);
  }
  unlock(t: number, g: number, read: boolean): void {
    if (read) {
      this.readerHolds.close(t, g);
      this.readers.push(t, Math.max(0, this.readers.value - 1));
    } else this.writers.close(t, -1); // Go lets any goroutine unlock a mutex
  }
  finish(): LockTrack {
    return {
      kind: this.kind, id: this.id, name: this.name, madeAt: this.madeAt,
      writers: this.writers.finish(), readerHolds: this.readerHolds.finish(),
      readers: this.readers.finish(), waiters: this.waiters.finish(),
    };
  }
}

export class WaitGroupBuilder {
  readonly counter: StepBuilder;
  readonly waiters: StepBuilder;
  /** Goroutines counted as waiting (waiters.ts keeps who). */
  waiting = 0;
  /** A counter step per `Add`; a waiters step per block naming it and per leaving. */
  constructor(readonly id: number, readonly name: string, readonly madeAt: number, counts = UNKNOWN_COUNTS) {
    this.counter = new StepBuilder(madeAt, 0, counts.adds + 1);
    this.waiters = new StepBuilder(madeAt, 0, 2 * counts.blocks + 1);
  }
  finish(): WaitGroupTrack {
    return { kind: "wg", id: this.id, name: this.name, madeAt: this.madeAt, counter: this.counter.finish(), waiters: this.waiters.finish() };
  }
}
