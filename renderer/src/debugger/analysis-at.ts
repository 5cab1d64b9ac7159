/**
 * The analyzer's view at the cursor: its one-pass state (traces/analysis/state.ts) folded over the
 * events up to the cursor, and its wait-for graph there — which goroutines are durably blocked and
 * who could partner a blocked channel operation. The model's `stateAt` says what is true; this
 * says who could change it.
 *
 * Cost: moving forward applies only the new events; moving back replays from the first event.
 * Past `MAX_REPLAY` events it gives up (the wait-for panel then draws without partner inference).
 */
import type { ObjectKind } from "../../../traces/format/schema";
import type { TraceModel } from "../../../traces/model";
import { createTraceState, locMap, type TraceState } from "../../../traces/analysis/state";
import { buildWaitGraph } from "../../../traces/analysis/wait-for";

export const MAX_REPLAY = 400_000;

export interface AnalysisSnapshot {
  /** Durably blocked goroutines at the cursor. */
  readonly stuck: ReadonlySet<number>;
  /** For a blocked goroutine, per object it waits on (in `on` order, locks excluded), its possible partners. */
  partnerGroups(g: number): readonly (readonly number[])[] | undefined;
  objectKind(id: number): ObjectKind | undefined;
  objectName(id: number): string | undefined;
}

export interface AnalysisAt {
  /** The snapshot after event `index`; undefined when too far in to replay. */
  at(index: number): AnalysisSnapshot | undefined;
}

export function createAnalysisAt(model: TraceModel): AnalysisAt {
  let st: TraceState | undefined;
  let applied = -1;
  let cached: { index: number; snap: AnalysisSnapshot } | undefined;
  return {
    at(index) {
      if (index >= MAX_REPLAY) return undefined;
      if (cached?.index === index) return cached.snap;
      if (!st || index < applied) {
        st = createTraceState(locMap(model.locs));
        applied = -1;
      }
      for (let i = applied + 1; i <= index && i < model.eventCount; i++) st.apply(model.event(i));
      applied = Math.max(applied, Math.min(index, model.eventCount - 1));
      const snap = snapshot(st);
      cached = { index, snap };
      return snap;
    },
  };
}

function snapshot(st: TraceState): AnalysisSnapshot {
  const graph = buildWaitGraph(st);
  // The analyzer keeps one group per non-lock object of a block, in `on` order, skipping unknown ids.
  const groups = new Map<number, readonly (readonly number[])[]>();
  for (const [g, w] of graph.waits) groups.set(g, w.groups);
  const kinds = new Map<number, { kind: ObjectKind; name: string }>();
  for (const o of st.objects.values()) kinds.set(o.id, { kind: o.kind, name: o.name });
  return {
    stuck: new Set(graph.stuck),
    partnerGroups: (g) => groups.get(g),
    objectKind: (id) => kinds.get(id)?.kind,
    objectName: (id) => kinds.get(id)?.name,
  };
}
