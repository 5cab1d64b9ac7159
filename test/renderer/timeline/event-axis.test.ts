/**
 * The event axis: which axis a trace opens on, conversions between times and event indices, the
 * "#seq" ticks, and the tooltip's words on a trace where everything happens at t = 0.
 */
import { describe, expect, test } from "vitest";
import { defaultAxis, firstIndexAtOrAfter, indexAtX, lastIndexAtOrBefore } from "../../../traces/timeline/axis";
import { deriveTimeline } from "../../../traces/timeline/derive";
import { eventTicks, ticksFor } from "../../../renderer/src/timeline/data/event-axis";
import { hitTest } from "../../../renderer/src/timeline/data/hit-test";
import { buildLayout } from "../../../renderer/src/timeline/data/layout";
import { tooltipText } from "../../../renderer/src/timeline/view/tooltip-text";
import { exampleText, modelOf, modelOfText, sampleText } from "./helpers";

/** A model of n events by main at the given times (one per event, cycling). */
const atTimes = (times: readonly number[]) => modelOf(times.map((t) => ({ t, g: 1, k: "go.yield" })));

describe("defaultAxis", () => {
  test.each([
    ["lock-order", "events"], // 23 events, all at t=0
    ["worker-pool-results", "time"], // 217 events over five instants, 100 ms apart
    ["deadlock", "time"], // 12 of 16 at t=0, then a second instant
    ["leak", "time"],
  ] as const)("sample %s opens on %s", (name, axis) => {
    expect(defaultAxis(modelOfText(sampleText(name)))).toBe(axis);
  });

  test("most programs of examples/bugs run at one instant: they open on events", () => {
    expect(defaultAxis(modelOfText(exampleText("bugs/chan-send-holding-lock")))).toBe("events");
  });

  test.each([
    [[0, 0, 0, 0, 0], "events"],
    [[5, 5, 5, 5, 9], "events"], // 80% at one instant
    [[5, 5, 5, 9, 9], "time"],
    [[1, 2, 3, 4, 5], "time"],
    [[], "time"],
  ] as const)("times %j → %s", (times, axis) => {
    expect(defaultAxis(atTimes(times))).toBe(axis);
  });
});

describe("time ↔ index", () => {
  const m = atTimes([0, 0, 10, 10, 10, 20]);
  test.each([
    [-5, 0, -1],
    [0, 0, 1],
    [5, 2, 1],
    [10, 2, 4],
    [20, 5, 5],
    [25, 6, 5],
  ])("t=%d: first at or after %d, last at or before %d", (t, first, last) => {
    expect(firstIndexAtOrAfter(m, t)).toBe(first);
    expect(lastIndexAtOrBefore(m, t)).toBe(last);
  });

  test("x → the event whose unit holds it, clamped to the trace", () => {
    expect([-3, 0, 0.99, 1, 4.5, 5.2, 99].map((x) => indexAtX(m, x))).toEqual([0, 0, 0, 1, 4, 5, 5]);
  });
});

describe("event ticks", () => {
  test("contiguous seqs: ticks at round seqs, at x = index, labelled #seq", () => {
    const ticks = eventTicks(0, 100, 1000, 100, (i) => i + 1);
    expect(ticks.length).toBeGreaterThan(3);
    for (const t of ticks) {
      expect(t.label).toBe(`#${t.t + 1}`);
      expect(Number(t.label.slice(1)) % 10).toBe(0);
      expect(t.x).toBeCloseTo((t.t / 100) * 1000);
    }
  });

  test("seqs with gaps: round indices, labelled by their seq; nothing outside the trace", () => {
    const ticks = eventTicks(-10, 60, 700, 50, (i) => 100 + 3 * i);
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) {
      expect(t.t).toBeGreaterThanOrEqual(0);
      expect(t.t).toBeLessThan(50);
      expect(t.label).toBe(`#${100 + 3 * t.t}`);
    }
  });

  test("zoomed in past one event per tick: whole events only", () => {
    const ticks = eventTicks(3.2, 5.9, 1200, 20, (i) => i + 1);
    expect(ticks.map((t) => t.t)).toEqual([4, 5]);
  });

  test("ticksFor follows the data's axis", () => {
    const m = modelOfText(sampleText("lock-order"));
    expect(ticksFor(deriveTimeline(m, "events"), 0, 23, 800)[0]!.label).toMatch(/^#\d+$/);
    expect(ticksFor(deriveTimeline(m), 0, 1, 800)[0]!.label).toMatch(/s$/);
  });
});

describe("tooltips on the event axis", () => {
  const m = modelOfText(sampleText("lock-order"));
  const data = deriveTimeline(m, "events");
  const layout = buildLayout(data, { collapsed: new Set(), filterText: "" });
  const view = { start: 0, end: m.eventCount, width: m.eventCount * 10 };
  const at = (row: number, i: number) => tooltipText(data, hitTest(data, layout, view, i * 10 + 5, layout.rows[row]!.y + 2)!, false)!;

  test("a lane's tooltip changes along a trace that happens at one instant", () => {
    const row = layout.rows.findIndex((r) => r.kind === "g" && r.lane.id === 2);
    const texts = new Set<string>();
    for (let i = 0; i < m.eventCount; i++) texts.add(at(row, i).lines[0]!);
    expect(texts.size).toBeGreaterThan(2);
  });

  test("segments and the position read as event numbers with their times", () => {
    const row = layout.rows.findIndex((r) => r.kind === "g" && r.lane.id === 1);
    const t = at(row, 3);
    expect(t.lines.join("\n")).toMatch(/#\d+ \(0 s\)/);
    expect(t.lines.at(-1)).toBe(`after event #${m.seqOf(3)} · t = 0 s`);
  });

  test("a lock's holder is the one stateAt gives after that event", () => {
    const row = layout.rows.findIndex((r) => r.kind === "mutex");
    const track = layout.rows[row]!;
    if (track.kind === "g" || track.kind === "section") throw new Error("not a track");
    for (let i = 0; i < m.eventCount; i++) {
      const lock = m.stateAt(m.seqOf(i)).locks.find((l) => l.id === track.track.id);
      if (!lock) continue;
      const line = at(row, i).lines[0]!;
      if (lock.holder === undefined) expect(line).toBe("unlocked");
      else expect(line).toContain(`#${lock.holder}`);
    }
  });
});
