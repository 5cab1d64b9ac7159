/**
 * An event as rows of label and value for the inspector, with links to the goroutines, objects
 * and events it names. Pure: the inspector renders the rows as React text.
 */
import type { TraceEvent } from "../../../traces/format/schema";
import type { TraceModel } from "../../../traces/model";
import { formatTimePrecise, goroutineLabel, objectLabel } from "./format";
import type { Ref } from "./refs";

export interface Field {
  readonly label: string;
  readonly text: string;
  readonly ref?: Ref;
  /** Render as code (values, messages). */
  readonly mono?: boolean;
}

const g = (model: TraceModel, label: string, id: number): Field => ({ label, text: goroutineLabel(model, id), ref: id > 0 ? { kind: "goroutine", id } : undefined });
const o = (model: TraceModel, label: string, id: number): Field => ({ label, text: objectLabel(model, id), ref: model.object(id) ? { kind: "object", id } : undefined });
const v = (label: string, text: string, mono = false): Field => ({ label, text, mono });

/** Index of the event that pairs with a channel event: a receive's send (`from`), a send's receive. */
export function chanPartner(model: TraceModel, index: number): number | undefined {
  const e = model.event(index);
  if (e.k === "chan.recv") {
    if (e.from === undefined) return undefined;
    const i = model.indexOfSeq(e.from);
    return i >= 0 && model.seqOf(i) === e.from ? i : undefined;
  }
  if (e.k === "chan.send") {
    const obj = model.object(e.ch);
    if (!obj) return undefined;
    for (const i of model.eventsOf(obj)) {
      if (i <= index) continue;
      const r = model.event(i);
      if (r.k === "chan.recv" && r.from === e.seq) return i;
    }
  }
  return undefined;
}

/** The kind-specific fields of an event (after kind, seq, time, goroutine, which every event has). */
export function eventDetails(model: TraceModel, e: TraceEvent): Field[] {
  switch (e.k) {
    case "go.create":
      return [g(model, "child", e.child), v("name", e.name)];
    case "go.block":
      return [
        v("reason", e.reason),
        ...e.on.map((id) => o(model, "on", id)),
        ...(e.until !== undefined ? [v("until", formatTimePrecise(e.until))] : []),
      ];
    case "go.unblock":
      return [g(model, "woke", e.target)];
    case "go.panic":
      return [v("message", e.msg, true), ...(e.fatal ? [v("fatal", "yes")] : []), ...e.stack.map((s) => v("stack", s, true))];
    case "go.end": case "go.yield": case "main.return":
      return [];
    case "chan.make":
      return [o(model, "channel", e.ch), v("cap", String(e.cap))];
    case "chan.send":
      return [o(model, "channel", e.ch), v("value", e.val, true), v("len after", String(e.len))];
    case "chan.recv":
      return [o(model, "channel", e.ch), v("value", e.val, true), v("ok", String(e.ok)), v("len after", String(e.len))];
    case "chan.close":
      return [o(model, "channel", e.ch)];
    case "select.begin":
      return [...e.cases.map((c, i) => ({ ...o(model, `case ${i} ${c.dir}`, c.ch) })), v("default", e.default ? "yes" : "no")];
    case "select.end":
      return [v("chosen", e.chosen === -1 ? "default" : `case ${e.chosen}`)];
    case "mutex.make": case "rwmutex.make": case "wg.make": case "once.make":
      return [o(model, e.k === "wg.make" ? "WaitGroup" : e.k.slice(0, -".make".length), e.id)];
    case "mutex.lock":
      return [o(model, "mutex", e.id), ...(e.try ? [v("tryLock", "succeeded")] : [])];
    case "mutex.unlock":
      return [o(model, "mutex", e.id)];
    case "mutex.trylock":
      return [o(model, "mutex", e.id), v("tryLock", "failed")];
    case "rwmutex.lock": case "rwmutex.unlock":
      return [o(model, "rwmutex", e.id), v("mode", e.read ? "read" : "write")];
    case "wg.add":
      return [o(model, "WaitGroup", e.id), v("delta", String(e.delta)), v("counter", String(e.count))];
    case "wg.wait":
      return [o(model, "WaitGroup", e.id)];
    case "cond.make":
      return [o(model, "cond", e.id), o(model, "lock", e.lock)];
    case "cond.wait":
      return [o(model, "cond", e.id)];
    case "cond.signal": case "cond.broadcast":
      return [o(model, "cond", e.id), ...e.woken.map((id) => g(model, "woke", id))];
    case "once.do":
      return [o(model, "once", e.id), v("ran", e.ran ? "yes" : "no")];
    case "atomic.make":
      return [o(model, "atomic", e.id), v("value", String(e.val), true)];
    case "atomic.op":
      return [o(model, "atomic", e.id), v("op", e.op), v("value", String(e.val), true), ...(e.ok !== undefined ? [v("ok", String(e.ok))] : [])];
    case "timer.make":
      return [o(model, "timer", e.id), v("when", formatTimePrecise(e.when)), ...(e.period ? [v("period", formatTimePrecise(e.period))] : []), ...(e.ch !== undefined ? [o(model, "channel", e.ch)] : [])];
    case "timer.fire":
      return [o(model, "timer", e.id), ...(e.dropped ? [v("dropped", "yes")] : [])];
    case "timer.stop":
      return [o(model, "timer", e.id), v("ok", String(e.ok))];
    case "timer.reset":
      return [o(model, "timer", e.id), v("when", formatTimePrecise(e.when)), v("ok", String(e.ok))];
    case "ctx.make":
      return [o(model, "context", e.ctx), v("kind", e.kind), ...(e.parent ? [o(model, "parent", e.parent)] : []), o(model, "done", e.done), ...(e.deadline !== undefined ? [v("deadline", formatTimePrecise(e.deadline))] : [])];
    case "ctx.cancel":
      return [o(model, "context", e.ctx), v("err", e.err, true)];
    case "log":
      return [v("message", e.msg, true)];
    default:
      return assertNever(e);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected event ${JSON.stringify(x)}`);
}
