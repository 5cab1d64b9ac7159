/**
 * The JSON section of a model snapshot (snapshot.ts): its shape, the check that a parsed section
 * has that shape (so that a lying or damaged section fails here, with a message, and never inside
 * the model), and the list of -0 values, which JSON cannot write.
 */
import { MAKE_KINDS, type LocDef, type ObjectKind, type TraceEnd, type TraceHeader } from "../format/schema";
import { snapshotError, type SectionRef } from "./snapshot-layout";

/** The `Entities` tables saved (the lookups are rebuilt from them); `null` stands for no parent. */
export interface EntityTables {
  readonly gId: readonly number[];
  readonly gName: readonly string[];
  readonly gParent: readonly (number | null)[];
  readonly gCreated: readonly number[];
  readonly gEnded: readonly number[];
  readonly gFinalLoc: readonly number[];
  readonly oId: readonly number[];
  readonly oKind: readonly ObjectKind[];
  readonly oName: readonly string[];
  readonly oMade: readonly number[];
  readonly oCap: readonly number[];
  readonly oPeriod: readonly number[];
}

export interface SnapshotJson {
  readonly header: TraceHeader | undefined;
  readonly end: TraceEnd | undefined;
  readonly locs: readonly LocDef[];
  readonly interval: number;
  readonly store: {
    readonly n: number;
    readonly firstSeq: number;
    readonly runs: number;
    readonly strings: readonly string[];
    /** Events kept whole, as [index, event]. */
    readonly irregular: readonly (readonly [number, object])[];
  };
  readonly ent: EntityTables;
  /** Each checkpoint's length in the `checkpointInts` and `checkpointFloats` sections, in order. */
  readonly checkpoints: { readonly ints: readonly number[]; readonly floats: readonly number[] };
  /** Paths (keys from the root) of the values that are -0, written as 0. */
  negativeZeros: readonly (readonly (string | number)[])[];
  readonly sections: Readonly<Record<string, SectionRef>>;
}

type Path = (string | number)[];

/** Paths of every -0 in `doc` (the section table and the string table hold none). */
export function negativeZeros(doc: SnapshotJson): Path[] {
  const out: Path[] = [];
  const walk = (v: unknown, path: Path): void => {
    if (Object.is(v, -0)) out.push(path.slice());
    if (typeof v !== "object" || v === null) return;
    for (const [k, child] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
      path.push(k);
      walk(child, path);
      path.pop();
    }
  };
  const { header, end, locs, store, ent } = doc;
  walk({ header, end, locs, store: { irregular: store.irregular }, ent }, []);
  return out;
}

/** Puts back the -0 values `negativeZeros` listed. */
export function restoreNegativeZeros(doc: SnapshotJson, paths: readonly (readonly (string | number)[])[]): void {
  for (const path of paths) {
    let holder: unknown = doc;
    for (let j = 0; j < path.length - 1; j++) holder = typeof holder === "object" && holder !== null ? (holder as Record<string, unknown>)[path[j]!] : undefined;
    const key = path[path.length - 1]!;
    if (typeof holder !== "object" || holder === null || !Object.hasOwn(holder, key) || (holder as Record<string, unknown>)[key] !== 0) {
      snapshotError(`negative zero at ${path.join(".")} names no zero`);
    }
    (holder as Record<string | number, unknown>)[key] = -0;
  }
}

const OBJECT_KINDS: ReadonlySet<unknown> = new Set(Object.values(MAKE_KINDS).map((m) => m.kind));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isCount = (v: unknown): v is number => isInt(v) && v >= 0;
const isString = (v: unknown): v is string => typeof v === "string";
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function field<T>(obj: Record<string, unknown>, key: string, ok: (v: unknown) => v is T, what: string): T {
  const v = obj[key];
  if (!ok(v)) snapshotError(`${key} is not ${what}`);
  return v;
}

function list<T>(obj: Record<string, unknown>, key: string, ok: (v: unknown) => boolean, what: string, length?: number): T[] {
  const v = obj[key];
  if (!Array.isArray(v)) snapshotError(`${key} is not a list`);
  if (length !== undefined && v.length !== length) snapshotError(`${key} has ${v.length} entries, expected ${length}`);
  for (let i = 0; i < v.length; i++) if (!ok(v[i])) snapshotError(`${key}[${i}] is not ${what}`);
  return v as T[];
}

/** `json` with the shape of `SnapshotJson` and counts that agree with each other, or an Error. */
export function checkJson(json: Record<string, unknown>): SnapshotJson {
  const optionalObject = (v: unknown): v is object | undefined => v === undefined || isObject(v);
  field(json, "header", optionalObject, "an object");
  field(json, "end", optionalObject, "an object");
  list(json, "locs", isObject, "an object");
  field(json, "interval", (v): v is number => isCount(v) && v > 0, "a positive integer");
  const store = field(json, "store", isObject, "an object");
  const n = field(store, "n", isCount, "a count");
  field(store, "firstSeq", isNumber, "a number");
  field(store, "runs", (v): v is number => isCount(v) && v <= Math.max(n, 0), "a count of at most n");
  list(store, "strings", isString, "a string");
  list(store, "irregular", (e) => Array.isArray(e) && e.length === 2 && isCount(e[0]) && e[0] < n && isObject(e[1]), "an [index, event] pair");
  checkEntities(field(json, "ent", isObject, "an object"), n);
  const cps = field(json, "checkpoints", isObject, "an object");
  const ints = list<number>(cps, "ints", isCount, "a count");
  list(cps, "floats", isCount, "a count", ints.length);
  if (ints.length === 0) snapshotError("no checkpoints");
  list(json, "negativeZeros", (p) => Array.isArray(p) && p.length > 0 && p.every((k) => isString(k) || isCount(k)), "a path");
  return json as unknown as SnapshotJson;
}

function checkEntities(ent: Record<string, unknown>, n: number): void {
  const isIndex = (v: unknown) => isInt(v) && v >= -1 && v < n;
  const gId = list<number>(ent, "gId", isInt, "an id");
  if (gId.length < 2 || gId[0] !== 0 || gId[1] !== 1) snapshotError("goroutines 0 and 1 are not slots 0 and 1");
  const gs = gId.length;
  list(ent, "gName", isString, "a string", gs);
  list(ent, "gParent", (v) => v === null || isInt(v), "an id or null", gs);
  list(ent, "gCreated", isIndex, "an event index or -1", gs);
  list(ent, "gEnded", isIndex, "an event index or -1", gs);
  list(ent, "gFinalLoc", isInt, "a loc id", gs);
  const os = list(ent, "oId", isInt, "an id").length;
  list(ent, "oKind", (v) => OBJECT_KINDS.has(v), "an object kind", os);
  list(ent, "oName", isString, "a string", os);
  list(ent, "oMade", isIndex, "an event index", os);
  list(ent, "oCap", isNumber, "a number", os);
  list(ent, "oPeriod", isNumber, "a number", os);
}
