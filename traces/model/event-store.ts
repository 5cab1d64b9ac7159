/**
 * The events of a trace as columns (struct of arrays), not one object per event.
 *
 * Every event has `t`, `k` (Uint8: the kind's index in `EVENT_KINDS`, plus two flag bits), `g`,
 * `loc` (0 = none) and four operand columns `a b x y` whose meaning depends on the kind (the
 * table in `event-codec.ts`); all but `x` (string ids and pool offsets) hold small integers, in
 * 16 bits until one needs 32 (`NarrowColumn`). Two columns are sparse while they can be, as
 * fresh memory is much of the cost of loading: `t` is stored as runs (the index where each new
 * time starts, and that time) while runs are fewer than a quarter of the events — with a virtual
 * clock time moves only when every goroutine waits on a timer — and becomes a Float64 column past
 * that; `loc` exists only from the first event that has one. Strings live once in a string table;
 * lists (`on`, select cases, `woken`) in an Int32 pool; non-integer numbers (`until`, `when`,
 * atomic values) in a Float64 pool. `seq` is not stored while it counts up by one (the writer's
 * behaviour); the first gap creates a `seq` column. An event whose values do not fit (an id ≥
 * 2^31, a `go.panic` with its strings) is kept whole in `irregular`, so every valid event
 * round-trips.
 *
 * Invariant: `event(i)` equals, field for field, the event the reader would have returned
 * (unknown extra fields aside, which the model drops).
 */
import { EVENT_KINDS, type TraceEvent } from "../format/schema";
import { KIND_INDEX, KIND_MASK, fits } from "./kinds";
import { decode, encode } from "./event-codec";
import { ByteInterner } from "../reader/byte-strings";

/**
 * A column of small integers (`g`, `loc`, `a`, `b`, `y`: ids, lengths, counts, distances): 16
 * bits while every value fits, 32 from the first that does not. Most traces name fewer than
 * 32,768 goroutines, objects and locations, and two bytes less per event and column is memory
 * that is never touched: on a large trace, fresh memory costs more than the pass that fills it.
 */
export type NarrowColumn = Int16Array | Int32Array;

/** A 32-bit copy of `column`'s first i values, then v at i (for a v that 16 bits do not hold). */
function widened(column: NarrowColumn, i: number, v: number): Int32Array {
  const wide = new Int32Array(column.length);
  wide.set(column.subarray(0, i));
  wide[i] = v;
  return wide;
}

function grow<T extends Float64Array | Int32Array | Int16Array | Uint8Array>(arr: T, need: number): T {
  if (need <= arr.length) return arr;
  const next = new (arr.constructor as new (n: number) => T)(Math.max(need, arr.length * 2));
  next.set(arr);
  return next;
}

export class EventStore {
  n = 0;
  /** Dense times, once runs stopped paying (see the header); undefined while `runStart`/`runT` hold them. */
  t: Float64Array | undefined;
  /** Index of the first event of each run of equal times, and that time; `runs` entries used. */
  runStart = new Int32Array(64);
  runT = new Float64Array(64);
  runs = 0;
  /** The run `timeOf` found last: sequential reads cost no search. */
  private lastRun = 0;
  k: Uint8Array;
  g: NarrowColumn;
  /** Undefined while every event so far had no `loc`. */
  loc: NarrowColumn | undefined;
  a: NarrowColumn;
  b: NarrowColumn;
  x: Int32Array;
  y: NarrowColumn;
  /** Present only once `seq` stopped counting up by one. */
  seqs: Float64Array | undefined;
  firstSeq = 0;
  ints = new Int32Array(1024);
  intsLen = 0;
  nums = new Float64Array(256);
  numsLen = 0;
  readonly strings: string[] = [];
  /**
   * Literals of the fast path (`val`, `msg`), kept as bytes: an event with the F2 flag on
   * `chan.send`/`chan.recv`/`log` holds an id here in `x`, not an index of `strings`.
   */
  readonly texts = new ByteInterner();
  private readonly stringIds = new Map<string, number>();
  readonly irregular = new Map<number, TraceEvent>();

  /** `capacity`: events to make room for at once (columns double past it). */
  constructor(capacity = 1024) {
    const n = Math.max(16, Math.ceil(capacity));
    // `on` lists and select cases: the writer's traces need about 0.6 ints per event, and a size
    // hint gives about 1.2 capacity per event. Sized so that `trim` usually finds less than a
    // quarter of slack and keeps the pool rather than copying it into fresh memory.
    this.ints = new Int32Array(Math.max(1024, Math.ceil(n * 0.6)));
    this.k = new Uint8Array(n);
    this.g = new Int16Array(n);
    this.a = new Int16Array(n);
    this.b = new Int16Array(n);
    this.x = new Int32Array(n);
    this.y = new Int16Array(n);
  }

  intern(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  seqOf(i: number): number {
    return this.seqs ? this.seqs[i]! : this.firstSeq + i;
  }

  /** Time of event i (ns). */
  timeOf(i: number): number {
    if (this.t) return this.t[i]!;
    const starts = this.runStart;
    let r = this.lastRun;
    if (r >= this.runs || starts[r]! > i || (r + 1 < this.runs && starts[r + 1]! <= i)) {
      // Last run starting at or before i.
      let lo = 0;
      let hi = this.runs - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid]! <= i) lo = mid;
        else hi = mid - 1;
      }
      r = this.lastRun = lo;
    }
    return this.runT[r]!;
  }

  /** Index of the last event at or before time `t`, -1 when none. */
  lastIndexAtOrBefore(t: number): number {
    if (this.t) {
      let lo = 0;
      let hi = this.n - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (this.t[mid]! <= t) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found;
    }
    let lo = 0;
    let hi = this.runs - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.runT[mid]! <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? -1 : found + 1 < this.runs ? this.runStart[found + 1]! - 1 : this.n - 1;
  }

  locOf(i: number): number {
    return this.loc ? this.loc[i]! : 0;
  }

  /** Appends the fixed columns of one event; returns its index. */
  push(seq: number, t: number, k: number, g: number, loc: number, a: number, b: number, x: number, y: number): number {
    const i = this.n;
    if (i === this.k.length) this.resize(i * 2);
    if (i === 0) this.firstSeq = seq;
    else if (this.seqs) this.seqs[i] = seq;
    else if (seq !== this.firstSeq + i) this.startSeqColumn(seq);
    if (this.t) this.t[i] = t;
    else if (this.runs === 0 || this.runT[this.runs - 1] !== t) this.startRun(i, t);
    this.k[i] = k;
    // Each narrow column checks its value came back whole, and widens at the first that did not.
    const gs = this.g;
    gs[i] = g;
    if (gs[i] !== g) this.g = widened(gs, i, g);
    const locs = this.loc;
    if (locs) {
      locs[i] = loc;
      if (locs[i] !== loc) this.loc = widened(locs, i, loc);
    } else if (loc !== 0) this.startLocColumn(loc);
    const as = this.a;
    as[i] = a;
    if (as[i] !== a) this.a = widened(as, i, a);
    const bs = this.b;
    bs[i] = b;
    if (bs[i] !== b) this.b = widened(bs, i, b);
    this.x[i] = x;
    const ys = this.y;
    ys[i] = y;
    if (ys[i] !== y) this.y = widened(ys, i, y);
    this.n = i + 1;
    return i;
  }

  private startRun(i: number, t: number): void {
    if (this.runs === this.runStart.length) {
      if (this.runs * 4 > this.k.length) {
        // Too many runs to pay: a dense column from here on.
        const dense = new Float64Array(this.k.length);
        for (let j = 0; j < this.n; j++) dense[j] = this.timeOf(j);
        dense[i] = t;
        this.t = dense;
        return;
      }
      this.runStart = grow(this.runStart, this.runs * 2);
      this.runT = grow(this.runT, this.runs * 2);
    }
    this.runStart[this.runs] = i;
    this.runT[this.runs] = t;
    this.runs++;
  }

  private startLocColumn(loc: number): void {
    const locs = new Int16Array(this.k.length);
    locs[this.n] = loc;
    this.loc = locs[this.n] === loc ? locs : widened(locs, this.n, loc);
  }

  private startSeqColumn(seq: number): void {
    const s = new Float64Array(this.k.length);
    for (let j = 0; j < this.n; j++) s[j] = this.firstSeq + j;
    s[this.n] = seq;
    this.seqs = s;
  }

  private resize(size: number): void {
    if (this.t) this.t = grow(this.t, size);
    this.k = grow(this.k, size);
    this.g = grow(this.g, size);
    if (this.loc) this.loc = grow(this.loc, size);
    this.a = grow(this.a, size);
    this.b = grow(this.b, size);
    this.x = grow(this.x, size);
    this.y = grow(this.y, size);
    if (this.seqs) this.seqs = grow(this.seqs, size);
  }

  /**
   * Appends the first `len` items of `list` to the Int32 pool as `[len, ...items]`, then `extra`
   * if given (a `go.block`'s `until` as its index in the Float64 pool); returns its offset.
   */
  pushInts(list: ArrayLike<number>, len = list.length, extra?: number): number {
    const at = this.intsLen;
    const end = at + len + 1 + (extra === undefined ? 0 : 1);
    if (end > this.ints.length) this.ints = grow(this.ints, end);
    const ints = this.ints;
    ints[at] = len;
    for (let j = 0; j < len; j++) ints[at + 1 + j] = list[j]!;
    if (extra !== undefined) ints[at + 1 + len] = extra;
    this.intsLen = end;
    return at;
  }

  pushNum(v: number): number {
    const at = this.numsLen;
    if (at === this.nums.length) this.nums = grow(this.nums, at + 1);
    this.nums[at] = v;
    this.numsLen = at + 1;
    return at;
  }

  intList(at: number): number[] {
    const len = this.ints[at]!;
    return Array.from(this.ints.subarray(at + 1, at + 1 + len));
  }

  /**
   * Shrinks the columns to their length after loading, unless the slack is under a quarter (a
   * copy of every column costs more than that memory is worth). The pools are always trimmed.
   */
  trim(): void {
    this.texts.seal();
    // Copies cost fresh memory: trim only a pool whose slack is at least a quarter of it.
    if (this.ints.length * 3 > this.intsLen * 4) this.ints = this.ints.slice(0, this.intsLen);
    if (this.nums.length * 3 > this.numsLen * 4) this.nums = this.nums.slice(0, this.numsLen);
    this.stringIds.clear();
    this.runStart = this.runStart.slice(0, this.runs);
    this.runT = this.runT.slice(0, this.runs);
    const n = this.n;
    if (this.k.length * 3 <= n * 4) return;
    if (this.t) this.t = this.t.slice(0, n);
    this.k = this.k.slice(0, n);
    this.g = this.g.slice(0, n);
    if (this.loc) this.loc = this.loc.slice(0, n);
    this.a = this.a.slice(0, n);
    this.b = this.b.slice(0, n);
    this.x = this.x.slice(0, n);
    this.y = this.y.slice(0, n);
    if (this.seqs) this.seqs = this.seqs.slice(0, n);
  }

  /** Stores a validated event (the slow path). */
  pushEvent(e: TraceEvent): number {
    const enc = encode(this, e);
    const kind = KIND_INDEX.get(e.k)!;
    const loc = e.loc ?? 0;
    if (enc === undefined || !fits(e.g) || !fits(loc)) {
      const i = this.push(e.seq, e.t, kind, fits(e.g) ? e.g : -1, fits(loc) ? loc : 0, 0, 0, 0, 0);
      this.irregular.set(i, e);
      return i;
    }
    return this.push(e.seq, e.t, kind | enc[0], e.g, loc, enc[1], enc[2], enc[3], enc[4]);
  }

  /** The event at index i, rebuilt with the writer's key order. */
  event(i: number): TraceEvent {
    const whole = this.irregular.get(i);
    if (whole) return whole;
    const kb = this.k[i]!;
    const k = EVENT_KINDS[kb & KIND_MASK]!;
    const head: Record<string, unknown> = { seq: this.seqOf(i), t: this.timeOf(i), g: this.g[i], k };
    const loc = this.locOf(i);
    if (loc !== 0) head.loc = loc;
    return Object.assign(head, decode(this, k, kb, this.a[i]!, this.b[i]!, this.x[i]!, this.y[i]!, head.seq as number)) as unknown as TraceEvent;
  }
}
