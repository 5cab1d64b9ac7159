/**
 * Loads the traces the app opens in the backend, each in its own worker thread
 * (prepare-worker.ts): the renderer asks for the model (`readModel`) and later the findings
 * (`readAnalysis`) and waits only for what is not ready yet. Loading starts when a trace is
 * opened, so a trace named on the command line loads while the window is still starting; the
 * analysis starts when it is first asked for.
 *
 * Invariants: one worker per opened trace, started at most once; at most `keep` traces stay
 * prepared (the oldest is dropped and would be prepared again if asked for); a worker that crashes
 * or exits early rejects what it had not delivered, with its message.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { AnalysisResult } from "../api/contract";
import type { PrepareCommand, PrepareMessage, PreparedParts, PrepareRequest } from "./prepare-protocol";

export interface TracePreparerOptions {
  /** Where dist/prepare.cjs is. */
  readonly distDir: string;
  /** Traces kept prepared (default 4). */
  readonly keep?: number;
}

export interface TracePreparer {
  /** Starts preparing `file` under `id` (nothing if it is already under way). */
  prepare(id: string, file: string, name: string): void;
  /** The model as the worker sent it: snapshot parts, transferred rather than copied. */
  model(id: string, file: string, name: string): Promise<PreparedParts>;
  analysis(id: string, file: string, name: string): Promise<AnalysisResult>;
  /** Stops every worker. */
  close(): Promise<void>;
}

interface Job {
  readonly worker: Worker;
  readonly model: Promise<PreparedParts>;
  readonly analysis: Promise<AnalysisResult>;
}

/** A promise with its settle functions. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may ever ask for the analysis of a trace: its rejection is not an unhandled one.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

export function createTracePreparer(options: TracePreparerOptions): TracePreparer {
  const keep = options.keep ?? 4;
  const jobs = new Map<string, Job>();

  function start(id: string, file: string, name: string): Job {
    const existing = jobs.get(id);
    if (existing) return existing;
    const model = deferred<PreparedParts>();
    const analysis = deferred<AnalysisResult>();
    const worker = new Worker(path.join(options.distDir, "prepare.cjs"), { workerData: { path: file, name } satisfies PrepareRequest });
    let modelDone = false;
    let analysisDone = false;
    worker.on("message", (m: PrepareMessage) => {
      if (m.kind === "model") {
        modelDone = true;
        model.resolve(m.prepared);
        if (!m.prepared.ok) {
          analysisDone = true;
          analysis.resolve({ diagnostics: [], output: [] });
        }
      } else if (m.kind === "analysis") {
        analysisDone = true;
        analysis.resolve(m.result);
      } else {
        const err = new Error(`cannot load ${name}: ${m.message}`);
        if (!modelDone) model.reject(err);
        if (!analysisDone) analysis.reject(err);
        modelDone = analysisDone = true;
      }
    });
    const fail = (why: string) => {
      const err = new Error(`cannot load ${name}: ${why}`);
      if (!modelDone) model.reject(err);
      if (!analysisDone) analysis.reject(err);
      modelDone = analysisDone = true;
    };
    worker.on("error", (err) => fail(err.message));
    worker.on("exit", (code) => fail(`the loader stopped (exit code ${code})`));
    // A loader never keeps the process alive: quitting the app stops it. (After the listeners,
    // which would otherwise take the reference back.)
    worker.unref();
    const job: Job = { worker, model: model.promise, analysis: analysis.promise };
    jobs.set(id, job);
    while (jobs.size > keep) {
      const [oldest, old] = jobs.entries().next().value as [string, Job];
      jobs.delete(oldest);
      void old.worker.terminate();
    }
    return job;
  }

  return {
    prepare: (id, file, name) => void start(id, file, name),
    model: (id, file, name) => start(id, file, name).model,
    analysis(id, file, name) {
      const job = start(id, file, name);
      job.worker.postMessage({ kind: "analyze" } satisfies PrepareCommand);
      return job.analysis;
    },
    async close() {
      const all = [...jobs.values()];
      jobs.clear();
      await Promise.all(all.map((j) => j.worker.terminate()));
    },
  };
}
