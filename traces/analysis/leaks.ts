/**
 * `leak`: a goroutine that will never finish.
 *
 * - The run ended with `main-returned`: the runtime kept scheduling the survivors for its grace
 *   period, so every goroutine in the end record is a leak, reported with its last state and the
 *   evidence (who else used its channel and when they ended, who holds its lock).
 * - The run was cut short (a step or time budget, a kill, no end record): a goroutine durably
 *   blocked (see wait-for.ts) with no goroutine left that could wake it is a leak.
 *
 * Goroutines that belong to a partial-deadlock cycle are reported there, not again here. Runs that
 * ended in a global deadlock or a panic report those instead.
 */
import type { EndGoroutine, TraceEnd } from "../format/schema";
import type { GState, TraceState } from "./state";
import { describeBlockPlain, diagGoroutine, diagObjects, formatTime, gRef } from "./describe";
import { explainWait } from "./explain";
import type { WaitGraph } from "./wait-for";
import type { Diagnostic } from "./types";

/** @param importedFrom the tool that wrote the trace (`go1.21`...) when it was imported: its blocks name no objects. */
export function detectLeaks(st: TraceState, end: TraceEnd | undefined, graph: WaitGraph, importedFrom?: string): Diagnostic[] {
  const inCycle = graph.inCycle;
  if (end?.end === "main-returned") {
    return end.goroutines.filter((eg) => !inCycle.has(eg.g)).map((eg) => survivorLeak(st, eg, graph));
  }
  if (end !== undefined && end.end !== "step-limit" && end.end !== "time-limit" && end.end !== "killed") return [];
  const out: Diagnostic[] = [];
  for (const id of [...graph.stuck].sort((a, b) => a - b)) {
    if (inCycle.has(id)) continue;
    const g = st.goroutines.get(id)!;
    if (importedFrom !== undefined) {
      out.push(importedLeak(st, g, importedFrom));
      continue;
    }
    out.push(leak(st, g, `goroutine ${g.name} leaked: ${describeBlockPlain(st, g.block!)} forever`, [
      explainWait(st, g, graph),
      `No goroutine left could wake it, so it can never finish${end ? ` (the run stopped: ${end.end})` : " (the trace has no end record)"}.`,
    ]));
  }
  return out;
}

/**
 * A Go execution trace records why a goroutine blocked (chan receive, select, sync...) and where,
 * but not on which channel or lock, and it ends when tracing stops, not when the program does: it
 * cannot prove that nothing would ever wake the goroutine. Say what it shows and no more.
 */
function importedLeak(st: TraceState, g: GState, source: string): Diagnostic {
  const block = g.block!;
  const last = st.last ?? block;
  return leak(st, g, `goroutine ${g.name} possibly leaked: still blocked (${block.reason}) when the trace ended`, [
    `${gRef(st, g.id)} blocked (${block.reason}) at ${formatTime(block.t)} (seq ${block.seq}) and was still blocked when the trace ended at ${formatTime(last.t)}.`,
    `The trace was written by Go (${source}); Go's tracer records why a goroutine waits and where, but not on which channel or lock, and tracing may stop before the program does, so this cannot prove the goroutine never wakes.`,
    "If it should have finished by then, look at what should have sent to it or released it, starting from where it blocked.",
  ]);
}

function survivorLeak(st: TraceState, eg: EndGoroutine, graph: WaitGraph): Diagnostic {
  const g = st.goroutines.get(eg.g)!;
  const returned = st.mainReturned ? ` after main returned at ${formatTime(st.mainReturned.t)}` : " after main returned";
  const grace = `It was still blocked${returned}, when the leak check's grace period ran out.`;
  if (g.block && eg.state === "blocked") {
    return leak(st, g, `goroutine ${g.name} leaked: ${describeBlockPlain(st, g.block)} forever`, [explainWait(st, g, graph), grace], eg.loc);
  }
  const until = g.block?.until;
  const state = eg.state === "sleeping" ? `still sleeping${until !== undefined ? ` (until ${formatTime(until)})` : ""}` : eg.state === "external" ? "still waiting outside the runtime" : "still running";
  return leak(st, g, `goroutine ${g.name} leaked: ${state} when the grace period ran out`, [
    `${gRef(st, g.id)} was ${state}${returned}: the runtime let it run on for the leak check's grace period and it did not finish.`,
  ], eg.loc);
}

function leak(st: TraceState, g: GState, message: string, sentences: string[], endLoc?: number): Diagnostic {
  const at = g.block ?? st.mainReturned ?? g.last ?? st.last;
  return {
    kind: "leak",
    message,
    explanation: sentences.join(" "),
    seq: at.seq,
    t: at.t,
    goroutines: [diagGoroutine(st, g, endLoc)],
    objects: diagObjects(st, g.block?.on ?? []),
  };
}
