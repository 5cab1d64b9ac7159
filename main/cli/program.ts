/**
 * The `goroscope` command line: one commander program, one module per command under commands/
 * (`run`, `analyze`, `check`, `view` and `debug`, `export`).
 *
 * Exit codes: what the command sets (for `run`, the program's: 0, or 2 on panic or deadlock as Go
 * exits), 2 for usage errors (commander's message), 0 for `--help` and `--version`.
 */
import { Command, CommanderError } from "commander";
import { version } from "../../package.json";
import { registerRunCommand } from "./commands/run";
import { registerAnalyzeCommand } from "./commands/analyze";
import { registerCheckCommand } from "./commands/check";
import { registerViewCommand } from "./commands/view";
import { registerExportCommand } from "./commands/export";
import type { CliContext } from "./context";

export const USAGE_EXIT_CODE = 2;

export function createProgram(ctx: CliContext): Command {
  const program = new Command("goroscope")
    .description("Run Go-style concurrent TypeScript programs on a deterministic scheduler and record what every goroutine did.")
    .version(version, "-V, --version")
    .configureOutput({ writeOut: (s) => ctx.stdout(s), writeErr: (s) => ctx.stderr(s) })
    .showSuggestionAfterError()
    .exitOverride();
  // Subcommands inherit the output and exit settings above: register them after.
  registerRunCommand(program, ctx);
  registerAnalyzeCommand(program, ctx);
  registerCheckCommand(program, ctx);
  registerViewCommand(program, ctx);
  registerExportCommand(program, ctx);
  return program;
}

/** Parses `args` (without `node` and the script) and runs the command; resolves to the exit code. */
export async function runCli(args: readonly string[], ctx: CliContext): Promise<number> {
  try {
    await createProgram(ctx).parseAsync([...args], { from: "user" });
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    return err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : USAGE_EXIT_CODE;
  }
  return ctx.exitCode;
}
