/**
 * Trace statistics: how each goroutine spent its life (running, runnable, blocked, sleeping), and
 * where the program waited, grouped by call site like Go's blocking profile, and by object where
 * the trace names one (ours do; Go traces do not record which channel or lock).
 *
 * Invariants: the durations come from the timeline's lane segments (traces/timeline), so a
 * goroutine's four state times sum to its lifetime (creation to end, or to the trace's end), and
 * the sites' totals sum to the lanes' blocked + sleeping time. A block's duration runs from its
 * `go.block` to the goroutine's next state change; a block that lasted no time (woken at once, or
 * merged into the wait before it) counts with 0 ns. Pure: no I/O.
 */
import type { BlockReason, ObjectKind } from "../format/schema";
import type { SourceLocation, TraceModel } from "../model";
import { BLOCKED, KIND_INDEX, RUNNABLE, RUNNING, SLEEPING, STATE_COUNT, deriveTimeline, reasonName, type GoroutineLane, type TimelineData } from "../timeline";

/** How one goroutine spent its life; times in ns. */
export interface GoroutineStats {
  readonly id: number;
  readonly name: string;
  /** From its creation (main: the trace's start) to its end, or to the trace's end. */
  readonly lifetime: number;
  readonly running: number;
  readonly runnable: number;
  readonly blocked: number;
  readonly sleeping: number;
  /** Its `go.block` events (sleeps included). */
  readonly blocks: number;
  /** Still blocked or sleeping when the trace ended: the reason. */
  readonly endedWaiting?: BlockReason;
}

/** Every block at one call site for one reason (the blocking profile's row); times in ns. */
export interface BlockingSite {
  /** Where the goroutine blocked (`loc` of its `go.block`); undefined when the event has none. */
  readonly loc: SourceLocation | undefined;
  readonly reason: BlockReason;
  readonly count: number;
  readonly total: number;
  readonly max: number;
  /** The longest block there: its `go.block` event index and goroutine. */
  readonly longestIndex: number;
  readonly longestG: number;
  /** Distinct goroutines that blocked there. */
  readonly goroutines: number;
  /** Blocks still unfinished when the trace ended. */
  readonly unfinished: number;
}

/** Time goroutines spent waiting on one object named by `go.block` `on`; times in ns. */
export interface ObjectWait {
  readonly id: number;
  readonly kind: ObjectKind | undefined;
  readonly name: string;
  readonly count: number;
  readonly total: number;
}

export interface TraceStatistics {
  /** The trace's extent, ns. */
  readonly duration: number;
  /** "go1.21" etc. for a trace imported from Go: its sites are call sites, never object identities. */
  readonly source?: string;
  /** In timeline (creation-tree) order. */
  readonly goroutines: readonly GoroutineStats[];
  /** By total blocked time, longest first (then by count, then by place). */
  readonly sites: readonly BlockingSite[];
  /** By total wait, longest first; empty for Go traces. */
  readonly objects: readonly ObjectWait[];
}

interface SiteAcc {
  loc: SourceLocation | undefined;
  reason: BlockReason;
  count: number;
  total: number;
  max: number;
  longestIndex: number;
  longestG: number;
  gs: Set<number>;
  unfinished: number;
}

/** The statistics of a whole trace. `timeline` defaults to the model's (memoized) derivation. */
export function traceStatistics(model: TraceModel, timeline: TimelineData = deriveTimeline(model)): TraceStatistics {
  const { sites, objects, blocksOf } = collectBlocks(model, timeline, waitsByBlock(timeline));
  return {
    duration: timeline.end - timeline.start,
    ...(model.header?.source !== undefined ? { source: model.header.source } : {}),
    goroutines: timeline.lanes.map((lane) => goroutineStats(lane, blocksOf.get(lane.id) ?? 0)),
    sites: [...sites.values()].map(finishSite).sort(compareSites),
    objects: [...objects].map(([id, o]) => {
      const info = model.object(id);
      return { id, kind: info?.kind, name: info?.name ?? `object #${id}`, count: o.count, total: o.total };
    }).sort((a, b) => b.total - a.total || b.count - a.count || a.id - b.id),
  };
}

interface Wait {
  readonly dur: number;
  /** The lane's last segment: still waiting when the trace ended. */
  readonly open: boolean;
}

/** Each blocked or sleeping segment, keyed by the index of the event that began it (its go.block). */
function waitsByBlock(timeline: TimelineData): Map<number, Wait> {
  const waits = new Map<number, Wait>();
  for (const lane of timeline.lanes) {
    for (let i = 0; i < lane.n; i++) {
      const s = lane.status[i];
      if (s === BLOCKED || s === SLEEPING) waits.set(lane.ev[i]!, { dur: lane.t1[i]! - lane.t0[i]!, open: i === lane.n - 1 });
    }
  }
  return waits;
}

/** One pass over the go.block events: per site, per object named in `on`, per goroutine. */
function collectBlocks(model: TraceModel, timeline: TimelineData, waits: ReadonlyMap<number, Wait>) {
  const blockKind = KIND_INDEX.get("go.block");
  const sites = new Map<string, SiteAcc>();
  const objects = new Map<number, { count: number; total: number }>();
  const blocksOf = new Map<number, number>();
  for (let i = 0; i < timeline.kinds.length; i++) {
    if (timeline.kinds[i] !== blockKind) continue;
    const e = model.event(i);
    if (e.k !== "go.block") continue;
    const w = waits.get(i);
    const dur = w?.dur ?? 0;
    blocksOf.set(e.g, (blocksOf.get(e.g) ?? 0) + 1);
    const key = `${e.loc ?? -1}\u0000${e.reason}`;
    let site = sites.get(key);
    if (!site) {
      site = { loc: e.loc !== undefined ? model.loc(e.loc) : undefined, reason: e.reason, count: 0, total: 0, max: -1, longestIndex: i, longestG: e.g, gs: new Set(), unfinished: 0 };
      sites.set(key, site);
    }
    site.count++;
    site.total += dur;
    site.gs.add(e.g);
    if (w?.open) site.unfinished++;
    if (dur > site.max) {
      site.max = dur;
      site.longestIndex = i;
      site.longestG = e.g;
    }
    for (const id of e.on) {
      const o = objects.get(id) ?? { count: 0, total: 0 };
      o.count++;
      o.total += dur;
      objects.set(id, o);
    }
  }
  return { sites, objects, blocksOf };
}

function goroutineStats(lane: GoroutineLane, blocks: number): GoroutineStats {
  const row = lane.n * STATE_COUNT;
  const t = (s: number) => lane.cum[row + s]!;
  const last = lane.n - 1;
  const waiting = last >= 0 && (lane.status[last] === BLOCKED || lane.status[last] === SLEEPING);
  const reason = waiting ? reasonName(lane.reason[last]!) : undefined;
  return {
    id: lane.id,
    name: lane.name,
    lifetime: t(RUNNING) + t(RUNNABLE) + t(BLOCKED) + t(SLEEPING),
    running: t(RUNNING),
    runnable: t(RUNNABLE),
    blocked: t(BLOCKED),
    sleeping: t(SLEEPING),
    blocks,
    ...(reason !== undefined ? { endedWaiting: reason } : {}),
  };
}

function finishSite(s: SiteAcc): BlockingSite {
  return {
    loc: s.loc, reason: s.reason, count: s.count, total: s.total, max: Math.max(0, s.max),
    longestIndex: s.longestIndex, longestG: s.longestG, goroutines: s.gs.size, unfinished: s.unfinished,
  };
}

function compareSites(a: BlockingSite, b: BlockingSite): number {
  return b.total - a.total || b.count - a.count || placeOf(a).localeCompare(placeOf(b)) || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0);
}

const placeOf = (s: BlockingSite) => (s.loc ? `${s.loc.file}:${String(s.loc.line).padStart(8, "0")}` : "");

/** Lifetime share (0..1) of a state time; 0 for a goroutine that lived no time. */
export function shareOf(time: number, lifetime: number): number {
  return lifetime > 0 ? time / lifetime : 0;
}
