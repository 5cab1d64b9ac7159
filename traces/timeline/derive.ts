/**
 * Everything the timeline draws, derived in one pass over the events (memoized per model and
 * axis): goroutine lanes, object tracks, arrows, and per-event x/kind/goroutine columns for the
 * per-frame lookups. Nothing here knows about pixels.
 *
 * Every x in it (segment bounds, steps, ticks, arrow ends, `times`, `start`/`end`) is in the
 * unit of its axis (axis.ts): ns on the time axis, event indices on the event axis, where event
 * i sits at x = i and the trace ends at `eventCount`. Only that unit differs between the two.
 */
import { BLOCK_REASONS, EVENT_KINDS, type BlockReason, type EventKind, type TraceEvent } from "../format/schema";
import { Kind, type TraceModel } from "../model";
import { deriveArrows, type Arrows } from "./arrows";
import type { TimelineAxis } from "./axis";
import { IdTable } from "./id-table";
import { LaneArrays, LaneBuilder, type GoroutineLane } from "./goroutine-lanes";
import { ChannelBuilder, countObjectEvents, LockBuilder, UNKNOWN_COUNTS, WaitGroupBuilder, type ChannelTrack, type ObjectEventCounts, type LockTrack, type ObjectTrack, type WaitGroupTrack } from "./object-tracks";
import { BLOCKED, DONE, RUNNABLE, RUNNING, SLEEPING } from "./status";
import { Waiters } from "./waiters";

export interface TimelineData {
  readonly model: TraceModel;
  /** The x unit of everything below: ns ("time") or event indices ("events"). */
  readonly axis: TimelineAxis;
  /** x extent of the trace: 0 to the last event or the end record (ns), or to `eventCount` (events). */
  readonly start: number;
  readonly end: number;
  /** Goroutine lanes in creation-tree order: each goroutine's children right after it (depth first). */
  readonly lanes: readonly GoroutineLane[];
  readonly laneById: ReadonlyMap<number, GoroutineLane>;
  readonly channels: readonly ChannelTrack[];
  readonly locks: readonly LockTrack[];
  readonly waitGroups: readonly WaitGroupTrack[];
  readonly trackById: ReadonlyMap<number, ObjectTrack>;
  readonly arrows: Arrows;
  /** Per event: its x (time in ns, or its own index), EVENT_KINDS index, acting goroutine. Shared with the model: do not mutate. */
  readonly times: Float64Array;
  readonly kinds: Uint8Array;
  readonly gs: Int16Array | Int32Array;
}

export const KIND_INDEX: ReadonlyMap<EventKind, number> = new Map(EVENT_KINDS.map((k, i) => [k, i]));

const DENSE_IDS = 1 << 20;
const reasonIndex = (r: BlockReason): number => BLOCK_REASONS.indexOf(r);
const SLEEP = reasonIndex("sleep");
const WG_WAIT = reasonIndex("wg.wait");
/** Block reasons that make a goroutine a lock's waiter. */
const LOCK_WAITS: ReadonlySet<number> = new Set((["mutex.lock", "rwmutex.lock", "rwmutex.rlock"] as const).map(reasonIndex));

const cache = new WeakMap<TraceModel, Partial<Record<TimelineAxis, TimelineData>>>();

/** The timeline data of a model on an axis (default: time), computed on first use. */
export function deriveTimeline(model: TraceModel, axis: TimelineAxis = "time"): TimelineData {
  let byAxis = cache.get(model);
  if (!byAxis) cache.set(model, (byAxis = {}));
  let d = byAxis[axis];
  if (!d) {
    const t0 = performance.now();
    d = derive(model, axis);
    performance.measure("goroscope:timeline-derive", { start: t0, end: performance.now() });
    byAxis[axis] = d;
  }
  return d;
}

function derive(model: TraceModel, axis: TimelineAxis): TimelineData {
  const n = model.eventCount;
  const byIndex = axis === "events";
  const end = byIndex ? Math.max(1, n) : Math.max(1, n > 0 ? model.timeOf(n - 1) : 0, model.end?.t ?? 0);
  const cols = model.columns;
  const times = byIndex ? indexColumn(n) : cols.timeColumn();
  const kinds = cols.kindColumn();
  const gs = cols.goroutineColumn();
  const lanes = new Map<number, LaneBuilder>();
  const laneArrays = new LaneArrays();
  for (const g of model.goroutines) lanes.set(g.id, new LaneBuilder(g.id, laneArrays));
  lanes.get(1)?.set(0, RUNNABLE, -1, 0); // main is runnable before the first event
  // Lanes by id in an array while ids are small (they count up from 1): two lookups per event.
  const dense: (LaneBuilder | undefined)[] = [];
  for (const [id, lane] of lanes) if (id >= 0 && id < DENSE_IDS) dense[id] = lane;
  const laneOf = (g: number): LaneBuilder | undefined => (g >= 0 && g < DENSE_IDS ? dense[g] : lanes.get(g));
  const chans = new IdTable<ChannelBuilder>();
  const locks = new IdTable<LockBuilder>();
  const wgs = new IdTable<WaitGroupBuilder>();
  let running = -1;
  // Where each blocked goroutine is counted as a waiter; it leaves when served or woken (docs/model.md).
  const waiters = new Waiters();

  const noteActor = (g: number, t: number, i: number, isBlock: boolean) => {
    const lane = laneOf(g);
    if (!lane) return;
    const s = lane.status;
    if (s === BLOCKED || s === SLEEPING) {
      if (!isBlock) waiters.leaveAll(g, t); // an operation completed on its behalf
      return;
    }
    if (s === DONE || s === RUNNING) return;
    if (running >= 0 && running !== g) {
      const r = laneOf(running);
      if (r && r.status === RUNNING) r.set(t, RUNNABLE, -1, i);
    }
    lane.set(t, RUNNING, -1, i);
    running = g;
  };
  const settle = (g: number, t: number, status: number, reason: number, i: number) => {
    const lane = laneOf(g);
    if (!lane || lane.status === DONE) return;
    lane.set(t, status, reason, i);
    if (running === g) running = -1;
  };

  // Acquiring a lock ends g's wait on it (a wait on another lock of a multi-lock block stays).
  const lock = (l: LockBuilder | undefined, t: number, g: number, read: boolean) => {
    if (!l) return;
    waiters.leave(l, g, t);
    l.lock(t, g, read);
  };

  // Fields are read from the model's columns: one event object per event would cost more than
  // the rest of this pass together on a million-event trace.
  for (let i = 0; i < n; i++) {
    const kind = kinds[i]!;
    const t = times[i]!;
    const g = gs[i]!;
    if (g > 0) noteActor(g, t, i, kind === Kind.GoBlock);
    switch (kind) {
      case Kind.GoCreate: {
        const id = cols.subject(i);
        const child = laneOf(id);
        if (child) {
          child.set(t, RUNNABLE, -1, i);
          child.createdIndex = i;
          const loc = cols.loc(i);
          child.createLoc = loc !== 0 ? model.loc(loc) : undefined;
        }
        break;
      }
      case Kind.GoBlock: {
        const reason = cols.reason(i);
        settle(g, t, reason === SLEEP ? SLEEPING : BLOCKED, reason, i);
        const queue = LOCK_WAITS.has(reason) ? locks : reason === WG_WAIT ? wgs : undefined;
        if (queue) {
          for (let j = 0, m = cols.onCount(i); j < m; j++) {
            const q = queue.get(cols.on(i, j));
            if (q) waiters.join(q, g, t);
          }
        }
        break;
      }
      case Kind.GoUnblock: {
        const target = cols.subject(i);
        waiters.leaveAll(target, t);
        if (target !== 0) settle(target, t, RUNNABLE, -1, i);
        break;
      }
      case Kind.GoYield:
        settle(g, t, RUNNABLE, -1, i);
        break;
      case Kind.GoEnd:
      case Kind.MainReturn:
        waiters.leaveAll(g, t);
        settle(g, t, DONE, -1, i);
        break;
      case Kind.ChanMake: {
        const e = cols.event(i) as Extract<TraceEvent, { k: "chan.make" }>;
        chans.set(e.ch, new ChannelBuilder(e.ch, e.name, e.cap, t, objectCounts(model, kinds, e.ch)));
        break;
      }
      case Kind.ChanSend: {
        const c = chans.get(cols.subject(i));
        c?.occupancy.push(t, cols.len(i));
        c?.sends.push(t, i);
        break;
      }
      case Kind.ChanRecv: {
        const c = chans.get(cols.subject(i));
        c?.occupancy.push(t, cols.len(i));
        c?.recvs.push(t, i);
        break;
      }
      case Kind.ChanClose: {
        const c = chans.get(cols.subject(i));
        if (c && c.closedAt === undefined) c.closedAt = t;
        break;
      }
      case Kind.MutexMake:
      case Kind.RwmutexMake: {
        const e = cols.event(i) as Extract<TraceEvent, { k: "mutex.make" | "rwmutex.make" }>;
        locks.set(e.id, new LockBuilder(kind === Kind.MutexMake ? "mutex" : "rwmutex", e.id, e.name, t, objectCounts(model, kinds, e.id)));
        break;
      }
      case Kind.MutexLock:
        lock(locks.get(cols.subject(i)), t, g, false);
        break;
      case Kind.MutexUnlock:
        locks.get(cols.subject(i))?.unlock(t, g, false);
        break;
      case Kind.RwmutexLock:
        lock(locks.get(cols.subject(i)), t, g, cols.read(i));
        break;
      case Kind.RwmutexUnlock:
        locks.get(cols.subject(i))?.unlock(t, g, cols.read(i));
        break;
      case Kind.WgMake: {
        const e = cols.event(i) as Extract<TraceEvent, { k: "wg.make" }>;
        wgs.set(e.id, new WaitGroupBuilder(e.id, e.name, t, objectCounts(model, kinds, e.id)));
        break;
      }
      case Kind.WgAdd:
        wgs.get(cols.subject(i))?.counter.push(t, cols.count(i));
        break;
      default:
        break;
    }
  }

  const orderedLanes = buildLaneTree(model, lanes, end);
  const channels = [...chans.values()].map((c) => c.finish());
  const lockTracks = [...locks.values()].map((l) => l.finish());
  const waitGroups = [...wgs.values()].map((w) => w.finish());
  const trackById = new Map<number, ObjectTrack>();
  for (const tr of [...channels, ...lockTracks, ...waitGroups]) trackById.set(tr.id, tr);
  return {
    model, axis, start: 0, end, lanes: orderedLanes, laneById: new Map(orderedLanes.map((l) => [l.id, l])),
    channels, locks: lockTracks, waitGroups, trackById, arrows: deriveArrows(model, times, kinds, gs), times, kinds, gs,
  };
}

/** Events of each kind naming object `id`, which size its track's arrays. */
function objectCounts(model: TraceModel, kinds: Uint8Array, id: number): ObjectEventCounts {
  const info = model.object(id);
  return info ? countObjectEvents(model.eventsOf(info), kinds) : UNKNOWN_COUNTS;
}

function indexColumn(n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Lanes in depth-first creation order; a goroutine whose parent is unknown is a root. */
function buildLaneTree(model: TraceModel, builders: Map<number, LaneBuilder>, end: number): GoroutineLane[] {
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  for (const g of model.goroutines) {
    if (g.parent !== undefined && builders.has(g.parent)) {
      let list = children.get(g.parent);
      if (!list) children.set(g.parent, (list = []));
      list.push(g.id);
    } else roots.push(g.id);
  }
  const out: GoroutineLane[] = [];
  const stack: [number, number][] = roots.reverse().map((id) => [id, 0]);
  while (stack.length > 0) {
    const [id, depth] = stack.pop()!;
    const info = model.goroutine(id)!;
    const kids = children.get(id) ?? [];
    out.push(builders.get(id)!.finish(end, { name: info.name, parent: info.parent, children: kids, depth, events: model.eventsOf(info) }));
    for (let k = kids.length - 1; k >= 0; k--) stack.push([kids[k]!, depth + 1]);
  }
  return out;
}
