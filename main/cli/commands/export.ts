/**
 * `goroscope export TRACE --format perfetto -o OUT.json`
 *
 * Writes a trace (ours, or a Go execution trace, imported) as Chrome / Perfetto trace-event JSON
 * (traces/export/perfetto.ts), which ui.perfetto.dev and chrome://tracing open: a thread per
 * goroutine with its states as slices, flows for send→receive, create and wake-ups, counters for
 * channel occupancy, lock holds.
 *
 * Exit codes: 0 written, 2 bad input (missing file, a trace the reader rejects, unwritable output).
 */
import fs from "node:fs";
import path from "node:path";
import { Option, type Command } from "commander";
import { exportPerfetto, perfettoJson } from "../../../traces/export/perfetto";
import { openAnyTrace } from "../../../traces/import/any-trace";
import { loadModel } from "../../../traces/model";
import { printError, type CliContext } from "../context";

export interface ExportOptions {
  readonly format: "perfetto";
  readonly output: string;
}

export function registerExportCommand(program: Command, ctx: CliContext): void {
  program
    .command("export")
    .description("write a trace in another tool's format: perfetto (Chrome trace-event JSON for ui.perfetto.dev)")
    .argument("<trace>", "a Goroscope trace, or a Go execution trace")
    .addOption(new Option("--format <format>", "the output format").choices(["perfetto"]).default("perfetto"))
    .requiredOption("-o, --output <file>", "where to write it (- for stdout)")
    .action((trace: string, options: ExportOptions) => {
      ctx.exitCode = exportCommand(trace, options, ctx);
    });
}

export function exportCommand(file: string, options: ExportOptions, ctx: CliContext): number {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path.resolve(ctx.cwd, file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    printError(ctx, `cannot open ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (code ?? String(err))}`);
    return 2;
  }
  const any = openAnyTrace(bytes, path.basename(file));
  if (!any.ok) {
    printError(ctx, `${file}: ${any.message}`);
    return 2;
  }
  for (const w of any.warnings) printError(ctx, `warning: ${file}: ${w}`);
  const loaded = loadModel(any.bytes);
  if (!loaded.ok) {
    printError(ctx, `${file}: ${loaded.error.message}`);
    return 2;
  }
  const json = perfettoJson(exportPerfetto(loaded.model));
  if (options.output === "-") {
    ctx.stdout(json);
    return 0;
  }
  const out = path.resolve(ctx.cwd, options.output);
  try {
    fs.writeFileSync(out, json);
  } catch (err) {
    printError(ctx, `cannot write ${options.output}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    return 2;
  }
  ctx.stderr(`wrote ${options.output}: ${loaded.model.goroutines.length} goroutines, ${loaded.model.eventCount} events (open it in ui.perfetto.dev)\n`);
  return 0;
}
