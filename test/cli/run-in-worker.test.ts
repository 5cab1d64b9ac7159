// The worker runner against a stand-in runtime: everything written arrives, in order, through a
// pipe small enough to fill; a worker that never yields is killed and its trace still ends.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInWorker, type RunInWorkerOptions } from "../../main/services/run-in-worker";
import { programs, repoRoot, tempDir, traceLines } from "./cli-helpers";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function options(over: Partial<RunInWorkerOptions>, out: Buffer[]): RunInWorkerOptions {
  return {
    program: path.join("test", "fixtures", "programs", "uses-fake-runtime.ts"),
    cwd: repoRoot,
    timeoutSeconds: 30,
    stdout: (b) => void out.push(Buffer.from(b)),
    stderr: (b) => void out.push(Buffer.from(b)),
    workerPath: path.join(repoRoot, "dist", "worker.cjs"),
    runtimePath: path.join(programs, "fake-runtime.cjs"),
    ...over,
  };
}

describe("runInWorker", () => {
  it("relays every output and trace line in order through a pipe that fills up", async () => {
    process.env.FAKE_LINES = "20000";
    const out: Buffer[] = [];
    const tracePath = path.join(dir, "burst.jsonl");
    const outcome = await runInWorker(options({ tracePath, pipeCapacity: 4096 }, out));
    delete process.env.FAKE_LINES;
    expect(outcome).toEqual({ kind: "finished", end: "main-returned", exitCode: 0 });
    const printed = Buffer.concat(out).toString("utf8").split("\n");
    expect(printed.slice(0, 3)).toEqual(["out 1", "out 2", "out 3"]);
    expect(printed.at(-3)).toBe("out 20000");
    expect(printed.at(-2)).toBe("main ran");
    const lines = traceLines(tracePath);
    expect(lines).toHaveLength(20002);
    expect(lines.map((l) => l.seq).slice(1, -1)).toEqual(Array.from({ length: 20000 }, (_, i) => i + 1));
  });

  it("kills a worker that never yields and appends the end record itself", async () => {
    process.env.FAKE_LINES = "3";
    process.env.FAKE_SPIN = "1";
    const out: Buffer[] = [];
    const tracePath = path.join(dir, "spin.jsonl");
    const outcome = await runInWorker(options({ tracePath, timeoutSeconds: 0.5 }, out));
    delete process.env.FAKE_LINES;
    delete process.env.FAKE_SPIN;
    expect(outcome).toEqual({ kind: "killed", message: "wall-clock timeout of 0.5s: goroutine 1 did not yield" });
    expect(Buffer.concat(out).toString()).toBe("out 1\nout 2\nout 3\n");
    expect(traceLines(tracePath).at(-1)).toEqual({
      end: "killed",
      t: 30,
      seq: 3,
      exitCode: 2,
      msg: "wall-clock timeout of 0.5s: goroutine 1 did not yield",
      goroutines: [{ g: 1, name: "main", state: "running" }],
    });
  });

  it("reports a runtime that cannot be loaded as one line", async () => {
    const outcome = await runInWorker(options({ runtimePath: path.join(dir, "missing.cjs") }, []));
    expect(outcome.kind).toBe("error");
    expect(outcome.kind === "error" && outcome.message).toMatch(/^internal error: cannot load the runtime \(.*missing\.cjs\): Error: Cannot find module/);
    expect(outcome.kind === "error" && outcome.message).not.toContain("\n");
  });
});
