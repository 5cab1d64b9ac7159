#!/usr/bin/env node
/**
 * Go trace import benchmark: how fast traces/import turns Go execution traces into Goroscope
 * events, beside our own reader on a Goroscope trace of a similar event count, in one run.
 *
 * Inputs:
 *  - the largest fixture (test/fixtures/go-traces), imported `--reps` times over (small traces:
 *    start-up and JIT warm-up included);
 *  - when `go` is on PATH, a generated trace: a channel ping-pong program (8 pairs, `--rounds`
 *    round trips each) traced by the local Go toolchain (Go 1.19 on Debian: the pre-1.22 format);
 *  - our reader (`readTrace`) and model (`loadModel`) on a trace written by the runtime
 *    (dist/runtime.cjs, `npm run build` first) of about the same number of events; and the
 *    model loading the imported Go trace's lines (the app's whole path for a Go file).
 * "Go events" are wire events decoded; "events" are Goroscope events written or read.
 * Prints a table and writes bench-results/go-import.json. Nothing is enforced: exit code 0.
 *
 * Options: --reps 200  --rounds 60000  --loads 2  --out <json path>
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values: args } = parseArgs({
  options: {
    reps: { type: "string", default: "200" },
    rounds: { type: "string", default: "60000" },
    loads: { type: "string", default: "2" },
    out: { type: "string", default: path.join(ROOT, "bench-results/go-import.json") },
  },
});
const loads = Math.max(1, Number(args.loads));

/** Bundles the importer, reader and model into one temporary ESM file and imports it. */
async function bundle() {
  const esbuild = createRequire(import.meta.url)("esbuild");
  const out = path.join(os.tmpdir(), `goroscope-go-import-${process.pid}.mjs`);
  const rel = (p) => "./" + path.relative(ROOT, path.join(ROOT, p)).split(path.sep).join("/");
  await esbuild.build({
    stdin: {
      contents: [
        `export { importGoTrace } from "${rel("traces/import/index.ts")}";`,
        `export { readTrace } from "${rel("traces/reader/index.ts")}";`,
        `export { loadModel } from "${rel("traces/model/index.ts")}";`,
      ].join("\n"),
      resolveDir: ROOT,
      loader: "ts",
    },
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
    fs.rmSync(out, { force: true });
  }
}

const best = (n, f) => {
  let ms = Infinity;
  let value;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    value = f();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, value };
};
const rate = (n, ms) => Math.round((n / ms) * 1000);
const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : `${(n / 1e3).toFixed(0)}k`);

function largestFixture() {
  const dir = path.join(ROOT, "test/fixtures/go-traces");
  let bestFile;
  for (const v of fs.readdirSync(dir)) {
    const sub = path.join(dir, v);
    if (!fs.statSync(sub).isDirectory() || v === "programs") continue;
    for (const f of fs.readdirSync(sub)) {
      if (!f.endsWith(".trace")) continue;
      const p = path.join(sub, f);
      if (!bestFile || fs.statSync(p).size > fs.statSync(bestFile).size) bestFile = p;
    }
  }
  return bestFile;
}

const PINGPONG = `package main

import (
	"os"
	"runtime/trace"
	"strconv"
	"sync"
)

func main() {
	f, _ := os.Create(os.Args[1])
	n, _ := strconv.Atoi(os.Args[2])
	trace.Start(f)
	var wg sync.WaitGroup
	for p := 0; p < 8; p++ {
		ping, pong := make(chan int), make(chan int)
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				ping <- i
				<-pong
			}
			close(ping)
		}()
		go func() {
			defer wg.Done()
			for v := range ping {
				pong <- v
			}
		}()
	}
	wg.Wait()
	trace.Stop()
	f.Close()
}
`;

/** A real Go trace from the local toolchain, or undefined without one. */
function generatedGoTrace(tmp) {
  let version;
  try {
    version = execFileSync("go", ["version"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
  const dir = path.join(tmp, "pingpong");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "main.go"), PINGPONG);
  fs.writeFileSync(path.join(dir, "go.mod"), "module pingpong\n\ngo 1.19\n");
  const env = { ...process.env, GOCACHE: path.join(tmp, "gocache"), GOFLAGS: "-mod=mod" };
  execFileSync("go", ["build", "-trimpath", "-o", "pingpong", "."], { cwd: dir, env });
  const file = path.join(tmp, "pingpong.trace");
  execFileSync(path.join(dir, "pingpong"), [file, args.rounds], { env });
  return { file, version };
}

async function main() {
  const mod = await bundle();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "goroscope-go-import-"));
  const rows = [];
  try {
    // 1. The largest fixture, repeated.
    const fixture = largestFixture();
    const fbytes = new Uint8Array(fs.readFileSync(fixture));
    const reps = Number(args.reps);
    const once = mod.importGoTrace(fbytes);
    const rep = best(loads, () => {
      for (let i = 0; i < reps; i++) mod.importGoTrace(fbytes);
    });
    rows.push({
      case: `import ${path.relative(ROOT, fixture)} x${reps}`,
      bytes: fbytes.length * reps,
      goEvents: once.goEventCount * reps,
      events: once.events * reps,
      ms: rep.ms,
    });

    // 2. A generated Go trace.
    const gen = generatedGoTrace(tmp);
    let goEvents = once.goEventCount * reps;
    if (gen) {
      const gbytes = new Uint8Array(fs.readFileSync(gen.file));
      const imp = best(loads, () => mod.importGoTrace(gbytes));
      const r = imp.value;
      if (!r.ok) throw new Error(`import failed: ${r.error.message}`);
      goEvents = r.goEventCount;
      rows.push({ case: `import generated ping-pong (${gen.version.split(" ")[2]})`, bytes: gbytes.length, goEvents: r.goEventCount, events: r.events, ms: imp.ms });
      const text = r.lines.join("\n") + "\n";
      const load = best(loads, () => mod.loadModel(text));
      rows.push({ case: "model loads the imported lines", bytes: text.length, events: r.events, ms: load.ms });
      rows.push({ case: "import + model (a Go file to a model)", bytes: gbytes.length, goEvents: r.goEventCount, events: r.events, ms: imp.ms + load.ms });
    }

    // 3. Our own reader and model on a Goroscope trace of about as many events.
    const runtime = path.join(ROOT, "dist/runtime.cjs");
    if (fs.existsSync(runtime)) {
      const { generateTrace, loadRuntime } = await import(pathToFileURL(path.join(ROOT, "bench/model.mjs")).href);
      const file = path.join(tmp, "ours.jsonl");
      await generateTrace(loadRuntime(), goEvents, file);
      const text = fs.readFileSync(file, "utf8");
      const read = best(loads, () => mod.readTrace(text));
      if (!read.value.ok) throw new Error(`read failed: ${read.value.error.message}`);
      const n = read.value.events.length;
      rows.push({ case: "our reader (readTrace), runtime trace", bytes: Buffer.byteLength(text), events: n, ms: read.ms });
      const load = best(loads, () => mod.loadModel(text));
      rows.push({ case: "our model (loadModel), runtime trace", bytes: Buffer.byteLength(text), events: n, ms: load.ms });
    } else {
      console.log("runtime not built (npm run build): our reader not measured");
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  for (const r of rows) {
    r.goEventsPerSec = r.goEvents === undefined ? undefined : rate(r.goEvents, r.ms);
    r.eventsPerSec = rate(r.events, r.ms);
    r.mbPerSec = Number((r.bytes / 1e6 / (r.ms / 1000)).toFixed(1));
  }
  const w = Math.max(...rows.map((r) => r.case.length));
  console.log(`${"case".padEnd(w)}  ${"ms".padStart(8)}  ${"Go events/s".padStart(12)}  ${"events/s".padStart(10)}  ${"MB/s".padStart(6)}`);
  for (const r of rows) {
    console.log(`${r.case.padEnd(w)}  ${r.ms.toFixed(0).padStart(8)}  ${(r.goEventsPerSec ? fmt(r.goEventsPerSec) : "").padStart(12)}  ${fmt(r.eventsPerSec).padStart(10)}  ${String(r.mbPerSec).padStart(6)}`);
  }
  const result = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadavg: os.loadavg(), rows };
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, JSON.stringify(result, null, 2) + "\n");
  console.log(`wrote ${path.relative(ROOT, args.out)}`);
}

await main();
