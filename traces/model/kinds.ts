/**
 * The kind and flag encoding shared by the event columns, the codec, the fast scanner and the state
 * machine.
 */
import { BLOCK_REASONS, EVENT_KINDS } from "../format/schema";

export { F1, F2, KIND_MASK } from "../reader/event-kinds";

export const KIND_INDEX: ReadonlyMap<string, number> = new Map(EVENT_KINDS.map((k, i) => [k, i]));
export { Kind } from "../reader/event-kinds";

export const REASON_INDEX: ReadonlyMap<string, number> = new Map(BLOCK_REASONS.map((r, i) => [r, i]));

/** An Int32 that round-trips exactly (-0 does not: it would come back as 0). */
export const fits = (v: number): boolean => (v | 0) === v && !Object.is(v, -0);

/** Kind indices of the make events. */
export const MAKE_KIND_SET: ReadonlySet<number> = new Set(
  ["chan.make", "mutex.make", "rwmutex.make", "wg.make", "cond.make", "once.make", "atomic.make", "timer.make", "ctx.make"].map((k) => KIND_INDEX.get(k)!),
);
