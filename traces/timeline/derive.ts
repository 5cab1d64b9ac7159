/**
 * Everything the timeline draws, derived in one pass over the events (memoized per model and
 * axis): goroutine lanes, object tracks, arrows, and per-event x/kind/goroutine columns for the
 * per-frame lookups. Nothing here knows about pixels.
 *
 * Every x in it (segment bounds, steps, ticks, arrow ends, `times`, `start`/`end`) is in the
 * unit of its axis (axis.ts): ns on the time axis, event indices on the event axis, where event
 * i sits at x = i and the trace ends at `eventCount`. Only that unit differs between the two.
 */
import { EVENT_KINDS, type EventKind, type TraceEvent } from "../format/schema";
import type { TraceModel } from "../model";
import { ARROW_CREATE, ARROW_SEND, ARROW_WAKE, ArrowBuilder, type Arrows } from "./arrows";
import type { TimelineAxis } from "./axis";
import { LaneBuilder, type GoroutineLane } from "./goroutine-lanes";
import { ChannelBuilder, LockBuilder, WaitGroupBuilder, type ChannelTrack, type LockTrack, type ObjectTrack, type WaitGroupTrack } from "./object-tracks";
import { BLOCKED, DONE, RUNNABLE, RUNNING, SLEEPING, reasonCode } from "./status";

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
  /** Per event: its x (time in ns, or its own index), EVENT_KINDS index, acting goroutine. */
  readonly times: Float64Array;
  readonly kinds: Uint8Array;
  readonly gs: Int32Array;
}

export const KIND_INDEX: ReadonlyMap<EventKind, number> = new Map(EVENT_KINDS.map((k, i) => [k, i]));

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
  const times = new Float64Array(n);
  const kinds = new Uint8Array(n);
  const gs = new Int32Array(n);
  const lanes = new Map<number, LaneBuilder>();
  for (const g of model.goroutines) lanes.set(g.id, new LaneBuilder(g.id));
  lanes.get(1)?.set(0, RUNNABLE, -1, 0); // main is runnable before the first event
  const chans = new Map<number, ChannelBuilder>();
  const locks = new Map<number, LockBuilder>();
  const wgs = new Map<number, WaitGroupBuilder>();
  const arrows = new ArrowBuilder();
  let running = -1;
  // Where each blocked goroutine is counted as a waiter; it leaves when served or woken (docs/model.md).
  const queued = new Map<number, (LockBuilder | WaitGroupBuilder)[]>();
  const leaveQueues = (g: number, t: number) => {
    const qs = queued.get(g);
    if (!qs) return;
    queued.delete(g);
    for (const q of qs) q.leave(t, g);
  };
  const enqueue = (q: LockBuilder | WaitGroupBuilder | undefined, g: number, t: number) => {
    if (!q) return;
    q.wait(t, g);
    let qs = queued.get(g);
    if (!qs) queued.set(g, (qs = []));
    qs.push(q);
  };

  const noteActor = (g: number, t: number, i: number, isBlock: boolean) => {
    const lane = lanes.get(g);
    if (!lane) return;
    const s = lane.status;
    if (s === BLOCKED || s === SLEEPING) {
      if (!isBlock) leaveQueues(g, t); // an operation completed on its behalf
      return;
    }
    if (s === DONE || s === RUNNING) return;
    if (running >= 0 && running !== g) {
      const r = lanes.get(running);
      if (r && r.status === RUNNING) r.set(t, RUNNABLE, -1, i);
    }
    lane.set(t, RUNNING, -1, i);
    running = g;
  };
  const settle = (g: number, t: number, status: number, reason: number, i: number) => {
    const lane = lanes.get(g);
    if (!lane || lane.status === DONE) return;
    lane.set(t, status, reason, i);
    if (running === g) running = -1;
  };

  for (let i = 0; i < n; i++) {
    const e: TraceEvent = model.event(i);
    const t = byIndex ? i : e.t;
    const g = e.g;
    times[i] = t;
    const ki = KIND_INDEX.get(e.k) ?? 0;
    kinds[i] = ki;
    gs[i] = g;
    if (g > 0) noteActor(g, t, i, e.k === "go.block");
    switch (e.k) {
      case "go.create": {
        const child = lanes.get(e.child);
        if (child) {
          child.set(t, RUNNABLE, -1, i);
          child.createdIndex = i;
          child.createLoc = e.loc !== undefined ? model.loc(e.loc) : undefined;
        }
        if (g > 0) arrows.push(ARROW_CREATE, t, g, t, e.child, i);
        break;
      }
      case "go.block": {
        settle(g, t, e.reason === "sleep" ? SLEEPING : BLOCKED, reasonCode(e.reason), i);
        if (e.reason === "mutex.lock" || e.reason === "rwmutex.lock" || e.reason === "rwmutex.rlock") {
          for (const id of e.on) enqueue(locks.get(id), g, t);
        } else if (e.reason === "wg.wait") for (const id of e.on) enqueue(wgs.get(id), g, t);
        break;
      }
      case "go.unblock":
        leaveQueues(e.target, t);
        if (e.target !== 0) settle(e.target, t, RUNNABLE, -1, i);
        if (g > 0) arrows.push(ARROW_WAKE, t, g, t, e.target, i);
        break;
      case "go.yield":
        settle(g, t, RUNNABLE, -1, i);
        break;
      case "go.end":
      case "main.return":
        leaveQueues(g, t);
        settle(g, t, DONE, -1, i);
        break;
      case "chan.make":
        chans.set(e.ch, new ChannelBuilder(e.ch, e.name, e.cap, t));
        break;
      case "chan.send": {
        const c = chans.get(e.ch);
        c?.occupancy.push(t, e.len);
        c?.sends.push(t, i);
        break;
      }
      case "chan.recv": {
        const c = chans.get(e.ch);
        c?.occupancy.push(t, e.len);
        c?.recvs.push(t, i);
        if (e.from !== undefined) {
          const si = model.indexOfSeq(e.from);
          if (si >= 0 && si < i && gs[si]! > 0 && g > 0) arrows.push(ARROW_SEND, times[si]!, gs[si]!, t, g, i);
        }
        break;
      }
      case "chan.close": {
        const c = chans.get(e.ch);
        if (c && c.closedAt === undefined) c.closedAt = t;
        break;
      }
      case "mutex.make":
      case "rwmutex.make":
        locks.set(e.id, new LockBuilder(e.k === "mutex.make" ? "mutex" : "rwmutex", e.id, e.name, t));
        break;
      case "mutex.lock":
        locks.get(e.id)?.lock(t, g, false);
        break;
      case "mutex.unlock":
        locks.get(e.id)?.unlock(t, g, false);
        break;
      case "rwmutex.lock":
        locks.get(e.id)?.lock(t, g, e.read);
        break;
      case "rwmutex.unlock":
        locks.get(e.id)?.unlock(t, g, e.read);
        break;
      case "wg.make":
        wgs.set(e.id, new WaitGroupBuilder(e.id, e.name, t));
        break;
      case "wg.add":
        wgs.get(e.id)?.counter.push(t, e.count);
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
