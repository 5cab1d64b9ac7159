/**
 * The slow path of loading: a parsed record checked by the reader's own rules (`check-event.ts`,
 * `check-records.ts`) against a validation state shared with the fast scanner, so both paths
 * accept and reject exactly what `traces/reader` does, with the same messages.
 *
 * Mirrors `reader/validator.ts` except that events go straight into the column store instead of
 * an array of objects.
 */
import type { LocDef, TraceEnd, TraceEvent, TraceHeader } from "../format/schema";
import { checkDef, checkEnd, checkHeader } from "../reader/check-records";
import { checkEvent } from "../reader/check-event";
import { RecordProblem, describe, fail, isRecord } from "../reader/fields";
import { createValidationState, type ValidationState } from "../reader/state";
import type { EventStore } from "./event-store";

export interface RecordChecker {
  readonly st: ValidationState;
  /** Checks a parsed record; returns the problem (no line prefix) or undefined. */
  accept(record: unknown, line: number): string | undefined;
  header: TraceHeader | undefined;
  readonly locs: LocDef[];
  end: TraceEnd | undefined;
  endLine: number | undefined;
}

/** `onEvent` receives the index of every event stored, from either path. */
export function createRecordChecker(store: EventStore, onEvent: (i: number) => void): RecordChecker {
  const st = createValidationState();

  const checker: RecordChecker = {
    st,
    header: undefined,
    locs: [],
    end: undefined,
    endLine: undefined,
    accept(record, line) {
      try {
        check(record, line);
        return undefined;
      } catch (e) {
        if (e instanceof RecordProblem) return e.message;
        throw e;
      }
    },
  };

  function check(record: unknown, line: number): void {
    if (line === 1) {
      checker.header = checkHeader(record);
      return;
    }
    if (checker.endLine !== undefined) fail(`nothing may follow the end record (line ${checker.endLine})`);
    if (!isRecord(record)) fail(`not a JSON object (got ${describe(record)})`);
    if (Object.hasOwn(record, "def")) {
      checker.locs.push(checkDef(record, st, line));
    } else if (Object.hasOwn(record, "end")) {
      checker.end = checkEnd(record, st);
      checker.endLine = line;
    } else if (Object.hasOwn(record, "seq")) {
      const e: TraceEvent = checkEvent(record, st, line);
      onEvent(store.pushEvent(e));
    } else {
      fail(`not a definition, an event or the end record (no "def", "seq" or "end" field)`);
    }
  }
  return checker;
}
