/**
 * Words for the debugger's panels: the event at the cursor in one line, names of goroutines and
 * objects, a stable colour per goroutine (the source markers' chips). Pure strings: the panels
 * render them as React text.
 */
import type { TraceEvent } from "../../../traces/format/schema";
import type { TraceModel } from "../../../traces/model";

export const baseName = (file: string): string => file.replace(/\\/g, "/").split("/").pop() ?? file;

export function gName(model: TraceModel, id: number): string {
  if (id === 0) return "runtime";
  return `${model.goroutine(id)?.name ?? "goroutine"} #${id}`;
}

export function oName(model: TraceModel, id: number): string {
  return model.object(id)?.name ?? `#${id}`;
}

/** Golden-angle hues: neighbouring ids far apart, the same id always the same colour. */
export function goroutineHue(g: number): number {
  return (g * 137.508 + 200) % 360;
}

/** "main #1: chan.send on results (1)", "worker #3: go.block chan.recv on jobs". */
export function describeEvent(model: TraceModel, e: TraceEvent): string {
  const who = gName(model, e.g);
  const on = (ids: readonly number[]) => ids.map((id) => oName(model, id)).join(", ");
  switch (e.k) {
    case "go.create":
      return `${who}: go ${e.name} #${e.child}`;
    case "go.block":
      return `${who}: blocks (${e.reason}${e.on.length ? ` on ${on(e.on)}` : ""})`;
    case "go.unblock":
      return `${who}: wakes ${gName(model, e.target)}`;
    case "chan.make":
      return `${who}: makes chan ${e.name} (cap ${e.cap})`;
    case "chan.send":
      return `${who}: sends ${e.val} on ${oName(model, e.ch)} (len ${e.len})`;
    case "chan.recv":
      return `${who}: receives ${e.ok ? e.val : "zero value (closed)"} from ${oName(model, e.ch)} (len ${e.len})`;
    case "chan.close":
      return `${who}: closes ${oName(model, e.ch)}`;
    case "log":
      return `${who}: prints ${e.msg}`;
    case "go.panic":
      return `${who}: panics: ${e.msg}`;
    default: {
      const id = "id" in e ? e.id : "ctx" in e ? e.ctx : undefined;
      return `${who}: ${e.k}${typeof id === "number" ? ` ${oName(model, id)}` : ""}`;
    }
  }
}
