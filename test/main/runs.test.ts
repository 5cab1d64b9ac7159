/**
 * The app's run service: a program runs in a worker, its trace lines stream in order and end with
 * one `end` update; a stopped run still leaves a complete trace; sources are served only from the
 * program's own folder.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RunUpdate } from "../../main/api/contract";
import { createRunService } from "../../main/app/runs";
import { readTrace } from "../../traces/reader";

const root = path.resolve(__dirname, "../..");
const distDir = path.join(root, "dist");

function collect() {
  const updates: RunUpdate[] = [];
  let resolveEnd: (u: RunUpdate) => void = () => {};
  const ended = new Promise<RunUpdate>((r) => (resolveEnd = r));
  return {
    updates,
    ended,
    onUpdate(u: RunUpdate) {
      updates.push(u);
      if (u.kind === "end") resolveEnd(u);
    },
  };
}

const text = (updates: readonly RunUpdate[]) => updates.map((u) => (u.kind === "lines" ? u.text : "")).join("");

describe("run service", () => {
  it("streams a run's trace in order, the end last, identical to the file it keeps", async () => {
    const c = collect();
    const runs = createRunService({ distDir, onUpdate: (u) => c.onUpdate(u) });
    const prog = runs.openProgram(path.join(root, "examples/worker-pools.ts"));
    const run = runs.run({ programId: prog.id, seed: 0, clock: "virtual" });
    expect(run.schedule).toBe("go");
    const end = await c.ended;
    expect(end).toMatchObject({ kind: "end", end: { kind: "finished", exitCode: 0, end: "main-returned" } });
    expect(c.updates.at(-1)).toBe(end);
    const streamed = text(c.updates);
    expect(streamed).toBe(fs.readFileSync(run.tracePath, "utf8"));
    const read = readTrace(streamed);
    expect(read.ok).toBe(true);
    expect(read.events.filter((e) => e.k === "log").map((e) => (e as { msg: string }).msg)).toContain("worker id:  2  started job:  0");
  });

  it("a stopped run still ends its trace with an end record saying so", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "goroscope-runs-test-"));
    const forever = path.join(dir, "forever.ts");
    fs.writeFileSync(
      forever,
      `import { go, makeChan, println, sleep } from "goroscope/runtime";\nexport default async function main() {\n  for (let i = 0; ; i++) { await sleep(1_000_000); if (i % 1000 === 0) println("tick", i); }\n}\n`,
    );
    const c = collect();
    const runs = createRunService({ distDir, onUpdate: (u) => c.onUpdate(u) });
    const prog = runs.openProgram(forever);
    const run = runs.run({ programId: prog.id, seed: 0, clock: "virtual" });
    // Wait until the program has visibly started, then stop it.
    while (!text(c.updates).includes('"k":"log"')) await new Promise((r) => setTimeout(r, 20));
    runs.stop(run.runId);
    const end = await c.ended;
    expect(end).toMatchObject({ end: { kind: "killed", message: "stopped by the user" } });
    const lines = text(c.updates).trimEnd().split("\n");
    const last = JSON.parse(lines.at(-1)!);
    expect(last.end).toBe("killed");
    expect(readTrace(text(c.updates)).ok).toBe(true);
  });

  it("validates requests and serves sources only from the program's folder", async () => {
    const runs = createRunService({ distDir, onUpdate: () => undefined });
    expect(() => runs.openProgram(path.join(root, "package.json"))).toThrow(/not a TypeScript or JavaScript program/);
    expect(() => runs.openProgram(path.join(root, "examples/nope.ts"))).toThrow(/no such file/);
    const prog = runs.openProgram(path.join(root, "examples/bugs/ab-ba-lock-race.ts"));
    expect(runs.openProgram(prog.path)).toEqual(prog);
    expect(() => runs.run({ programId: "p999", seed: 0, clock: "virtual" })).toThrow(/unknown program id/);
    expect(() => runs.run({ programId: prog.id, seed: -1, clock: "virtual" })).toThrow(/seed/);
    expect(() => runs.run({ programId: prog.id, seed: 0, clock: "wall" })).toThrow(/clock/);
    expect(await runs.readSource(prog.id, "ab-ba-lock-race.ts")).toContain("AB-BA");
    await expect(runs.readSource(prog.id, "../../package.json")).rejects.toThrow(/not a file of this program/);
    await expect(runs.readSource(prog.id, "/etc/passwd")).rejects.toThrow(/not a file of this program/);
    await expect(runs.readSource(prog.id, "missing.ts")).rejects.toThrow(/no such file/);
  });
});
