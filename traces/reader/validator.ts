/**
 * Validates a trace one parsed line at a time and keeps what it accepted: the header, the loc
 * definitions, the events in order and the end record.
 *
 * Invariants: lines are offered in order starting at 1; line 1 is the header; every accepted
 * record satisfies format v1 given the lines before it; nothing is accepted after the end record.
 * The caller stops offering lines after the first problem, so the kept records are always the
 * valid prefix of the trace.
 */
import type { LocDef, TraceEnd, TraceEvent, TraceHeader } from "../format/schema";
import { checkDef, checkEnd, checkHeader } from "./check-records";
import { checkEvent } from "./check-event";
import { RecordProblem, describe, fail, isRecord } from "./fields";
import { createValidationState, type ValidationState } from "./state";

export interface TraceValidator {
  /** Checks the parsed record on `line` (1-based). Returns the problem, without a line prefix, or undefined. */
  accept(record: unknown, line: number): string | undefined;
  readonly header: TraceHeader | undefined;
  readonly locs: readonly LocDef[];
  readonly events: readonly TraceEvent[];
  readonly end: TraceEnd | undefined;
  /** The line of the end record, once it has been accepted. */
  readonly endLine: number | undefined;
  /** The validation state, shared with the byte scanner. */
  readonly st: ValidationState;
  /** Keeps an event the byte scanner already checked against `st`. */
  acceptChecked(e: TraceEvent): void;
}

/**
 * @param onEvent called with each accepted event, in order
 * @param keepEvents false: do not retain events (streaming consumers with bounded memory)
 */
export function createTraceValidator(onEvent?: (e: TraceEvent) => void, keepEvents = true): TraceValidator {
  const st = createValidationState();
  const locs: LocDef[] = [];
  const events: TraceEvent[] = [];
  let header: TraceHeader | undefined;
  let end: TraceEnd | undefined;
  let endLine: number | undefined;

  function check(record: unknown, line: number): void {
    if (line === 1) {
      header = checkHeader(record);
      return;
    }
    if (endLine !== undefined) fail(`nothing may follow the end record (line ${endLine})`);
    if (!isRecord(record)) fail(`not a JSON object (got ${describe(record)})`);
    if (Object.hasOwn(record, "def")) {
      locs.push(checkDef(record, st, line));
    } else if (Object.hasOwn(record, "end")) {
      end = checkEnd(record, st);
      endLine = line;
    } else if (Object.hasOwn(record, "seq")) {
      const e = checkEvent(record, st, line);
      if (keepEvents) events.push(e);
      onEvent?.(e);
    } else {
      fail(`not a definition, an event or the end record (no "def", "seq" or "end" field)`);
    }
  }

  return {
    accept(record, line) {
      try {
        check(record, line);
        return undefined;
      } catch (e) {
        if (e instanceof RecordProblem) return e.message;
        throw e;
      }
    },
    st,
    acceptChecked(e) {
      if (keepEvents) events.push(e);
      onEvent?.(e);
    },
    get header() {
      return header;
    },
    locs,
    events,
    get end() {
      return end;
    },
    get endLine() {
      return endLine;
    },
  };
}
