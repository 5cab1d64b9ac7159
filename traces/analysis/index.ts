/**
 * The one analyzer that the CLI (`goroscope analyze`, `goroscope check`) and the app share: finds
 * deadlocks, partial deadlocks, goroutine leaks, lock-order cycles and panics (misuse included) in
 * a format-v1 trace, in one linear pass over its events (state.ts) followed by the detectors.
 *
 * Pure: no I/O, no Node APIs; the same input always gives the same diagnostics, in the same order
 * (by `seq`, then by kind in `DIAGNOSTIC_KINDS` order, then by message).
 */
import type { TraceHeader } from "../format/schema";
import type { TraceEvent } from "../format/schema";
import type { ScannedEvent } from "../reader/reader";
import { detectDeadlock } from "./deadlock";
import { createLockOrderTracker } from "./lock-order";
import { detectLeaks } from "./leaks";
import { detectPanics, recordPanic, type PanicRecord } from "./panics";
import { detectPartialDeadlocks } from "./partial-deadlock";
import { createScannedPass } from "./scanned";
import { createTraceState, locMap } from "./state";
import { DIAGNOSTIC_KINDS, type AnalysisInput, type Diagnostic } from "./types";
import { buildWaitGraph } from "./wait-for";

export type {
  AnalysisInput, Diagnostic, DiagnosticGoroutine, DiagnosticKind, DiagnosticObject, SourceRef,
} from "./types";
export { DIAGNOSTIC_KINDS } from "./types";
export { formatTime } from "./describe";

/**
 * Analyzes a whole trace (or the valid prefix of a broken one): `readTrace`'s result fits as is.
 * Never throws on a trace the reader accepted.
 */
export function analyze(input: AnalysisInput): Diagnostic[] {
  const analyzer = createAnalyzer(input.locs);
  for (const e of input.events as readonly TraceEvent[]) analyzer.onEvent(e);
  return analyzer.finish(input.end, input.header);
}

/** The same analysis fed one event at a time, for traces read as a stream (memory bounded by the program's objects, not the trace's length). */
export interface Analyzer {
  onEvent(e: TraceEvent): void;
  /** The same as `onEvent` for an event the reader's byte scanner accepted, from its fields (`scanned.ts`; a reader's `onScanned`). */
  onScanned(s: ScannedEvent): void;
  /** @param header the trace's header: a trace imported from Go (`source`) is worded for what it can prove. */
  finish(end: AnalysisInput["end"], header?: TraceHeader): Diagnostic[];
}

/** @param locs the trace's definitions; an array may keep growing while events are fed (the streaming reader's `locs`). */
export function createAnalyzer(locs: AnalysisInput["locs"]): Analyzer {
  const st = createTraceState(locMap(locs));
  const lockOrder = createLockOrderTracker(st);
  const panics: PanicRecord[] = [];
  return {
    onScanned: createScannedPass(st, lockOrder),
    onEvent(e) {
      lockOrder.onEvent(e);
      if (e.k === "go.panic") panics.push(recordPanic(st, e));
      st.apply(e);
    },
    finish(end, header) {
      const graph = buildWaitGraph(st);
      const all = [
        ...detectDeadlock(st, end, graph),
        ...detectPartialDeadlocks(st, end, graph),
        ...detectLeaks(st, end, graph, header?.source),
        ...lockOrder.detect(),
        ...detectPanics(st, panics),
      ];
      return all.sort(compareDiagnostics);
    },
  };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.seq - b.seq || DIAGNOSTIC_KINDS.indexOf(a.kind) - DIAGNOSTIC_KINDS.indexOf(b.kind) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
export { traceStatistics, shareOf, type BlockingSite, type GoroutineStats, type ObjectWait, type TraceStatistics } from "./stats";
