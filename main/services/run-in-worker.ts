/**
 * Runs a program in a worker thread (worker-main.ts, built to dist/worker.cjs) and relays what it
 * produces: program output to the given writers, trace lines to the `-o` file, in the order the
 * worker wrote them. A worker is used so that a goroutine that never yields cannot hang the CLI:
 * the watchdog terminates the thread and the trace still ends with an end record saying why.
 *
 * Invariants: the pipe is drained whenever the worker signals data, on exit and before the
 * outcome is decided, so nothing the worker published is lost; exactly one outcome is returned;
 * the CLI writes an end record only when the worker was killed and the trace has a header but no
 * end of its own.
 */
import { Worker } from "node:worker_threads";
import type { Clock, EndReason } from "../../traces/format/schema";
import { createGoroutineReplay, type ReplaySnapshot } from "./goroutine-replay";
import { RecordKind, createPipeBuffer, createPipeReader } from "./pipe";
import { createTraceFile, type TraceFile } from "./trace-file";
import { killedEndRecord, needsEndRecord, startWatchdog, timeoutMessage } from "./watchdog";
import { parseWorkerMessage, type WorkerMessage, type WorkerRequest } from "./worker-protocol";
import { describeThrown } from "./stack-mapping";
import type { PolicyName } from "../../runtime/policy";
import type { CheckReport } from "./check";

export interface RunInWorkerOptions {
  /** The program's path as the user gave it. */
  readonly program: string;
  readonly cwd: string;
  readonly seed?: number;
  readonly schedule?: PolicyName;
  readonly pctSteps?: number;
  readonly clock?: Clock;
  readonly maxSteps?: number;
  /** Wall-clock budget in seconds (the runtime's and the watchdog's). */
  readonly timeoutSeconds: number;
  /** Where the trace goes; tracing is off when absent. */
  readonly tracePath?: string;
  readonly stdout: (bytes: Uint8Array) => void;
  readonly stderr: (bytes: Uint8Array) => void;
  /** dist/worker.cjs */
  readonly workerPath: string;
  /** dist/runtime.cjs, or a stand-in in tests. */
  readonly runtimePath: string;
  readonly pipeCapacity?: number;
  /** `goroscope check`: many runs, analysed in the worker. */
  readonly check?: { readonly runs: number; readonly firstSeed: number };
  readonly onProgress?: (done: number, total: number) => void;
  /** Sees the trace's complete lines as they reach the file (the app follows a live run). */
  readonly onTraceWritten?: (bytes: Uint8Array) => void;
  /** Aborting it stops the run as Ctrl-C would: the trace still ends with an end record. */
  readonly signal?: AbortSignal;
}

export type RunOutcome =
  /** `run` returned: the exit code is the runtime's (0, or 2 on panic, deadlock, budget). */
  | { readonly kind: "finished"; readonly end: EndReason; readonly exitCode: number; readonly msg?: string }
  /** Bad input or a failure around the run: one line for the user. */
  | { readonly kind: "error"; readonly message: string }
  /** The watchdog or a signal ended the worker. */
  | { readonly kind: "killed"; readonly message: string }
  /** The program called `process.exit(code)`: Go's `os.Exit`, the run ends there with that code and no end record. */
  | { readonly kind: "exited"; readonly exitCode: number }
  /** `check` finished every run. */
  | { readonly kind: "checked"; readonly report: CheckReport };

type KillCause =
  | { readonly kind: "timeout" }
  | { readonly kind: "signal"; readonly signal: NodeJS.Signals }
  | { readonly kind: "stopped" }
  | { readonly kind: "trace-failed"; readonly failure: string };

const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM"];
const POLL_MS = 50;
/** After a wake-up, let the worker write a batch before draining: one wake per record would cost the worker a cross-thread notify per trace line. Output still appears within a millisecond or two. */
const BATCH_MS = 1;

/** What the main thread learns from the pipe: output is forwarded, trace lines filed, messages kept. */
interface Relay {
  readonly buffer: SharedArrayBuffer;
  readonly trace: TraceFile;
  /** Moves every published record to its destination. */
  drain(): void;
  waitForData(timeoutMs: number): Promise<void>;
  readonly started: boolean;
  readonly message: WorkerMessage | undefined;
}

function createRelay(options: RunInWorkerOptions): Relay {
  const buffer = createPipeBuffer(options.pipeCapacity);
  const reader = createPipeReader(buffer);
  const trace = createTraceFile(options.tracePath, options.onTraceWritten);
  let started = false;
  let message: WorkerMessage | undefined;
  const onRecord = (kind: RecordKind, payload: Uint8Array): void => {
    // Output is copied out of the ring: the stream may still hold it after this call returns.
    if (kind === RecordKind.Stdout) options.stdout(Buffer.from(payload));
    else if (kind === RecordKind.Stderr) options.stderr(Buffer.from(payload));
    else if (kind === RecordKind.TraceLine) trace.append(payload);
    else if (kind === RecordKind.Message) {
      const m = parseWorkerMessage(Buffer.from(payload).toString("utf8"));
      if (m?.kind === "started") started = true;
      else if (m?.kind === "progress") options.onProgress?.(m.done, m.total);
      else if (m) message = m;
    }
  };
  return {
    buffer,
    trace,
    drain() {
      reader.drain(onRecord);
      trace.flush();
    },
    waitForData: (timeoutMs) => reader.waitForData(timeoutMs),
    get started() {
      return started;
    },
    get message() {
      return message;
    },
  };
}

export function runInWorker(options: RunInWorkerOptions): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const relay = createRelay(options);
    let killedBy: KillCause | undefined;
    let workerError: unknown;
    let pumping = true;

    const worker = new Worker(options.workerPath, { workerData: workerRequest(options, relay.buffer) });
    const kill = (cause: KillCause): void => {
      killedBy ??= cause;
      void worker.terminate();
    };
    const drain = (): void => {
      relay.drain();
      if (relay.trace.failure !== undefined) kill({ kind: "trace-failed", failure: relay.trace.failure });
    };
    const watchdog = startWatchdog(options.timeoutSeconds * 1000, () => kill({ kind: "timeout" }));
    const onSignal = (signal: NodeJS.Signals): void => kill({ kind: "signal", signal });
    for (const s of SIGNALS) process.on(s, onSignal);
    const onAbort = (): void => kill({ kind: "stopped" });
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener("abort", onAbort, { once: true });

    void (async () => {
      while (pumping) {
        drain();
        await relay.waitForData(POLL_MS);
        await new Promise((wake) => setTimeout(wake, BATCH_MS));
      }
    })();

    worker.on("error", (err) => {
      workerError = err;
    });
    worker.on("exit", (exitCode) => {
      pumping = false;
      watchdog.cancel();
      for (const s of SIGNALS) process.off(s, onSignal);
      options.signal?.removeEventListener("abort", onAbort);
      drain();
      const { message, started, trace } = relay;
      resolve(decide({ message, killedBy, started, workerError, exitCode, options, trace }));
      trace.close();
    });
  });
}

function workerRequest(options: RunInWorkerOptions, pipe: SharedArrayBuffer): WorkerRequest {
  return {
    program: options.program,
    cwd: options.cwd,
    runtimePath: options.runtimePath,
    pipe,
    trace: options.tracePath !== undefined,
    seed: options.seed,
    schedule: options.schedule,
    pctSteps: options.pctSteps,
    clock: options.clock,
    maxSteps: options.maxSteps,
    wallTimeout: options.timeoutSeconds * 1000,
    ...(options.check ? { check: options.check } : {}),
  };
}

interface Ending {
  readonly message: WorkerMessage | undefined;
  readonly killedBy: KillCause | undefined;
  readonly started: boolean;
  readonly workerError: unknown;
  readonly exitCode: number;
  readonly options: RunInWorkerOptions;
  readonly trace: TraceFile;
}

/** Who was alive when the worker was killed, from the trace written so far (undefined without a trace). */
function replayTrace(e: Ending): ReplaySnapshot | undefined {
  if (e.options.tracePath === undefined) return undefined;
  const replay = createGoroutineReplay();
  e.trace.readLines(replay.feed);
  return replay.snapshot();
}

/** A result the worker managed to publish wins over a kill that raced with it. */
function decide(e: Ending): RunOutcome {
  if (e.message?.kind === "result") {
    const { end, exitCode, msg } = e.message;
    return { kind: "finished", end, exitCode, ...(msg !== undefined ? { msg } : {}) };
  }
  if (e.message?.kind === "error") return { kind: "error", message: e.message.message };
  if (e.message?.kind === "checked") return { kind: "checked", report: e.message.report };
  if (e.killedBy?.kind === "trace-failed") return { kind: "error", message: `cannot write the trace to ${e.options.tracePath}: ${e.killedBy.failure}` };
  if (e.killedBy) {
    const cause =
      e.killedBy.kind === "timeout" ? `wall-clock timeout of ${e.options.timeoutSeconds}s` : e.killedBy.kind === "stopped" ? "stopped by the user" : `interrupted by ${e.killedBy.signal}`;
    if (!e.started) return { kind: "killed", message: `${e.options.program} did not finish loading: ${cause}` };
    const replay = replayTrace(e);
    const why = e.killedBy.kind === "timeout" ? timeoutMessage(e.options.timeoutSeconds, replay) : cause;
    if (replay && needsEndRecord(replay)) e.trace.appendLine(JSON.stringify(killedEndRecord(replay, why)));
    return { kind: "killed", message: why };
  }
  if (e.started && e.workerError === undefined) return { kind: "exited", exitCode: e.exitCode };
  const detail = e.workerError === undefined ? "" : `: ${describeThrown(e.workerError)}`;
  return { kind: "error", message: `internal error: the program's worker stopped without a result${detail}` };
}
