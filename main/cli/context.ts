/**
 * What a command needs from the process, as a value: tests and the app can run commands with
 * their own streams, and no command reads `process` directly.
 */
import path from "node:path";

export interface CliContext {
  /** What relative paths on the command line are relative to. */
  readonly cwd: string;
  /** Where dist/worker.cjs and dist/runtime.cjs are. */
  readonly distDir: string;
  readonly stdout: (chunk: string | Uint8Array) => void;
  readonly stderr: (chunk: string | Uint8Array) => void;
  /** The process's exit code once the command is done (commands set it; 0 until then). */
  exitCode: number;
}

/** Prints one error line, the only way our own errors reach the user (never a stack trace). */
export function printError(ctx: CliContext, message: string): void {
  ctx.stderr(`goroscope: ${message}\n`);
}

/** The context of the real process; `distDir` is where the running dist/cli.cjs lives. */
export function createProcessContext(): CliContext {
  // Writing to a closed pipe (`goroscope run x.ts | head`) is the reader's choice, not an error.
  const ignoreBrokenPipe = (err: NodeJS.ErrnoException): void => {
    if (err.code !== "EPIPE") throw err;
  };
  process.stdout.on("error", ignoreBrokenPipe);
  process.stderr.on("error", ignoreBrokenPipe);
  return {
    cwd: process.cwd(),
    distDir: path.resolve(__dirname),
    stdout: (chunk) => void process.stdout.write(chunk),
    stderr: (chunk) => void process.stderr.write(chunk),
    exitCode: 0,
  };
}
