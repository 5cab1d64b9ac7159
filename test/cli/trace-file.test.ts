// The -o file writer: whole lines only, created lazily, read back for a killed run.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTraceFile } from "../../main/services/trace-file";
import { tempDir } from "./cli-helpers";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const bytes = (s: string) => Buffer.from(s);

describe("trace file", () => {
  it("writes only complete lines and keeps a partial one for later", () => {
    const file = path.join(dir, "a.jsonl");
    const trace = createTraceFile(file);
    trace.append(bytes('{"a":1}\n{"b":'));
    trace.flush();
    expect(fs.readFileSync(file, "utf8")).toBe('{"a":1}\n');
    trace.append(bytes("2}\n"));
    trace.flush();
    trace.appendLine('{"end":"killed"}');
    trace.close();
    expect(fs.readFileSync(file, "utf8")).toBe('{"a":1}\n{"b":2}\n{"end":"killed"}\n');
  });

  it("drops a fragment left by a killed writer before its own end record", () => {
    const file = path.join(dir, "b.jsonl");
    const trace = createTraceFile(file);
    trace.append(bytes('{"a":1}\n{"half'));
    trace.flush();
    trace.appendLine('{"end":"killed"}');
    trace.close();
    expect(fs.readFileSync(file, "utf8")).toBe('{"a":1}\n{"end":"killed"}\n');
  });

  it("creates no file until there is a line, and none at all without a path", () => {
    const file = path.join(dir, "c.jsonl");
    const trace = createTraceFile(file);
    trace.append(bytes("no newline yet"));
    trace.flush();
    expect(fs.existsSync(file)).toBe(false);
    const none = createTraceFile(undefined);
    none.append(bytes("x\n"));
    none.flush();
    expect(none.failure).toBeUndefined();
  });

  it("reads back every line written, across read chunks", () => {
    const file = path.join(dir, "d.jsonl");
    const trace = createTraceFile(file);
    const lines = Array.from({ length: 30_000 }, (_, i) => `{"seq":${i},"pad":"${"é".repeat(20)}"}`);
    for (const line of lines) trace.append(bytes(`${line}\n`));
    trace.flush();
    const seen: string[] = [];
    trace.readLines((l) => seen.push(l));
    trace.close();
    expect(seen).toEqual(lines);
  });

  it("reports a write failure instead of throwing", () => {
    const trace = createTraceFile(path.join(dir, "missing-dir", "e.jsonl"));
    trace.append(bytes("x\n"));
    trace.flush();
    expect(trace.failure).toBe("ENOENT");
  });
});
