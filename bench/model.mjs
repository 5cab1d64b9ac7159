/**
 * Helpers of scripts/bench-model.mjs: bundle traces/model with esbuild, generate a scalable trace
 * with the runtime in dist/runtime.cjs straight to a file, and stream a file into a model builder.
 *
 * The program is a worker pool: a feeder sends jobs on a buffered channel, workers take a mutex,
 * an RWMutex read lock, send results through a select (results or a context's Done), main reads
 * the results, write-locks now and then, and a WaitGroup joins everything; the feeder sleeps
 * every few jobs so timers and sleeping goroutines appear. About 14 events per job.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { FileSink } from "./file-sink.mjs";

/** Events the program writes per job (measured: 13.9). */
const EVENTS_PER_JOB = 13.9;

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Bundles traces/model/index.ts to a temporary ESM file and imports it. */
export async function importModel() {
  const esbuild = createRequire(import.meta.url)("esbuild");
  const out = path.join(os.tmpdir(), `goroscope-model-${process.pid}.mjs`);
  await esbuild.build({
    entryPoints: [path.join(ROOT, "traces/model/index.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    outfile: out,
    logLevel: "error",
  });
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    if (!process.env.KEEP) fs.rmSync(out, { force: true });
  }
}

export function loadRuntime() {
  return createRequire(import.meta.url)(path.join(ROOT, "dist/runtime.cjs"));
}

/** Writes a trace of about `events` events to `file`; returns `{ bytes, lines }`. */
export async function generateTrace(rt, events, file) {
  const jobs = Math.max(1, Math.round(events / EVENTS_PER_JOB));
  const sink = new FileSink(file);
  const { chan, go, select, send, recv, sleep, Mutex, RWMutex, WaitGroup, context, time } = rt;
  const result = await rt.run(
    async function main() {
      const work = chan(4, { name: "jobs" });
      const results = chan(0, { name: "results" });
      const mu = new Mutex({ name: "mu" });
      const rw = new RWMutex({ name: "rw" });
      const wg = new WaitGroup({ name: "wg" });
      const [ctx, cancel] = context.withCancel(context.background());
      let total = 0;
      for (let w = 0; w < 8; w++) {
        wg.go(async function worker() {
          for await (const j of work) {
            await mu.lock();
            total += j;
            mu.unlock();
            await rw.rlock();
            rw.runlock();
            await select(send(results, j * 2), recv(ctx.done()));
          }
        });
      }
      go(async function feeder() {
        for (let i = 0; i < jobs; i++) {
          await work.send(i);
          if (i % 16 === 0) await sleep(time.Microsecond);
        }
        work.close();
      });
      for (let i = 0; i < jobs; i++) {
        await results.recv();
        if (i % 8 === 0) {
          await rw.lock();
          rw.unlock();
        }
      }
      await wg.wait();
      cancel();
      if (total < 0) throw new Error("unreachable");
    },
    { trace: sink, maxSteps: 1e12, program: "bench/model.mjs", seed: 0 },
  );
  sink.close();
  if (result.end !== "main-returned") throw new Error(`generator run ended ${result.end}: ${result.msg ?? ""}`);
  return { bytes: sink.bytes, lines: sink.lines };
}

/**
 * `generateTrace` in a child process, for benchmarks that then measure in this one: the garbage
 * the runtime leaves from running the generator would otherwise stay in this heap and slow every
 * later GC (a load or an analysis in the CLI or the app does not follow a 10M-event run).
 */
export function generateTraceApart(events, file) {
  const module = JSON.stringify(pathToFileURL(path.join(ROOT, "bench/model.mjs")).href);
  const script = `import(${module}).then((m) => m.generateTrace(m.loadRuntime(), ${events}, ${JSON.stringify(file)})).then((r) => process.stdout.write(JSON.stringify(r)))`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`generating the trace failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Streams `file` into a new builder in 1 MiB chunks; returns the LoadResult. */
export function loadFile(mod, file, options = {}) {
  const builder = mod.createModelBuilder(options);
  const fd = fs.openSync(file, "r");
  const buf = Buffer.allocUnsafe(1 << 20);
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      // A plain Uint8Array view, not a Buffer: the reader's line splitter copies a partial line with
      // `slice`, which on a Buffer is a view into this reused buffer, not a copy.
      builder.push(new Uint8Array(buf.buffer, buf.byteOffset, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return builder.finish();
}
