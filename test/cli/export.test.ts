// `goroscope export TRACE --format perfetto -o OUT`: ours and Go's traces become trace-event JSON;
// bad input is exit 2 with one line.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { goroscope, tempDir } from "./cli-helpers";

const dir = tempDir();

describe("goroscope export", () => {
  it("writes Perfetto JSON for one of our traces", () => {
    const out = path.join(dir, "deadlock.json");
    const r = goroscope(["export", "traces/samples/deadlock.jsonl", "--format", "perfetto", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^wrote .*deadlock\.json: 3 goroutines, \d+ events/);
    const json = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(json.displayTimeUnit).toBe("ns");
    const threads = json.traceEvents.filter((e: { name: string }) => e.name === "thread_name").map((e: { args: { name: string } }) => e.args.name);
    expect(threads).toEqual(expect.arrayContaining(["main #1"]));
  });

  it("imports a Go execution trace on the way", () => {
    const r = goroscope(["export", "test/fixtures/go-traces/go121/workerpool.trace", "-o", "-"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.otherData.program).toBe("workerpool.trace");
    expect(json.traceEvents.filter((e: { ph: string }) => e.ph === "X").length).toBeGreaterThan(10);
  });

  it("refuses a missing file, a non-trace and an unknown format with exit 2", () => {
    expect(goroscope(["export", "nope.jsonl", "-o", path.join(dir, "x.json")])).toMatchObject({ code: 2, stderr: "goroscope: cannot open nope.jsonl: no such file\n" });
    const junk = path.join(dir, "junk.jsonl");
    fs.writeFileSync(junk, "hello\n");
    const r = goroscope(["export", junk, "-o", path.join(dir, "y.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^goroscope: .*junk\.jsonl: line 1: /);
    expect(goroscope(["export", junk, "--format", "svg", "-o", "-"]).code).toBe(2);
  });
});
