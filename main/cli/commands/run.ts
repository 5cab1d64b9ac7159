/**
 * `goroscope run PROGRAM [-o trace.jsonl] [--seed N] [--schedule go|random|pct] [--clock virtual|real] [--max-steps N] [--timeout S]`
 *
 * Runs the program in a worker thread, prints its output, writes the trace only when `-o` is
 * given, and exits with the program's code: 0 when main returned, 2 on panic, deadlock, a budget
 * running out or the watchdog. Bad input (missing file, compile error, no default export, an
 * exception while loading) is one `goroscope: ...` line and exit 2.
 */
import fs from "node:fs";
import path from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import type { Clock } from "../../../traces/format/schema";
import type { PolicyName } from "../../../runtime/policy";
import { runInWorker, type RunOutcome } from "../../services/run-in-worker";
import { printError, type CliContext } from "../context";

export interface RunCommandOptions {
  readonly output?: string;
  readonly seed: number;
  readonly schedule?: PolicyName;
  readonly pctSteps?: number;
  readonly clock: Clock;
  readonly maxSteps?: number;
  readonly timeout: number;
}

export const DEFAULT_TIMEOUT_SECONDS = 60;

export function registerRunCommand(program: Command, ctx: CliContext): void {
  program
    .command("run")
    .description("run a program on the deterministic scheduler and print its output")
    .argument("<program>", "a .ts or .js file whose default export is `async function main()`")
    .option("-o, --output <trace.jsonl>", "write the trace (JSON Lines) to this file; no trace without it")
    .option("--seed <n>", "seed of the scheduler's random choices; 0 schedules as Go does with GOMAXPROCS=1", parseNonNegativeInteger, 0)
    .addOption(
      new Option("--schedule <policy>", "go: Go's order at GOMAXPROCS=1 (seed 0's default); random: any runnable goroutine, with preemption (other seeds' default); pct: priority-based exploration").choices(["go", "random", "pct"]),
    )
    .option("--pct-steps <n>", "with --schedule pct: the estimate of scheduling points PCT spreads its change points over (default 1000; `check` prints the value to replay)", parsePositiveInteger)
    .addOption(new Option("--clock <clock>", "virtual: sleeps cost no time; real: wall-clock time").choices(["virtual", "real"]).default("virtual"))
    .option("--max-steps <n>", "stop after this many scheduling steps (default: the runtime's, 20000000)", parsePositiveInteger)
    .option("--timeout <seconds>", "wall-clock budget; a program still running after it is stopped", parsePositiveSeconds, DEFAULT_TIMEOUT_SECONDS)
    .action(async (file: string, options: RunCommandOptions) => {
      ctx.exitCode = await runCommand(file, options, ctx);
    });
}

export async function runCommand(file: string, options: RunCommandOptions, ctx: CliContext): Promise<number> {
  const tracePath = options.output === undefined ? undefined : path.resolve(ctx.cwd, options.output);
  const unwritable = tracePath === undefined ? undefined : checkWritable(tracePath);
  if (unwritable) {
    printError(ctx, `cannot write the trace to ${options.output}: ${unwritable}`);
    return 2;
  }
  const outcome = await runInWorker({
    program: file,
    cwd: ctx.cwd,
    seed: options.seed,
    schedule: options.schedule,
    pctSteps: options.pctSteps,
    clock: options.clock,
    maxSteps: options.maxSteps,
    timeoutSeconds: options.timeout,
    tracePath,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    workerPath: path.join(ctx.distDir, "worker.cjs"),
    runtimePath: path.join(ctx.distDir, "runtime.cjs"),
  });
  return report(outcome, ctx);
}

function report(outcome: RunOutcome, ctx: CliContext): number {
  switch (outcome.kind) {
    case "finished":
      // The runtime printed Go's report of a panic or deadlock itself.
      return outcome.exitCode;
    case "error":
      printError(ctx, outcome.message);
      return 2;
    case "killed":
      printError(ctx, `killed: ${outcome.message}`);
      return 2;
    case "exited":
      return outcome.exitCode;
    case "checked":
      printError(ctx, "internal error: a run ended with a check report");
      return 2;
  }
}

function checkWritable(file: string): string | undefined {
  try {
    if (fs.existsSync(file)) {
      if (fs.statSync(file).isDirectory()) return "is a directory";
      fs.accessSync(file, fs.constants.W_OK);
    } else {
      fs.accessSync(path.dirname(file), fs.constants.W_OK);
    }
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return "no such directory";
    if (code === "EACCES") return "permission denied";
    return code ?? "not writable";
  }
}

function parseNonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError("expected a non-negative integer.");
  return n;
}

function parsePositiveInteger(value: string): number {
  const n = parseNonNegativeInteger(value);
  if (n === 0) throw new InvalidArgumentError("expected a positive integer.");
  return n;
}

/** Node's timers hold at most 2^31 - 1 ms; the watchdog adds its margin to the budget. */
const MAX_TIMEOUT_SECONDS = 2_000_000;

function parsePositiveSeconds(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0 || n > MAX_TIMEOUT_SECONDS) {
    throw new InvalidArgumentError(`expected a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}.`);
  }
  return n;
}
