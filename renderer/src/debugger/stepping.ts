/**
 * Moving the debugger's cursor over a trace's event sequence: one event, the next event of a
 * goroutine or object, the next block / unblock / finding, and "continue" to the next breakpoint.
 * Pure functions of the model: they return the new event index, or undefined when there is
 * nowhere to go in that direction (the caller leaves the cursor where it is).
 *
 * Conventions: indices are the model's 0-based event indices; `from` undefined means "no cursor
 * yet", from which forward starts at the first event and backward at the last.
 */
import type { EventKind } from "../../../traces/format/schema";
import type { ModelEntity, TraceModel } from "../../../traces/model";
import type { Breakpoint } from "../store/debug-slice";

export type Direction = 1 | -1;

/** The index one event away, or undefined past either end. */
export function stepEvent(model: TraceModel, from: number | undefined, dir: Direction): number | undefined {
  const n = model.eventCount;
  if (n === 0) return undefined;
  if (from === undefined) return dir === 1 ? 0 : n - 1;
  const to = from + dir;
  return to >= 0 && to < n ? to : undefined;
}

/** The next (or previous) event after `from` that involves `entity` (binary search in `eventsOf`). */
export function stepEntity(model: TraceModel, from: number | undefined, entity: ModelEntity, dir: Direction): number | undefined {
  const list = model.eventsOf(entity);
  if (list.length === 0) return undefined;
  if (from === undefined) return dir === 1 ? list[0] : list[list.length - 1];
  // First position whose index is > from.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= from) lo = mid + 1;
    else hi = mid;
  }
  if (dir === 1) return lo < list.length ? list[lo] : undefined;
  const before = list[lo - 1] === from ? lo - 2 : lo - 1;
  return before >= 0 ? list[before] : undefined;
}

/** The next (or previous) event of one of `kinds` (a linear scan: blocks and unblocks are dense). */
export function stepKind(model: TraceModel, from: number | undefined, kinds: ReadonlySet<EventKind>, dir: Direction): number | undefined {
  return scan(model, from, dir, (i) => kinds.has(model.event(i).k));
}

/** The next (or previous) finding's event; several findings at one event count once. */
export function stepFinding(model: TraceModel, seqs: readonly number[], from: number | undefined, dir: Direction): number | undefined {
  const indices = [...new Set(seqs.map((s) => model.indexOfSeq(s)).filter((i) => i >= 0))].sort((a, b) => a - b);
  if (indices.length === 0) return undefined;
  if (from === undefined) return dir === 1 ? indices[0] : indices[indices.length - 1];
  return dir === 1 ? indices.find((i) => i > from) : [...indices].reverse().find((i) => i < from);
}

/** Which breakpoint (if any) stops at event `i`: the first one in the list that matches. */
export type BreakpointMatcher = (i: number) => Breakpoint | undefined;

/**
 * Compiles breakpoints against one model: object and goroutine breakpoints use `eventsOf` (so
 * "any operation on `results`" includes a select or a block naming it); line breakpoints match
 * the `loc` of the event; kind breakpoints its `k`.
 */
export function createBreakpointMatcher(model: TraceModel, breakpoints: readonly Breakpoint[]): BreakpointMatcher {
  if (breakpoints.length === 0) return () => undefined;
  const tests = breakpoints.map((bp): ((i: number) => boolean) => {
    switch (bp.kind) {
      case "event-kind":
        return (i) => model.event(i).k === bp.eventKind;
      case "object":
      case "goroutine": {
        const entity = bp.kind === "object" ? model.object(bp.id) : model.goroutine(bp.id);
        if (!entity) return () => false;
        const list = model.eventsOf(entity);
        return (i) => contains(list, i);
      }
      case "line": {
        const locs = new Set(model.locs.filter((l) => l.line === bp.line && sameFile(l.file, bp.file)).map((l) => l.id));
        if (locs.size === 0) return () => false;
        return (i) => {
          const loc = model.event(i).loc;
          return loc !== undefined && locs.has(loc);
        };
      }
    }
  });
  return (i) => {
    for (let b = 0; b < tests.length; b++) if (tests[b]!(i)) return breakpoints[b];
    return undefined;
  };
}

/** Continue: the first event strictly after (or before) `from` where a breakpoint stops; the last (first) event when none does. */
export function continueTo(
  model: TraceModel,
  from: number | undefined,
  matcher: BreakpointMatcher,
  dir: Direction,
): { readonly index: number | undefined; readonly hit: Breakpoint | undefined } {
  let hit: Breakpoint | undefined;
  const index = scan(model, from, dir, (i) => (hit = matcher(i)) !== undefined);
  if (index !== undefined) return { index, hit };
  const n = model.eventCount;
  const last = dir === 1 ? n - 1 : 0;
  return { index: n === 0 || last === from ? undefined : last, hit: undefined };
}

/**
 * Playback: up to `count` events forward from `from`, stopping early on an event a breakpoint
 * matches. `end` is true when the cursor reached the last event.
 */
export function advance(
  model: TraceModel,
  from: number | undefined,
  count: number,
  matcher: BreakpointMatcher,
): { readonly index: number | undefined; readonly hit: Breakpoint | undefined; readonly end: boolean } {
  const n = model.eventCount;
  let i = from;
  for (let k = 0; k < count; k++) {
    const next = stepEvent(model, i, 1);
    if (next === undefined) break;
    i = next;
    const hit = matcher(i);
    if (hit) return { index: i, hit, end: i === n - 1 };
  }
  return { index: i, hit: undefined, end: n === 0 || i === n - 1 };
}

/** Locations are relative to the run's folder or absolute: a breakpoint set on `a/b.ts` also matches `/x/a/b.ts`. */
export function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  const norm = (s: string) => s.replace(/\\/g, "/");
  const x = norm(a);
  const y = norm(b);
  return x.endsWith(`/${y}`) || y.endsWith(`/${x}`);
}

function scan(model: TraceModel, from: number | undefined, dir: Direction, test: (i: number) => boolean): number | undefined {
  const n = model.eventCount;
  const start = from === undefined ? (dir === 1 ? 0 : n - 1) : from + dir;
  for (let i = start; i >= 0 && i < n; i += dir) if (test(i)) return i;
  return undefined;
}

function contains(list: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
