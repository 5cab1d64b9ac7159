/**
 * The visible window of the timeline (a time range in ns and a vertical scroll), display options
 * and the theme. Zoom and pan keep the range inside the trace (with a margin) and never narrower
 * than `MIN_SPAN_NS`.
 */
import type { StateCreator } from "zustand";
import type { Store } from "./store";

export type Theme = "dark" | "light";

export interface ArrowToggles {
  readonly send: boolean;
  readonly create: boolean;
  readonly wake: boolean;
}

export interface ViewSlice {
  /** Visible time range, ns since the start of the run. */
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
  setView(start: number, end: number): void;
  /** Zooms by `factor` (> 1 zooms in) keeping time `anchor` under the same pixel. */
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

/** The trace's time extent, at least 1 ns wide. */
export function traceExtent(store: Pick<Store, "loaded">): [number, number] {
  const m = store.loaded?.model;
  if (!m || m.eventCount === 0) return [0, 1];
  const end = Math.max(m.timeOf(m.eventCount - 1), m.end?.t ?? 0);
  return [0, Math.max(1, end)];
}

/** Clamps a range to the trace extent plus 5% either side, keeping its width when it can. */
export function clampRange(start: number, end: number, extent: readonly [number, number]): [number, number] {
  const margin = (extent[1] - extent[0]) * 0.05;
  const lo = extent[0] - margin;
  const hi = extent[1] + margin;
  let span = Math.max(MIN_SPAN_NS, end - start);
  span = Math.min(span, hi - lo);
  let s = start;
  if (s < lo) s = lo;
  if (s + span > hi) s = hi - span;
  return [s, s + span];
}

export const createViewSlice: StateCreator<Store, [], [], ViewSlice> = (set, get) => ({
  viewStart: 0,
  viewEnd: 1,
  scrollY: 0,
  collapsed: new Set(),
  arrows: { send: true, create: true, wake: false },
  theme: "dark",
  stepPanels: false,
  setStepPanels: (stepPanels) => set({ stepPanels }),
  setView(start, end) {
    const [s, e] = clampRange(start, end, traceExtent(get()));
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
    const [s, e] = traceExtent(get());
    const margin = (e - s) * 0.01;
    set({ viewStart: s - margin, viewEnd: e + margin });
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
