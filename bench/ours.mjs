/**
 * Goroscope's cases: the same ping-pong as bench/peers.mjs, as two goroutines on the runtime built
 * into dist/runtime.cjs, with tracing off and with the trace written to a file through FileSink.
 * Each run must end with `main-returned` and exit code 0, or the case fails.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { FileSink } from "./file-sink.mjs";
import { checkEcho } from "./peers.mjs";

export const RUNTIME_PATH = fileURLToPath(new URL("../dist/runtime.cjs", import.meta.url));

/** `{ rt }`: the runtime module; or `{ reason }` when dist/runtime.cjs is missing or lacks the API. */
export function loadRuntime() {
  if (!fs.existsSync(RUNTIME_PATH)) return { reason: "runtime not built (no dist/runtime.cjs)" };
  const rt = createRequire(import.meta.url)(RUNTIME_PATH);
  const missing = ["run", "go", "chan"].filter((name) => typeof rt[name] !== "function");
  if (missing.length > 0) return { reason: `dist/runtime.cjs does not export ${missing.join(", ")}` };
  return { rt };
}

function pingPongMain(rt, n, cap) {
  const { go, chan } = rt;
  return async function main() {
    const ping = chan(cap);
    const pong = chan(cap);
    go(async function B() {
      for (let i = 0; i < n; i++) await pong.send(await ping.recv());
    });
    for (let i = 0; i < n; i++) {
      await ping.send(i);
      checkEcho(await pong.recv(), i, "goroscope");
    }
  };
}

/** Runs one ping-pong; `sink` is the trace destination (tracing off when undefined). */
async function runPingPong(rt, n, cap, sink) {
  try {
    const result = await rt.run(pingPongMain(rt, n, cap), { trace: sink, maxSteps: 1e9 });
    if (result.exitCode !== 0 || result.end !== "main-returned") {
      throw new Error(`goroscope run ended ${result.end} (exit ${result.exitCode})${result.msg ? `: ${result.msg}` : ""}`);
    }
    return sink === undefined ? {} : { traceBytes: sink.bytes, traceLines: sink.lines };
  } finally {
    sink?.close();
  }
}

/** A scratch trace file, created fresh for every traced run and removed after it. */
export function scratchTracePath() {
  return path.join(os.tmpdir(), `goroscope-bench-${process.pid}.jsonl`);
}

/**
 * Our four cases: each group (unbuffered, buffered with `bufferedCap`) untraced and traced. A traced
 * case opens a new file before the clock starts (truncating a 100 MiB file costs milliseconds) and
 * removes it after the clock stops; the final flush and close are timed.
 */
export function ourCases(rt, bufferedCap, tracePath) {
  const openSink = () => {
    fs.rmSync(tracePath, { force: true });
    return new FileSink(tracePath);
  };
  const removeTrace = (sink) => {
    sink.close();
    fs.rmSync(tracePath, { force: true });
  };
  const cases = [];
  for (const [group, cap] of [["unbuffered", 0], ["buffered", bufferedCap]]) {
    cases.push(
      { id: `goroscope/${group}`, group, role: "ours", traced: false, label: `goroscope, cap ${cap}, tracing off`, run: (n) => runPingPong(rt, n, cap, undefined) },
      {
        id: `goroscope/${group}/traced`, group, role: "ours", traced: true, untracedId: `goroscope/${group}`, label: `goroscope, cap ${cap}, trace to file`,
        setup: openSink, run: (n, sink) => runPingPong(rt, n, cap, sink), teardown: removeTrace,
      },
    );
  }
  return cases;
}
