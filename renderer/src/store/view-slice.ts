/**
 * The visible window of the timeline (an x range and a vertical scroll), display options and the
 * theme. x is in the unit of the chosen axis (traces/timeline/axis.ts): ns on the time axis, event
 * indices on the event axis. Zoom and pan keep the range inside the trace (with a margin) and
 * never narrower than `minSpan(axis)`. Whatever moves the view to an event or a time converts
 * through `xOfEvent` / `xOfTime`.
 */
import type { StateCreator } from "zustand";
import { firstIndexAtOrAfter, lastIndexAtOrBefore, type TimelineAxis } from "../../../traces/timeline/axis";
import type { Store } from "./store";

export type Theme = "dark" | "light";

export interface ArrowToggles {
  readonly send: boolean;
  readonly create: boolean;
  readonly wake: boolean;
}

export interface ViewSlice {
  /** The timeline's x unit: time (ns) or event order (one unit per event). Chosen per trace by `resetForTrace`. */
  axis: TimelineAxis;
  /** The user chose the axis for this trace (the toggle); until then it follows the trace's shape. */
  axisByUser: boolean;
  /** Visible x range in the axis's unit: ns since the start of the run, or event indices. */
  viewStart: number;
  viewEnd: number;
  /** Vertical scroll of the track area, px. */
  scrollY: number;
  /** Goroutines whose children are folded into them. */
  collapsed: ReadonlySet<number>;
  arrows: ArrowToggles;
  theme: Theme;
  /** The stepping panels under the timeline (source, state at the cursor, wait-for graph). */
  stepPanels: boolean;
  setStepPanels(open: boolean): void;
  /** Switches the x axis, keeping the same events in view (the whole trace stays fitted). */
  setAxis(axis: TimelineAxis): void;
  setView(start: number, end: number): void;
  /** Zooms by `factor` (> 1 zooms in) keeping x `anchor` under the same pixel. */
  zoom(factor: number, anchor?: number): void;
  /** Pans by a fraction of the visible span (positive: later). */
  pan(fraction: number): void;
  fit(): void;
  setScrollY(y: number): void;
  toggleCollapsed(g: number): void;
  setArrows(arrows: Partial<ArrowToggles>): void;
  setTheme(theme: Theme): void;
  toggleTheme(): void;
}

export const MIN_SPAN_NS = 10;
export const MIN_SPAN_EVENTS = 4;

/** The narrowest view on an axis, in its unit. */
export const minSpan = (axis: TimelineAxis): number => (axis === "events" ? MIN_SPAN_EVENTS : MIN_SPAN_NS);

type ViewOf = Pick<Store, "loaded" | "axis">;

/** The trace's extent on the current axis: [0, last time] (at least 1 ns wide) or [0, eventCount]. */
export function traceExtent(store: ViewOf): [number, number] {
  const m = store.loaded?.model;
  if (!m || m.eventCount === 0) return [0, 1];
  if (store.axis === "events") return [0, m.eventCount];
  const end = Math.max(m.timeOf(m.eventCount - 1), m.end?.t ?? 0);
  return [0, Math.max(1, end)];
}

/** x of event `index` on the current axis: its time, or the index itself. */
export function xOfEvent(store: ViewOf, index: number): number {
  const m = store.loaded?.model;
  if (store.axis === "events" || !m || index < 0 || index >= m.eventCount) return index;
  return m.timeOf(index);
}

/** x of time t (ns) on the current axis: t, or the first event at or after it. */
export function xOfTime(store: ViewOf, t: number): number {
  const m = store.loaded?.model;
  return store.axis === "time" || !m ? t : firstIndexAtOrAfter(m, t);
}

/** Clamps a range to the trace extent plus 5% either side, keeping its width when it can. */
export function clampRange(start: number, end: number, extent: readonly [number, number], min = MIN_SPAN_NS): [number, number] {
  const margin = (extent[1] - extent[0]) * 0.05;
  const lo = extent[0] - margin;
  const hi = extent[1] + margin;
  let span = Math.max(min, end - start);
  span = Math.min(span, hi - lo);
  let s = start;
  if (s < lo) s = lo;
  if (s + span > hi) s = hi - span;
  return [s, s + span];
}

/**
 * The x range on axis `to` showing the events that [start, end] shows on the other axis: from
 * time to events, the units of the events inside the time range; from events to time, the
 * times of the first and last event whose unit the range overlaps.
 */
export function mapRange(store: Pick<Store, "loaded">, to: TimelineAxis, start: number, end: number): [number, number] {
  const m = store.loaded?.model;
  if (!m || m.eventCount === 0) return [start, end];
  if (to === "events") return [firstIndexAtOrAfter(m, start), lastIndexAtOrBefore(m, end) + 1];
  const clamp = (i: number) => Math.max(0, Math.min(m.eventCount - 1, i));
  return [m.timeOf(clamp(Math.floor(start))), m.timeOf(clamp(Math.ceil(end) - 1))];
}

/** The whole extent with a 1% margin either side. */
function fitted([s, e]: readonly [number, number]): [number, number] {
  const margin = (e - s) * 0.01;
  return [s - margin, e + margin];
}

export const createViewSlice: StateCreator<Store, [], [], ViewSlice> = (set, get) => ({
  axis: "time",
  axisByUser: false,
  viewStart: 0,
  viewEnd: 1,
  scrollY: 0,
  collapsed: new Set(),
  arrows: { send: true, create: true, wake: false },
  theme: "dark",
  stepPanels: false,
  setStepPanels: (stepPanels) => set({ stepPanels }),
  setAxis(axis) {
    const st = get();
    if (axis === st.axis) return;
    const [lo, hi] = traceExtent(st);
    const next = traceExtent({ loaded: st.loaded, axis });
    let range: [number, number];
    if (st.viewStart <= lo && st.viewEnd >= hi) range = fitted(next);
    else {
      const [s, e] = mapRange(st, axis, st.viewStart, st.viewEnd);
      // Too few events (or one instant) for the narrowest view: centre that view on them.
      const half = Math.max(e - s, minSpan(axis)) / 2;
      range = clampRange((s + e) / 2 - half, (s + e) / 2 + half, next, minSpan(axis));
    }
    // One update: subscribers never see the new axis with the old unit's range.
    set({ axis, axisByUser: true, viewStart: range[0], viewEnd: range[1] });
  },
  setView(start, end) {
    const st = get();
    const [s, e] = clampRange(start, end, traceExtent(st), minSpan(st.axis));
    set({ viewStart: s, viewEnd: e });
  },
  zoom(factor, anchor) {
    const { viewStart, viewEnd } = get();
    const a = anchor ?? (viewStart + viewEnd) / 2;
    const s = a - (a - viewStart) / factor;
    const e = a + (viewEnd - a) / factor;
    get().setView(s, e);
  },
  pan(fraction) {
    const { viewStart, viewEnd } = get();
    const d = (viewEnd - viewStart) * fraction;
    get().setView(viewStart + d, viewEnd + d);
  },
  fit() {
    const [s, e] = fitted(traceExtent(get()));
    set({ viewStart: s, viewEnd: e });
  },
  setScrollY: (scrollY) => set({ scrollY: Math.max(0, scrollY) }),
  toggleCollapsed(g) {
    const next = new Set(get().collapsed);
    if (!next.delete(g)) next.add(g);
    set({ collapsed: next });
  },
  setArrows: (arrows) => set({ arrows: { ...get().arrows, ...arrows } }),
  setTheme: (theme) => set({ theme }),
  toggleTheme: () => set({ theme: get().theme === "dark" ? "light" : "dark" }),
});
