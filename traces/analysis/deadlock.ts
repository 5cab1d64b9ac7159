/**
 * `deadlock`: the run ended because every goroutine was asleep (the end record says `deadlock`):
 * Go's "all goroutines are asleep - deadlock!". One diagnostic naming every goroutine, what each
 * waited for and, when some of them waited on each other, the cycle and when it formed.
 */
import type { TraceEnd } from "../format/schema";
import type { TraceState } from "./state";
import { explainSome, diagGoroutine, diagObjects, formatTime, gRef, listWords, nameList } from "./describe";
import { explainWait } from "./explain";
import type { WaitGraph } from "./wait-for";
import type { Diagnostic } from "./types";

export function detectDeadlock(st: TraceState, end: TraceEnd | undefined, graph: WaitGraph): Diagnostic[] {
  if (end?.end !== "deadlock") return [];
  const gs = end.goroutines.map((eg) => st.goroutines.get(eg.g)).filter((g) => g !== undefined);
  const names = gs.map((g) => g.name);
  const sentences = [
    `Every goroutine was blocked and no timer was pending, so the program could not go on (Go reports "all goroutines are asleep - deadlock!").`,
    ...explainSome(gs, (g) => explainWait(st, g, graph)),
  ];
  for (const cycle of graph.cycles) {
    const formed = Math.max(...cycle.map((id) => st.goroutines.get(id)?.block?.seq ?? 0));
    const members = listWords(cycle.map((id) => gRef(st, id)));
    sentences.push(cycle.length === 1
      ? `${members} waits for itself: the cycle closed at seq ${formed}.`
      : `${members} wait for each other: a cycle that closed at seq ${formed} (${formatTime(st.goroutines.get(cycle[0])?.block?.t ?? end.t)}).`);
  }
  return [{
    kind: "deadlock",
    message: `deadlock: all goroutines are asleep (${nameList(names)})`,
    explanation: sentences.join(" "),
    seq: end.seq,
    t: end.t,
    goroutines: gs.map((g) => diagGoroutine(st, g, end.goroutines.find((eg) => eg.g === g.id)?.loc)),
    objects: diagObjects(st, gs.flatMap((g) => g.block?.on ?? [])),
  }];
}
