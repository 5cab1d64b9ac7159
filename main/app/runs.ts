/**
 * Running programs for the app (`goroscope debug`, File → Open Program…): each run goes to a
 * worker thread through the same service as `goroscope run` (never the renderer), writes its
 * trace to a file in a per-backend temporary folder, and streams the complete lines to the
 * renderer as they are written, then one `end` update.
 *
 * Invariants: updates of one run arrive in order and the `end` update comes last, after every
 * line; a stopped, panicking, deadlocked or killed run still leaves a whole trace (the worker
 * service appends the end record of a killed run); source files are served only for a program the
 * user opened, and only from its own folder.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ProgramDescriptor, RunDescriptor, RunEnd, RunRequest, RunUpdate } from "../api/contract";
import { ApiInputError, requireString } from "../api/validate";
import { runInWorker, type RunOutcome } from "../services/run-in-worker";
import { OpenError } from "./backend";

export interface RunServiceOptions {
  /** Where dist/worker.cjs and dist/runtime.cjs are. */
  readonly distDir: string;
  readonly onUpdate: (update: RunUpdate) => void;
  /** Wall-clock budget of one run, s (default 60). */
  readonly timeoutSeconds?: number;
}

export interface RunService {
  openProgram(path: unknown): ProgramDescriptor;
  run(request: unknown): RunDescriptor;
  stop(runId: unknown): void;
  readSource(programId: unknown, file: unknown): Promise<string>;
  /** Stops every run (the window is closing). */
  stopAll(): void;
}

const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export function createRunService(options: RunServiceOptions): RunService {
  const programs = new Map<string, ProgramDescriptor>();
  const runs = new Map<string, AbortController>();
  let dir: string | undefined;
  let nextProgram = 1;
  let nextRun = 1;

  const program = (idArg: unknown): ProgramDescriptor => {
    const id = requireString(idArg, "program id", 64);
    const p = programs.get(id);
    if (!p) throw new ApiInputError("unknown program id");
    return p;
  };

  return {
    openProgram(pathArg) {
      const file = path.resolve(requireString(pathArg, "path"));
      if (!/\.(ts|mts|cts|js|mjs|cjs)$/.test(file)) throw new OpenError(`${path.basename(file)} is not a TypeScript or JavaScript program`);
      let ok = false;
      try {
        ok = fs.statSync(file).isFile();
      } catch {
        // reported below
      }
      if (!ok) throw new OpenError(`no such file: ${file}`);
      const existing = [...programs.values()].find((p) => p.path === file);
      if (existing) return existing;
      const d: ProgramDescriptor = { id: `p${nextProgram++}`, name: path.basename(file), path: file };
      programs.set(d.id, d);
      return d;
    },

    run(requestArg) {
      const req = checkRunRequest(requestArg);
      const prog = program(req.programId);
      dir ??= fs.mkdtempSync(path.join(os.tmpdir(), "goroscope-runs-"));
      const runId = `r${nextRun++}`;
      const schedule = req.schedule ?? (req.seed === 0 ? "go" : "random");
      const tracePath = path.join(dir, `${path.parse(prog.name).name}-seed${req.seed}-${runId}.jsonl`);
      const controller = new AbortController();
      runs.set(runId, controller);
      const decoder = new TextDecoder();
      void runInWorker({
        program: prog.path,
        cwd: path.dirname(prog.path),
        seed: req.seed,
        schedule,
        clock: req.clock,
        timeoutSeconds: options.timeoutSeconds ?? 60,
        tracePath,
        stdout: () => undefined, // the output is in the trace (`log` events)
        stderr: () => undefined,
        workerPath: path.join(options.distDir, "worker.cjs"),
        runtimePath: path.join(options.distDir, "runtime.cjs"),
        signal: controller.signal,
        onTraceWritten: (bytes) => options.onUpdate({ runId, kind: "lines", text: decoder.decode(bytes) }),
      }).then(
        (outcome) => {
          runs.delete(runId);
          options.onUpdate({ runId, kind: "end", end: describeOutcome(outcome) });
        },
        (err: unknown) => {
          runs.delete(runId);
          options.onUpdate({ runId, kind: "end", end: { kind: "error", exitCode: 2, message: err instanceof Error ? err.message : String(err) } });
        },
      );
      return { runId, program: prog, seed: req.seed, clock: req.clock, schedule, tracePath };
    },

    stop(runIdArg) {
      const id = requireString(runIdArg, "run id", 64);
      runs.get(id)?.abort();
    },

    async readSource(programIdArg, fileArg) {
      const prog = program(programIdArg);
      const requested = requireString(fileArg, "file");
      const base = path.dirname(prog.path);
      // Locations in a trace are relative to the run's working directory (the program's folder) or absolute.
      const file = path.resolve(base, requested);
      let real: string;
      try {
        real = fs.realpathSync(file);
      } catch {
        throw new OpenError(`no such file: ${requested}`);
      }
      const realBase = fs.realpathSync(base);
      if (real !== fs.realpathSync(prog.path) && !real.startsWith(realBase + path.sep)) throw new ApiInputError("not a file of this program");
      if (!/\.(ts|mts|cts|tsx|js|mjs|cjs|jsx)$/.test(real)) throw new ApiInputError("not a source file");
      const stat = fs.statSync(real);
      if (stat.size > MAX_SOURCE_BYTES) throw new ApiInputError("source file too large");
      return fs.promises.readFile(real, "utf8");
    },

    stopAll() {
      for (const c of runs.values()) c.abort();
    },
  };
}

function checkRunRequest(value: unknown): RunRequest {
  if (typeof value !== "object" || value === null) throw new ApiInputError("expected a run request");
  const v = value as Record<string, unknown>;
  const seed = v.seed;
  if (typeof seed !== "number" || !Number.isSafeInteger(seed) || seed < 0) throw new ApiInputError("seed must be a non-negative integer");
  if (v.clock !== "virtual" && v.clock !== "real") throw new ApiInputError('clock must be "virtual" or "real"');
  if (v.schedule !== undefined && v.schedule !== "go" && v.schedule !== "random" && v.schedule !== "pct") throw new ApiInputError('schedule must be "go", "random" or "pct"');
  return { programId: requireString(v.programId, "program id", 64), seed, clock: v.clock, ...(v.schedule ? { schedule: v.schedule as RunRequest["schedule"] } : {}) };
}

function describeOutcome(outcome: RunOutcome): RunEnd {
  switch (outcome.kind) {
    case "finished":
      return { kind: "finished", exitCode: outcome.exitCode, end: outcome.end, ...(outcome.msg ? { message: outcome.msg } : {}) };
    case "error":
      return { kind: "error", exitCode: 2, message: outcome.message };
    case "killed":
      return { kind: "killed", exitCode: 2, message: outcome.message };
    case "exited":
      return { kind: "exited", exitCode: outcome.exitCode };
    case "checked":
      return { kind: "error", exitCode: 2, message: "internal error: a run ended with a check report" };
  }
}
