/**
 * Flow arrows between goroutines: a send to the receive that took its value (`chan.recv` `from`),
 * a creator to the goroutine it created (`go.create`), a waker to the goroutine it woke
 * (`go.unblock` by a goroutine, not the runtime). In event order, so sorted by the time of the
 * head (`t1`, ascending); `maxSpan` (the longest t1 - t0) bounds how far past a view the head of
 * an arrow that starts inside it can be.
 */
import { f64, i32, u8 } from "./growable";

export const ARROW_SEND = 0;
export const ARROW_CREATE = 1;
export const ARROW_WAKE = 2;

export interface Arrows {
  readonly n: number;
  readonly kind: Uint8Array;
  readonly t0: Float64Array;
  readonly g0: Int32Array;
  readonly t1: Float64Array;
  readonly g1: Int32Array;
  /** Event index of the arrow's head (the receive, the create, the unblock). */
  readonly ev: Int32Array;
  readonly maxSpan: number;
}

export class ArrowBuilder {
  private readonly kind: ReturnType<typeof u8>;
  private readonly t0: ReturnType<typeof f64>;
  private readonly g0: ReturnType<typeof i32>;
  private readonly t1: ReturnType<typeof f64>;
  private readonly g1: ReturnType<typeof i32>;
  private readonly ev: ReturnType<typeof i32>;
  /** `capacity`: arrows expected (a hint: past it the arrays grow). */
  constructor(capacity = 256) {
    this.kind = u8(capacity);
    this.t0 = f64(capacity);
    this.g0 = i32(capacity);
    this.t1 = f64(capacity);
    this.g1 = i32(capacity);
    this.ev = i32(capacity);
  }
  push(kind: number, t0: number, g0: number, t1: number, g1: number, ev: number): void {
    this.kind.push(kind);
    this.t0.push(t0);
    this.g0.push(g0);
    this.t1.push(t1);
    this.g1.push(g1);
    this.ev.push(ev);
  }
  finish(): Arrows {
    const t0 = this.t0.done();
    const t1 = this.t1.done();
    let maxSpan = 0;
    for (let i = 0; i < t0.length; i++) maxSpan = Math.max(maxSpan, t1[i]! - t0[i]!);
    return { n: t0.length, kind: this.kind.done(), t0, g0: this.g0.done(), t1, g1: this.g1.done(), ev: this.ev.done(), maxSpan };
  }
}
