/**
 * `panic`: a goroutine panicked and ended the program — a user `panic(...)`, an uncaught exception,
 * or misuse of a primitive, which Go turns into a panic (send on closed channel, close of a closed
 * or nil channel, negative WaitGroup counter, WaitGroup reuse) or a fatal error (unlock of an
 * unlocked Mutex or RWMutex). Only unrecovered panics reach the trace (`go.panic`).
 *
 * The misuse's object is not in the `go.panic` event: it is inferred from the state (the closed
 * channel the goroutine last used or was blocked sending on, the WaitGroup whose counter went
 * negative, the unlocked lock it last used).
 */
import type { GoPanic } from "../format/schema";
import { MISUSES, type Misuse } from "./misuse";
import type { ObjState, TraceState } from "./state";
import { diagGoroutine, diagObject, formatTime, gRef, oRef, sourceRef } from "./describe";
import type { Diagnostic } from "./types";

export interface PanicRecord {
  readonly event: GoPanic;
  /** The misuse's object, looked up when the panic happened. */
  readonly object: ObjState | undefined;
}

/** Called by the pass at each `go.panic`, before the state moves on. */
export function recordPanic(st: TraceState, e: GoPanic): PanicRecord {
  const misuse = MISUSES.find((m) => m.msg === e.msg);
  return { event: e, object: misuse ? findObject(st, e.g, misuse) : undefined };
}

export function detectPanics(st: TraceState, panics: readonly PanicRecord[]): Diagnostic[] {
  return panics.map(({ event: e, object }) => {
    const g = st.goroutines.get(e.g);
    const misuse = MISUSES.find((m) => m.msg === e.msg);
    const who = g ? gRef(st, g.id) : `goroutine ${e.g}`;
    const what = misuse
      ? `${misuse.what}${object ? ` (${oRef(st, object.id)}${closedWords(st, object)})` : ""}. ${misuse.why}`
      : `panic(${JSON.stringify(e.msg)}): the program ended here, as Go ends a program on a panic nothing recovers.`;
    const loc = sourceRef(st, e.loc);
    return {
      kind: "panic",
      message: `goroutine ${g?.name ?? e.g} panicked: ${e.msg}${misuse ? ` (${misuse.label})` : ""}`,
      explanation: `${who} ${e.fatal ? "hit a fatal error" : "panicked"} at ${formatTime(e.t)} (seq ${e.seq}): ${what}${e.stack.length > 0 ? ` Stack: ${e.stack[0]}` : ""}`,
      seq: e.seq,
      t: e.t,
      goroutines: g ? [{ ...diagGoroutine(st, g), ...(loc ? { loc } : {}) }] : [],
      objects: object ? [diagObject(object)] : [],
    } satisfies Diagnostic;
  });
}

function closedWords(st: TraceState, o: ObjState): string {
  return o.closed ? `, closed by ${gRef(st, o.closed.g)} at ${formatTime(o.closed.t)}, seq ${o.closed.seq}` : "";
}

function findObject(st: TraceState, g: number, m: Misuse): ObjState | undefined {
  const gs = st.goroutines.get(g);
  const lb = gs?.lastBlock;
  if (m.object === "closed-chan" && lb?.reason === "chan.send" && gs?.block === undefined) {
    const o = st.objects.get(lb.on[0]);
    if (o?.closed && o.closed.seq > lb.seq) return o;
  }
  const fits = (o: ObjState): boolean => {
    switch (m.object) {
      case "closed-chan": return o.kind === "chan" && o.closed !== undefined;
      case "negative-wg": return o.kind === "wg" && o.count < 0;
      case "wg": return o.kind === "wg";
      case "unlocked-mutex": return o.kind === "mutex" && o.holder === undefined;
      case "unlocked-rwmutex": return o.kind === "rwmutex" && o.holder === undefined;
      case "unread-rwmutex": return o.kind === "rwmutex" && o.readers.size === 0;
      case "none": return false;
    }
  };
  let best: ObjState | undefined;
  let bestSeq = -1;
  for (const o of st.objects.values()) {
    if (!fits(o)) continue;
    const seq = o.uses.get(g)?.last.seq ?? -1;
    if (seq > bestSeq || best === undefined) {
      best = o;
      bestSeq = seq;
    }
  }
  return best;
}
