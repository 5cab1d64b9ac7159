/**
 * `goroscope analyze TRACE [--json] [--no-color]`
 *
 * Reads a trace (format v1), runs the shared analyzer (traces/analysis) and prints its findings:
 * grouped by kind for people (coloured on a terminal unless NO_COLOR is set), or with `--json`
 * `{"diagnostics":[...],"runs":1,"failingSeeds":[...]}` as the design's schema says
 * (`failingSeeds` holds the trace's seed when there are findings).
 *
 * Exit codes: 0 no findings, 1 findings, 2 bad input (a missing or unreadable file, a trace the
 * reader rejects: `goroscope: trace.jsonl: line 17: ...`). A truncated trace or one without an
 * end record is analyzed as far as it goes, with the reader's warning on stderr.
 */
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { analyze, type Diagnostic } from "../../../traces/analysis";
import { readTrace } from "../../../traces/reader";
import { printError, type CliContext } from "../context";
import { createColors, formatDiagnostics } from "../format-diagnostics";

export interface AnalyzeCommandOptions {
  readonly json?: boolean;
  readonly color: boolean;
}

/** The `--json` document: the same shape `goroscope check --json` prints. */
export interface AnalyzeReport {
  readonly diagnostics: readonly Diagnostic[];
  readonly runs: number;
  readonly failingSeeds: readonly number[];
}

export function registerAnalyzeCommand(program: Command, ctx: CliContext): void {
  program
    .command("analyze")
    .description("find deadlocks, leaks, lock-order cycles and panics in a trace; exit 1 if there are any")
    .argument("<trace>", "a trace written by `goroscope run -o trace.jsonl`")
    .option("--json", "print the findings as JSON: {diagnostics, runs, failingSeeds}")
    .option("--no-color", "never colour the output (colour is used only on a terminal, and never with NO_COLOR set)")
    .action((file: string, options: AnalyzeCommandOptions) => {
      ctx.exitCode = analyzeCommand(file, options, ctx);
    });
}

export function analyzeCommand(file: string, options: AnalyzeCommandOptions, ctx: CliContext): number {
  const full = path.resolve(ctx.cwd, file);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(full);
  } catch (err) {
    printError(ctx, `cannot open ${file}: ${openError(err)}`);
    return 2;
  }
  const read = readTrace(bytes);
  if (!read.ok) {
    printError(ctx, `${file}: ${read.error.message}`);
    return 2;
  }
  for (const w of read.warnings) printError(ctx, `warning: ${file}: ${w.message}`);
  const diagnostics = analyze(read);
  if (options.json) {
    const report: AnalyzeReport = { diagnostics, runs: 1, failingSeeds: diagnostics.length > 0 ? [read.header.seed] : [] };
    ctx.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    // The context does not carry the terminal's properties: only the real process's stdout can be one.
    const colors = createColors(options.color && process.stdout.isTTY === true, process.env);
    const roots = [ctx.cwd, path.dirname(full)];
    ctx.stdout(formatDiagnostics(diagnostics, { colors, sourceRoots: roots }));
  }
  return diagnostics.length > 0 ? 1 : 0;
}

function openError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return "no such file";
  if (code === "EISDIR") return "is a directory";
  if (code === "EACCES") return "permission denied";
  return code ?? String(err);
}
