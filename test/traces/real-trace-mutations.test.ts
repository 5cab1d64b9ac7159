/**
 * Damaged real traces: programs of examples/ recorded with the CLI (instrumented: `def loc`
 * lines, every hot kind, a deadlock, a leak), then cut at any byte, a byte flipped, lines dropped,
 * duplicated or swapped. The reader and the model never throw or hang; they either load (a valid
 * prefix, with a warning when the end is missing or a last line was cut) or report an error on a
 * line that exists, with `line N: ` in front; and they agree with each other.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { readTrace, type ReadResult } from "../../traces/reader";
import { createModelBuilder, loadModel, type LoadResult } from "../../traces/model";

const ROOT = path.resolve(__dirname, "../..");
const PROGRAMS = ["examples/worker-pools.ts", "examples/tickers.ts", "examples/context-cancellation.ts", "examples/bugs/cond-missed-signal.ts", "examples/bugs/context-never-canceled.ts"];
const traces: Uint8Array[] = [];

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "goroscope-real-"));
  try {
    for (const program of PROGRAMS) {
      const out = path.join(dir, `${path.basename(program, ".ts")}.jsonl`);
      try {
        execFileSync(process.execPath, [path.join(ROOT, "bin/goroscope.js"), "run", program, "-o", out], { cwd: ROOT, stdio: "ignore", timeout: 60_000 });
      } catch {
        // A deadlocking or leaking program exits non-zero; its trace is what we want.
      }
      traces.push(new Uint8Array(fs.readFileSync(out)));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

function lineCount(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 10) n++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? n + 1 : n;
}

function expectSound(input: Uint8Array): ReadResult {
  const read = readTrace(input);
  if (!read.ok) {
    expect(read.error.line).toBeGreaterThanOrEqual(1);
    expect(read.error.line).toBeLessThanOrEqual(Math.max(1, lineCount(input)));
    if (input.length > 0) expect(read.error.message.startsWith(`line ${read.error.line}: `)).toBe(true);
  }
  // The model agrees: verdict, error, warnings and how many events it kept; in any chunking.
  const agree = (m: LoadResult) => {
    expect({ ok: m.ok, error: m.ok ? undefined : m.error, warnings: m.warnings, n: m.model.eventCount })
      .toEqual({ ok: read.ok, error: read.ok ? undefined : read.error, warnings: read.warnings, n: read.events.length });
  };
  agree(loadModel(input));
  const builder = createModelBuilder();
  for (let at = 0; at < input.length; at += 997) builder.push(input.subarray(at, at + 997));
  agree(builder.finish());
  if (read.events.length > 0) {
    const m = loadModel(input).model;
    m.stateAt(m.seqOf(m.eventCount - 1)); // the last state can be built
  }
  return read;
}

const lines = (bytes: Uint8Array) => new TextDecoder().decode(bytes).split("\n").slice(0, -1);
const join = (ls: readonly string[]) => new TextEncoder().encode(ls.map((l) => `${l}\n`).join(""));
const traceArb = () => fc.nat(PROGRAMS.length - 1).map((i) => traces[i]!);

describe("real traces, damaged", () => {
  it("load whole and clean", () => {
    for (const t of traces) {
      const r = expectSound(t);
      expect(r.ok && r.end !== undefined && r.warnings.length === 0).toBe(true);
      expect(r.events.length).toBeGreaterThan(3);
    }
  });

  it("cut at any byte: the valid prefix, with a warning, or an error on line 1", () => {
    fc.assert(fc.property(traceArb().chain((t) => fc.tuple(fc.constant(t), fc.nat(t.length))), ([t, at]) => {
      const whole = readTrace(t);
      const cut = expectSound(t.subarray(0, at));
      if (!cut.ok) {
        expect(cut.error.line).toBe(1);
        return;
      }
      if (cut.end === undefined) expect(cut.warnings.length).toBeGreaterThan(0); // cut before the end record
      expect(cut.events).toEqual(whole.events.slice(0, cut.events.length));
    }), { numRuns: 300 });
  });

  it("a flipped byte: loads or names a line", () => {
    fc.assert(fc.property(traceArb().chain((t) => fc.tuple(fc.constant(t), fc.nat(t.length - 1), fc.integer({ min: 1, max: 255 }))), ([t, at, x]) => {
      const flipped = t.slice();
      flipped[at] = flipped[at]! ^ x;
      expectSound(flipped);
    }), { numRuns: 400 });
  });

  it("lines dropped, duplicated or swapped: loads or names a line", () => {
    const edit = traceArb().chain((t) => {
      const n = lines(t).length;
      return fc.tuple(fc.constant(t), fc.constantFrom("drop", "duplicate", "swap"), fc.nat(n - 1), fc.nat(n - 1));
    });
    fc.assert(fc.property(edit, ([t, op, a, b]) => {
      const ls = lines(t);
      if (op === "drop") ls.splice(a, 1);
      else if (op === "duplicate") ls.splice(a, 0, ls[a]!);
      else [ls[a], ls[b]] = [ls[b]!, ls[a]!];
      const read = expectSound(join(ls));
      if (op === "duplicate" && a > 0) expect(read.ok).toBe(false); // a repeated seq, def, header or end
    }), { numRuns: 400 });
  });
});
