/**
 * The part of the state machine for Onces, timers and contexts (conds need none: their waiters are
 * the goroutines blocked with reason `cond.wait`, derived when a state is described).
 *
 * What is inferred:
 * - Once: idle until a `once.do` with `ran: true`, which makes it running (by that goroutine); the
 *   trace has no event for the function returning, so it counts as done from the first evidence:
 *   a later `once.do` (callers pass only once it is done) or the end of the goroutine that ran it.
 * - Timer: armed by `timer.make` and `timer.reset` (due at their `when`), disarmed by `timer.stop`
 *   and by a `timer.fire` of a one-shot timer; a ticker's fire re-arms it at the fire's time plus
 *   its period. `fired` counts fires.
 * - Context: canceled by its first `ctx.cancel`, whose `err` it keeps.
 *
 * These kinds are rare next to channel and lock traffic, so events are read whole (`store.event`),
 * which also covers irregular ones. Invariant: never throws on a trace the reader accepts.
 */
import type { TraceEvent } from "../format/schema";
import type { Entities } from "./entities";
import type { EventStore } from "./event-store";
import { Kind } from "./kinds";

/** Once states in `SyncState.once`: the running goroutine's id (> 0), or DONE_ONCE. */
export const DONE_ONCE = -1;

export class SyncState {
  /** Once slot → running goroutine id, or DONE_ONCE; absent while idle. */
  once = new Map<number, number>();
  /** Timer slot → [armed (0/1), fires so far]. */
  timerFlags = new Map<number, [number, number]>();
  /** Timer slot → when it is due (ns), while known. */
  timerWhen = new Map<number, number>();
  /** Context slot → index of its first `ctx.cancel`. */
  canceled = new Map<number, number>();
}

const num = (v: unknown, fallback = 0): number => (typeof v === "number" ? v : fallback);

/** Applies event i when it is one of this file's kinds (a no-op for others). */
export function applySync(m: SyncState, store: EventStore, ent: Entities, i: number, kind: number): void {
  switch (kind) {
    case Kind.OnceDo: case Kind.TimerMake: case Kind.TimerFire: case Kind.TimerStop: case Kind.TimerReset:
    case Kind.CtxCancel:
      return applyWhole(m, store.event(i), ent, i);
    case Kind.GoEnd: case Kind.MainReturn:
      if (m.once.size === 0) return;
      for (const [s, g] of m.once) if (g === store.g[i]) m.once.set(s, DONE_ONCE);
      return;
    default:
      return;
  }
}

function applyWhole(m: SyncState, e: TraceEvent, ent: Entities, i: number): void {
  const r = e as unknown as Record<string, unknown>;
  const s = ent.oSlotOf(num(r.ctx ?? r.id, -1));
  if (s < 0) return;
  switch (e.k) {
    case "once.do":
      if (e.ran && !m.once.has(s)) m.once.set(s, e.g);
      else m.once.set(s, DONE_ONCE);
      return;
    case "timer.make":
      m.timerFlags.set(s, [1, 0]);
      m.timerWhen.set(s, num(e.when));
      return;
    case "timer.fire": {
      const f = m.timerFlags.get(s) ?? [0, 0];
      const period = num((ent.oPeriod[s] ?? 0));
      m.timerFlags.set(s, [period > 0 ? 1 : 0, f[1] + 1]);
      if (period > 0) m.timerWhen.set(s, e.t + period);
      return;
    }
    case "timer.stop":
      m.timerFlags.set(s, [0, m.timerFlags.get(s)?.[1] ?? 0]);
      return;
    case "timer.reset":
      m.timerFlags.set(s, [1, m.timerFlags.get(s)?.[1] ?? 0]);
      m.timerWhen.set(s, num(e.when));
      return;
    case "ctx.cancel":
      if (!m.canceled.has(s)) m.canceled.set(s, i);
      return;
    default:
      return;
  }
}

/** The sync state as flat arrays, appended to a checkpoint's ints and floats. */
export function freezeSync(m: SyncState, ints: number[], floats: number[]): void {
  ints.push(m.once.size);
  for (const [s, g] of m.once) ints.push(s, g);
  ints.push(m.timerFlags.size);
  for (const [s, [armed, fired]] of m.timerFlags) ints.push(s, armed, fired);
  ints.push(m.canceled.size);
  for (const [s, i] of m.canceled) ints.push(s, i);
  floats.push(m.timerWhen.size);
  for (const [s, when] of m.timerWhen) floats.push(s, when);
}

/** Restores what `freezeSync` wrote at ints[p…] and floats[q…]. */
export function thawSync(m: SyncState, ints: Int32Array, p: number, floats: Float64Array, q: number): void {
  m.once = new Map();
  for (let n = ints[p++]!; n > 0; n--, p += 2) m.once.set(ints[p]!, ints[p + 1]!);
  m.timerFlags = new Map();
  for (let n = ints[p++]!; n > 0; n--, p += 3) m.timerFlags.set(ints[p]!, [ints[p + 1]!, ints[p + 2]!]);
  m.canceled = new Map();
  for (let n = ints[p++]!; n > 0; n--, p += 2) m.canceled.set(ints[p]!, ints[p + 1]!);
  m.timerWhen = new Map();
  for (let n = floats[q++]!; n > 0; n--, q += 2) m.timerWhen.set(floats[q]!, floats[q + 1]!);
}
