// `goroscope analyze`: runs small programs through the real CLI (so traces carry source
// locations), analyzes their traces, and checks the human output, the JSON schema and exit codes.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clean, createColors, formatDiagnostics, summaryLine, wrap } from "../../main/cli/format-diagnostics";
import type { Diagnostic } from "../../traces/analysis";
import { fixture, goroscope, tempDir } from "./cli-helpers";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const programs: Record<string, string> = {
  "leak.ts": `import { chan, go, sleep, time } from "goroscope/runtime";

export default async function main() {
  const results = chan<number>(0, { name: "results" });
  go(async function worker() {
    await sleep(2 * time.Second);
    await results.send(42);
  });
  await sleep(time.Second);
}
`,
  "lock-order.ts": `import { chan, go, Mutex } from "goroscope/runtime";

export default async function main() {
  const a = new Mutex({ name: "a" });
  const b = new Mutex({ name: "b" });
  await a.lock();
  await b.lock();
  b.unlock();
  a.unlock();
  const done = chan<void>(0, { name: "done" });
  go(async function other() {
    await b.lock();
    await a.lock();
    a.unlock();
    b.unlock();
    done.close();
  });
  await done.recv();
}
`,
  "clean.ts": `import { chan, go } from "goroscope/runtime";

export default async function main() {
  const c = chan<number>(0, { name: "c" });
  go(async function worker() {
    await c.send(1);
  });
  await c.recv();
}
`,
};

beforeAll(() => {
  for (const [name, text] of Object.entries(programs)) {
    fs.writeFileSync(path.join(dir, name), text);
    const r = goroscope(["run", name, "-o", name.replace(/\.ts$/, ".jsonl")], dir);
    expect(r.stderr).toBe("");
  }
});

describe("goroscope analyze: human output", () => {
  it("shows a leak with its goroutine, source location and source line; exit 1", () => {
    const r = goroscope(["analyze", "leak.jsonl"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).not.toContain("\x1b["); // not a terminal: no colour
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("── leak (1) ──");
    expect(lines).toContain("goroutine worker leaked: blocked sending on results forever (seq 8, 2.0 s)");
    expect(lines).toContain('  goroutine 2 "worker" — blocked: chan.send on results');
    expect(lines).toContain("    at leak.ts:7:19 (worker)");
    expect(lines).toContain("      7 │ await results.send(42);");
    expect(r.stdout.replace(/\s+/g, " ")).toContain("No goroutine ever received from `results`."); // wrapped
    expect(lines.at(-2)).toBe("1 finding: 1 leak");
  });

  it("shows both acquisition sites of a lock-order cycle that did not hang", () => {
    const r = goroscope(["analyze", "lock-order.jsonl"], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("── lock order (1) ──");
    expect(r.stdout).toContain("lock order cycle: a → b → a");
    expect(lines).toContain("  main locked b while holding a");
    expect(lines).toContain("    at lock-order.ts:7:11 (main)");
    expect(lines).toContain("  other locked a while holding b");
    expect(lines).toContain("    at lock-order.ts:13:13 (other)");
    expect(lines.at(-2)).toBe("1 finding: 1 lock-order");
  });

  it("says so when there is nothing to report; exit 0", () => {
    const r = goroscope(["analyze", "clean.jsonl"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("no findings\n");
  });
});

describe("goroscope analyze --json", () => {
  it("follows the design's schema", () => {
    const r = goroscope(["analyze", "leak.jsonl", "--json"], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { diagnostics: Diagnostic[]; runs: number; failingSeeds: number[] };
    expect(Object.keys(report)).toEqual(["diagnostics", "runs", "failingSeeds"]);
    expect(report.runs).toBe(1);
    expect(report.failingSeeds).toEqual([0]);
    expect(report.diagnostics).toHaveLength(1);
    const [d] = report.diagnostics;
    expect(d).toMatchObject({
      kind: "leak",
      message: "goroutine worker leaked: blocked sending on results forever",
      seq: 8,
      t: 2_000_000_000,
      goroutines: [{ g: 2, name: "worker", reason: "chan.send", on: [1], loc: { file: "leak.ts", line: 7, col: 19, fn: "worker" } }],
      objects: [{ kind: "chan", id: 1, name: "results" }],
    });
    expect(typeof d.explanation).toBe("string");
  });

  it("carries the lock-order sites", () => {
    const r = goroscope(["analyze", "lock-order.jsonl", "--json"], dir);
    const [d] = (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
    expect(d.sites?.map((s) => `${s.what} @ ${s.loc.file}:${s.loc.line}`)).toEqual([
      "main locked a @ lock-order.ts:6",
      "main locked b while holding a @ lock-order.ts:7",
      "other locked b @ lock-order.ts:12",
      "other locked a while holding b @ lock-order.ts:13",
    ]);
  });

  it("prints an empty report for a clean trace; exit 0", () => {
    const r = goroscope(["analyze", "clean.jsonl", "--json"], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ diagnostics: [], runs: 1, failingSeeds: [] });
  });
});

describe("goroscope analyze: bad input", () => {
  it("names a missing file; exit 2", () => {
    const r = goroscope(["analyze", "nope.jsonl"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("goroscope: cannot open nope.jsonl: no such file\n");
  });

  it("names the line of the first problem; exit 2", () => {
    const lines = fs.readFileSync(path.join(dir, "leak.jsonl"), "utf8").split("\n");
    const i = lines.findIndex((l) => l.startsWith('{"seq":3,'));
    lines[i] = lines[i].replace('"seq":3,', '"seq":2,');
    fs.writeFileSync(path.join(dir, "bad.jsonl"), lines.join("\n"));
    const r = goroscope(["analyze", "bad.jsonl"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`goroscope: bad.jsonl: line ${i + 1}: seq 2 does not increase (previous 2)\n`);
  });

  it("refuses a file that is not a trace; exit 2", () => {
    const r = goroscope(["analyze", "leak.ts"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^goroscope: leak\.ts: line 1: .*\n$/);
  });

  it("analyzes the valid prefix of a truncated trace, with a warning", () => {
    const text = fs.readFileSync(path.join(dir, "leak.jsonl"), "utf8");
    const cut = text.slice(0, text.lastIndexOf('{"end"') + 10); // the end record, cut mid-line
    fs.writeFileSync(path.join(dir, "cut.jsonl"), cut);
    const r = goroscope(["analyze", "cut.jsonl"], dir);
    expect(r.stderr).toMatch(/^goroscope: warning: cut\.jsonl: line \d+: truncated last line ignored\n/);
    expect(r.stdout).toContain("goroutine worker leaked");
    expect(r.code).toBe(1);
  });

  it("is listed in the help", () => {
    const r = goroscope(["--help"]);
    expect(r.stdout).toMatch(/analyze \[options\] <trace>/);
  });
});

describe("format-diagnostics", () => {
  const d: Diagnostic = {
    kind: "leak",
    message: "goroutine w\x1b[31m leaked",
    explanation: "one two three four five six",
    seq: 3,
    t: 0,
    goroutines: [{ g: 2, name: "w", reason: "chan.recv", on: [1] }],
    objects: [{ kind: "chan", id: 1, name: "c" }],
  };

  it("colours only on a terminal without NO_COLOR", () => {
    expect(formatDiagnostics([d], { colors: createColors(true, {}) })).toContain("\x1b[1m");
    expect(formatDiagnostics([d], { colors: createColors(true, { NO_COLOR: "1" }) })).not.toMatch(/\x1b\[\d/);
    expect(formatDiagnostics([d], { colors: createColors(false, {}) })).not.toMatch(/\x1b\[\d/);
  });

  it("never passes the trace's control characters to the terminal", () => {
    expect(clean("a\x1b[31mb\n")).toBe("a\\u001b[31mb\\u000a");
    expect(formatDiagnostics([d], { colors: createColors(false, {}) })).toContain("goroutine w\\u001b[31m leaked");
  });

  it("wraps explanations and counts findings by kind", () => {
    expect(wrap("one two three four five six", 9)).toEqual(["one two", "three", "four five", "six"]);
    const plain = createColors(false, {});
    expect(summaryLine([d, { ...d, kind: "lock-order" }, { ...d, kind: "lock-order" }], plain)).toBe("3 findings: 1 leak, 2 lock-order");
    expect(summaryLine([], plain)).toBe("no findings");
  });
});

describe("analyze streams large traces", () => {
  it("finds a leak at the end of a multi-megabyte trace read in chunks", () => {
    const dir = tempDir();
    const trace = path.join(dir, "long.jsonl");
    const run = goroscope(["run", fixture("long-then-leak.ts"), "-o", trace]);
    expect(run.code).toBe(0);
    expect(fs.statSync(trace).size).toBeGreaterThan(3 << 20);
    const r = goroscope(["analyze", trace, "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { diagnostics: { kind: string; goroutines: { name: string }[] }[] };
    expect(report.diagnostics.map((d) => [d.kind, d.goroutines.map((g) => g.name)])).toEqual([["leak", ["echo"]]]);
  });
});
