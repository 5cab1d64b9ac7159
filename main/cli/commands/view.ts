/**
 * `goroscope view [TRACE] [--browser] [--port N] [--no-open]`
 * `goroscope debug PROGRAM [--browser] [--port N] [--no-open]`
 *
 * Opens the app on a trace (the default sample when none is named), or on a program that the app
 * runs (seed 0, virtual clock) and lets the user step through. Electron when its binary is
 * present; otherwise, or with `--browser`, browser mode: the built renderer and the API served on
 * 127.0.0.1 behind a per-run token, the URL printed and opened in the default browser (unless
 * `--no-open`). Browser mode runs until interrupted.
 *
 * Exit codes: 2 for a trace that cannot be opened or an app that is not built.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { createBackend, type Backend } from "../../app/backend";
import { createRunService } from "../../app/runs";
import { findElectronBinary } from "../../app/electron-binary";
import { packageRoot, rendererDir } from "../../app/paths";
import { startServer, type BrowserServer } from "../../app/server";
import { printError, type CliContext } from "../context";

export interface ViewOptions {
  readonly browser?: boolean;
  readonly port?: number;
  readonly open: boolean;
}

/** What a browser-mode view leaves running (tests close it). */
export let lastServer: BrowserServer | undefined;

export function registerViewCommand(program: Command, ctx: CliContext): void {
  program
    .command("view")
    .description("open a trace in the app (Electron, or browser mode on 127.0.0.1 when Electron is missing)")
    .argument("[trace]", "a trace file; without one the app opens its default sample")
    .option("--browser", "serve the app to a browser instead of opening the Electron window")
    .option("--port <n>", "browser mode: the port to listen on (default: any free port)", parsePort)
    .option("--no-open", "browser mode: print the URL but do not open a browser")
    .action(async (trace: string | undefined, options: ViewOptions) => {
      ctx.exitCode = await view(ctx, trace, options);
    });
  program
    .command("debug")
    .description("run a program in the app and step through its execution, forwards and backwards")
    .argument("<program>", "a TypeScript program that imports goroscope/runtime")
    .option("--browser", "serve the app to a browser instead of opening the Electron window")
    .option("--port <n>", "browser mode: the port to listen on (default: any free port)", parsePort)
    .option("--no-open", "browser mode: print the URL but do not open a browser")
    .action(async (file: string, options: ViewOptions) => {
      ctx.exitCode = await view(ctx, undefined, options, file);
    });
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("expected a port number 0-65535");
  return n;
}

export async function view(ctx: CliContext, trace: string | undefined, options: ViewOptions, programArg?: string): Promise<number> {
  const root = packageRoot(ctx.distDir);
  const file = trace === undefined ? undefined : path.resolve(ctx.cwd, trace);
  const program = programArg === undefined ? undefined : path.resolve(ctx.cwd, programArg);
  for (const [given, resolved] of [[trace, file], [programArg, program]]) {
    if (resolved === undefined) continue;
    let problem: string | undefined;
    try {
      if (!fs.statSync(resolved).isFile()) problem = "not a file";
    } catch {
      problem = "no such file";
    }
    if (problem) {
      printError(ctx, `${given}: ${problem}`);
      return 2;
    }
  }
  const staticDir = rendererDir(root);
  if (!fs.existsSync(path.join(staticDir, "index.html"))) {
    printError(ctx, `the app is not built (${path.relative(ctx.cwd, staticDir) || staticDir} is missing): run \`npm run build:app\``);
    return 2;
  }

  if (!options.browser) {
    const electron = findElectronBinary(root);
    if (electron.found) {
      const env = { ...process.env, ...(file ? { GOROSCOPE_OPEN: file } : {}), ...(program ? { GOROSCOPE_DEBUG: program } : {}) };
      const child = spawn(electron.path, [root], { stdio: "inherit", env });
      return await new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
    }
    ctx.stderr(`goroscope: ${electron.why}; opening in browser mode instead\n`);
  }

  const runs = createRunService({ distDir: ctx.distDir, onUpdate: (u) => server?.push("run-update", u) });
  let server: BrowserServer | undefined;
  let backend: Backend;
  try {
    const initialProgram = program === undefined ? undefined : runs.openProgram(program);
    backend = createBackend({ mode: "browser", root, initialPath: file, openDefaultSample: initialProgram === undefined, initialProgram, distDir: ctx.distDir });
    // Opens the initial trace now, which starts loading it while the browser starts.
    backend.initial();
  } catch (err) {
    printError(ctx, err instanceof Error ? err.message : String(err));
    return 2;
  }
  try {
    server = await startServer({ backend, staticDir, port: options.port, distDir: ctx.distDir, runs });
  } catch (err) {
    printError(ctx, `cannot listen on 127.0.0.1:${options.port ?? 0}: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  lastServer = server;
  const what = program ? `${path.basename(program)} (debug)` : file ? path.basename(file) : "the default sample";
  ctx.stdout(`Goroscope is serving ${what} at ${server.url}\n(only this machine can connect, and only with the token in that URL; Ctrl-C stops it)\n`);
  if (options.open) openBrowser(server.url);
  return 0;
}

/** Best effort: the URL is printed either way. */
function openBrowser(url: string): void {
  const [cmd, args] = process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  try {
    const child = spawn(cmd, args, { stdio: "ignore", detached: true });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // no opener on this machine
  }
}
