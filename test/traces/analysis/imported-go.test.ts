/**
 * Findings on traces imported from Go are worded for what a Go trace can prove: it names why a
 * goroutine waited and where, not on which object, and it stops when tracing stops.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { analyze } from "../../../traces/analysis";
import { openAnyTrace } from "../../../traces/import/any-trace";
import { readTrace } from "../../../traces/reader";

const dir = path.resolve(__dirname, "../../fixtures/go-traces");
const findings = (version: string, program: string) => {
  const any = openAnyTrace(new Uint8Array(fs.readFileSync(path.join(dir, version, `${program}.trace`))), `${program}.trace`);
  if (!any.ok) throw new Error(any.message);
  const read = readTrace(any.bytes);
  expect(read.ok).toBe(true);
  expect(read.header?.source).toBe(version.replace(/^go1/, "go1."));
  return analyze(read);
};

describe("analysis of imported Go traces", () => {
  it.each(["go119", "go121", "go122", "go123"])("%s leak: three possible leaks, worded as what the trace cannot prove", (v) => {
    const ds = findings(v, "leak");
    expect(ds.map((d) => d.kind)).toEqual(["leak", "leak", "leak"]);
    for (const d of ds) {
      expect(d.message).toMatch(/^goroutine main\.leaky possibly leaked: still blocked \(chan\.recv\) when the trace ended$/);
      expect(d.explanation).toContain("cannot prove");
      expect(d.goroutines[0]?.loc?.line).toBe(14);
      expect(d.explanation).not.toContain("No goroutine left could wake it");
    }
  });

  it.each(["go119", "go121", "go122", "go123"])("%s workerpool and selecttimeout: nothing reported", (v) => {
    expect(findings(v, "workerpool")).toEqual([]);
    expect(findings(v, "selecttimeout")).toEqual([]);
  });
});
