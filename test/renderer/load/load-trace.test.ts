/**
 * Loading in the renderer: the model first (so the timeline can draw), the analysis apart (in a
 * worker in the app; in-thread here), both over the same valid prefix of a broken trace.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyzeBytes, analyzeInBackground } from "../../../renderer/src/load/analyze-trace";
import { loadTrace } from "../../../renderer/src/load/load-trace";

const root = path.resolve(__dirname, "../../..");
let leak: Uint8Array;

function record(program: string): Uint8Array {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "goroscope-load-")), "t.jsonl");
  try {
    execFileSync(process.execPath, [path.join(root, "bin/goroscope.js"), "run", program, "-o", out], { cwd: root, stdio: "ignore" });
  } catch {
    // buggy programs exit 2; the trace is what matters
  }
  return new Uint8Array(fs.readFileSync(out));
}

beforeAll(() => {
  leak = record("examples/bugs/timeout-strands-sender.ts");
});

describe("loadTrace", () => {
  it("builds the model and leaves the analysis pending", async () => {
    const fractions: number[] = [];
    const outcome = await loadTrace(leak, { sliceBytes: 256, onProgress: (f) => fractions.push(f) });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.trace.analysis).toBe("pending");
    expect(outcome.trace.diagnostics).toEqual([]);
    expect(outcome.trace.model.eventCount).toBeGreaterThan(3);
    expect(outcome.trace.warnings).toEqual([]);
    // progress is monotonic and ends at 1
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });

  it("opens the valid prefix of a trace with a bad line, naming the line", async () => {
    const lines = new TextDecoder().decode(leak).split("\n");
    lines.splice(6, 0, '{"seq": "not a number"}');
    const outcome = await loadTrace(new TextEncoder().encode(lines.join("\n")));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.trace.error?.line).toBe(7);
    expect(outcome.trace.warnings[0]).toMatch(/^line 7: .*showing the \d+ events before it$/);
    // analysis sees the same prefix: every event the model has, and no more
    const prefixEvents = outcome.trace.model.eventCount;
    const events = lines.slice(0, 6).filter((l) => l.startsWith('{"seq"')).length;
    expect(prefixEvents).toBe(events);
  });

  it("fails with the line when nothing valid precedes the problem", async () => {
    const outcome = await loadTrace(new TextEncoder().encode("<html>not a trace</html>\n"));
    expect(outcome).toMatchObject({ ok: false, line: 1 });
  });
});

describe("analysis", () => {
  it("finds the leak and collects the output", () => {
    const result = analyzeBytes(leak);
    expect(result.diagnostics.map((d) => d.kind)).toContain("leak");
  });

  it("without Web Workers, analyzes in-thread with the same result", async () => {
    expect(typeof Worker).toBe("undefined");
    expect(await analyzeInBackground(leak)).toEqual(analyzeBytes(leak));
  });

  it("treats an end record after a bad line as untrusted", () => {
    const text = new TextDecoder().decode(leak).trimEnd().split("\n");
    const end = text.pop()!;
    const broken = [...text.slice(0, 5), "garbage", ...text.slice(5), end].join("\n");
    const result = analyzeBytes(new TextEncoder().encode(broken));
    // cut short at line 6: the goroutine's leak cannot be proven from an untrusted end
    expect(result.diagnostics.every((d) => d.seq <= 5)).toBe(true);
  });
});
