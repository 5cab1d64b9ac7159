/**
 * Entry of dist/cli.cjs (`bin/goroscope.js` requires it). Sets the exit code and lets the process
 * end by itself, so that buffered output is flushed; nothing of ours is left running by then.
 */
import { createProcessContext, printError } from "./context";
import { runCli } from "./program";
import { describeThrown } from "../services/stack-mapping";

const ctx = createProcessContext();
runCli(process.argv.slice(2), ctx).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    printError(ctx, `internal error: ${describeThrown(err)}`);
    process.exitCode = 2;
  },
);
