import { beforeEach, describe, expect, it } from "vitest";
import { createStore, type StoreApi } from "../../../renderer/src/store/store";
import { clampRange, MIN_SPAN_NS, traceExtent } from "../../../renderer/src/store/view-slice";
import { openIn } from "../panels/helpers";

describe("clampRange", () => {
  const extent: [number, number] = [0, 1000];
  it.each([
    // start, end → expected (margin is 5% = 50 either side)
    [100, 200, [100, 200]],
    [-500, -400, [-50, 50]],
    [2000, 2100, [950, 1050]],
    [-1e6, 1e6, [-50, 1050]],
    [500, 500, [500, 500 + MIN_SPAN_NS]],
  ] as const)("%d..%d → %j", (s, e, expected) => {
    expect(clampRange(s, e, extent)).toEqual(expected);
  });
});

describe("view slice", () => {
  let store: StoreApi;
  let end: number;
  beforeEach(async () => {
    store = createStore();
    await openIn(store, "test/renderer/panels/fixtures/mixed.jsonl");
    end = traceExtent(store.getState())[1];
  });

  it("fits the whole trace with a 1% margin when a trace loads", () => {
    const { viewStart, viewEnd } = store.getState();
    expect(end).toBeGreaterThan(0);
    expect(viewStart).toBeCloseTo(-end * 0.01);
    expect(viewEnd).toBeCloseTo(end * 1.01);
  });

  it("zoom keeps the anchor under the same pixel", () => {
    const s = store.getState();
    s.setView(0, end);
    const anchor = end * 0.3;
    const before = (anchor - store.getState().viewStart) / (store.getState().viewEnd - store.getState().viewStart);
    s.zoom(4, anchor);
    const v = store.getState();
    expect(v.viewEnd - v.viewStart).toBeCloseTo(end / 4);
    expect((anchor - v.viewStart) / (v.viewEnd - v.viewStart)).toBeCloseTo(before);
  });

  it("zoom without an anchor keeps the centre; zooming out is clamped to the trace", () => {
    const s = store.getState();
    s.setView(end * 0.4, end * 0.6);
    s.zoom(2);
    expect((store.getState().viewStart + store.getState().viewEnd) / 2).toBeCloseTo(end * 0.5);
    s.zoom(1e-6);
    const v = store.getState();
    expect(v.viewStart).toBeCloseTo(-end * 0.05);
    expect(v.viewEnd).toBeCloseTo(end * 1.05);
  });

  it("never zooms narrower than MIN_SPAN_NS", () => {
    store.getState().zoom(1e12, end / 2);
    const v = store.getState();
    expect(v.viewEnd - v.viewStart).toBeCloseTo(MIN_SPAN_NS);
  });

  it("pans by a fraction of the span and stops at the trace's margin", () => {
    const s = store.getState();
    s.setView(end * 0.2, end * 0.4);
    s.pan(0.5);
    expect(store.getState().viewStart).toBeCloseTo(end * 0.3);
    for (let i = 0; i < 50; i++) s.pan(1);
    expect(store.getState().viewEnd).toBeCloseTo(end * 1.05);
    expect(store.getState().viewEnd - store.getState().viewStart).toBeCloseTo(end * 0.2);
  });

  it("fit restores the whole trace after zooming", () => {
    const s = store.getState();
    s.zoom(50, end / 3);
    s.fit();
    expect(store.getState().viewStart).toBeCloseTo(-end * 0.01);
    expect(store.getState().viewEnd).toBeCloseTo(end * 1.01);
  });

  it("toggles theme, arrows and collapsed lanes", () => {
    const s = store.getState();
    expect(s.theme).toBe("dark");
    s.toggleTheme();
    expect(store.getState().theme).toBe("light");
    s.setArrows({ wake: true });
    expect(store.getState().arrows).toEqual({ send: true, create: true, wake: true });
    s.toggleCollapsed(1);
    expect(store.getState().collapsed.has(1)).toBe(true);
    s.toggleCollapsed(1);
    expect(store.getState().collapsed.has(1)).toBe(false);
  });
});
