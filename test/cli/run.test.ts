// `goroscope run` end to end: output, exit codes, the trace file, programs outside the repo.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, goroscope, programs, tempDir, traceLines } from "./cli-helpers";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("goroscope run", () => {
  it("prints the program's output and exits 0 when main returns", () => {
    const r = goroscope(["run", fixture("hello.ts")]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("hello from greeter\nbye\n");
    expect(r.code).toBe(0);
  });

  it("writes no trace without -o", () => {
    const cwd = tempDir();
    const r = goroscope(["run", path.join(programs, "hello.ts")], cwd);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(cwd)).toEqual([]);
    fs.rmSync(cwd, { recursive: true });
  });

  it("with -o writes a trace from the header to the end record", () => {
    const out = path.join(dir, "hello.jsonl");
    const r = goroscope(["run", fixture("hello.ts"), "-o", out, "--seed", "3"]);
    expect(r.code).toBe(0);
    const lines = traceLines(out);
    expect(lines[0]).toMatchObject({ format: "goroscope", version: 1, program: fixture("hello.ts"), clock: "virtual", seed: 3 });
    expect(lines.at(-1)).toMatchObject({ end: "main-returned", exitCode: 0, goroutines: [] });
  });

  it("gives events loc ids whose definitions name the TypeScript file and line", () => {
    const out = path.join(dir, "locs.jsonl");
    goroscope(["run", fixture("hello.ts"), "-o", out]);
    const lines = traceLines(out);
    const defs = new Map(lines.filter((l) => l.def === "loc").map((l) => [l.id, l]));
    const send = lines.find((l) => l.k === "chan.send")!;
    expect(defs.get(send.loc)).toMatchObject({ file: fixture("hello.ts"), line: 7, fn: "greeter" });
    const create = lines.find((l) => l.k === "go.create")!;
    expect(defs.get(create.loc)).toMatchObject({ file: fixture("hello.ts"), line: 6, fn: "main" });
  });

  it("exits 2 with Go's message on a panic", () => {
    const r = goroscope(["run", fixture("send-on-closed.ts")]);
    expect(r.stdout).toBe("about to send\n");
    expect(r.stderr).toContain("panic: send on closed channel");
    expect(r.stderr).toContain(`${fixture("send-on-closed.ts")}:8`);
    expect(r.code).toBe(2);
  });

  it("exits 2 with Go's message on a deadlock, and the trace says so", () => {
    const out = path.join(dir, "deadlock.jsonl");
    const r = goroscope(["run", fixture("deadlock.ts"), "-o", out]);
    expect(r.stderr).toContain("fatal error: all goroutines are asleep - deadlock!");
    expect(r.code).toBe(2);
    expect(traceLines(out).at(-1)).toMatchObject({ end: "deadlock", exitCode: 2 });
  });

  it("stops a goroutine that never yields and ends the trace with a killed record", () => {
    const out = path.join(dir, "spin.jsonl");
    const r = goroscope(["run", fixture("tight-loop.ts"), "--timeout", "2", "-o", out]);
    expect(r.code).toBe(2);
    expect(r.ms).toBeLessThan(10_000);
    expect(r.stdout).toBe("spinning\n");
    expect(r.stderr).toBe("goroscope: killed: wall-clock timeout of 2s: goroutine 2 did not yield\n");
    const lines = traceLines(out);
    expect(lines[0]).toMatchObject({ format: "goroscope" });
    const end = lines.at(-1)!;
    const lastEvent = lines.filter((l) => typeof l.seq === "number" && l.end === undefined).at(-1)!;
    expect(end).toMatchObject({ end: "killed", exitCode: 2, seq: lastEvent.seq, t: lastEvent.t, msg: "wall-clock timeout of 2s: goroutine 2 did not yield" });
    expect(end.goroutines).toEqual([
      expect.objectContaining({ g: 1, name: "main" }),
      expect.objectContaining({ g: 2, name: "spin", state: "running" }),
    ]);
  });

  it("runs a program outside the repository that imports goroscope/runtime", () => {
    const outside = tempDir();
    fs.copyFileSync(path.join(programs, "hello.ts"), path.join(outside, "prog.ts"));
    const r = goroscope(["run", "prog.ts", "-o", "t.jsonl"], outside);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("hello from greeter\nbye\n");
    expect(r.code).toBe(0);
    const send = traceLines(path.join(outside, "t.jsonl")).find((l) => l.def === "loc" && l.line === 7);
    expect(send).toMatchObject({ file: "prog.ts" });
    fs.rmSync(outside, { recursive: true });
  });
});
