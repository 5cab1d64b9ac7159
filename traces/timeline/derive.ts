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
import { ARROW_CREATE, ARROW_SEND, ARROW_WAKE, ArrowBuilder, type Arrows } from "./arrows";
import type { TimelineAxis } from "./axis";
import { LaneBuilder, type GoroutineLane } from "./goroutine-lanes";
import { ChannelBuilder, LockBuilder, WaitGroupBuilder, type ChannelTrack, type LockTrack, type ObjectTrack, type WaitGroupTrack } from "./object-tracks";
import { BLOCKED, DONE, RUNNABLE, RUNNING, SLEEPING } from "./status";

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
  readonly gs: Int32Array;
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
  for (const g of model.goroutines) lanes.set(g.id, new LaneBuilder(g.id));
  lanes.get(1)?.set(0, RUNNABLE, -1, 0); // main is runnable before the first event
  // Lanes by id in an array while ids are small (they count up from 1): two lookups per event.
  const dense: (LaneBuilder | undefined)[] = [];
  for (const [id, lane] of lanes) if (id >= 0 && id < DENSE_IDS) dense[id] = lane;
  const laneOf = (g: number): LaneBuilder | undefined => (g >= 0 && g < DENSE_IDS ? dense[g] : lanes.get(g));
  const chans = new Map<number, ChannelBuilder>();
  const locks = new Map<number, LockBuilder>();
  const wgs = new Map<number, WaitGroupBuilder>();
  const arrows = new ArrowBuilder(arrowBound(kinds));
  let running = -1;
  // Where each blocked goroutine is counted as a waiter; it leaves when served or woken (docs/model.md).
  // A goroutine's list is emptied, not dropped, when it leaves: one array per goroutine at most.
  const queued = new Map<number, (LockBuilder | WaitGroupBuilder)[]>();
  const leaveQueues = (g: number, t: number) => {
    const qs = queued.get(g);
    if (!qs || qs.length === 0) return;
    for (const q of qs) q.leave(t, g);
    qs.length = 0;
  };
  const enqueue = (q: LockBuilder | WaitGroupBuilder | undefined, g: number, t: number) => {
    if (!q) return;
    q.wait(t, g);
    let qs = queued.get(g);
    if (!qs) queued.set(g, (qs = []));
    qs.push(q);
  };

  const noteActor = (g: number, t: number, i: number, isBlock: boolean) => {
    const lane = laneOf(g);
    if (!lane) return;
    const s = lane.status;
    if (s === BLOCKED || s === SLEEPING) {
      if (!isBlock) leaveQueues(g, t); // an operation completed on its behalf
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
        const child = lanes.get(id);
        if (child) {
          child.set(t, RUNNABLE, -1, i);
          child.createdIndex = i;
          const loc = cols.loc(i);
          child.createLoc = loc !== 0 ? model.loc(loc) : undefined;
        }
        if (g > 0) arrows.push(ARROW_CREATE, t, g, t, id, i);
        break;
      }
      case Kind.GoBlock: {
        const reason = cols.reason(i);
        settle(g, t, reason === SLEEP ? SLEEPING : BLOCKED, reason, i);
        const queue = LOCK_WAITS.has(reason) ? locks : reason === WG_WAIT ? wgs : undefined;
        if (queue) for (let j = 0, m = cols.onCount(i); j < m; j++) enqueue(queue.get(cols.on(i, j)), g, t);
        break;
      }
      case Kind.GoUnblock: {
        const target = cols.subject(i);
        leaveQueues(target, t);
        if (target !== 0) settle(target, t, RUNNABLE, -1, i);
        if (g > 0) arrows.push(ARROW_WAKE, t, g, t, target, i);
        break;
      }
      case Kind.GoYield:
        settle(g, t, RUNNABLE, -1, i);
        break;
      case Kind.GoEnd:
      case Kind.MainReturn:
        leaveQueues(g, t);
        settle(g, t, DONE, -1, i);
        break;
      case Kind.ChanMake: {
        const e = cols.event(i) as Extract<TraceEvent, { k: "chan.make" }>;
        chans.set(e.ch, new ChannelBuilder(e.ch, e.name, e.cap, t, eventCount(model, e.ch)));
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
        const from = cols.from(i);
        if (from !== 0) {
          const si = model.indexOfSeq(from);
          if (si >= 0 && si < i && gs[si]! > 0 && g > 0) arrows.push(ARROW_SEND, times[si]!, gs[si]!, t, g, i);
        }
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
        locks.set(e.id, new LockBuilder(kind === Kind.MutexMake ? "mutex" : "rwmutex", e.id, e.name, t, eventCount(model, e.id)));
        break;
      }
      case Kind.MutexLock:
        locks.get(cols.subject(i))?.lock(t, g, false);
        break;
      case Kind.MutexUnlock:
        locks.get(cols.subject(i))?.unlock(t, g, false);
        break;
      case Kind.RwmutexLock:
        locks.get(cols.subject(i))?.lock(t, g, cols.read(i));
        break;
      case Kind.RwmutexUnlock:
        locks.get(cols.subject(i))?.unlock(t, g, cols.read(i));
        break;
      case Kind.WgMake: {
        const e = cols.event(i) as Extract<TraceEvent, { k: "wg.make" }>;
        wgs.set(e.id, new WaitGroupBuilder(e.id, e.name, t, eventCount(model, e.id)));
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
    channels, locks: lockTracks, waitGroups, trackById, arrows: arrows.finish(), times, kinds, gs,
  };
}

/** Events naming object `id`. */
function eventCount(model: TraceModel, id: number): number {
  const info = model.object(id);
  return info ? model.eventsOf(info).length : 8;
}

/** Arrows come only from creates, wakes and receives: their count bounds the arrows. */
function arrowBound(kinds: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i]!;
    if (k === Kind.GoCreate || k === Kind.GoUnblock || k === Kind.ChanRecv) n++;
  }
  return n;
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
