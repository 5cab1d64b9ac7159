import { beforeEach, describe, expect, it } from "vitest";
import { createStore, type StoreApi } from "../../../renderer/src/store/store";
import { clampRange, MIN_SPAN_EVENTS, MIN_SPAN_NS, traceExtent, xOfEvent, xOfTime } from "../../../renderer/src/store/view-slice";
import { firstIndexAtOrAfter, lastIndexAtOrBefore } from "../../../traces/timeline/axis";
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

function expectView(store: StoreApi, start: number, end: number): void {
  expect(store.getState().viewStart).toBeCloseTo(start);
  expect(store.getState().viewEnd).toBeCloseTo(end);
}

describe("the event axis", () => {
  let store: StoreApi;
  beforeEach(() => {
    store = createStore();
  });

  it("a trace all at t=0 opens on events, fitted to its events; a spread one on time", async () => {
    await openIn(store, "traces/samples/lock-order.jsonl");
    const n = store.getState().loaded!.model.eventCount;
    expect(store.getState().axis).toBe("events");
    expect(traceExtent(store.getState())).toEqual([0, n]);
    expect(store.getState().viewStart).toBeCloseTo(-n * 0.01);
    expect(store.getState().viewEnd).toBeCloseTo(n * 1.01);
    await openIn(store, "test/renderer/panels/fixtures/mixed.jsonl");
    expect(store.getState().axis).toBe("time");
  });

  it("the toggle wins until the next trace loads", async () => {
    await openIn(store, "traces/samples/lock-order.jsonl");
    store.getState().setAxis("time");
    store.getState().zoom(2);
    expect(store.getState().axis).toBe("time");
    await openIn(store, "traces/samples/lock-order.jsonl");
    expect(store.getState().axis).toBe("events");
  });

  it("switching keeps a fitted view fitted", async () => {
    await openIn(store, "test/renderer/panels/fixtures/mixed.jsonl");
    const n = store.getState().loaded!.model.eventCount;
    store.getState().setAxis("events");
    expectView(store, -n * 0.01, n * 1.01);
    store.getState().setAxis("time");
    const end = traceExtent(store.getState())[1];
    expectView(store, -end * 0.01, end * 1.01);
  });

  it("time → events shows the events inside the time range; events → time the times of the events shown", async () => {
    await openIn(store, "test/renderer/panels/fixtures/mixed.jsonl");
    const m = store.getState().loaded!.model;
    const times = [...new Set(Array.from({ length: m.eventCount }, (_, i) => m.timeOf(i)))];
    expect(times.length).toBeGreaterThanOrEqual(3);
    // From just after the first instant to the third one: the second and third instants' events.
    store.getState().setView(times[0]! + 1, times[2]!);
    store.getState().setAxis("events");
    const first = firstIndexAtOrAfter(m, times[0]! + 1);
    const last = lastIndexAtOrBefore(m, times[2]!);
    expect(m.timeOf(first)).toBe(times[1]);
    expect([store.getState().viewStart, store.getState().viewEnd]).toEqual([first, last + 1]);
    // And back: from the time of the first event shown to that of the last.
    store.getState().setAxis("time");
    expect([store.getState().viewStart, store.getState().viewEnd]).toEqual([times[1], times[2]]);
  });

  it("events of one instant become a time view around that instant", async () => {
    await openIn(store, "test/renderer/panels/fixtures/mixed.jsonl");
    const m = store.getState().loaded!.model;
    const t = m.timeOf(m.eventCount - 1);
    const first = firstIndexAtOrAfter(m, t);
    expect(m.eventCount - first).toBeGreaterThan(2);
    store.getState().setAxis("events");
    store.getState().setView(first, m.eventCount - 1);
    store.getState().setAxis("time");
    const v = store.getState();
    expect(v.viewEnd - v.viewStart).toBeCloseTo(MIN_SPAN_NS);
    expect(v.viewStart).toBeLessThanOrEqual(t);
    expect(v.viewEnd).toBeGreaterThanOrEqual(t);
  });

  it("a trace spanning 0 ns is all one instant on the time axis: any view of it is the whole trace", async () => {
    await openIn(store, "traces/samples/lock-order.jsonl");
    store.getState().setView(5, 12);
    store.getState().setAxis("time");
    expect(store.getState().viewStart).toBeLessThanOrEqual(0);
    expect(store.getState().viewEnd).toBeGreaterThanOrEqual(1);
    store.getState().setAxis("events");
    const n = store.getState().loaded!.model.eventCount;
    expectView(store, -n * 0.01, n * 1.01);
  });

  it("zoom stops at MIN_SPAN_EVENTS events; events and times convert through xOfEvent / xOfTime", async () => {
    await openIn(store, "traces/samples/lock-order.jsonl");
    store.getState().zoom(1e9, 10);
    expect(store.getState().viewEnd - store.getState().viewStart).toBeCloseTo(MIN_SPAN_EVENTS);
    expect(xOfEvent(store.getState(), 7)).toBe(7);
    expect(xOfTime(store.getState(), 0)).toBe(0);
    expect(xOfTime(store.getState(), 1)).toBe(store.getState().loaded!.model.eventCount);
    store.getState().setAxis("time");
    expect(xOfEvent(store.getState(), 7)).toBe(0);
    expect(xOfTime(store.getState(), 123)).toBe(123);
  });

  it("focusing a finding shows its event on the event axis", async () => {
    await openIn(store, "traces/samples/lock-order.jsonl");
    const s = store.getState();
    const i = s.loaded!.diagnostics.findIndex((d) => d.kind === "lock-order");
    expect(i).toBeGreaterThanOrEqual(0);
    s.zoom(5, 0);
    s.focusDiagnostic(i);
    const v = store.getState();
    expect(v.cursor).not.toBeNull();
    expect(v.viewStart).toBeLessThanOrEqual(v.cursor!);
    expect(v.viewEnd).toBeGreaterThanOrEqual(v.cursor!);
  });
});
