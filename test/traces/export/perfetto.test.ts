/**
 * The Perfetto / Chrome trace-event export: valid against the Trace Event Format's schema, and
 * faithful to the trace — a thread per goroutine, its state slices tiling its life, one flow per
 * send→receive (each end inside a slice of its thread), a counter per channel following its
 * occupancy, lock holds, and the trace's strings kept as plain JSON strings.
 */
import { describe, expect, it } from "vitest";
import Ajv from "ajv";
import fs from "node:fs";
import path from "node:path";
import { exportPerfetto, perfettoJson, CHANNELS_PID, GOROUTINES_PID, LOCKS_PID, type TraceEventRecord } from "../../../traces/export/perfetto";
import { loadModel, type TraceModel } from "../../../traces/model";
import { openAnyTrace } from "../../../traces/import/any-trace";
import schema from "./trace-event.schema.json";

const root = path.resolve(__dirname, "../../..");
const SAMPLE_FILES = new Map((JSON.parse(fs.readFileSync(path.join(root, "traces/samples/index.json"), "utf8")) as { name: string; file: string }[]).map((s) => [s.name, s.file]));
/** A bundled sample as the app opens it (a Go trace imported first). */
const sample = (name: string): TraceModel => {
  const file = SAMPLE_FILES.get(name)!;
  const any = openAnyTrace(new Uint8Array(fs.readFileSync(path.join(root, "traces/samples", file))), file);
  if (!any.ok) throw new Error(any.message);
  const r = loadModel(any.bytes);
  if (!r.ok) throw new Error(r.error.message);
  return r.model;
};
const validate = new Ajv({ allErrors: true }).compile(schema);
const SAMPLES = JSON.parse(fs.readFileSync(path.join(root, "traces/samples/index.json"), "utf8")).map((s: { name: string }) => s.name) as string[];

describe("Perfetto export", () => {
  it.each(SAMPLES)("%s: the JSON validates against the trace-event schema", (name) => {
    const json = perfettoJson(exportPerfetto(sample(name)));
    const parsed = JSON.parse(json);
    const ok = validate(parsed);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("the schema rejects what Perfetto would not read", () => {
    const bad = (e: Record<string, unknown>) => validate({ traceEvents: [e] });
    expect(bad({ name: "x", ph: "X", ts: 1, pid: 1, tid: 1 })).toBe(false); // no dur
    expect(bad({ name: "x", ph: "C", ts: 1, pid: 1, args: { len: "2" } })).toBe(false); // non-numeric counter
    expect(bad({ name: "x", ph: "s", ts: 1, pid: 1, tid: 1, cat: "c" })).toBe(false); // flow without id
    expect(bad({ name: "x", ph: "Q", ts: 1, pid: 1 })).toBe(false);
    expect(bad({ name: "x", ph: "X", ts: 1, dur: 2, pid: 1, tid: 1 })).toBe(true);
  });

  it("a thread per goroutine, named, with slices that tile its life up to its end", () => {
    const model = sample("worker-pool-results");
    const events = exportPerfetto(model).traceEvents;
    const threads = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.pid === GOROUTINES_PID);
    expect(threads.map((e) => e.tid).sort((a, b) => a! - b!)).toEqual(model.goroutines.map((g) => g.id).sort((a, b) => a - b));
    for (const g of model.goroutines) {
      expect(threads.find((e) => e.tid === g.id)?.args?.name).toBe(`${g.name} #${g.id}`);
      const slices = events.filter((e) => e.ph === "X" && e.pid === GOROUTINES_PID && e.tid === g.id).sort((a, b) => a.ts! - b.ts!);
      expect(slices.length).toBeGreaterThan(0);
      for (let i = 1; i < slices.length; i++) expect(slices[i]!.ts).toBeCloseTo(slices[i - 1]!.ts! + slices[i - 1]!.dur!, 6);
    }
  });

  it("one flow per send→receive pair, each end inside a slice of its goroutine", () => {
    const model = sample("worker-pool-results");
    const events = exportPerfetto(model).traceEvents;
    const recvsWithSender = Array.from({ length: model.eventCount }, (_, i) => model.event(i)).filter((e) => e.k === "chan.recv" && e.from !== undefined);
    const starts = events.filter((e) => e.ph === "s" && e.cat === "send→recv");
    const ends = events.filter((e) => e.ph === "f" && e.cat === "send→recv");
    expect(starts).toHaveLength(recvsWithSender.length);
    expect(ends.map((e) => e.id).sort()).toEqual(starts.map((e) => e.id).sort());
    const inside = (f: TraceEventRecord) =>
      events.some((x) => x.ph === "X" && x.pid === f.pid && x.tid === f.tid && x.ts! <= f.ts! + 1e-9 && f.ts! <= x.ts! + x.dur! + 1e-9);
    for (const f of [...starts, ...ends]) expect(inside(f)).toBe(true);
  });

  it("a channel's counter follows its len, and locks get their holds", () => {
    const model = sample("worker-pool-results");
    const events = exportPerfetto(model).traceEvents;
    const jobs = model.objects.find((o) => o.kind === "chan" && o.name === "jobs")!;
    const counter = events.filter((e) => e.ph === "C" && e.pid === CHANNELS_PID && e.name.startsWith(`jobs #${jobs.id}`));
    expect(counter.length).toBeGreaterThan(1);
    for (const c of counter) {
      const seq = model.seqAtTime(c.ts! * 1000);
      const len = model.stateAt(seq).channels.find((ch) => ch.id === jobs.id)?.len ?? 0;
      expect(c.args?.len).toBe(len);
    }
    const lockModel = sample("deadlock");
    const locks = exportPerfetto(lockModel).traceEvents.filter((e) => e.pid === LOCKS_PID && e.ph === "X");
    expect(locks.length).toBeGreaterThan(0);
    expect(locks.every((e) => /^(read-)?held by .+ #\d+$/.test(e.name))).toBe(true);
  });

  it("keeps markup from the trace as plain strings", () => {
    const header = '{"format":"goroscope","version":1,"program":"<script>x</script>.ts","clock":"virtual","seed":0,"timeUnit":"ns","epoch":0}';
    const lines = [
      header,
      '{"seq":1,"t":0,"g":1,"k":"chan.make","ch":1,"cap":1,"name":"<img src=x onerror=alert(1)>"}',
      '{"seq":2,"t":5,"g":1,"k":"chan.send","ch":1,"len":1,"val":"</script>"}',
      '{"seq":3,"t":9,"g":1,"k":"log","msg":"<b>hi</b>"}',
      '{"seq":4,"t":10,"g":1,"k":"main.return"}',
      '{"end":"main-returned","t":10,"seq":4,"exitCode":0,"goroutines":[]}',
    ];
    const r = loadModel(lines.join("\n") + "\n");
    expect(r.ok).toBe(true);
    const json = perfettoJson(exportPerfetto(r.model));
    const parsed = JSON.parse(json);
    expect(parsed.traceEvents.some((e: TraceEventRecord) => e.name === "<b>hi</b>")).toBe(true);
    expect(parsed.traceEvents.some((e: TraceEventRecord) => e.name.includes("<img src=x onerror=alert(1)>"))).toBe(true);
    expect(validate(parsed)).toBe(true);
  });
});
