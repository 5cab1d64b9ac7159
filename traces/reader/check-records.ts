/**
 * Checks the records that are not events: the header (line 1), `def` lines and the end record.
 * Same contract as `check-event.ts`: return the typed record or throw a `RecordProblem`.
 */
import {
  BLOCK_REASONS, END_REASONS, FORMAT_NAME, FORMAT_VERSION,
  type GoroutineState, type LocDef, type TraceEnd, type TraceHeader,
} from "../format/schema";
import { array, describe, fail, int, intArray, isRecord, num, oneOf, optional, str, type Rec } from "./fields";
import { goroutineRef, locRef, objectRef, type ValidationState } from "./state";

/** Keyed by the union so that adding a state to the schema fails to compile here until it is listed. */
const STATES: Readonly<Record<GoroutineState, true>> = {
  running: true,
  runnable: true,
  blocked: true,
  sleeping: true,
  external: true,
};
const GOROUTINE_STATES = Object.keys(STATES) as GoroutineState[];

export function checkHeader(value: unknown): TraceHeader {
  if (!isRecord(value) || value.format !== FORMAT_NAME) {
    fail(`not a Goroscope trace (the first line has no "format":"${FORMAT_NAME}")`);
  }
  const version = value.version;
  if (version !== FORMAT_VERSION) {
    fail(`unsupported trace version ${describe(version)} (this reader understands version ${FORMAT_VERSION})`);
  }
  const w = "header";
  str(value, "program", w);
  oneOf(value, "clock", w, ["virtual", "real"] as const);
  num(value, "seed", w);
  oneOf(value, "timeUnit", w, ["ns"] as const);
  num(value, "epoch", w);
  return value as unknown as TraceHeader;
}

export function checkDef(r: Rec, st: ValidationState, line: number): LocDef {
  if (r.def !== "loc") fail(`unknown definition kind ${describe(r.def)} (only "loc" is defined in version 1)`);
  const w = "def loc";
  const id = int(r, "id", w, 1);
  const prev = st.locs.get(id);
  if (prev !== undefined) fail(`${w} id ${id} was already defined on line ${prev}`);
  str(r, "file", w);
  int(r, "line", w, 1);
  int(r, "col", w, 0);
  str(r, "fn", w);
  st.locs.set(id, line);
  return r as unknown as LocDef;
}

export function checkEnd(r: Rec, st: ValidationState): TraceEnd {
  const w = "end record";
  oneOf(r, "end", w, END_REASONS);
  const t = num(r, "t", w, 0);
  if (t < st.lastT) fail(`${w} t ${t} goes back in time (previous ${st.lastT})`);
  const seq = int(r, "seq", w);
  if (seq !== st.lastSeq) fail(`${w} "seq" ${seq} is not the last event's seq ${st.lastSeq}`);
  int(r, "exitCode", w, Number.MIN_SAFE_INTEGER);
  optional(r, "msg", () => str(r, "msg", w));
  array(r, "goroutines", w).forEach((gr, i) => checkEndGoroutine(gr, st, `${w} goroutines[${i}]`));
  return r as unknown as TraceEnd;
}

function checkEndGoroutine(gr: unknown, st: ValidationState, w: string): void {
  if (!isRecord(gr)) fail(`${w} must be an object, got ${describe(gr)}`);
  goroutineRef(st, int(gr, "g", w), w, "g");
  str(gr, "name", w);
  oneOf(gr, "state", w, GOROUTINE_STATES);
  optional(gr, "reason", () => oneOf(gr, "reason", w, BLOCK_REASONS));
  const on = optional(gr, "on", () => intArray(gr, "on", w, 1)) ?? [];
  for (const id of on) objectRef(st, id, [], w, "on");
  const loc = optional(gr, "loc", () => int(gr, "loc", w, 1));
  if (loc !== undefined) locRef(st, loc, w);
}
