/**
 * The slow path of loading: a parsed record checked by the reader's own rules (`check-event.ts`,
 * `check-records.ts`) against a validation state shared with the fast scanner, so both paths
 * accept and reject exactly what `traces/reader` does, with the same messages.
 *
 * Mirrors `reader/validator.ts` except that events go straight into the column store instead of
 * an array of objects, and the `seq → channel` map of sends (one entry per send in the reader) is
 * answered from the columns.
 */
import type { LocDef, TraceEnd, TraceEvent, TraceHeader } from "../format/schema";
import { checkDef, checkEnd, checkHeader } from "../reader/check-records";
import { checkEvent } from "../reader/check-event";
import { RecordProblem, describe, fail, isRecord } from "../reader/fields";
import { createValidationState, type ValidationState } from "../reader/state";
import type { EventStore } from "./event-store";
import { Kind, KIND_MASK } from "./kinds";

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
  const sends = {
    get: (seq: number): number | undefined => sendChannel(store, seq),
    set: () => sends,
  };
  (st as { sends: unknown }).sends = sends;

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

/** The channel of the `chan.send` with this `seq`, if there is one (from the columns). */
export function sendChannel(store: EventStore, seq: number): number | undefined {
  const i = exactIndex(store, seq);
  if (i < 0 || (store.k[i]! & KIND_MASK) !== Kind.ChanSend) return undefined;
  const whole = store.irregular.get(i);
  return whole ? (whole as { ch: number }).ch : store.a[i];
}

function exactIndex(store: EventStore, seq: number): number {
  const n = store.n;
  if (!store.seqs) {
    const i = seq - store.firstSeq;
    return Number.isInteger(i) && i >= 0 && i < n ? i : -1;
  }
  let lo = 0;
  let hi = n - 1;
  const s = store.seqs;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = s[mid]!;
    if (v === seq) return mid;
    if (v < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
