// The backend both transports share: samples by validated name only, files by path, recent files
// only from the recent list, handles that cannot be forged, and the initial trace opened once.
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiInputError } from "../../../main/api/validate";
import { createBackend, OpenError } from "../../../main/app/backend";
import { MAX_RECENT } from "../../../main/app/recent";
import { makeAppRoot, SAMPLE_TRACE, type AppRoot } from "./app-fixture";

let app: AppRoot;
beforeEach(() => void (app = makeAppRoot()));
afterEach(() => app.cleanup());

const backendFor = (over: Partial<Parameters<typeof createBackend>[0]> = {}) =>
  createBackend({ mode: "browser", root: app.root, configDir: app.configDir, ...over });

describe("backend: samples", () => {
  it("lists the samples from index.json with only the public fields", () => {
    const samples = backendFor().samples();
    expect(samples[0]).toEqual({ name: "first", title: "First", description: "d1", events: 1, goroutines: 1, isDefault: false });
    expect(samples.map((s) => s.isDefault)).toEqual([false, true, false]);
    expect(Object.keys(samples[0]!)).not.toContain("file");
  });

  it("lists no samples when index.json is missing or not an array", () => {
    fs.writeFileSync(path.join(app.root, "traces", "samples", "index.json"), '{"name":"x"}');
    expect(backendFor().samples()).toEqual([]);
    fs.rmSync(path.join(app.root, "traces", "samples", "index.json"));
    expect(backendFor().samples()).toEqual([]);
  });

  it("opens a sample by name, without revealing its path, and reads its bytes", async () => {
    const b = backendFor();
    const d = b.openSample("first");
    expect(d).toEqual({ id: expect.stringMatching(/^t\d+$/), name: "first.jsonl", bytes: SAMPLE_TRACE.length, origin: "sample" });
    expect(new TextDecoder().decode(await b.readTrace(d.id))).toBe(SAMPLE_TRACE);
  });

  it.each([["../first"], [".."], ["a/b"], ["a\\b"], [".hidden"], [""], ["x\0"], ["x".repeat(256)], [7], [undefined], [{ name: "first" }]])(
    "refuses the sample name %j",
    (name) => {
      expect(() => backendFor().openSample(name)).toThrow(ApiInputError);
    },
  );

  it("reports an unknown sample, and one whose index entry climbs out of the folder, as OpenError", () => {
    expect(() => backendFor().openSample("nope")).toThrow(OpenError);
    expect(() => backendFor().openSample("climber")).toThrow(/no such file: .*traces.samples.package\.json/);
  });
});

describe("backend: initial state", () => {
  it("opens the default sample once, however often the page reloads", () => {
    const b = backendFor({ openDefaultSample: true });
    const first = b.initial();
    expect(first).toMatchObject({ mode: "browser", version: "9.8.7", trace: { name: "second.jsonl", origin: "sample" }, recent: [] });
    expect(b.initial().trace).toEqual(first.trace);
  });

  it("shows the welcome screen (trace null) without a default sample", () => {
    expect(backendFor({ openDefaultSample: false }).initial().trace).toBeNull();
  });

  it("opens the command line's trace first and records it as recent", () => {
    const b = backendFor({ initialPath: app.tracePath, openDefaultSample: true });
    const s = b.initial();
    expect(s.trace).toMatchObject({ name: "elsewhere.jsonl", path: app.tracePath, origin: "cli" });
    expect(s.recent.map((r) => r.path)).toEqual([app.tracePath]);
  });

  it("fails with OpenError for a command-line trace that is missing", () => {
    expect(() => backendFor({ initialPath: path.join(app.root, "missing.jsonl") }).initial()).toThrow(OpenError);
  });
});

describe("backend: files and handles", () => {
  it("opens a file by path: absolute, named, recorded in the recent list", () => {
    const b = backendFor();
    const rel = path.relative(process.cwd(), app.tracePath);
    const d = b.openPath(rel);
    expect(d).toMatchObject({ name: "elsewhere.jsonl", path: app.tracePath, origin: "file", bytes: SAMPLE_TRACE.length });
    expect(b.initial().recent[0]?.path).toBe(app.tracePath);
  });

  it("says what is wrong with a path it cannot open", () => {
    const b = backendFor();
    expect(() => b.openPath(path.join(app.root, "missing.jsonl"))).toThrow(/^no such file: /);
    expect(() => b.openPath(app.root)).toThrow(/^not a file: /);
    expect(() => b.openPath(42)).toThrow(ApiInputError);
    expect(() => b.openPath("")).toThrow(ApiInputError);
  });

  it("hands out a fresh handle per open and refuses forged or unknown ones", () => {
    const b = backendFor();
    const a = b.openSample("first");
    const c = b.openSample("first");
    expect(a.id).not.toBe(c.id);
    expect(b.fileOf(a.id).bytes).toBe(SAMPLE_TRACE.length);
    for (const id of ["t999", "t0x", "../x", "", 1]) expect(() => b.fileOf(id), String(id)).toThrow(ApiInputError);
  });

  it("opens a recent file only when it is in the recent list", () => {
    const b = backendFor();
    expect(() => b.openRecent(app.tracePath)).toThrow(/not in the recent list/);
    b.openPath(app.tracePath);
    expect(b.openRecent(app.tracePath)).toMatchObject({ origin: "recent", path: app.tracePath });
  });

  it("notes a dropped file: with a path it becomes recent, without one the list is unchanged", () => {
    const b = backendFor();
    expect(b.noteOpened({ name: "dropped.jsonl" })).toEqual([]);
    expect(b.noteOpened({ name: "elsewhere.jsonl", path: app.tracePath }).map((r) => r.path)).toEqual([app.tracePath]);
    expect(() => b.noteOpened({ name: "a/b.jsonl" })).toThrow(ApiInputError);
    expect(() => b.noteOpened("x")).toThrow(ApiInputError);
  });

  it("keeps the recent list bounded and one entry per path, most recent first", () => {
    const b = backendFor();
    const files = Array.from({ length: MAX_RECENT + 3 }, (_, i) => {
      const f = path.join(app.root, `t${i}.jsonl`);
      fs.writeFileSync(f, SAMPLE_TRACE);
      return f;
    });
    for (const f of files) b.openPath(f);
    b.openPath(files[5]!);
    const recent = b.initial().recent.map((r) => r.path);
    expect(recent).toHaveLength(MAX_RECENT);
    expect(recent[0]).toBe(files[5]);
    expect(new Set(recent).size).toBe(recent.length);
    expect(recent).not.toContain(files[0]);
  });
});
