import { describe, expect, it } from "vitest";
import { goroscope } from "./cli-helpers";

interface CheckJson {
  diagnostics: { kind: string; message: string; seenIn: number; firstSeed: number; schedule: string; replay: string }[];
  runs: number;
  failingSeeds: number[];
}

describe("goroscope check", () => {
  it("runs many schedules, merges identical findings, and names a seed that replays each", () => {
    const r = goroscope(["check", "examples/bugs/ab-ba-lock-race.ts", "--runs", "60", "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as CheckJson;
    expect(report.runs).toBe(60);
    const kinds = report.diagnostics.map((d) => d.kind).sort();
    expect(kinds).toEqual(["deadlock", "lock-order"]);
    const lockOrder = report.diagnostics.find((d) => d.kind === "lock-order")!;
    expect(lockOrder.seenIn).toBe(60); // the inverted order shows in every run, hung or not
    const deadlock = report.diagnostics.find((d) => d.kind === "deadlock")!;
    expect(deadlock.seenIn).toBeGreaterThan(0);
    expect(deadlock.seenIn).toBeLessThan(60); // it needs a particular schedule
    expect(report.failingSeeds).toContain(deadlock.firstSeed);

    // The reported seed replays the deadlock with `goroscope run`.
    const replay = goroscope(["run", "examples/bugs/ab-ba-lock-race.ts", ...deadlock.replay.split(" ")]);
    expect(replay.code).toBe(2);
    expect(replay.stderr).toContain("fatal error: all goroutines are asleep - deadlock!");
  });

  it("prints the findings with the seed to replay, and exits 0 on a clean program", () => {
    const bad = goroscope(["check", "examples/bugs/ab-ba-lock-race.ts", "--runs", "30"]);
    expect(bad.stdout).toMatch(/found in \d+ of 30 schedules/);
    expect(bad.stdout).toMatch(/replay: goroscope run examples\/bugs\/ab-ba-lock-race\.ts --seed \d+/);
    const ok = goroscope(["check", "examples/worker-pools.ts", "--runs", "20"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe("no findings in 20 schedules (runs ended: 20 main-returned)\n");
    expect(ok.stderr).toBe("");
  });

  it("reports bad input in one line with exit code 2", () => {
    const r = goroscope(["check", "examples/nope.ts"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^goroscope: /);
  });
});
