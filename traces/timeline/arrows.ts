/**
 * Flow arrows between goroutines: a send to the receive that took its value (`chan.recv` `from`),
 * a creator to the goroutine it created (`go.create`), a waker to the goroutine it woke
 * (`go.unblock` by a goroutine, not the runtime). In event order, so sorted by the time of the
 * head (`t1`, ascending); `maxSpan` (the longest t1 - t0) bounds how far past a view the head of
 * an arrow that starts inside it can be.
 */
import { Kind, type TraceModel } from "../model";

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

/**
 * The arrows of a trace, in their own pass after the lanes' (they depend on no lane state): one
 * pass counts them and one fills arrays of exactly that length, since on a large trace fresh
 * memory costs more than a second pass over the kind column.
 */
export function deriveArrows(model: TraceModel, times: Float64Array, kinds: Uint8Array, gs: Int16Array | Int32Array): Arrows {
  const cols = model.columns;
  const n = kinds.length;
  /** The index of the send a receive took its value from, when it makes an arrow; else -1. */
  const sendOf = (i: number): number => {
    const from = cols.from(i);
    if (from === 0 || gs[i]! <= 0) return -1;
    const si = model.indexOfSeq(from);
    return si >= 0 && si < i && gs[si]! > 0 ? si : -1;
  };
  let count = 0;
  for (let i = 0; i < n; i++) {
    const k = kinds[i]!;
    if (k === Kind.GoCreate || k === Kind.GoUnblock) {
      if (gs[i]! > 0) count++;
    } else if (k === Kind.ChanRecv && sendOf(i) >= 0) count++;
  }
  const kind = new Uint8Array(count);
  const t0 = new Float64Array(count);
  const g0 = new Int32Array(count);
  const t1 = new Float64Array(count);
  const g1 = new Int32Array(count);
  const ev = new Int32Array(count);
  let a = 0;
  let maxSpan = 0;
  for (let i = 0; i < n && a < count; i++) {
    const k = kinds[i]!;
    const g = gs[i]!;
    if (k === Kind.GoCreate || k === Kind.GoUnblock) {
      if (g <= 0) continue;
      // A creator to its child (`child`), a waker to the goroutine it woke (`target`): both at t.
      kind[a] = k === Kind.GoCreate ? ARROW_CREATE : ARROW_WAKE;
      t0[a] = t1[a] = times[i]!;
      g0[a] = g;
      g1[a] = cols.subject(i);
      ev[a++] = i;
    } else if (k === Kind.ChanRecv) {
      const si = sendOf(i);
      if (si < 0) continue;
      kind[a] = ARROW_SEND;
      t0[a] = times[si]!;
      g0[a] = gs[si]!;
      t1[a] = times[i]!;
      g1[a] = g;
      ev[a++] = i;
      maxSpan = Math.max(maxSpan, times[i]! - times[si]!);
    }
  }
  return { n: count, kind, t0, g0, t1, g1, ev, maxSpan };
}
