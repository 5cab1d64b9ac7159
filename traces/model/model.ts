/**
 * The loaded model: static tables, columns, indexes and checkpoints behind the `TraceModel`
 * interface; the per-entity event lists are built on the first `eventsOf` (indexes.ts).
 * `stateAt` restores the nearest checkpoint at or before the event and replays at most
 * `interval - 1` events into a scratch state, then describes it (`describe-state.ts`).
 *
 * Invariant: `checkpoints[j]` is the state before event `j * interval` (so `[0]` is the start).
 */
import type { LocDef, TraceEnd, TraceEvent, TraceHeader } from "../format/schema";
import type { Entities } from "./entities";
import type { EventStore } from "./event-store";
import { EventColumns } from "./columns";
import { describeState } from "./describe-state";
import { buildClosedAt, buildEventLists, type EventLists } from "./indexes";
import { MachineState, apply, restore, type Checkpoint } from "./machine";
import type { GoroutineInfo, ModelEntity, ModelState, ObjectInfo, SourceLocation, TraceModel } from "./types";

export interface ModelParts {
  readonly header: TraceHeader | undefined;
  readonly end: TraceEnd | undefined;
  readonly locs: readonly LocDef[];
  readonly store: EventStore;
  readonly ent: Entities;
  readonly checkpoints: readonly Checkpoint[];
  readonly interval: number;
}

/** What a model was made from: a snapshot (snapshot.ts) saves the parts and `closedAt`. */
export interface ModelInternals {
  readonly parts: ModelParts;
  /** Per object slot: the index of its first `chan.close`, -1 when none. */
  readonly closedAt: Int32Array;
  /** The event lists, built on the first call (the model's own `eventsOf` shares them). */
  readonly eventLists: () => EventLists;
}

const EMPTY = new Int32Array(0);

/** Every model `createTraceModel` made, with its parts: module-private, so only this module adds to it. */
const internals = new WeakMap<TraceModel, ModelInternals>();

/** The parts and indexes of a model made by `createTraceModel`; undefined for any other object. */
export function modelInternals(model: TraceModel): ModelInternals | undefined {
  return internals.get(model);
}

/** Ends loading: the columns trimmed to their length, then the channels' closing events found. */
function finishLoading(store: EventStore, ent: Entities): Int32Array {
  store.trim();
  return buildClosedAt(store, ent);
}

/** Indexes a snapshot carries (snapshot.ts). */
export interface SavedIndexes {
  readonly closedAt: Int32Array;
  readonly lists: EventLists;
}

/**
 * `saved`: given when rehydrating a snapshot (snapshot.ts), whose store was saved trimmed with its
 * indexes; otherwise the store is trimmed and `closedAt` built here, the event lists on first use.
 */
export function createTraceModel(parts: ModelParts, saved?: SavedIndexes): TraceModel {
  const { store, ent, checkpoints, interval } = parts;
  const closedAt = saved?.closedAt ?? finishLoading(store, ent);
  let lists: EventLists | undefined = saved?.lists;
  const eventLists = (): EventLists => (lists ??= buildEventLists(store, ent));
  const locById = new Map<number, SourceLocation>();
  for (const l of parts.locs) locById.set(l.id, { id: l.id, file: l.file, line: l.line, col: l.col, fn: l.fn });

  const seqOfIndex = (i: number) => (i < 0 ? 0 : store.seqOf(i));
  const goroutines: GoroutineInfo[] = [];
  for (let s = 1; s < ent.gId.length; s++) {
    goroutines.push({
      kind: "goroutine",
      id: ent.gId[s]!,
      name: ent.gName[s]!,
      parent: ent.gParent[s],
      createdSeq: seqOfIndex(ent.gCreated[s]!),
      endedSeq: ent.gEnded[s]! < 0 ? undefined : store.seqOf(ent.gEnded[s]!),
    });
  }
  const objects: ObjectInfo[] = ent.oId.map((id, s) => ({
    kind: ent.oKind[s]!,
    id,
    name: ent.oName[s]!,
    madeSeq: store.seqOf(ent.oMade[s]!),
    ...(ent.oKind[s] === "chan" ? { cap: ent.oCap[s]! } : {}),
  }));
  const scratch = new MachineState(ent.gId.length);

  function indexOfSeq(seq: number): number {
    const n = store.n;
    if (n === 0 || seq < store.seqOf(0)) return -1;
    if (!store.seqs) return Math.min(n - 1, Math.floor(seq - store.firstSeq));
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (store.seqs[mid]! <= seq) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  function stateAtIndex(idx: number): ModelState {
    const cp = Math.floor((idx + 1) / interval);
    restore(scratch, checkpoints[Math.min(cp, checkpoints.length - 1)]!, ent.gFinalLoc);
    for (let i = Math.min(cp, checkpoints.length - 1) * interval; i <= idx; i++) apply(scratch, store, ent, i);
    return describeState(scratch, { store, ent, closedAt, idx, loc: (id) => locById.get(id) });
  }

  const model: TraceModel = {
    header: parts.header,
    end: parts.end,
    eventCount: store.n,
    goroutines,
    objects,
    locs: parts.locs,
    goroutine: (id) => {
      const s = ent.gSlot.get(id);
      return s === undefined || s === 0 ? undefined : goroutines[s - 1];
    },
    object: (id) => {
      const s = ent.oSlot.get(id);
      return s === undefined ? undefined : objects[s];
    },
    loc: (id) => locById.get(id),
    event(i: number): TraceEvent {
      if (!(i >= 0 && i < store.n)) throw new RangeError(`event index ${i} out of range [0, ${store.n})`);
      return store.event(i);
    },
    columns: new EventColumns(store),
    seqOf: (i) => store.seqOf(i),
    timeOf: (i) => store.timeOf(i),
    indexOfSeq,
    eventsOf(entity: ModelEntity): Int32Array {
      const csr = entity.kind === "goroutine" ? eventLists().byGoroutine : eventLists().byObject;
      const s = entity.kind === "goroutine" ? ent.gSlot.get(entity.id) : ent.oSlot.get(entity.id);
      if (s === undefined) return EMPTY;
      return csr.items.subarray(csr.offsets[s]!, csr.offsets[s + 1]!);
    },
    seqAtTime: (t) => seqOfIndex(store.lastIndexAtOrBefore(t)),
    stateAt: (seq) => stateAtIndex(indexOfSeq(seq)),
  };
  internals.set(model, { parts, closedAt, eventLists });
  return model;
}
