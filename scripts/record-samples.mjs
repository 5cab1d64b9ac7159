#!/usr/bin/env node
/**
 * Records the app's bundled sample traces: runs each chosen example with seed 0 on the virtual
 * clock (`goroscope run FILE -o traces/samples/NAME.jsonl --seed 0`) and rewrites
 * traces/samples/index.json, which the welcome screen lists.
 *
 * Deterministic: the runtime uses a virtual clock and a seeded scheduler and the header's epoch
 * is fixed, so running this twice gives byte-identical files. Run it from anywhere; it runs the
 * CLI with the repository as the working directory (the traces name `examples/...` relatively).
 * Needs `npm run build` first (dist/cli.cjs). Examples with a bug exit non-zero (a deadlock
 * exits 2): that is expected; a run that writes no trace is an error.
 *
 * Usage: node scripts/record-samples.mjs [--check]   (--check: fail if a file would change)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = path.join(root, "traces", "samples");
const MAX_BYTES = 2 * 1024 * 1024;

/** The samples, in the order the welcome screen shows them. */
const SAMPLES = [
  {
    name: "worker-pool-results",
    program: "examples/worker-pool-results.ts",
    title: "Worker pool with results",
    description: "Five workers drain 20 jobs from a buffered queue in rounds of five and hand each result to main; a WaitGroup closes results.",
    isDefault: true,
  },
  {
    name: "worker-pools",
    program: "examples/worker-pools.ts",
    title: "Worker pools",
    description: "Three workers take one-second jobs from a buffered channel and send doubled results back on another.",
  },
  {
    name: "rwmutex-readers",
    program: "examples/bugs/ok-rwmutex-reread.ts",
    title: "RWMutex: readers and a writer",
    description: "A reader holds config.mu's read lock while a reloader waits to write; the writer gets the lock as soon as the reader leaves.",
  },
  {
    name: "leak",
    program: "examples/bugs/timeout-strands-sender.ts",
    title: "Bug: a timeout strands the sender",
    description: "main gives up after 1 s; fetch finishes at 2 s and blocks forever sending on the unbuffered result channel: a leak.",
  },
  {
    name: "context-leak",
    program: "examples/bugs/context-ignored.ts",
    title: "Bug: a worker ignores its context",
    description: "The 50 ms deadline passes before query finishes; main returns and query stays blocked sending on rows: a leak.",
  },
  {
    name: "deadlock",
    program: "examples/bugs/ab-ba-lock.ts",
    title: "Bug: AB-BA deadlock",
    description: "syncer locks cache.mu then store.mu, evictor the opposite order; each holds one and waits for the other: all goroutines are asleep.",
  },
  {
    name: "lock-order",
    program: "examples/bugs/ab-ba-lock-race.ts",
    title: "Bug: lock-order inversion",
    description: "Two goroutines take cache.mu and store.mu in opposite orders; this run got lucky, the cycle is still there.",
  },
];

/** Go execution traces offered as they are (the app imports them when they open); counts as imported. */
const GO_SAMPLES = [
  {
    name: "go-workerpool",
    from: "test/fixtures/go-traces/go121/workerpool.trace",
    title: "Go trace: a worker pool (Go 1.21)",
    description: "A real execution trace written by Go's runtime/trace: workers blocked in chan send/receive and sleeps, imported from Go's own format.",
    events: 207,
    goroutines: 7,
  },
];

function countTrace(file) {
  let events = 0;
  const goroutines = new Set([1]);
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (line.length === 0) continue;
    const rec = JSON.parse(line);
    if (typeof rec.seq !== "number" || rec.k === undefined) continue;
    events++;
    if (rec.k === "go.create") goroutines.add(rec.child);
  }
  return { events, goroutines: goroutines.size };
}

function record(sample) {
  const file = `${sample.name}.jsonl`;
  const out = path.join(outDir, file);
  const tmp = `${out}.tmp`;
  fs.rmSync(tmp, { force: true });
  const r = spawnSync(process.execPath, [path.join(root, "bin", "goroscope.js"), "run", sample.program, "-o", tmp, "--seed", "0"], {
    cwd: root, encoding: "utf8", timeout: 120_000,
  });
  if (!fs.existsSync(tmp)) throw new Error(`${sample.program}: no trace written (exit ${r.status}): ${r.stderr}`);
  const bytes = fs.statSync(tmp).size;
  if (bytes > MAX_BYTES) throw new Error(`${sample.program}: trace is ${bytes} bytes (limit ${MAX_BYTES})`);
  return { tmp, out, file, ...countTrace(tmp) };
}

function main() {
  const check = process.argv.includes("--check");
  if (!fs.existsSync(path.join(root, "dist", "cli.cjs"))) throw new Error("dist/cli.cjs is missing: run `npm run build` first");
  fs.mkdirSync(outDir, { recursive: true });
  const index = [];
  const changed = [];
  for (const s of SAMPLES) {
    const rec = record(s);
    const before = fs.existsSync(rec.out) ? fs.readFileSync(rec.out) : undefined;
    const after = fs.readFileSync(rec.tmp);
    if (!before || !before.equals(after)) changed.push(rec.file);
    if (check) fs.rmSync(rec.tmp);
    else fs.renameSync(rec.tmp, rec.out);
    index.push({ name: s.name, file: rec.file, title: s.title, description: s.description, events: rec.events, goroutines: rec.goroutines, isDefault: Boolean(s.isDefault) });
    console.log(`${s.name.padEnd(22)} ${String(rec.events).padStart(6)} events ${String(rec.goroutines).padStart(4)} goroutines  ${after.length} bytes  (${s.program})`);
  }
  for (const g of GO_SAMPLES) {
    const file = `${g.name}.trace`;
    const bytes = fs.readFileSync(path.join(root, g.from));
    const out = path.join(outDir, file);
    if (!fs.existsSync(out) || !fs.readFileSync(out).equals(bytes)) changed.push(file);
    if (!check) fs.writeFileSync(out, bytes);
    index.push({ name: g.name, file, title: g.title, description: g.description, events: g.events, goroutines: g.goroutines, isDefault: false });
  }
  const indexText = "[\n" + index.map((e) => "  " + JSON.stringify(e)).join(",\n") + "\n]\n";
  const indexFile = path.join(outDir, "index.json");
  if (!fs.existsSync(indexFile) || fs.readFileSync(indexFile, "utf8") !== indexText) changed.push("index.json");
  if (check) {
    if (changed.length > 0) {
      console.error(`traces/samples is out of date: ${changed.join(", ")} (run node scripts/record-samples.mjs)`);
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(indexFile, indexText);
  // Drop sample traces that are no longer listed (the index is the whole truth).
  const keep = new Set([...index.map((e) => e.file), "index.json"]);
  for (const f of fs.readdirSync(outDir)) if (/\.(jsonl|trace)$/.test(f) && !keep.has(f)) fs.rmSync(path.join(outDir, f));
  console.log(changed.length === 0 ? "unchanged" : `wrote ${changed.join(", ")}`);
}

main();
