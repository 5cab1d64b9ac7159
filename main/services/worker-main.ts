/**
 * Entry of the worker thread that runs one program (built to dist/worker.cjs). The CLI's main
 * thread starts it with a `WorkerRequest` and reads everything it produces from the shared pipe:
 * the program's stdout and stderr (`println`, `console.log`, the runtime's crash report), trace
 * lines, and finally one `WorkerMessage` with the result or a one-line error.
 *
 * Order matters: the runtime is loaded and published on `globalThis` before the bundle is
 * evaluated (the bundle's `goroscope/runtime` module reads it), and so is the loc cursor (the
 * bundle's prelude reads it). Everything the worker writes goes through the pipe synchronously, so
 * when the watchdog terminates this thread mid-loop, all of it up to that instant survives.
 */
import { createRequire } from "node:module";
import { workerData } from "node:worker_threads";
import type { LocCursor, RunOptions, RunResult } from "../../runtime/index";
import { compileProgram, evaluateProgram, bundleFileName } from "./evaluate-program";
import { createCheckAccumulator, PCT_DEPTH, scheduleOf } from "./check";
import { readTrace } from "../../traces/reader";
import { analyze } from "../../traces/analysis";
import { LOC_CURSOR_KEY } from "./instrument";
import { RUNTIME_GLOBAL_KEY, loadProgram, userFile, type LoadedProgram } from "./load-program";
import { RecordKind, createPipeWriter, type PipeWriter } from "./pipe";
import { describeThrown, installStackMapping, type StackMapping } from "./stack-mapping";
import type { WorkerMessage, WorkerRequest } from "./worker-protocol";

interface RuntimeModule {
  run(main: () => unknown, options: RunOptions): Promise<RunResult>;
}

/** The cursor the instrumentation writes: `l` for the runtime, `t` scratch for the last argument. */
interface InstrumentationCursor extends LocCursor {
  t: unknown;
}

const request = workerData as WorkerRequest;
const pipe = createPipeWriter(request.pipe);
const cursor: InstrumentationCursor = { l: 0, t: undefined };
let stacks: StackMapping | undefined;
let finished = false;

function finish(message: WorkerMessage): void {
  if (finished) return;
  finished = true;
  pipe.write(RecordKind.Message, JSON.stringify(message));
  // Ends this thread only, whatever timers or handles the program left behind.
  process.exit(0);
}

function redirect(stream: NodeJS.WriteStream, kind: RecordKind): void {
  stream.write = ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean => {
    const bytes = typeof chunk === "string" && typeof encoding === "string" ? Buffer.from(chunk, encoding as BufferEncoding) : chunk;
    pipe.write(kind, bytes);
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") done();
    return true;
  }) as typeof stream.write;
}

function onUncaught(err: unknown): void {
  const site = stacks?.userSite(err);
  finish({ kind: "error", message: `${request.program} threw: ${describeThrown(err)}${site ? ` (${site})` : ""}` });
}

function loadRuntime(): RuntimeModule | string {
  try {
    const runtime = createRequire(request.runtimePath)(request.runtimePath) as Partial<RuntimeModule>;
    if (typeof runtime.run !== "function") return `internal error: ${request.runtimePath} does not export run()`;
    return runtime as RuntimeModule;
  } catch (err) {
    return `internal error: cannot load the runtime (${request.runtimePath}): ${describeThrown(err)}`;
  }
}

function runOptions(loaded: LoadedProgram): RunOptions {
  return {
    seed: request.seed,
    schedule: request.schedule,
    ...(request.pctSteps !== undefined ? { pct: { steps: request.pctSteps } } : {}),
    // Math.random in the program draws from the run's seed too, so a seed replays the program exactly.
    seedMathRandom: true,
    clock: request.clock,
    maxSteps: request.maxSteps,
    wallTimeout: request.wallTimeout,
    program: request.program,
    locs: loaded.locs,
    locCursor: cursor,
    stdout: (text) => pipe.write(RecordKind.Stdout, text),
    stderr: (text) => pipe.write(RecordKind.Stderr, text),
    // The pipe copies each line into shared memory before returning: the durability the sink contract asks for.
    trace: request.trace
      ? { write: (line) => pipe.write(RecordKind.TraceLine, line), writeBytes: (line) => pipe.write(RecordKind.TraceLine, line) }
      : undefined,
  };
}

/** Collects a run's trace in memory for the analyzer. */
function memoryTrace(): { sink: NonNullable<RunOptions["trace"]>; bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const add = (b: Uint8Array): void => {
    chunks.push(b.slice());
    size += b.length;
  };
  return {
    sink: { write: (line) => add(Buffer.from(line)), writeBytes: add },
    bytes() {
      const all = new Uint8Array(size);
      let p = 0;
      for (const c of chunks) {
        all.set(c, p);
        p += c.length;
      }
      return all;
    },
  };
}

/** `goroscope check`: every run starts from a fresh instance of the program's module. */
async function checkProgram(runtime: RuntimeModule, program: LoadedProgram, check: { runs: number; firstSeed: number }): Promise<WorkerMessage> {
  const compiled = compileProgram(program, request.program, stacks as StackMapping);
  if (!("instantiate" in compiled)) return { kind: "error", message: compiled.error };
  const acc = createCheckAccumulator();
  let steps = 1000;
  let lastProgress = 0;
  for (let i = 0; i < check.runs; i++) {
    const sched = scheduleOf(check.firstSeed, i, steps);
    const instance = compiled.instantiate();
    if (!instance.ok) return { kind: "error", message: instance.error };
    const trace = memoryTrace();
    const result = await runtime.run(instance.main, {
      ...runOptions(program),
      stdout: undefined,
      stderr: undefined,
      seed: sched.seed,
      schedule: sched.schedule,
      pct: { depth: PCT_DEPTH, steps: sched.pctSteps ?? steps },
      trace: trace.sink,
    });
    if (i === 0) steps = Math.max(10, result.steps);
    const read = readTrace(trace.bytes());
    if (!read.ok) return { kind: "error", message: `internal error: seed ${sched.seed} wrote an invalid trace: ${read.error.message}` };
    acc.add(sched, analyze(read), result.end);
    const now = Date.now();
    if (now - lastProgress > 100 || i === check.runs - 1) {
      lastProgress = now;
      pipe.write(RecordKind.Message, JSON.stringify({ kind: "progress", done: i + 1, total: check.runs } satisfies WorkerMessage));
    }
  }
  return { kind: "checked", report: acc.report() };
}

async function runProgram(): Promise<WorkerMessage> {
  const runtime = loadRuntime();
  if (typeof runtime === "string") return { kind: "error", message: runtime };
  (globalThis as Record<symbol, unknown>)[Symbol.for(RUNTIME_GLOBAL_KEY)] = runtime;
  (globalThis as Record<symbol, unknown>)[Symbol.for(LOC_CURSOR_KEY)] = cursor;

  const loaded = await loadProgram(request.program, request.cwd);
  if (!loaded.ok) return { kind: "error", message: loaded.error };
  stacks = installStackMapping({
    bundleFile: bundleFileName(loaded.program.programPath),
    sourceMap: loaded.program.sourceMap,
    userFile: (source) => userFile(source, request.cwd),
  });
  if (request.check) {
    pipe.write(RecordKind.Message, JSON.stringify({ kind: "started" } satisfies WorkerMessage));
    return checkProgram(runtime, loaded.program, request.check);
  }
  const evaluated = evaluateProgram(loaded.program, request.program, stacks);
  if (!evaluated.ok) return { kind: "error", message: evaluated.error };

  pipe.write(RecordKind.Message, JSON.stringify({ kind: "started" } satisfies WorkerMessage));
  // `main` itself, not a wrapper: the runtime names goroutine 1 from it.
  const result = await runtime.run(evaluated.main, runOptions(loaded.program));
  return { kind: "result", end: result.end, exitCode: result.exitCode, ...(result.msg !== undefined ? { msg: result.msg } : {}) };
}

redirect(process.stdout, RecordKind.Stdout);
redirect(process.stderr, RecordKind.Stderr);
process.on("uncaughtException", onUncaught);
process.on("unhandledRejection", onUncaught);
runProgram().then(finish, (err: unknown) => finish({ kind: "error", message: `internal error: ${describeThrown(err)}` }));
