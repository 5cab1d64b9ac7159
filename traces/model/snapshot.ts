/**
 * A loaded model as one `Uint8Array` (or as parts that join into it): a model built in one place (the backend's worker) is sent
 * as a snapshot and rehydrated elsewhere (the renderer) with no parsing and no index building.
 *
 * A snapshot saves exactly what `createTraceModel` was given (`ModelParts`) plus its indexes
 * (indexes.ts; the event lists are built here if the model had not needed them yet): the store's
 * columns, pools, time runs and interned literals, the indexes and the checkpoints as binary
 * sections (snapshot-layout.ts); the small things (header, end, locs, the string table, events
 * kept whole, the entity tables) as JSON. Fields that are only lookups (id → slot maps, dense
 * tables, per-kind lists) are rebuilt from the entity tables.
 *
 * Encoding copies no section stored at its own width: `encodeModelSnapshotParts` returns views
 * of the model's own typed arrays between small fresh parts, so the sender writes (or transfers)
 * them as they are instead of first copying tens of megabytes into fresh memory. An `i32`
 * section whose values all fit 8 or 16 bits is stored narrowed (a copy a half or a quarter the
 * size; snapshot-layout.ts): the goroutine, location and operand columns usually are.
 *
 * Invariants: the decoded model answers every `TraceModel` query exactly as the encoded one did;
 * its typed arrays are views into the snapshot's buffer (copied once only when the snapshot does
 * not start at a multiple of 8 in its buffer) but for narrowed sections, which are widened into
 * fresh arrays; the bytes must not be modified afterwards.
 * `STORE_FIELDS`, `ENTITY_FIELDS` and `LITERAL_FIELDS` name every own field of the classes saved
 * here; a test holds them to the classes, so a new field cannot be dropped unnoticed.
 */
import type { TraceEvent } from "../format/schema";
import { Entities } from "./entities";
import { EventStore } from "./event-store";
import type { Csr } from "./indexes";
import { KIND_MASK } from "./kinds";
import type { Checkpoint } from "./machine";
import { createTraceModel, modelInternals } from "./model";
import { joinParts, SnapshotReader, SnapshotWriter, snapshotError } from "./snapshot-layout";
import { checkJson, negativeZeros, restoreNegativeZeros, type EntityTables, type SnapshotJson } from "./snapshot-json";
import type { TraceModel } from "./types";

export { SNAPSHOT_VERSION } from "./snapshot-layout";

/**
 * How a snapshot carries a field: in the JSON section, as a binary section, rebuilt from other
 * fields on decoding, or not at all because a loaded model holds it empty or as a mere cache.
 */
export type Carried = "json" | "section" | "rebuilt" | "loaded-empty";

export const STORE_FIELDS: Readonly<Record<string, Carried>> = {
  n: "json", firstSeq: "json", runs: "json", intsLen: "json", numsLen: "json", strings: "json", irregular: "json",
  t: "section", runStart: "section", runT: "section", k: "section", g: "section", loc: "section", a: "section",
  b: "section", x: "section", y: "section", seqs: "section", ints: "section", nums: "section", texts: "section",
  // `timeOf`'s last-run cache, and the intern map that `trim` empties.
  lastRun: "loaded-empty", stringIds: "loaded-empty",
};

export const ENTITY_FIELDS: Readonly<Record<string, Carried>> = {
  gId: "json", gName: "json", gParent: "json", gCreated: "json", gEnded: "json", gFinalLoc: "json",
  oId: "json", oKind: "json", oName: "json", oMade: "json", oCap: "json", oPeriod: "json",
  gSlot: "rebuilt", gDense: "rebuilt", oSlot: "rebuilt", oDense: "rebuilt", byKind: "rebuilt",
};

/** The store's `texts` (a `ByteInterner`). */
export const LITERAL_FIELDS: Readonly<Record<string, Carried>> = {
  arena: "section", arenaLen: "section", starts: "section", lengths: "section", count: "section",
  // The last scan's end, the hash table (a loaded model's is sealed) and the cache of decoded strings.
  end: "loaded-empty", table: "loaded-empty", decoded: "loaded-empty",
};

/** Columns with one element per event: name and element type; `t`, `loc` and `seqs` are optional. */
const EVENT_COLUMNS = [["t", "f64"], ["k", "u8"], ["g", "i32"], ["loc", "i32"], ["a", "i32"], ["b", "i32"], ["x", "i32"], ["y", "i32"], ["seqs", "f64"]] as const;

/**
 * The model as one `Uint8Array` at offset 0 of its own buffer (transferable): the parts of
 * `encodeModelSnapshotParts` joined, for callers that need one buffer.
 */
export function encodeModelSnapshot(model: TraceModel): Uint8Array {
  return joinParts(encodeModelSnapshotParts(model));
}

/** The snapshot's parts joined (as `encodeModelSnapshot` joins them). */
export const joinSnapshotParts: (parts: readonly Uint8Array[]) => Uint8Array = joinParts;

/**
 * The model's snapshot as parts whose concatenation is exactly `encodeModelSnapshot(model)`: a
 * small fresh head part (head and JSON), then per binary section views of the model's own arrays
 * (columns, pools, literals, indexes, each checkpoint's arrays), fresh narrowed copies of the
 * `i32` sections that fit 8 or 16 bits, and small zero paddings. Parts may share a buffer (every
 * padding views one; a decoded model's full-width arrays all view its snapshot), and a view's
 * buffer may hold more than the view (a column with slack). `model` must have been made by
 * this module's `createTraceModel` (`loadModel`, a `ModelBuilder` or `decodeModelSnapshot`).
 *
 * Views rather than copies are sound because a loaded model's arrays are never written again:
 * `createTraceModel` trims the store (`finishLoading` → `EventStore.trim`, which seals the
 * literals) and builds `closedAt` before the model exists (the event lists once, never changed), no `TraceModel` method writes its
 * arrays, and a decoded model's arrays view snapshot bytes that must not change either. The
 * caller, in turn, must not write the parts, and once it transfers their buffers elsewhere the
 * model here is unusable (its arrays detached).
 */
export function encodeModelSnapshotParts(model: TraceModel): Uint8Array[] {
  const internals = modelInternals(model);
  if (!internals) throw new Error("encodeModelSnapshot: this TraceModel was not made by createTraceModel (loadModel, a ModelBuilder or decodeModelSnapshot)");
  const { parts: { header, end, locs, store, ent, checkpoints, interval }, closedAt } = internals;
  const lists = internals.eventLists();
  const out = new SnapshotWriter();
  const n = store.n;
  // References that grow within a kind of event (pool offsets, sequence numbers) shrink to small
  // deltas keyed by the kind; the writer keeps whichever form is narrower.
  const byKind = { section: "k", keys: store.k.subarray(0, n), mask: KIND_MASK };
  for (const [name, type] of EVENT_COLUMNS) {
    const column = store[name];
    if (column) out.add(name, type, column.subarray(0, n), type === "i32" ? byKind : undefined);
  }
  out.add("runStart", "i32", store.runStart.subarray(0, store.runs));
  out.add("runT", "f64", store.runT.subarray(0, store.runs));
  out.add("ints", "i32", store.ints.subarray(0, store.intsLen));
  out.add("nums", "f64", store.nums.subarray(0, store.numsLen));
  const literals = store.texts.saved();
  out.add("textArena", "u8", literals.arena);
  out.add("textStarts", "i32", literals.starts);
  out.add("textLengths", "i32", literals.lengths);
  addCsr(out, "byGoroutine", lists.byGoroutine);
  addCsr(out, "byObject", lists.byObject);
  out.add("closedAt", "i32", closedAt);
  // One section each, the checkpoints' arrays one after another (`split` cuts them apart again).
  out.add("checkpointInts", "i32", checkpoints.map((c) => c.ints));
  out.add("checkpointFloats", "f64", checkpoints.map((c) => c.floats));
  const json: SnapshotJson = {
    header, end, locs, interval,
    store: { n, firstSeq: store.firstSeq, runs: store.runs, strings: store.strings, irregular: [...store.irregular] },
    ent: {
      gId: ent.gId, gName: ent.gName, gParent: ent.gParent.map((p) => p ?? null), gCreated: ent.gCreated, gEnded: ent.gEnded,
      gFinalLoc: ent.gFinalLoc, oId: ent.oId, oKind: ent.oKind, oName: ent.oName, oMade: ent.oMade, oCap: ent.oCap, oPeriod: ent.oPeriod,
    },
    checkpoints: { ints: checkpoints.map((c) => c.ints.length), floats: checkpoints.map((c) => c.floats.length) },
    negativeZeros: [],
    sections: out.sections,
  };
  // JSON has no -0 (the reader accepts it, and the model keeps it in events kept whole).
  json.negativeZeros = negativeZeros(json);
  return out.finish(JSON.stringify(json));
}

/**
 * The model a snapshot holds, answering as the encoded one did; its typed arrays view `bytes`,
 * which must not be modified afterwards. Throws an Error naming the problem for bytes that are
 * not a snapshot of this version, or are truncated or corrupt.
 */
export function decodeModelSnapshot(bytes: Uint8Array): TraceModel {
  const reader = new SnapshotReader(bytes);
  const json = checkJson(reader.json);
  restoreNegativeZeros(json, json.negativeZeros);
  const store = decodeStore(json, reader);
  const ent = decodeEntities(json.ent);
  const closedAt = reader.get("closedAt", "i32", ent.oId.length);
  const lists = { byGoroutine: readCsr(reader, "byGoroutine", ent.gId.length), byObject: readCsr(reader, "byObject", ent.oId.length) };
  const checkpoints = split(reader, json.checkpoints.ints, json.checkpoints.floats);
  return createTraceModel({ header: json.header, end: json.end, locs: json.locs, store, ent, checkpoints, interval: json.interval }, { closedAt, lists });
}

function decodeStore(json: SnapshotJson, reader: SnapshotReader): EventStore {
  const { n, runs } = json.store;
  const store = new EventStore(0);
  store.n = n;
  store.firstSeq = json.store.firstSeq;
  store.runs = runs;
  store.t = reader.optional("t", "f64", n);
  store.k = reader.get("k", "u8", n);
  store.g = reader.narrow("g", n);
  store.loc = reader.optionalNarrow("loc", n);
  store.a = reader.narrow("a", n);
  store.b = reader.narrow("b", n);
  store.x = reader.get("x", "i32", n);
  store.y = reader.narrow("y", n);
  store.seqs = reader.optional("seqs", "f64", n);
  store.runStart = reader.get("runStart", "i32", runs);
  store.runT = reader.get("runT", "f64", runs);
  if (!store.t && n > 0 && (runs === 0 || store.runStart[0] !== 0)) snapshotError("events without times");
  store.ints = reader.get("ints", "i32", undefined);
  store.intsLen = store.ints.length;
  store.nums = reader.get("nums", "f64", undefined);
  store.numsLen = store.nums.length;
  const arena = reader.get("textArena", "u8", undefined);
  const starts = reader.get("textStarts", "i32", undefined);
  const lengths = reader.get("textLengths", "i32", starts.length);
  for (let id = 0; id < starts.length; id++) {
    if (starts[id]! < 0 || lengths[id]! < 0 || starts[id]! + lengths[id]! > arena.length) snapshotError(`literal ${id} lies outside its arena`);
  }
  store.texts.load({ arena, starts, lengths });
  for (const s of json.store.strings) store.strings.push(s);
  for (const [i, e] of json.store.irregular) store.irregular.set(i, e as TraceEvent);
  return store;
}

/**
 * The tables replayed slot by slot, so that the id → slot lookups come out as loading built them;
 * then every goroutine field is set from the tables (the parent passed to `addGoroutine` included).
 */
function decodeEntities(t: EntityTables): Entities {
  const ent = new Entities();
  for (let s = 2; s < t.gId.length; s++) ent.addGoroutine(t.gId[s]!, t.gName[s]!, 0, t.gCreated[s]!);
  for (let s = 0; s < t.gId.length; s++) {
    ent.gName[s] = t.gName[s]!;
    ent.gParent[s] = t.gParent[s] ?? undefined;
    ent.gCreated[s] = t.gCreated[s]!;
    ent.gEnded[s] = t.gEnded[s]!;
    ent.gFinalLoc[s] = t.gFinalLoc[s]!;
  }
  for (let s = 0; s < t.oId.length; s++) ent.addObjectSlot(t.oId[s]!, t.oKind[s]!, t.oName[s]!, t.oMade[s]!, t.oCap[s]!, t.oPeriod[s]!);
  return ent;
}

function addCsr(out: SnapshotWriter, name: string, csr: Csr): void {
  out.add(`${name}.offsets`, "i32", csr.offsets);
  out.add(`${name}.items`, "i32", csr.items);
}

/**
 * A CSR index, its offsets checked to run up from 0 to the items' count (the items themselves are
 * covered by the checksum: checking each would cost a pass over millions).
 */
function readCsr(reader: SnapshotReader, name: string, slots: number): Csr {
  const offsets = reader.get(`${name}.offsets`, "i32", slots + 1);
  const items = reader.get(`${name}.items`, "i32", offsets[slots]);
  if (offsets[0] !== 0) snapshotError(`${name} offsets do not start at 0`);
  for (let s = 0; s < slots; s++) if (offsets[s]! > offsets[s + 1]!) snapshotError(`${name} offsets descend at slot ${s}`);
  return { offsets, items };
}

/** The checkpoints as views into the two concatenated sections. */
function split(reader: SnapshotReader, intLengths: readonly number[], floatLengths: readonly number[]): Checkpoint[] {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const ints = reader.get("checkpointInts", "i32", sum(intLengths));
  const floats = reader.get("checkpointFloats", "f64", sum(floatLengths));
  const out: Checkpoint[] = [];
  let i = 0;
  let f = 0;
  for (let c = 0; c < intLengths.length; c++) {
    out.push({ ints: ints.subarray(i, i + intLengths[c]!), floats: floats.subarray(f, f + floatLengths[c]!) });
    i += intLengths[c]!;
    f += floatLengths[c]!;
  }
  return out;
}
