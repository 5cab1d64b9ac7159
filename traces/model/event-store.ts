/**
 * The events of a trace as columns (struct of arrays), not one object per event.
 *
 * Every event has `t` (Float64), `k` (Uint8: the kind's index in `EVENT_KINDS`, plus two flag
 * bits), `g`, `loc` (0 = none) and four Int32 operand columns `a b x y` whose meaning depends on
 * the kind (the table in `event-codec.ts`). Strings live once in a string table; lists (`on`, select cases,
 * `woken`) in an Int32 pool; non-integer numbers (`until`, `when`, atomic values) in a Float64
 * pool. `seq` is not stored while it counts up by one (the writer's behaviour); the first gap
 * creates a `seq` column. An event whose values do not fit (an id ≥ 2^31, a `go.panic` with its
 * strings) is kept whole in `irregular`, so every valid event round-trips.
 *
 * Invariant: `event(i)` equals, field for field, the event the reader would have returned
 * (unknown extra fields aside, which the model drops).
 */
import { EVENT_KINDS, type TraceEvent } from "../format/schema";
import { KIND_INDEX, KIND_MASK, fits } from "./kinds";
import { decode, encode } from "./event-codec";

function grow<T extends Float64Array | Int32Array | Uint8Array>(arr: T, need: number): T {
  if (need <= arr.length) return arr;
  const next = new (arr.constructor as new (n: number) => T)(Math.max(need, arr.length * 2));
  next.set(arr);
  return next;
}

export class EventStore {
  n = 0;
  t: Float64Array;
  k: Uint8Array;
  g: Int32Array;
  loc: Int32Array;
  a: Int32Array;
  b: Int32Array;
  x: Int32Array;
  y: Int32Array;
  /** Present only once `seq` stopped counting up by one. */
  seqs: Float64Array | undefined;
  firstSeq = 0;
  ints = new Int32Array(1024);
  intsLen = 0;
  nums = new Float64Array(256);
  numsLen = 0;
  readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  readonly irregular = new Map<number, TraceEvent>();

  /** `capacity`: events to make room for at once (columns double past it). */
  constructor(capacity = 1024) {
    const n = Math.max(16, Math.ceil(capacity));
    this.t = new Float64Array(n);
    this.k = new Uint8Array(n);
    this.g = new Int32Array(n);
    this.loc = new Int32Array(n);
    this.a = new Int32Array(n);
    this.b = new Int32Array(n);
    this.x = new Int32Array(n);
    this.y = new Int32Array(n);
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

  /** Appends the fixed columns of one event; returns its index. */
  push(seq: number, t: number, k: number, g: number, loc: number, a: number, b: number, x: number, y: number): number {
    const i = this.n;
    if (i === this.t.length) this.resize(i * 2);
    if (i === 0) this.firstSeq = seq;
    else if (this.seqs) this.seqs[i] = seq;
    else if (seq !== this.firstSeq + i) this.startSeqColumn(seq);
    this.t[i] = t;
    this.k[i] = k;
    this.g[i] = g;
    this.loc[i] = loc;
    this.a[i] = a;
    this.b[i] = b;
    this.x[i] = x;
    this.y[i] = y;
    this.n = i + 1;
    return i;
  }

  private startSeqColumn(seq: number): void {
    const s = new Float64Array(this.t.length);
    for (let j = 0; j < this.n; j++) s[j] = this.firstSeq + j;
    s[this.n] = seq;
    this.seqs = s;
  }

  private resize(size: number): void {
    this.t = grow(this.t, size);
    this.k = grow(this.k, size);
    this.g = grow(this.g, size);
    this.loc = grow(this.loc, size);
    this.a = grow(this.a, size);
    this.b = grow(this.b, size);
    this.x = grow(this.x, size);
    this.y = grow(this.y, size);
    if (this.seqs) this.seqs = grow(this.seqs, size);
  }

  /** Appends `list` to the Int32 pool as `[length, ...items]`; returns its offset. */
  pushInts(list: readonly number[]): number {
    const at = this.intsLen;
    if (at + list.length + 1 > this.ints.length) this.ints = grow(this.ints, at + list.length + 1);
    this.ints[at] = list.length;
    for (let j = 0; j < list.length; j++) this.ints[at + 1 + j] = list[j]!;
    this.intsLen = at + list.length + 1;
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
    this.ints = this.ints.slice(0, this.intsLen);
    this.nums = this.nums.slice(0, this.numsLen);
    this.stringIds.clear();
    const n = this.n;
    if (this.t.length * 3 <= n * 4) return;
    this.t = this.t.slice(0, n);
    this.k = this.k.slice(0, n);
    this.g = this.g.slice(0, n);
    this.loc = this.loc.slice(0, n);
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
    const head: Record<string, unknown> = { seq: this.seqOf(i), t: this.t[i], g: this.g[i], k };
    if (this.loc[i] !== 0) head.loc = this.loc[i];
    return Object.assign(head, decode(this, k, kb, this.a[i]!, this.b[i]!, this.x[i]!, this.y[i]!)) as unknown as TraceEvent;
  }
}
