/**
 * The debugger's cursor commands, shared by the toolbar buttons and the keyboard: each reads the
 * store, asks stepping.ts where to go, and moves the cursor there. A move by the user stops
 * following a live run (the view no longer jumps to the newest events) and clears the last stop
 * reason; a move that cannot go anywhere leaves everything as it was.
 */
import type { EventKind } from "../../../traces/format/schema";
import type { ModelEntity, TraceModel } from "../../../traces/model";
import type { Breakpoint } from "../store/debug-slice";
import type { Store, StoreApi } from "../store/store";
import { continueTo, createBreakpointMatcher, stepEntity, stepEvent, stepFinding, stepKind, type BreakpointMatcher, type Direction } from "./stepping";

const BLOCK: ReadonlySet<EventKind> = new Set(["go.block"]);
const UNBLOCK: ReadonlySet<EventKind> = new Set(["go.unblock"]);

/** The cursor as stepping sees it (undefined: none yet). */
export const cursorOf = (s: Pick<Store, "cursor">): number | undefined => s.cursor ?? undefined;

/** The event index the state panels describe: the cursor, or the last event when there is none. */
export function effectiveCursor(s: Pick<Store, "cursor" | "loaded">): number | undefined {
  const n = s.loaded?.model.eventCount ?? 0;
  if (n === 0) return undefined;
  return s.cursor === null ? n - 1 : Math.min(s.cursor, n - 1);
}

export function moveCursor(store: StoreApi, index: number | undefined, stopReason: string | null = null): boolean {
  if (index === undefined) return false;
  const st = store.getState();
  if (st.follow) st.setFollow(false);
  st.setStopReason(stopReason);
  st.setCursor(index);
  return true;
}

const withModel = (store: StoreApi, f: (model: TraceModel, s: Store) => number | undefined): boolean => {
  const s = store.getState();
  const model = s.loaded?.model;
  if (!model) return false;
  return moveCursor(store, f(model, s));
};

export const stepOne = (store: StoreApi, dir: Direction): boolean => withModel(store, (m, s) => stepEvent(m, cursorOf(s), dir));
export const stepBlock = (store: StoreApi, dir: Direction): boolean => withModel(store, (m, s) => stepKind(m, cursorOf(s), BLOCK, dir));
export const stepUnblock = (store: StoreApi, dir: Direction): boolean => withModel(store, (m, s) => stepKind(m, cursorOf(s), UNBLOCK, dir));
export const stepToFinding = (store: StoreApi, dir: Direction): boolean =>
  withModel(store, (m, s) => stepFinding(m, (s.loaded?.diagnostics ?? []).map((d) => d.seq), cursorOf(s), dir));
export const jumpTo = (store: StoreApi, where: "first" | "last"): boolean =>
  withModel(store, (m) => (m.eventCount === 0 ? undefined : where === "first" ? 0 : m.eventCount - 1));

/**
 * The goroutine or object Shift+arrows follow: the selected goroutine or object; for a selected
 * event, its goroutine; with nothing selected, the goroutine of the event at the cursor.
 */
export function focusEntity(s: Store): ModelEntity | undefined {
  const model = s.loaded?.model;
  if (!model) return undefined;
  const sel = s.selection;
  if (sel?.kind === "goroutine") return model.goroutine(sel.id);
  if (sel?.kind === "object") return model.object(sel.id);
  const i = sel?.kind === "event" ? sel.index : effectiveCursor(s);
  if (i === undefined || i >= model.eventCount) return undefined;
  return model.goroutine(model.event(i).g);
}

export const stepEntityOf = (store: StoreApi, dir: Direction): boolean =>
  withModel(store, (m, s) => {
    const entity = focusEntity(s);
    return entity ? stepEntity(m, cursorOf(s), entity, dir) : undefined;
  });

let matcherCache: { model: TraceModel; breakpoints: readonly Breakpoint[]; matcher: BreakpointMatcher } | undefined;

/** One compiled matcher per (model, breakpoint list). */
export function matcherFor(s: Pick<Store, "loaded" | "breakpoints">): BreakpointMatcher {
  const model = s.loaded?.model;
  if (!model) return () => undefined;
  if (matcherCache?.model !== model || matcherCache.breakpoints !== s.breakpoints) {
    matcherCache = { model, breakpoints: s.breakpoints, matcher: createBreakpointMatcher(model, s.breakpoints) };
  }
  return matcherCache.matcher;
}

/** Continue to the next (or previous) breakpoint, or to the last (first) event when none stops. */
export function continueRun(store: StoreApi, dir: Direction): boolean {
  const s = store.getState();
  const model = s.loaded?.model;
  if (!model) return false;
  const { index, hit } = continueTo(model, cursorOf(s), matcherFor(s), dir);
  return moveCursor(store, index, hit ? `breakpoint: ${describeBreakpoint(hit, model)}` : dir === 1 ? "end of trace" : "start of trace");
}

export function describeBreakpoint(bp: Breakpoint, model?: TraceModel): string {
  switch (bp.kind) {
    case "event-kind":
      return `any ${bp.eventKind}`;
    case "object":
      return `any operation on ${model?.object(bp.id)?.name ?? `#${bp.id}`}`;
    case "goroutine":
      return `goroutine ${model?.goroutine(bp.id)?.name ?? ""} #${bp.id}`.replace("  ", " ");
    case "line":
      return `${bp.file.split("/").pop()}:${bp.line}`;
  }
}
