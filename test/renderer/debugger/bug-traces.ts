/**
 * Real traces for the debugger's tests: runs an example through the CLI (dist/ is built by the
 * global setup) once per program and seed, and loads the result into a model with its findings.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyze, type Diagnostic } from "../../../traces/analysis";
import { loadModel, type TraceModel } from "../../../traces/model";
import { readTrace } from "../../../traces/reader";

const ROOT = path.resolve(__dirname, "../../..");
const dir = mkdtempSync(path.join(os.tmpdir(), "goroscope-debugger-test-"));
const cache = new Map<string, { text: string; model: TraceModel; diagnostics: Diagnostic[] }>();

/** `example` is a path under examples/ without `.ts`, e.g. `bugs/ab-ba-lock`. */
export function bugTrace(example: string, seed = 0): { text: string; model: TraceModel; diagnostics: Diagnostic[] } {
  const key = `${example}@${seed}`;
  let hit = cache.get(key);
  if (!hit) {
    const out = path.join(dir, `${example.replace(/\//g, "-")}-${seed}.jsonl`);
    try {
      execFileSync(process.execPath, ["bin/goroscope.js", "run", `examples/${example}.ts`, "--seed", String(seed), "-o", out], { cwd: ROOT, stdio: "ignore" });
    } catch {
      // deadlocks and panics exit non-zero; the trace is written either way
    }
    const text = readFileSync(out, "utf8");
    const result = loadModel(text);
    if (!result.ok) throw new Error(`${example}: ${result.error.message}`);
    const read = readTrace(text);
    hit = { text, model: result.model, diagnostics: read.ok ? analyze(read) : [] };
    cache.set(key, hit);
  }
  return hit;
}
