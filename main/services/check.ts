/**
 * `goroscope check`: runs one program under many schedules and merges what the analyzer finds.
 *
 * Schedules: run i uses seed S+i. Seed 0 is Go's own order (GOMAXPROCS=1); the others alternate
 * between the random policy (uniform choice, preemption at operations) and PCT (random priorities
 * with depth-1 change points, whose probability bound needs an estimate k of the scheduling
 * points in a run: the first run's step count). A finding is the same finding in two runs when
 * its kind, the names of the goroutines and objects involved and their source sites agree; it is
 * reported once, with how many runs showed it and the first seed (and policy) that did, so
 * `goroscope run --seed S --schedule P` replays it.
 */
import type { Diagnostic } from "../../traces/analysis";
import type { PolicyName } from "../../runtime/policy";

export const PCT_DEPTH = 3;

export interface Schedule {
  readonly seed: number;
  readonly schedule: PolicyName;
  /** PCT's estimate k of scheduling points (replaying a pct run needs the same k). */
  readonly pctSteps?: number;
}

export interface CheckFinding {
  readonly diagnostic: Diagnostic;
  /** How many runs showed it. */
  readonly seenIn: number;
  /** The first run that showed it. */
  readonly first: Schedule;
}

export interface CheckReport {
  readonly runs: number;
  readonly findings: readonly CheckFinding[];
  /** Every run with at least one finding, in run order. */
  readonly failingSeeds: readonly Schedule[];
  /** How the runs ended (main-returned, deadlock, panic, ...), with counts. */
  readonly endings: Readonly<Record<string, number>>;
}

export function scheduleOf(firstSeed: number, i: number, pctSteps: number): Schedule {
  const seed = firstSeed + i;
  if (seed === 0) return { seed, schedule: "go" };
  return i % 2 === 0 ? { seed, schedule: "random" } : { seed, schedule: "pct", pctSteps };
}

/** The `goroscope run` flags that replay a schedule. */
export function replayFlags(s: Schedule): string {
  return `--seed ${s.seed}${s.schedule === "pct" ? ` --schedule pct --pct-steps ${s.pctSteps ?? 1000}` : ""}`;
}

function site(loc: { file: string; line: number; col: number } | undefined): string {
  return loc ? `${loc.file}:${loc.line}:${loc.col}` : "";
}

/** What makes two findings the same: kind, goroutine names and sites, object names, extra sites. */
export function findingKey(d: Diagnostic): string {
  const gs = d.goroutines.map((g) => `${g.name}@${site(g.loc)}`).sort();
  const os = d.objects.map((o) => `${o.kind}:${o.name}`).sort();
  const ss = (d.sites ?? []).map((s) => `${s.what}@${site(s.loc)}`).sort();
  return JSON.stringify([d.kind, gs, os, ss]);
}

/** Accumulates findings over runs. */
export function createCheckAccumulator(): {
  add(run: Schedule, diagnostics: readonly Diagnostic[], end: string): void;
  report(): CheckReport;
} {
  const byKey = new Map<string, { diagnostic: Diagnostic; seenIn: number; first: Schedule }>();
  const failing: Schedule[] = [];
  const endings: Record<string, number> = {};
  let runs = 0;
  return {
    add(run, diagnostics, end) {
      runs++;
      endings[end] = (endings[end] ?? 0) + 1;
      if (diagnostics.length > 0) failing.push(run);
      const seenThisRun = new Set<string>();
      for (const d of diagnostics) {
        const key = findingKey(d);
        if (seenThisRun.has(key)) continue;
        seenThisRun.add(key);
        const f = byKey.get(key);
        if (f) f.seenIn++;
        else byKey.set(key, { diagnostic: d, seenIn: 1, first: run });
      }
    },
    report() {
      const findings = [...byKey.values()].sort((a, b) => b.seenIn - a.seenIn || a.first.seed - b.first.seed);
      return { runs, findings, failingSeeds: failing, endings };
    },
  };
}
