import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, goroscope, tempDir, traceLines } from "./cli-helpers";

describe("goroutine names through the loader", () => {
  it("anonymous goroutines get Go's lexical closure names, counting every function literal", () => {
    const out = path.join(tempDir(), "names.jsonl");
    const r = goroscope(["run", fixture("closure-names.ts"), "-o", out]);
    expect(r.code).toBe(0);
    const names = traceLines(out)
      .filter((e) => e.k === "go.create")
      .map((e) => e.name);
    expect(names).toEqual(["main.func2", "main.func3", "main.func3.func1"]);
  });
});
