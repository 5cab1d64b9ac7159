/**
 * `goroscope check PROGRAM [--runs N] [--seed S] [--json] [--timeout S]`
 *
 * Runs the program under N schedules (Go's order for seed 0, then random and PCT schedules
 * alternately — see services/check.ts), analyses every trace, and reports each distinct finding
 * once with how many runs showed it and the first seed that did, so `goroscope run --seed S
 * [--schedule pct]` replays it. Exit codes: 0 clean, 1 findings, 2 bad input.
 */
import path from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { SingleBar } from "cli-progress";
import { runInWorker } from "../../services/run-in-worker";
import { replayFlags, type CheckFinding, type CheckReport, type Schedule } from "../../services/check";
import { printError, type CliContext } from "../context";
import { createColors, formatDiagnostics, type Colors } from "../format-diagnostics";

export interface CheckCommandOptions {
  readonly runs: number;
  readonly seed: number;
  readonly json?: boolean;
  readonly color?: boolean;
  readonly timeout: number;
}

export function registerCheckCommand(program: Command, ctx: CliContext): void {
  program
    .command("check")
    .description("run a program under many schedules and report every leak, deadlock, lock-order inversion and panic found")
    .argument("<program>", "a .ts or .js file whose default export is `async function main()`")
    .option("--runs <n>", "how many schedules to run", positiveInteger, 100)
    .option("--seed <n>", "seed of the first schedule (0 is Go's own order); run i uses seed + i", nonNegativeInteger, 0)
    .option("--json", "print the findings as JSON: {diagnostics (each with seenIn, firstSeed, schedule), runs, failingSeeds}")
    .option("--no-color", "never colour the output")
    .option("--timeout <seconds>", "wall-clock budget for all the runs", positiveNumber, 300)
    .action(async (file: string, options: CheckCommandOptions) => {
      ctx.exitCode = await checkCommand(file, options, ctx);
    });
}

export async function checkCommand(file: string, options: CheckCommandOptions, ctx: CliContext): Promise<number> {
  // The progress bar goes to the real terminal only: the context's streams may be a test's.
  const bar = process.stderr.isTTY === true && !options.json
    ? new SingleBar({ format: "checking {bar} {value}/{total} schedules", stream: process.stderr, hideCursor: true, clearOnComplete: true })
    : undefined;
  bar?.start(options.runs, 0);
  const outcome = await runInWorker({
    program: file,
    cwd: ctx.cwd,
    timeoutSeconds: options.timeout,
    stdout: () => {},
    stderr: () => {},
    workerPath: path.join(ctx.distDir, "worker.cjs"),
    runtimePath: path.join(ctx.distDir, "runtime.cjs"),
    check: { runs: options.runs, firstSeed: options.seed },
    onProgress: (done) => bar?.update(done),
  });
  bar?.stop();
  switch (outcome.kind) {
    case "checked":
      ctx.stdout(options.json ? JSON.stringify(toJson(outcome.report), null, 2) + "\n" : formatReport(file, outcome.report, ctx, options));
      return outcome.report.findings.length > 0 ? 1 : 0;
    case "error":
      printError(ctx, outcome.message);
      return 2;
    case "killed":
      printError(ctx, `killed: ${outcome.message}`);
      return 2;
    default:
      printError(ctx, `internal error: check ended without a report (${outcome.kind})`);
      return 2;
  }
}

function replay(file: string, s: Schedule): string {
  return `goroscope run ${file} ${replayFlags(s)}`;
}

function formatReport(file: string, r: CheckReport, ctx: CliContext, options: CheckCommandOptions): string {
  const colors: Colors = createColors(options.color !== false && process.stdout.isTTY === true, process.env);
  const endings = Object.entries(r.endings)
    .map(([k, n]) => `${n} ${k}`)
    .join(", ");
  if (r.findings.length === 0) return `no findings in ${r.runs} schedules (runs ended: ${endings})\n`;
  const out = [formatDiagnostics(r.findings.map((f) => f.diagnostic), { colors, sourceRoots: [ctx.cwd, path.dirname(path.resolve(ctx.cwd, file))] }).trimEnd(), ""];
  out.push(colors.bold(`found in ${r.failingSeeds.length} of ${r.runs} schedules (runs ended: ${endings}):`));
  r.findings.forEach((f, i) => {
    out.push(`  ${i + 1}. ${f.diagnostic.message}`);
    out.push(colors.dim(`     seen in ${f.seenIn} of ${r.runs} runs; first with seed ${f.first.seed} (${f.first.schedule}) — replay: ${replay(file, f.first)}`));
  });
  return out.join("\n") + "\n";
}

function toJson(r: CheckReport): unknown {
  return {
    diagnostics: r.findings.map((f: CheckFinding) => ({
      ...f.diagnostic,
      seenIn: f.seenIn,
      firstSeed: f.first.seed,
      schedule: f.first.schedule,
      ...(f.first.pctSteps !== undefined ? { pctSteps: f.first.pctSteps } : {}),
      replay: replayFlags(f.first),
    })),
    runs: r.runs,
    failingSeeds: r.failingSeeds.map((s) => s.seed),
  };
}

function positiveInteger(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive whole number");
  return n;
}

function nonNegativeInteger(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number, 0 or more");
  return n;
}

function positiveNumber(v: string): number {
  const n = Number(v);
  if (!(n > 0)) throw new InvalidArgumentError("expected a positive number of seconds");
  return n;
}
