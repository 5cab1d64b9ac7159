/**
 * `partial-deadlock`: a group of goroutines that wait on each other (a cycle in the wait-for
 * graph: locks held and awaited, channels whose only possible partners are in the group) while
 * the rest of the program goes on. Found wherever in the trace the cycle formed: a durably blocked
 * goroutine never runs again, so the cycle is still there at the end of the pass, and it formed
 * at the latest `go.block` of its members.
 *
 * Not reported when the run ended in a global deadlock (the `deadlock` diagnostic explains the
 * cycle then).
 */
import type { TraceEnd } from "../format/schema";
import type { Moment, TraceState } from "./state";
import { explainSome, clipList, diagGoroutine, diagObjects, formatTime, gName, gRef, listWords, nameList } from "./describe";
import { explainWait } from "./explain";
import type { WaitGraph } from "./wait-for";
import type { Diagnostic } from "./types";

export function detectPartialDeadlocks(st: TraceState, end: TraceEnd | undefined, graph: WaitGraph): Diagnostic[] {
  if (end?.end === "deadlock") return [];
  return graph.cycles.map((cycle) => {
    const gs = cycle.map((id) => st.goroutines.get(id)!);
    const formed = formedAt(st, cycle);
    const on = gs.flatMap((g) => g.block?.on ?? []);
    const objects = diagObjects(st, on);
    const who = gs.length === 1 ? `${gName(st, cycle[0])} waits for itself` : `${nameList(gs.map((g) => g.name))} wait for each other`;
    return {
      kind: "partial-deadlock",
      message: `partial deadlock: ${who}${objects.length > 0 ? ` (${clipList(objects.map((o) => o.name))})` : ""}`,
      explanation: [
        `${gs.length === 1 ? "A goroutine is" : `${gs.length} goroutines are`} stuck for good since seq ${formed.seq} (${formatTime(formed.t)}), while the rest of the program went on.`,
        ...explainSome(gs, (g) => explainWait(st, g, graph)),
        `None of them can ever go on; ${goOnWords(st, end, cycle)}`,
      ].join(" "),
      seq: formed.seq,
      t: formed.t,
      goroutines: gs.map((g) => diagGoroutine(st, g)),
      objects,
    } satisfies Diagnostic;
  });
}

/**
 * When the cycle became certain: the last member's block, or, for channels, WaitGroups and conds,
 * the end of the last other goroutine that used the object (it could have acted until then).
 */
function formedAt(st: TraceState, cycle: readonly number[]): Moment {
  let at: Moment = { seq: 0, t: 0 };
  const later = (m: Moment | undefined): void => {
    if (m && m.seq > at.seq) at = m;
  };
  const members = new Set(cycle);
  const objects = new Set<number>();
  for (const id of cycle) {
    const b = st.goroutines.get(id)?.block;
    later(b);
    if (b && !LOCK_REASONS.has(b.reason)) for (const obj of b.on) objects.add(obj);
  }
  for (const obj of objects) {
    for (const u of st.objects.get(obj)?.uses.keys() ?? []) {
      if (!members.has(u)) later(st.goroutines.get(u)?.ended);
    }
  }
  return at;
}

const LOCK_REASONS = new Set(["mutex.lock", "rwmutex.lock", "rwmutex.rlock"]);

function goOnWords(st: TraceState, end: TraceEnd | undefined, cycle: readonly number[]): string {
  const tail = end ? "they were still blocked when the trace ended" : "they were still blocked where the trace stops";
  if (st.mainReturned && !cycle.includes(1)) return `main returned at ${formatTime(st.mainReturned.t)} and ${tail} (leaked).`;
  const members = new Set(cycle);
  const others = [...st.goroutines.values()].filter((g) => !members.has(g.id) && g.id !== 0);
  return `${others.length > 0 ? `${listWords(others.slice(0, 3).map((g) => gRef(st, g.id)))}${others.length > 3 ? " and others" : ""} went on, and ` : ""}${tail}.`;
}
