/**
 * The analyzer's public types: plain data, so a diagnostic can cross a worker or IPC boundary and
 * be printed as JSON (`goroscope analyze --json`) unchanged.
 */
import type { LocDef, TraceEnd, TraceEvent, TraceHeader } from "../format/schema";

export type DiagnosticKind = "deadlock" | "partial-deadlock" | "leak" | "lock-order" | "panic";

/** The order in which kinds are listed (and sorted within one `seq`). */
export const DIAGNOSTIC_KINDS: readonly DiagnosticKind[] = ["deadlock", "partial-deadlock", "leak", "lock-order", "panic"];

/** A place in the user's source, as the trace's `def loc` records it. `line` is 1-based. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly fn: string;
}

export interface DiagnosticGoroutine {
  readonly g: number;
  readonly name: string;
  /** Why it is blocked, in the trace's words (`chan.send`, `mutex.lock`, ...); absent when it is not. */
  readonly reason?: string;
  /** The ids of the objects it is blocked on (their names are in the diagnostic's `objects`). */
  readonly on?: readonly number[];
  /** Where it is (blocked, or last seen); absent when the trace has no source locations. */
  readonly loc?: SourceRef;
}

export interface DiagnosticObject {
  readonly kind: "chan" | "mutex" | "rwmutex" | "wg" | "cond" | "once" | "timer" | "ctx" | "atomic";
  readonly id: number;
  readonly name: string;
}

export interface Diagnostic {
  readonly kind: DiagnosticKind;
  /** One line: "goroutine worker leaked: blocked sending on results forever". */
  readonly message: string;
  /** One paragraph, in words a user understands, with the evidence. */
  readonly explanation: string;
  /** The event at which the problem became visible (0 when there were no events). */
  readonly seq: number;
  /** Its time, ns since the start of the run. */
  readonly t: number;
  readonly goroutines: readonly DiagnosticGoroutine[];
  readonly objects: readonly DiagnosticObject[];
  /** Extra sites, e.g. both acquisition sites of a lock-order cycle. */
  readonly sites?: readonly { readonly what: string; readonly loc: SourceRef }[];
}

/** What `readTrace` returns on success (or the valid prefix of a failure): the analyzer's input. */
export interface AnalysisInput {
  readonly header?: TraceHeader;
  readonly locs: readonly LocDef[] | ReadonlyMap<number, LocDef>;
  readonly events: readonly TraceEvent[];
  readonly end: TraceEnd | undefined;
}
