/** Models for the timeline tests: literal event lists, the samples, and real runs of the examples. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadModel, type TraceModel } from "../../../traces/model";

const ROOT = path.resolve(__dirname, "../../..");
const HEADER = '{"format":"goroscope","version":1,"program":"t.ts","clock":"virtual","seed":0,"timeUnit":"ns","epoch":0}';

export function modelOfText(text: string): TraceModel {
  const r = loadModel(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.model;
}

/** A model from event objects (seq filled in, counting from 1), with an end record. */
export function modelOf(events: readonly Record<string, unknown>[], end: Record<string, unknown> = { end: "main-returned" }): TraceModel {
  const lines = [HEADER, ...events.map((e, i) => JSON.stringify({ seq: i + 1, ...e }))];
  const lastT = (events.at(-1)?.t as number | undefined) ?? 0;
  lines.push(JSON.stringify({ t: lastT, seq: events.length, exitCode: 0, goroutines: [], ...end }));
  return modelOfText(lines.join("\n") + "\n");
}

export const sampleText = (name: string): string => readFileSync(path.join(ROOT, "traces/samples", `${name}.jsonl`), "utf8");

const dir = mkdtempSync(path.join(os.tmpdir(), "goroscope-timeline-test-"));
const runs = new Map<string, string>();

/** The trace of `examples/<name>.ts` run with a seed (cached per run of the suite). */
export function exampleText(name: string, seed = 0): string {
  const key = `${name}@${seed}`;
  let text = runs.get(key);
  if (text === undefined) {
    const out = path.join(dir, `${name.replace(/\//g, "-")}-${seed}.jsonl`);
    try {
      execFileSync(process.execPath, ["bin/goroscope.js", "run", `examples/${name}.ts`, "--seed", String(seed), "-o", out], { cwd: ROOT, stdio: "ignore" });
    } catch {
      // deadlocks exit non-zero; the trace is written either way
    }
    text = readFileSync(out, "utf8");
    runs.set(key, text);
  }
  return text;
}

/**
 * The same trace with every event at its own time (t = 10 × seq): under the virtual clock most
 * events share a time, which would leave every intermediate state untested.
 */
export function stretched(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      if (line === "") return line;
      const r = JSON.parse(line) as Record<string, unknown>;
      if (typeof r.seq === "number") r.t = r.seq * 10;
      return JSON.stringify(r);
    })
    .join("\n");
}
