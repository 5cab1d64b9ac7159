/** Append-only typed arrays for the one-pass derivation: doubling growth, trimmed views at the end. */
type TypedArray = Float64Array | Int32Array | Uint8Array | Int8Array;

export class Growable<T extends TypedArray> {
  length = 0;
  data: T;
  constructor(private readonly make: (n: number) => T, capacity = 8) {
    this.data = make(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(Math.max(8, this.data.length * 2)); // a capacity may be 0
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  get last(): number {
    return this.data[this.length - 1]!;
  }
  set last(v: number) {
    this.data[this.length - 1] = v;
  }
  pop(): void {
    if (this.length > 0) this.length--;
  }
  /**
   * The pushed values, as a view: the slack past `length` was never written, so it holds address
   * space but no memory, while a trimmed copy would cost fresh memory for every value.
   */
  done(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

export const f64 = (n = 8) => new Growable((k) => new Float64Array(k), n);
export const i32 = (n = 8) => new Growable((k) => new Int32Array(k), n);
export const u8 = (n = 8) => new Growable((k) => new Uint8Array(k), n);

/** Index of the last element ≤ `t` in ascending `arr[0..n)`; -1 when none. */
export function lastAtOrBefore(arr: ArrayLike<number>, n: number, t: number, lo = 0): number {
  let hi = n - 1;
  let found = lo - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first element ≥ `t` in ascending `arr[0..n)`; n when none. */
export function firstAtOrAfter(arr: ArrayLike<number>, n: number, t: number, lo = 0): number {
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
