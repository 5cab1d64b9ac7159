/**
 * Trace statistics on every sample and on the Go 1.21 fixtures: the per-goroutine state times add
 * up to each lifetime, the blocking sites account for exactly the lanes' blocked and sleeping time,
 * and the Go leak fixture's three receivers show up as one site.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { traceStatistics } from "../../../traces/analysis";
import { openAnyTrace } from "../../../traces/import/any-trace";
import { loadModel, type TraceModel } from "../../../traces/model";
import { BLOCKED, DONE, SLEEPING, deriveTimeline } from "../../../traces/timeline";

const root = path.resolve(__dirname, "../../..");
const samples = fs.readdirSync(path.join(root, "traces/samples")).filter((f) => f.endsWith(".jsonl")).map((f) => `traces/samples/${f}`);
const goTraces = fs.readdirSync(path.join(root, "test/fixtures/go-traces/go121")).map((f) => `test/fixtures/go-traces/go121/${f}`);

function modelOf(file: string): TraceModel {
  const any = openAnyTrace(new Uint8Array(fs.readFileSync(path.join(root, file))), path.basename(file));
  if (!any.ok) throw new Error(any.message);
  return loadModel(any.bytes).model;
}

describe.each([...samples, ...goTraces, "traces/samples/go-workerpool.trace"])("statistics of %s", (file) => {
  const model = modelOf(file);
  const timeline = deriveTimeline(model);
  const stats = traceStatistics(model, timeline);

  it("has one row per goroutine whose state times sum to its lifetime", () => {
    expect(stats.goroutines.map((g) => g.id)).toEqual(timeline.lanes.map((l) => l.id));
    for (const g of stats.goroutines) {
      const lane = timeline.laneById.get(g.id)!;
      const last = lane.n - 1;
      // Creation to its end (the start of its done segment), or to the trace's end.
      const lifetime = (lane.status[last] === DONE ? lane.t0[last]! : lane.t1[last]!) - lane.t0[0]!;
      expect(g.running + g.runnable + g.blocked + g.sleeping).toBeCloseTo(g.lifetime, 3);
      expect(g.lifetime).toBeCloseTo(lifetime, 3);
      for (const v of [g.running, g.runnable, g.blocked, g.sleeping]) expect(v).toBeGreaterThanOrEqual(0);
    }
  });

  it("counts every go.block once, by goroutine and by site, and the sites' totals equal the blocked segments", () => {
    let blocks = 0;
    for (let i = 0; i < model.eventCount; i++) if (model.event(i).k === "go.block") blocks++;
    expect(stats.goroutines.reduce((n, g) => n + g.blocks, 0)).toBe(blocks);
    expect(stats.sites.reduce((n, s) => n + s.count, 0)).toBe(blocks);
    let segments = 0;
    for (const lane of timeline.lanes) {
      for (let i = 0; i < lane.n; i++) if (lane.status[i] === BLOCKED || lane.status[i] === SLEEPING) segments += lane.t1[i]! - lane.t0[i]!;
    }
    expect(stats.sites.reduce((n, s) => n + s.total, 0)).toBeCloseTo(segments, 3);
    expect(stats.goroutines.reduce((n, g) => n + g.blocked + g.sleeping, 0)).toBeCloseTo(segments, 3);
    for (let k = 1; k < stats.sites.length; k++) expect(stats.sites[k - 1]!.total).toBeGreaterThanOrEqual(stats.sites[k]!.total);
    for (const s of stats.sites) {
      const e = model.event(s.longestIndex);
      expect(e.k).toBe("go.block");
      expect(e.g).toBe(s.longestG);
      expect(s.max).toBeLessThanOrEqual(s.total);
    }
  });

  it("names objects only where the trace does", () => {
    if (model.header?.source !== undefined) {
      expect(stats.source).toBe(model.header.source);
      expect(stats.objects).toEqual([]);
    } else expect(stats.source).toBeUndefined();
    for (const o of stats.objects) expect(model.object(o.id)).toBeDefined();
  });
});

describe("statistics: known figures", () => {
  it("the Go leak fixture: main.go:14 chan.recv has three blocks, all unfinished, by three goroutines", () => {
    const stats = traceStatistics(modelOf("test/fixtures/go-traces/go121/leak.trace"));
    const site = stats.sites.find((s) => s.loc?.file.endsWith("main.go") && s.loc.line === 14 && s.reason === "chan.recv");
    expect(site).toMatchObject({ count: 3, goroutines: 3, unfinished: 3 });
    expect(site!.loc!.fn).toBe("main.leaky");
    expect(stats.goroutines.filter((g) => g.endedWaiting === "chan.recv")).toHaveLength(3);
  });

  it("the Go workerpool: the workers' send of results is the top blocking site", () => {
    const stats = traceStatistics(modelOf("traces/samples/go-workerpool.trace"));
    expect(stats.sites[0]).toMatchObject({ reason: "chan.send", loc: { line: 27, fn: "main.worker" } });
  });

  it("our leak sample: the wait is charged to the channel it names", () => {
    const model = modelOf("traces/samples/leak.jsonl");
    const stats = traceStatistics(model);
    expect(stats.objects.length).toBeGreaterThan(0);
    expect(stats.objects[0]!.total).toBeGreaterThan(0);
  });
});
