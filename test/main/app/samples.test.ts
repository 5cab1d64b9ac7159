// The bundled samples (traces/samples, written by scripts/record-samples.mjs): the index matches
// the files, exactly one is the default, each is small and valid, and each shows what its card
// promises (the expected findings below; a change here means the welcome screen's story changed).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../traces/analysis";
import { readTrace } from "../../../traces/reader";
import { loadModel } from "../../../traces/model";
import { createBackend } from "../../../main/app/backend";
import { openAnyTrace } from "../../../traces/import/any-trace";
import { requireSampleName } from "../../../main/api/validate";
import { repoRoot } from "../../cli/cli-helpers";

const dir = path.join(repoRoot, "traces", "samples");
const index = JSON.parse(fs.readFileSync(path.join(dir, "index.json"), "utf8")) as {
  name: string; file: string; title: string; description: string; events: number; goroutines: number; isDefault: boolean;
}[];

/** The findings (by kind) each sample must show. */
const EXPECTED: Record<string, readonly string[]> = {
  "worker-pool-results": [],
  "worker-pools": [],
  "rwmutex-readers": [],
  leak: ["leak"],
  "context-leak": ["leak"],
  deadlock: ["deadlock", "lock-order"],
  "lock-order": ["lock-order"],
  "go-workerpool": [],
};

describe("bundled samples", () => {
  it("are exactly the files the index lists, with one default", () => {
    const files = fs.readdirSync(dir).filter((f) => /\.(jsonl|trace)$/.test(f)).sort();
    expect(index.map((e) => e.file).sort()).toEqual(files);
    expect(index.filter((e) => e.isDefault)).toHaveLength(1);
    expect(index.map((e) => e.name).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const e of index) {
      expect(requireSampleName(e.name)).toBe(e.name);
      expect(e.file).toBe(e.name.startsWith("go-") ? `${e.name}.trace` : `${e.name}.jsonl`);
      expect(e.title.length).toBeGreaterThan(0);
      expect(e.description.length).toBeGreaterThan(0);
    }
  });

  it.each(index.map((e) => [e.name, e] as const))("%s: is small, valid, counted right and finds what it promises", (name, entry) => {
    const raw = fs.readFileSync(path.join(dir, entry.file));
    expect(raw.length).toBeLessThan(2 * 1024 * 1024);
    // A Go trace opens as the app opens it: imported into format v1.
    const any = openAnyTrace(raw, entry.file);
    if (!any.ok) throw new Error(any.message);
    expect(any.format === "goroscope").toBe(entry.file.endsWith(".jsonl"));
    const bytes = any.bytes;
    const loaded = loadModel(bytes);
    expect(loaded.ok).toBe(true);
    expect(loaded.warnings.map((w) => w.message)).toEqual(any.format === "goroscope" ? [] : ["no end record: the run was killed or is still being written"]);
    expect(loaded.model.eventCount).toBe(entry.events);
    expect(loaded.model.goroutines.filter((g) => g.id >= 1)).toHaveLength(entry.goroutines);
    expect(loaded.model.header?.seed).toBe(0);
    expect(loaded.model.header?.clock).toBe(any.format === "goroscope" ? "virtual" : "real");
    const read = readTrace(bytes);
    if (!read.ok) throw new Error(read.error.message);
    expect([...new Set(analyze(read).map((d) => d.kind))].sort()).toEqual([...EXPECTED[name]!].sort());
  });

  it("open through the backend by name", async () => {
    const configDir = fs.mkdtempSync(path.join(os.tmpdir(), "goroscope-samples-"));
    const backend = createBackend({ mode: "browser", root: repoRoot, configDir });
    try {
      for (const e of index) {
        const d = backend.openSample(e.name);
        expect(d.name).toBe(e.file);
        expect((await backend.readTrace(d.id)).byteLength).toBe(fs.statSync(path.join(dir, e.file)).size);
      }
      expect(backend.initial().samples.find((s) => s.isDefault)?.name).toBe(index.find((e) => e.isDefault)!.name);
      // Opening a sample does not touch the recent list.
      expect(backend.initial().recent).toEqual([]);
    } finally {
      fs.rmSync(configDir, { recursive: true, force: true });
    }
  });
});
