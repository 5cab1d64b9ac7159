/** Time axis labels, row layout (tree order, folding, filter) and hit-testing from a point to an event. */
import { describe, expect, test } from "vitest";
import { deriveTimeline } from "../../../traces/timeline/derive";
import { hitTest, nearestEvent } from "../../../renderer/src/timeline/data/hit-test";
import { buildLayout, matchesFilter, rowAt } from "../../../renderer/src/timeline/data/layout";
import { axisTicks, formatTick } from "../../../renderer/src/timeline/data/time-axis";
import { palette } from "../../../renderer/src/theme/palette";
import { modelOf, modelOfText, sampleText } from "./helpers";

describe("time axis", () => {
  test.each([
    [0, 200_000, 5_000_000, "0.0 ms"],
    [1_200_000, 200_000, 5_000_000, "1.2 ms"],
    [3_000_000, 1_000_000, 5_000_000, "3 ms"],
    [1_500, 500, 9_000, "1.5 µs"],
    [40, 10, 90, "40 ns"],
    [2_000_000_000, 500_000_000, 2_020_000_000, "2.0 s"],
    [2_000_000_003, 1, 2_000_000_010, "2.000000003 s"],
  ])("t=%d step %d magnitude %d reads %s", (t, step, magnitude, label) => {
    expect(formatTick(t, step, magnitude)).toBe(label);
  });

  test.each([[0, 2_000_000_000, 1000], [-20_000_000, 2_020_000_000, 800], [1_000_000_000, 1_000_000_040, 900], [0, 10, 1200]])(
    "ticks over [%d, %d] at %d px: inside, increasing, distinct labels",
    (start, end, width) => {
      const ticks = axisTicks(start, end, width);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < ticks.length; i++) {
        expect(ticks[i]!.x).toBeGreaterThanOrEqual(0);
        expect(ticks[i]!.x).toBeLessThanOrEqual(width);
        if (i > 0) expect(ticks[i]!.t).toBeGreaterThan(ticks[i - 1]!.t);
      }
      expect(new Set(ticks.map((t) => t.label)).size).toBe(ticks.length);
    },
  );
});

const tree = () =>
  deriveTimeline(
    modelOf([
      { t: 0, g: 1, k: "chan.make", ch: 1, cap: 1, name: "results" },
      { t: 0, g: 1, k: "mutex.make", id: 2, name: "mu" },
      { t: 0, g: 1, k: "wg.make", id: 3, name: "wg" },
      { t: 0, g: 1, k: "go.create", child: 2, name: "producer" },
      { t: 0, g: 1, k: "go.create", child: 3, name: "consumer" },
      { t: 10, g: 2, k: "go.create", child: 4, name: "helper" },
      { t: 20, g: 2, k: "chan.send", ch: 1, len: 1, val: "1" },
      { t: 30, g: 3, k: "chan.recv", ch: 1, len: 0, ok: true, from: 7, val: "1" },
      { t: 40, g: 4, k: "go.end" },
      { t: 50, g: 1, k: "main.return" },
    ]),
  );

describe("layout", () => {
  test("sections, rows in tree order, heights stacked without gaps", () => {
    const layout = buildLayout(tree(), { collapsed: new Set(), filterText: "" });
    const names = layout.rows.map((r) => (r.kind === "section" ? `[${r.key}]` : r.kind === "g" ? r.lane.name : `${r.kind}:${r.track.name}`));
    expect(names).toEqual(["[goroutines]", "main", "producer", "helper", "consumer", "[chan]", "chan:results", "[lock]", "mutex:mu", "[wg]", "wg:wg"]);
    let y = 0;
    for (const r of layout.rows) {
      expect(r.y).toBe(y);
      y += r.h;
    }
    expect(layout.height).toBe(y);
    expect(rowAt(layout, layout.rows[3]!.y + 1)).toBe(3);
    expect(rowAt(layout, -1)).toBe(-1);
    expect(rowAt(layout, layout.height)).toBe(-1);
  });

  test("folding a goroutine hides its descendants and draws them on its row", () => {
    const layout = buildLayout(tree(), { collapsed: new Set([2]), filterText: "" });
    const lanes = layout.rows.filter((r) => r.kind === "g");
    expect(lanes.map((r) => (r.kind === "g" ? [r.lane.id, r.hidden] : []))).toEqual([[1, 0], [2, 1], [3, 0]]);
    expect(layout.rowOfGoroutine.get(4)).toBe(layout.rowOfGoroutine.get(2));
    const all = buildLayout(tree(), { collapsed: new Set([1]), filterText: "" });
    expect(all.rows.filter((r) => r.kind === "g").length).toBe(1);
  });

  test("the filter text keeps matching names and ids (and ignores folding)", () => {
    expect(matchesFilter("CONS", "consumer", 3)).toBe(true);
    expect(matchesFilter("#1", "worker", 10)).toBe(false);
    expect(matchesFilter("#10", "worker", 10)).toBe(true);
    expect(matchesFilter("  ", "x", 1)).toBe(true);
    const layout = buildLayout(tree(), { collapsed: new Set([1]), filterText: "e" });
    const names = layout.rows.map((r) => (r.kind === "section" ? `[${r.key}]` : r.kind === "g" ? r.lane.name : r.track.name));
    expect(names).toEqual(["[goroutines]", "producer", "helper", "consumer", "[chan]", "results"]);
  });
});

describe("hit-testing", () => {
  test("nearestEvent: binary search by time, ties to the earlier", () => {
    const times = Float64Array.from([0, 10, 20, 30, 40]);
    const events = Int32Array.from([0, 2, 4]); // times 0, 20, 40
    expect(nearestEvent(events, times, -5)).toBe(0);
    expect(nearestEvent(events, times, 9)).toBe(0);
    expect(nearestEvent(events, times, 10)).toBe(0);
    expect(nearestEvent(events, times, 11)).toBe(1);
    expect(nearestEvent(events, times, 35)).toBe(2);
    expect(nearestEvent(events, times, 99)).toBe(2);
    expect(nearestEvent(new Int32Array(0), times, 5)).toBe(-1);
  });

  test("a point on a lane maps to that goroutine's nearest event", () => {
    const d = deriveTimeline(modelOfText(sampleText("worker-pools")));
    const layout = buildLayout(d, { collapsed: new Set(), filterText: "" });
    const view = { start: 0, end: 2_000_000_000, width: 1000 };
    const ri = layout.rowOfGoroutine.get(3)!;
    const row = layout.rows[ri]!;
    // x = 510 px is t = 1.02 s: worker #3's nearest event is its activity at 1 s.
    const hit = hitTest(d, layout, view, 510, row.y + row.h / 2)!;
    expect(hit.row).toBe(row);
    expect(hit.t).toBe(1_020_000_000);
    const e = d.model.event(hit.event);
    expect(e.t).toBe(1_000_000_000);
    expect(d.model.eventsOf(d.model.goroutine(3)!)).toContain(hit.event);
    // Events sharing a time: from after them the last is nearest, from before them the first.
    const atOne = Array.from(d.laneById.get(3)!.events).filter((i) => d.times[i] === 1_000_000_000);
    expect(atOne.length).toBeGreaterThan(1);
    expect(hit.event).toBe(atOne.at(-1));
    expect(hitTest(d, layout, view, 490, row.y + 1)!.event).toBe(atOne[0]);
  });

  test("a point on a channel track maps to the channel's nearest event; sections and the void to none", () => {
    const d = deriveTimeline(modelOfText(sampleText("worker-pools")));
    const layout = buildLayout(d, { collapsed: new Set(), filterText: "" });
    const view = { start: 0, end: 2_000_000_000, width: 1000 };
    const row = layout.rows[layout.rowOfObject.get(2)!]!; // results
    const hit = hitTest(d, layout, view, 999, row.y + 2)!;
    const e = d.model.event(hit.event);
    expect("ch" in e && e.ch).toBe(2);
    expect(hitTest(d, layout, view, 10, 5)!.event).toBe(-1); // the section header
    expect(hitTest(d, layout, view, 10, layout.height + 5)).toBeUndefined();
  });
});

describe("palette", () => {
  test("both themes colour every state and kind; goroutine colours are stable and distinct", () => {
    for (const theme of ["dark", "light"] as const) {
      const p = palette(theme);
      for (const s of ["running", "runnable", "blocked", "sleeping", "done"] as const) expect(p.states[s]).toMatch(/^#[0-9a-f]{6}$/);
      expect(new Set(Object.values(p.states)).size).toBe(5);
      for (const k of ["chan", "mutex", "rwmutex", "wg"] as const) expect(p.kinds[k]).toBeTruthy();
      expect(p.goroutine(7)).toBe(p.goroutine(7));
      expect(new Set([1, 2, 3, 4, 5, 6].map((g) => p.goroutine(g))).size).toBe(6);
    }
    expect(palette("dark")).toBe(palette("dark"));
  });
});
