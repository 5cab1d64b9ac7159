// The object-free pass (`onScanned`, scanned.ts, stream.ts) against the object path it replaces:
// the same state after every trace, and the same diagnostics, on generated traces, on the sample
// traces and on the bug catalog's programs (whose traces have real findings).
import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run } from "goroscope/runtime";
import { analyze, type Diagnostic } from "../../../traces/analysis";
import { analyzeBytes } from "../../../traces/analysis/analyze-bytes";
import { createLockOrderTracker } from "../../../traces/analysis/lock-order";
import { createScannedPass } from "../../../traces/analysis/scanned";
import { createTraceState, locMap, type TraceState } from "../../../traces/analysis/state";
import { createAnalyzingReader } from "../../../traces/analysis/stream";
import { readTrace } from "../../../traces/reader";
import { createTraceReader } from "../../../traces/reader/reader";
import { createMemorySink } from "../../../traces/writer/sink";
import { bugCases } from "../../examples/bugs-cases";
import { validTraceArb } from "../arbitraries";

const encoder = new TextEncoder();
const SAMPLES = new URL("../../../traces/samples/", import.meta.url);

/** Both paths over `text` pushed in chunks of `chunk` bytes; the states, findings and how many events took the scanner's path. */
function bothPaths(text: string, chunk: number) {
  const bytes = encoder.encode(text);
  const read = readTrace(bytes);
  const viaObjects = createTraceState(locMap(read.locs));
  const objectsOrder = createLockOrderTracker(viaObjects);
  for (const e of read.events) {
    objectsOrder.onEvent(e);
    viaObjects.apply(e);
  }

  let viaFields: TraceState | undefined;
  let scanned = 0;
  let fieldsOrder: ReturnType<typeof createLockOrderTracker> | undefined;
  let pass: ReturnType<typeof createScannedPass> | undefined;
  const reader = createTraceReader({
    keepEvents: false,
    onEvent: (e) => {
      fieldsOrder!.onEvent(e);
      viaFields!.apply(e);
    },
    onScanned: (s) => {
      scanned++;
      pass!(s);
    },
  });
  viaFields = createTraceState(locMap(reader.locs));
  fieldsOrder = createLockOrderTracker(viaFields);
  pass = createScannedPass(viaFields, fieldsOrder);
  for (let off = 0; off < bytes.length; off += chunk) reader.push(bytes.subarray(off, off + chunk));
  const streamed = reader.finish();
  expect(streamed.ok).toBe(read.ok);
  return { read, viaObjects, viaFields, objectsOrder, fieldsOrder, scanned };
}

function expectSameState(text: string, chunk: number): number {
  const r = bothPaths(text, chunk);
  expect(r.viaFields.goroutines).toEqual(r.viaObjects.goroutines);
  expect(r.viaFields.objects).toEqual(r.viaObjects.objects);
  expect(r.viaFields.mainReturned).toEqual(r.viaObjects.mainReturned);
  expect(r.viaFields.last).toEqual(r.viaObjects.last);
  expect(r.fieldsOrder!.detect()).toEqual(r.objectsOrder.detect());
  return r.scanned;
}

/** What `goroscope analyze` computes (the streamed, object-free path). */
function streamed(text: string, chunk = 1 << 20): { diagnostics: Diagnostic[]; output: string[] } {
  const bytes = encoder.encode(text);
  const output: string[] = [];
  const { reader, analyzer } = createAnalyzingReader((seq, t, g, msg) => output.push(`${seq} ${t} ${g} ${msg}`));
  for (let off = 0; off < bytes.length; off += chunk) reader.push(bytes.subarray(off, off + chunk));
  const read = reader.finish();
  return { diagnostics: analyzer.finish(read.end, read.header), output };
}

function expectSameFindings(text: string, chunk?: number): void {
  const read = readTrace(text);
  const expected = analyze(read);
  const got = streamed(text, chunk);
  expect(JSON.stringify(got.diagnostics)).toBe(JSON.stringify(expected));
  const logs = read.events.flatMap((e) => (e.k === "log" ? [`${e.seq} ${e.t} ${e.g} ${e.msg}`] : []));
  expect(got.output).toEqual(logs);
}

async function bugTrace(c: (typeof bugCases)[number], seed: number): Promise<string> {
  const { default: main } = await c.load();
  const sink = createMemorySink();
  await run(main, { ...c.opts, seed, trace: sink });
  return sink.text();
}

describe("the object-free analysis pass", () => {
  it("leaves the same state as the object path on generated traces, whatever the chunks", () => {
    let scanned = 0;
    fc.assert(
      fc.property(validTraceArb({ maxSteps: 80 }), fc.oneof(fc.constant(1 << 20), fc.integer({ min: 1, max: 300 })), ({ text }, chunk) => {
        scanned += expectSameState(text, chunk);
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(scanned).toBeGreaterThan(300); // the comparison is only worth something if the scanner took most events
  });

  it("gives the same diagnostics and program output on generated traces", () => {
    fc.assert(
      fc.property(validTraceArb({ maxSteps: 80 }), fc.integer({ min: 1, max: 4096 }), ({ text }, chunk) => {
        expectSameFindings(text, chunk);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("gives the same diagnostics on the sample traces", () => {
    const files = fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".jsonl"));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const text = fs.readFileSync(new URL(f, SAMPLES), "utf8");
      expect(expectSameState(text, 1 << 20)).toBeGreaterThan(0);
      expectSameFindings(text);
      expectSameFindings(text, 97);
      const bytes = analyzeBytes(encoder.encode(text));
      expect(bytes.diagnostics).toEqual(analyze(readTrace(text)));
    }
  });

  it("gives the same diagnostics on the bug catalog's programs, buggy and correct", async () => {
    let findings = 0;
    for (const c of bugCases) {
      for (const seed of [c.seed, c.seed + 1, c.seed + 2]) {
        const text = await bugTrace(c, seed);
        expectSameState(text, 1 << 20);
        expectSameFindings(text);
        findings += analyze(readTrace(text)).length;
      }
    }
    expect(findings).toBeGreaterThan(50);
  });

  it("refuses onScanned when events are kept", () => {
    expect(() => createTraceReader({ onScanned: () => {} })).toThrow(RangeError);
  });
});
