// `goroscope analyze --stats`: the statistics tables after the findings, and the `stats` field of
// the JSON report, on one of our traces and on a Go execution trace, through the built CLI.
import { describe, expect, it } from "vitest";
import type { AnalyzeReport } from "../../main/cli/commands/analyze";
import { goroscope } from "./cli-helpers";

const ours = "traces/samples/leak.jsonl";
const goTrace = "test/fixtures/go-traces/go121/leak.trace";

describe("goroscope analyze --stats", () => {
  it("prints the goroutines and blocking-site tables after the findings of our trace", () => {
    const r = goroscope(["analyze", ours, "--stats", "--no-color"]);
    expect(r.code).toBe(1);
    const findings = r.stdout.indexOf("1 finding");
    const stats = r.stdout.indexOf("Statistics: 2 goroutines over 2.0 s");
    expect(findings).toBeGreaterThanOrEqual(0);
    expect(stats).toBeGreaterThan(findings);
    expect(r.stdout).toMatch(/Goroutines by blocked time \(top 2 of 2\)\n +goroutine +running +runnable +blocked +sleeping +blocks\n +main #1 /);
    expect(r.stdout).toMatch(/Blocking sites by total time \(top 3 of 3; sleeps included\)/);
    expect(r.stdout).toMatch(/timeout-strands-sender\.ts:20 +fetch +chan\.send +1 /);
    expect(r.stdout).toMatch(/Objects by wait time[^\n]*\n[^\n]*\n +result #1 +chan +2 +1\.0 s/);
    expect(r.stdout).not.toContain("Imported from a Go trace");
  });

  it("groups a Go trace's blocking by call site and says it cannot name the channel", () => {
    const r = goroscope(["analyze", goTrace, "--stats", "--no-color"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/main\.go:14 +main\.leaky +chan\.recv +3 /);
    expect(r.stdout).toContain("Imported from a Go trace (go1.21): blocking is grouped by call site; Go traces do not record which channel or lock.");
    expect(r.stdout).not.toContain("Objects by wait time");
  });

  it("adds a stats field to the JSON report, for ours and for a Go trace", () => {
    const mine = JSON.parse(goroscope(["analyze", ours, "--stats", "--json"]).stdout) as AnalyzeReport;
    expect(mine.diagnostics).toHaveLength(1);
    expect(mine.stats!.goroutines.map((g) => g.id)).toEqual([1, 2]);
    expect(mine.stats!.objects[0]).toMatchObject({ name: "result", kind: "chan", count: 2 });
    const go = JSON.parse(goroscope(["analyze", goTrace, "--stats", "--json"]).stdout) as AnalyzeReport;
    expect(go.stats!.source).toBe("go1.21");
    expect(go.stats!.sites.find((s) => s.loc?.line === 14)).toMatchObject({ reason: "chan.recv", count: 3, unfinished: 3, loc: { fn: "main.leaky" } });
    const plain = JSON.parse(goroscope(["analyze", goTrace, "--json"]).stdout) as AnalyzeReport;
    expect(plain.stats).toBeUndefined();
  });
});
