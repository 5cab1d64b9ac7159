/**
 * The public state of conds, Onces, timers and contexts at one event (see machine-sync.ts for how
 * it is inferred). Static facts (lock, period, channel, parent, kind) come from each object's make
 * event; waiters from the wait queues describe-state.ts derives (`cond` for `cond.wait`, `lock` for
 * a `Do` waiting on a running Once).
 */
import type { CtxMake, CondMake, TimerMake } from "../format/schema";
import type { Entities } from "./entities";
import type { EventStore } from "./event-store";
import { DONE_ONCE, type SyncState } from "./machine-sync";
import type { CondState, ContextState, OnceState, TimerState } from "./types";

type Queue = (name: string, id: number) => number[];

export interface SyncStates {
  readonly conds: CondState[];
  readonly onces: OnceState[];
  readonly timers: TimerState[];
  readonly contexts: ContextState[];
}

/** `slotsOf(kind)`: the object slots of that kind made so far, in make order. */
export function describeSync(m: SyncState, store: EventStore, ent: Entities, slotsOf: (kind: "cond" | "once" | "timer" | "ctx") => number[], q: Queue): SyncStates {
  const made = <T>(s: number) => store.event(ent.oMade[s]!) as unknown as T;
  return {
    conds: slotsOf("cond").map((s): CondState => {
      const id = ent.oId[s]!;
      return { id, name: ent.oName[s]!, lock: made<CondMake>(s).lock, waiters: q("cond", id) };
    }),
    onces: slotsOf("once").map((s): OnceState => {
      const id = ent.oId[s]!;
      const r = m.once.get(s);
      const status = r === undefined ? "idle" : r === DONE_ONCE ? "done" : "running";
      return { id, name: ent.oName[s]!, status, ...(r !== undefined && r > 0 ? { runner: r } : {}), waiters: q("lock", id) };
    }),
    timers: slotsOf("timer").map((s): TimerState => {
      const e = made<Partial<TimerMake>>(s);
      const [armed, fired] = m.timerFlags.get(s) ?? [0, 0];
      const when = m.timerWhen.get(s) ?? (typeof e.when === "number" ? e.when : 0);
      return {
        id: ent.oId[s]!, name: ent.oName[s]!, armed: armed === 1, when, period: ent.oPeriod[s] ?? 0, fired,
        ...(typeof e.ch === "number" ? { ch: e.ch } : {}),
      };
    }),
    contexts: slotsOf("ctx").map((s): ContextState => {
      const e = made<CtxMake>(s);
      const cancel = m.canceled.get(s);
      const err = cancel === undefined ? undefined : (store.event(cancel) as { err?: unknown }).err;
      return {
        id: ent.oId[s]!, kind: e.kind, parent: e.parent, done: e.done,
        ...(e.deadline === undefined ? {} : { deadline: e.deadline }),
        canceled: cancel !== undefined,
        ...(typeof err === "string" ? { err } : {}),
      };
    }),
  };
}
