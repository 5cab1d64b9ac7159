// The analyzer's contract: pure, deterministic, ordered, and total on any trace the reader accepts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, compareDiagnostics } from "../../../traces/analysis";
import { formatTime } from "../../../traces/analysis/describe";
import { readTrace } from "../../../traces/reader";
import { validTraceArb } from "../arbitraries";
import { analyzeProgram } from "./helpers";
import { buggy } from "./programs";

describe("analyze", () => {
  it("gives the same diagnostics for the same trace, sorted by seq then kind", async () => {
    const { trace, diagnostics } = await analyzeProgram(buggy.abbaPartial);
    const read = readTrace(trace);
    if (!read.ok) throw new Error(read.error.message);
    expect(analyze(read)).toEqual(diagnostics);
    expect([...diagnostics].sort(compareDiagnostics)).toEqual(diagnostics);
    expect(JSON.parse(JSON.stringify(diagnostics))).toEqual(diagnostics); // plain data
  });

  it("accepts locations as a map as well as the reader's array", async () => {
    const { trace } = await analyzeProgram(buggy.sendLeak);
    const read = readTrace(trace);
    if (!read.ok) throw new Error(read.error.message);
    expect(analyze({ ...read, locs: new Map(read.locs.map((l) => [l.id, l])) })).toEqual(analyze(read));
  });

  it("analyzes the valid prefix of a trace without an end record", async () => {
    const { trace } = await analyzeProgram(buggy.sendLeak);
    const cut = trace.split("\n").slice(0, -2).join("\n") + "\n";
    const read = readTrace(cut);
    expect(read.end).toBeUndefined();
    // No end record: the worker, blocked with main gone, is a leak nothing could wake.
    expect(analyze(read).map((d) => d.kind)).toEqual(["leak"]);
  });

  it("never throws on any valid trace", () => {
    fc.assert(
      fc.property(validTraceArb({ maxSteps: 60 }), ({ text }) => {
        const read = readTrace(text);
        expect(read.ok).toBe(true);
        const ds = analyze(read);
        for (const d of ds) {
          expect(d.message).not.toContain("\n");
          expect(Number.isInteger(d.seq)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe("formatTime", () => {
  it.each([
    [0, "0 s"],
    [40, "40 ns"],
    [1_500, "1.5 µs"],
    [250_000_000, "250 ms"],
    [1_000_000_000, "1.0 s"],
    [1_500_000_000, "1.5 s"],
    [90e9, "1.5 min"],
    [3600e9, "1 h"],
  ])("%d ns is %s", (ns, text) => {
    expect(formatTime(ns)).toBe(text);
  });
});
