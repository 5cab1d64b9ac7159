/**
 * `goroscope analyze TRACE [--json] [--stats] [--no-color]`
 *
 * Reads a trace (format v1), runs the shared analyzer (traces/analysis) and prints its findings:
 * grouped by kind for people (coloured on a terminal unless NO_COLOR is set), or with `--json`
 * `{"diagnostics":[...],"runs":1,"failingSeeds":[...]}` as the design's schema says
 * (`failingSeeds` holds the trace's seed when there are findings). `--stats` adds the trace's
 * statistics (traces/analysis/stats.ts): a `stats` field in the JSON, or two tables after the
 * findings (goroutines by blocked time, blocking sites by total time). The analysis streams the
 * trace; the statistics need its model, so `--stats` loads the whole trace into memory.
 *
 * Exit codes: 0 no findings, 1 findings, 2 bad input (a missing or unreadable file, a trace the
 * reader rejects: `goroscope: trace.jsonl: line 17: ...`). A truncated trace or one without an
 * end record is analyzed as far as it goes, with the reader's warning on stderr.
 */
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { SingleBar } from "cli-progress";
import { formatTime, traceStatistics, type Diagnostic, type TraceStatistics } from "../../../traces/analysis";
import { createAnalyzingReader } from "../../../traces/analysis/stream";
import { loadModel } from "../../../traces/model";
import type { ReadResult } from "../../../traces/reader";
import { detectTraceFormat } from "../../../traces/import";
import { openAnyTrace } from "../../../traces/import/any-trace";
import { printError, type CliContext } from "../context";
import { fileChunks } from "../file-chunks";
import { createColors, formatDiagnostics } from "../format-diagnostics";

export interface AnalyzeCommandOptions {
  readonly json?: boolean;
  readonly stats?: boolean;
  readonly color: boolean;
}

/** The `--json` document: the same shape `goroscope check --json` prints. */
export interface AnalyzeReport {
  readonly diagnostics: readonly Diagnostic[];
  readonly runs: number;
  readonly failingSeeds: readonly number[];
  /** With `--stats` only. */
  readonly stats?: TraceStatistics;
}

export function registerAnalyzeCommand(program: Command, ctx: CliContext): void {
  program
    .command("analyze")
    .description("find deadlocks, leaks, lock-order cycles and panics in a trace; exit 1 if there are any")
    .argument("<trace>", "a trace written by `goroscope run -o trace.jsonl`")
    .option("--json", "print the findings as JSON: {diagnostics, runs, failingSeeds}")
    .option("--stats", "also print statistics: time per state per goroutine, blocking by call site (JSON: a \"stats\" field)")
    .option("--no-color", "never colour the output (colour is used only on a terminal, and never with NO_COLOR set)")
    .action(async (file: string, options: AnalyzeCommandOptions) => {
      ctx.exitCode = await analyzeCommand(file, options, ctx);
    });
}

/** Files past this size show a progress bar while they load (on a terminal). */
const PROGRESS_FROM = 64 << 20;

/**
 * Streams the file through the reader into the analyzer: events are analysed as they are read and
 * not kept, so memory depends on the program's goroutines and objects, not on the trace's length.
 */
function streamAnalysis(fd: number): Promise<{ read: ReadResult; diagnostics: Diagnostic[] }> {
  return analyzeChunks(fileChunks(fd), fs.fstatSync(fd).size);
}

/** The reader and the analyzer (wired field to field: `createAnalyzingReader`) over chunks of format-v1 bytes, with a progress bar on a terminal. */
async function analyzeChunks(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, size: number): Promise<{ read: ReadResult; diagnostics: Diagnostic[] }> {
  const bar = size >= PROGRESS_FROM && process.stderr.isTTY === true
    ? new SingleBar({ format: "reading {bar} {percentage}% of {total} MB", stream: process.stderr, hideCursor: true, clearOnComplete: true })
    : undefined;
  bar?.start(Math.round(size / 1e6), 0);
  const { reader, analyzer } = createAnalyzingReader();
  let done = 0;
  for await (const chunk of chunks) {
    reader.push(chunk);
    done += chunk.length;
    bar?.update(Math.round(done / 1e6));
    if (reader.error) break;
  }
  bar?.stop();
  const read = reader.finish();
  return { read, diagnostics: analyzer.finish(read.end, read.header) };
}

/** A Go execution trace (by its header) is imported into format v1 in memory; undefined for any other file. */
function importIfGo(fd: number, file: string, ctx: CliContext): { bytes: Uint8Array } | { failed: true } | undefined {
  const head = Buffer.alloc(64);
  const n = fs.readSync(fd, head, 0, head.length, 0);
  const format = detectTraceFormat(head.subarray(0, n));
  if (format !== "go-pre-1.22" && format !== "go-1.22+") return undefined;
  const any = openAnyTrace(fs.readFileSync(fd), path.basename(file));
  if (!any.ok) {
    printError(ctx, `${file}: not a Go trace Goroscope can read: ${any.message}`);
    return { failed: true };
  }
  for (const w of any.warnings) printError(ctx, `warning: ${file}: ${w}`);
  return { bytes: any.bytes };
}

export async function analyzeCommand(file: string, options: AnalyzeCommandOptions, ctx: CliContext): Promise<number> {
  const full = path.resolve(ctx.cwd, file);
  let fd: number;
  try {
    fd = fs.openSync(full, "r");
    if (fs.fstatSync(fd).isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  } catch (err) {
    printError(ctx, `cannot open ${file}: ${openError(err)}`);
    return 2;
  }
  let read: ReadResult;
  let diagnostics: Diagnostic[];
  let stats: TraceStatistics | undefined;
  try {
    const imported = importIfGo(fd, file, ctx);
    if (imported && "failed" in imported) return 2;
    ({ read, diagnostics } = await (imported ? analyzeChunks([imported.bytes], imported.bytes.length) : streamAnalysis(fd)));
    if (options.stats && read.ok) stats = traceStatistics(loadModel(imported ? imported.bytes : fs.readFileSync(full)).model);
  } catch (err) {
    printError(ctx, `cannot read ${file}: ${openError(err)}`);
    return 2;
  } finally {
    fs.closeSync(fd);
  }
  if (!read.ok) {
    printError(ctx, `${file}: ${read.error.message}`);
    return 2;
  }
  // A Go trace never has an end record: saying so would only alarm.
  const warnings = read.header.source === undefined ? read.warnings : read.warnings.filter((w) => !w.message.startsWith("no end record"));
  for (const w of warnings) printError(ctx, `warning: ${file}: ${w.message}`);
  if (options.json) {
    const report: AnalyzeReport = { diagnostics, runs: 1, failingSeeds: diagnostics.length > 0 ? [read.header.seed] : [], ...(stats ? { stats } : {}) };
    ctx.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    // The context does not carry the terminal's properties: only the real process's stdout can be one.
    const colors = createColors(options.color && process.stdout.isTTY === true, process.env);
    const roots = [ctx.cwd, path.dirname(full)];
    ctx.stdout(formatDiagnostics(diagnostics, { colors, sourceRoots: roots }));
    if (stats) ctx.stdout(formatStatistics(stats));
  }
  return diagnostics.length > 0 ? 1 : 0;
}

/** Rows shown per table in the human output (the JSON has them all). */
const TOP = 10;

/** Two compact tables: the goroutines that waited most, and where the program waited. */
export function formatStatistics(stats: TraceStatistics): string {
  const out: string[] = ["", `Statistics: ${stats.goroutines.length} goroutines over ${formatTime(stats.duration)}`, ""];
  const gs = [...stats.goroutines].sort((a, b) => b.blocked - a.blocked || b.sleeping - a.sleeping || a.id - b.id).slice(0, TOP);
  const pct = (v: number, of: number) => (of > 0 ? `${Math.round((100 * v) / of)}%` : "-");
  out.push(...table(
    ["goroutine", "running", "runnable", "blocked", "sleeping", "blocks"],
    gs.map((g) => [`${g.name} #${g.id}`, ...[g.running, g.runnable, g.blocked, g.sleeping].map((v) => `${formatTime(v)} ${pct(v, g.lifetime)}`), String(g.blocks)]),
    `Goroutines by blocked time (top ${gs.length} of ${stats.goroutines.length})`,
  ));
  out.push("");
  const sites = stats.sites.slice(0, TOP);
  out.push(...table(
    ["site", "function", "reason", "count", "total", "max"],
    sites.map((s) => [s.loc ? `${path.basename(s.loc.file)}:${s.loc.line}` : "-", s.loc?.fn ?? "-", s.reason, String(s.count), formatTime(s.total), formatTime(s.max)]),
    `Blocking sites by total time (top ${sites.length} of ${stats.sites.length}; sleeps included)`,
  ));
  if (stats.source !== undefined) out.push("", `Imported from a Go trace (${stats.source}): blocking is grouped by call site; Go traces do not record which channel or lock.`);
  else if (stats.objects.length > 0) {
    out.push("");
    const objs = stats.objects.slice(0, TOP);
    out.push(...table(["object", "kind", "waits", "total"], objs.map((o) => [`${o.name} #${o.id}`, o.kind ?? "-", String(o.count), formatTime(o.total)]), `Objects by wait time (top ${objs.length} of ${stats.objects.length})`));
  }
  return `${out.join("\n")}\n`;
}

/** A title and left-aligned columns (numbers right-aligned), two spaces apart. */
function table(head: readonly string[], rows: readonly (readonly string[])[], title: string): string[] {
  if (rows.length === 0) return [title, "  (none)"];
  const width = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const numeric = head.map((_, c) => c > 0 && rows.every((r) => /^[\d.]/.test(r[c]!)));
  const line = (r: readonly string[]) => `  ${r.map((v, c) => (numeric[c] ? v.padStart(width[c]!) : v.padEnd(width[c]!))).join("  ").trimEnd()}`;
  return [title, line(head), ...rows.map(line)];
}

function openError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return "no such file";
  if (code === "EISDIR") return "is a directory";
  if (code === "EACCES") return "permission denied";
  return code ?? String(err);
}
