/**
 * The bug catalog (examples/bugs/): every program ends as its row in ./bugs-cases.ts says, with
 * exactly the goroutines alive that the row lists, and the analyzer reports exactly the row's
 * findings for the run's trace — none for the correct twins. Beyond each row's own seed, correct
 * twins stay clean under seeds 1..OK_SEEDS and schedule-independent bugs end and are diagnosed the
 * same under seeds 1..BUG_SEEDS. Rows marked `analyzerPending` check the run-level facts only (see
 * bugs-cases.ts); the catalog, its rows and docs/bugs.md must list the same programs.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "goroscope/runtime";
import { analyze, type Diagnostic } from "../../traces/analysis";
import { readTrace } from "../../traces/reader";
import { createMemorySink } from "../../traces/writer/sink";
import { BUG_SEEDS, bugCases, OK_SEEDS, type AliveGoroutine, type BugCase, type ExpectedFinding } from "./bugs-cases";

const BUGS_DIR = fileURLToPath(new URL("../../examples/bugs/", import.meta.url));
const CATALOG_DOC = fileURLToPath(new URL("../../docs/bugs.md", import.meta.url));

async function runCase(c: BugCase, seed = c.seed) {
  const { default: main } = await c.load();
  const sink = createMemorySink();
  const result = await run(main, { ...c.opts, seed, trace: sink });
  return { result, trace: readTrace(sink.text()) };
}

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
const aliveKey = (g: AliveGoroutine) => `${g.name} ${g.state} ${g.reason ?? ""}`;
const findingKey = (f: ExpectedFinding) => `${f.kind} [${f.goroutines.join(",")}] [${f.objects.join(",")}]`;

function summarize(d: Diagnostic): ExpectedFinding {
  return {
    kind: d.kind,
    goroutines: d.goroutines.map((g) => g.name).sort(),
    objects: d.objects.map((o) => o.name).sort(),
  };
}

const label = (c: BugCase) => `${c.program} (seed ${c.seed})`;

describe("bug catalog: run-level facts and analyzer findings", () => {
  for (const c of bugCases) {
    it(label(c), async () => {
      const { result, trace } = await runCase(c);

      expect(result.end).toBe(c.end);
      expect(result.exitCode).toBe(c.exitCode);
      if (c.msg !== undefined) expect(result.msg).toBe(c.msg);
      const alive = result.goroutines.map((g): AliveGoroutine => ({ name: g.name, state: g.state, ...(g.reason ? { reason: g.reason } : {}) }));
      expect(alive.sort(byKey(aliveKey))).toEqual([...c.alive].sort(byKey(aliveKey)));

      expect(trace.ok).toBe(true);
      const findings = analyze(trace).map(summarize);
      if (c.analyzerPending) return; // the row's comment records what the analyzer says instead
      expect(findings.map(findingKey).sort()).toEqual(c.findings.map(findingKey).sort());
    });
  }
});

describe("bug catalog: correct twins stay clean under randomized schedules", () => {
  for (const c of bugCases.filter((b) => b.program.startsWith("ok-"))) {
    it(c.program, async () => {
      for (let seed = 1; seed <= OK_SEEDS; seed++) {
        const { result, trace } = await runCase(c, seed);
        const at = `${c.program}, seed ${seed}`;
        expect(result.end, at).toBe("main-returned");
        expect(result.goroutines, at).toEqual([]);
        if (!c.analyzerPending) expect(analyze(trace).map(summarize), at).toEqual([]);
      }
    });
  }
});

describe("bug catalog: schedule-independent bugs fail alike under randomized schedules", () => {
  const rows = bugCases.filter((b) => !b.program.startsWith("ok-") && b.seed === 0 && !b.scheduleDependent);
  for (const c of rows) {
    it(c.program, async () => {
      for (let seed = 1; seed <= BUG_SEEDS; seed++) {
        const { result, trace } = await runCase(c, seed);
        const at = `${c.program}, seed ${seed}`;
        expect(result.end, at).toBe(c.end);
        expect(result.exitCode, at).toBe(c.exitCode);
        if (c.analyzerPending) continue;
        expect(analyze(trace).map(summarize).map(findingKey).sort(), at).toEqual(c.findings.map(findingKey).sort());
      }
    });
  }
});

describe("bug catalog: completeness", () => {
  const files = readdirSync(BUGS_DIR)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.slice(0, -3))
    .sort();
  const programs = new Set(bugCases.map((c) => c.program));

  it("every program under examples/bugs has a row, and every row a program", () => {
    expect([...programs].sort()).toEqual(files);
  });

  it("every buggy program has a correct twin, and there are at least 20 and 10 of them", () => {
    const buggy = files.filter((f) => !f.startsWith("ok-"));
    const twins = files.filter((f) => f.startsWith("ok-"));
    expect(buggy.length).toBeGreaterThanOrEqual(20);
    expect(twins.length).toBeGreaterThanOrEqual(10);
    for (const t of twins) expect(buggy, `${t} twins a buggy program`).toContain(t.slice(3));
  });

  it("every buggy row expects at least one finding, every twin none", () => {
    for (const c of bugCases) {
      if (c.program.startsWith("ok-")) expect(c.findings, c.program).toEqual([]);
      else if (c.end !== "main-returned" || c.alive.length > 0) expect(c.findings.length, label(c)).toBeGreaterThan(0);
    }
  });

  it("docs/bugs.md has a table row for every buggy program, naming its twin", () => {
    const rows = readFileSync(CATALOG_DOC, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("| `"));
    for (const f of files.filter((p) => !p.startsWith("ok-"))) {
      const row = rows.find((r) => r.startsWith(`| \`${f}\` |`));
      expect(row, `docs/bugs.md row for ${f}`).toBeDefined();
      expect(row, `twin of ${f} in docs/bugs.md`).toMatch(/\| `ok-[a-z-]+` \|$/);
    }
  });
});
