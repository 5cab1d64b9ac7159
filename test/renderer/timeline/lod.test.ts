/**
 * Level of detail: per-pixel runs must tile the lane's extent without gaps or overlaps, give each
 * column the state where the lane spent most of that column's time (checked by brute force over
 * all segments), and never cost more than a few runs per column.
 */
import { describe, expect, test } from "vitest";
import { LaneBuilder, stateTimes, type GoroutineLane } from "../../../traces/timeline/goroutine-lanes";
import { countBetween, laneRuns, pixelPoints, pixelScale, stepRuns, tOf } from "../../../renderer/src/timeline/data/lod";
import { StepBuilder, rangeMax, type StepSeries } from "../../../traces/timeline/object-tracks";
import { STATE_COUNT } from "../../../traces/timeline/status";

/** A seeded LCG, so every run checks the same lanes. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function randomLane(seed: number, segments: number): { lane: GoroutineLane; end: number } {
  const r = rng(seed);
  const b = new LaneBuilder(7);
  let t = 100;
  for (let i = 0; i < segments; i++) {
    // Mostly tiny segments, some long ones, some of zero length.
    const d = r() < 0.1 ? Math.floor(r() * 5000) : r() < 0.2 ? 0 : Math.floor(r() * 40);
    b.set(t, Math.floor(r() * 4), -1, i);
    t += d;
  }
  b.set(t, 4, -1, segments); // done
  const end = t + 500;
  return { lane: b.finish(end, { name: "g", parent: undefined, children: [], depth: 0, events: new Int32Array(0) }), end };
}

/** Brute force: time per state over [a, b). */
function bruteDominant(lane: GoroutineLane, a: number, b: number): number {
  const per = new Float64Array(STATE_COUNT);
  for (let i = 0; i < lane.n; i++) {
    const lo = Math.max(a, lane.t0[i]!);
    const hi = Math.min(b, lane.t1[i]!);
    if (hi > lo) per[lane.status[i]!]! += hi - lo;
  }
  let best = 0;
  for (let s = 1; s < STATE_COUNT; s++) if (per[s]! > per[best]!) best = s;
  return per[best]! > 0 ? best : -1;
}

describe("laneRuns", () => {
  test.each([
    [1, 300, 0, 60_000, 1000],
    [2, 3000, -5000, 200_000, 800],
    [3, 50, 120, 400, 1000],
    [4, 20_000, 0, 500_000, 1500],
  ])("seed %d, %d segments, view [%d, %d] over %d px", (seed, segments, start, end, width) => {
    const { lane } = randomLane(seed, segments);
    const sc = pixelScale(start, end, width);
    const runs: [number, number, number][] = [];
    laneRuns(lane, sc, (x0, x1, v) => runs.push([x0, x1, v]));
    // Runs ascend, do not overlap, merge neighbours of one state, stay inside the view.
    for (let i = 0; i < runs.length; i++) {
      const [x0, x1, v] = runs[i]!;
      expect(x1).toBeGreaterThan(x0);
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(x1).toBeLessThanOrEqual(width);
      if (i > 0) {
        expect(x0).toBeGreaterThanOrEqual(runs[i - 1]![1]);
        if (x0 === runs[i - 1]![1]) expect(v).not.toBe(runs[i - 1]![2]);
      }
    }
    // No gaps: together they cover every column from the lane's start to its end (in view).
    const first = Math.max(0, Math.floor((lane.t0[0]! - start) / sc.nsPerPx));
    const last = Math.min(width, Math.ceil((lane.t1[lane.n - 1]! - start) / sc.nsPerPx));
    if (last > first) {
      expect(runs[0]![0]).toBe(first);
      expect(runs.at(-1)![1]).toBe(last);
      for (let i = 1; i < runs.length; i++) expect(runs[i]![0]).toBe(runs[i - 1]![1]);
    }
    // Each column fully inside the lane shows its dominant state (equal times: either is right).
    const scratch = new Float64Array(STATE_COUNT);
    for (const [x0, x1, v] of runs) {
      for (let x = x0; x < x1; x++) {
        const a = tOf(sc, x);
        const b = tOf(sc, x + 1);
        if (a < lane.t0[0]! || b > lane.t1[lane.n - 1]!) continue;
        const brute = bruteDominant(lane, a, b);
        if (brute < 0) continue;
        stateTimes(lane, a, b, scratch);
        expect(scratch[v], `column ${x}: state ${v} vs ${brute}`).toBeCloseTo(scratch[brute]!, 6);
      }
    }
  });

  test("time per state over a range covers the range exactly", () => {
    const { lane } = randomLane(9, 2000);
    const out = new Float64Array(STATE_COUNT);
    const r = rng(5);
    for (let k = 0; k < 200; k++) {
      const a = lane.t0[0]! + r() * (lane.t1[lane.n - 1]! - lane.t0[0]!);
      const b = a + r() * 3000;
      stateTimes(lane, a, b, out);
      const covered = Math.min(b, lane.t1[lane.n - 1]!) - a;
      expect(out.reduce((x, y) => x + y, 0)).toBeCloseTo(covered, 4);
    }
  });

  test("work per frame follows pixels, not segments", () => {
    const { lane } = randomLane(11, 200_000);
    let runs = 0;
    laneRuns(lane, pixelScale(lane.t0[0]!, lane.t1[lane.n - 1]!, 1000), () => runs++);
    expect(runs).toBeLessThanOrEqual(1000);
  });
});

function randomSteps(seed: number, n: number): StepSeries {
  const r = rng(seed);
  const b = new StepBuilder(0, 0);
  let t = 0;
  for (let i = 0; i < n; i++) {
    t += Math.floor(r() * 30);
    b.push(t, Math.floor(r() * 6));
  }
  return b.finish();
}

describe("stepRuns", () => {
  test.each([[1, 500, 2000], [2, 20_000, 700], [3, 30, 1500]])("seed %d, %d steps, %d px: each column shows the largest value in it", (seed, n, width) => {
    const s = randomSteps(seed, n);
    const end = s.t[s.n - 1]! + 100;
    const sc = pixelScale(-50, end + 50, width);
    const cols = new Int32Array(width).fill(-1);
    stepRuns(s, end, sc, (x0, x1, v) => cols.fill(v, x0, x1));
    for (let x = 0; x < width; x++) {
      const a = tOf(sc, x);
      const b = tOf(sc, x + 1);
      if (a < 0 || b > end) continue;
      let m = -1;
      for (let i = 0; i < s.n; i++) {
        const lo = s.t[i]!;
        const hi = i + 1 < s.n ? s.t[i + 1]! : Infinity;
        if (hi > a && lo < b) m = Math.max(m, s.v[i]!);
      }
      expect(cols[x], `column ${x}`).toBe(m);
    }
  });

  test("rangeMax over a segment tree", () => {
    const s = randomSteps(4, 999);
    const last = s.n - 1;
    expect(last).toBeGreaterThan(600);
    for (const [i, j] of [[0, 0], [0, last], [17, 400], [500, 501], [last, last]] as const) {
      expect(rangeMax(s, i, j)).toBe(Math.max(...s.v.subarray(i, j + 1)));
    }
  });

  test("the builder keeps one step per time and drops repeats", () => {
    const b = new StepBuilder(0, 0);
    b.push(5, 1);
    b.push(5, 2); // same time: replaces
    b.push(6, 2); // same value: dropped
    b.push(7, 0);
    b.push(7, 2); // back to the previous value at the same time: both go
    const s = b.finish();
    expect([Array.from(s.t), Array.from(s.v)]).toEqual([[0, 5], [0, 2]]);
  });
});

describe("pixelPoints", () => {
  test("at most one point per column, the first in it", () => {
    const times = Float64Array.from({ length: 10_000 }, (_, i) => i * 3);
    const seen: [number, number][] = [];
    pixelPoints(times.length, (k) => times[k]!, pixelScale(0, 30_000, 100), (x, k) => seen.push([x, k]));
    expect(seen.length).toBe(100);
    expect(seen[1]).toEqual([1, 100]);
    expect(new Set(seen.map(([x]) => x)).size).toBe(seen.length);
  });

  test("a filter skips rejected points; counting is by binary search", () => {
    const times = Float64Array.from({ length: 100 }, (_, i) => i);
    const seen: number[] = [];
    pixelPoints(times.length, (k) => times[k]!, pixelScale(0, 100, 10), (_, k) => seen.push(k), (k) => k % 7 === 3);
    expect(seen).toEqual([3, 10, 24, 31, 45, 52, 66, 73, 80, 94]);
    expect(countBetween(times.length, (k) => times[k]!, 10, 19)).toBe(10);
  });
});
