import { describe, expect, it } from "vitest";
import { EVENT_KINDS } from "../../../traces/format/schema";
import { readTrace } from "../../../traces/reader";
import { AFTER_PRELUDE as L, END, HEADER, PRELUDE, SAMPLES, isOptional, sampleEvent, traceText, withPrelude } from "./fixtures";

function expectError(text: string, line: number, message: string): void {
  const result = readTrace(text);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error).toEqual({ line, message: `line ${line}: ${message}` });
}

describe("a valid trace", () => {
  it("accepts the prelude and the end record", () => {
    const end = { ...END, seq: 12, t: 10 };
    const result = readTrace(withPrelude(end));
    expect(result).toMatchObject({ ok: true, warnings: [], header: HEADER, end });
    expect(result.events).toEqual(PRELUDE.slice(1));
    expect(result.locs).toEqual([PRELUDE[0]]);
  });

  it.each(EVENT_KINDS)("accepts a %s event after the prelude", (k) => {
    const result = readTrace(withPrelude(sampleEvent(k), END));
    expect(result).toMatchObject({ ok: true, warnings: [], end: END });
    expect(result.events.at(-1)).toEqual(sampleEvent(k));
  });

  it("keeps values as the plain strings the trace holds", () => {
    const val = '<img src=x onerror="alert(1)">${1+1}';
    const result = readTrace(withPrelude(sampleEvent("chan.send", { val })));
    expect(result.ok && result.events.at(-1)).toMatchObject({ k: "chan.send", val });
  });

  it("ignores unknown extra fields, including __proto__, without touching prototypes", () => {
    const line = `{"seq":100,"t":100,"g":1,"k":"log","msg":"x","__proto__":{"polluted":1},"extra":[1]}`;
    const result = readTrace(withPrelude(line));
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.events.at(-1))).toBe(Object.prototype);
  });

  it("accepts CRLF line endings", () => {
    const end = { ...END, seq: 12 };
    expect(readTrace(withPrelude(end).replaceAll("\n", "\r\n"))).toMatchObject({ ok: true, warnings: [] });
  });
});

describe("line 1, the header", () => {
  const cases: readonly (readonly [string, string, string])[] = [
    ["plain text", "hello world", "not a Goroscope trace (not valid JSON)"],
    ["an empty first line", "", "not a Goroscope trace (empty line)"],
    ["JSON that is not a header", `{"seq":1}`, 'not a Goroscope trace (the first line has no "format":"goroscope")'],
    ["a JSON array", `[1,2]`, 'not a Goroscope trace (the first line has no "format":"goroscope")'],
    ["another format", JSON.stringify({ ...HEADER, format: "pprof" }), 'not a Goroscope trace (the first line has no "format":"goroscope")'],
    ["version 2", JSON.stringify({ ...HEADER, version: 2 }), "unsupported trace version 2 (this reader understands version 1)"],
    ["version as text", JSON.stringify({ ...HEADER, version: "1" }), 'unsupported trace version "1" (this reader understands version 1)'],
    ["no program", JSON.stringify({ ...HEADER, program: undefined }), 'header is missing "program"'],
    ["a bad clock", JSON.stringify({ ...HEADER, clock: "wall" }), 'header "clock" must be one of virtual, real, got "wall"'],
    ["a seed that is not a number", JSON.stringify({ ...HEADER, seed: "42" }), 'header "seed" must be a finite number, got "42"'],
    ["time in ms", JSON.stringify({ ...HEADER, timeUnit: "ms" }), 'header "timeUnit" must be one of ns, got "ms"'],
    ["no epoch", JSON.stringify({ ...HEADER, epoch: undefined }), 'header is missing "epoch"'],
  ];
  it.each(cases)("rejects %s", (_, line1, message) => {
    expectError(traceText(line1, END), 1, message);
  });
});

describe("lines after the header", () => {
  const cases: readonly (readonly [string, string, string])[] = [
    ["text that is not JSON", "seq 1 go.create", "not valid JSON"],
    ["an empty line", "", "empty line"],
    ["a blank line", "   \t", "empty line"],
    ["a JSON array", "[1,2]", "not a JSON object (got [1,2])"],
    ["a JSON string", '"seq"', 'not a JSON object (got "seq")'],
    ["an object of no known shape", '{"foo":1}', 'not a definition, an event or the end record (no "def", "seq" or "end" field)'],
    ["deeply nested JSON", "[".repeat(100_000) + "]".repeat(100_000), "not a JSON object (got a value nested too deeply to show)"],
  ];
  it.each(cases)("rejects %s with its line number", (_, line, message) => {
    expectError(withPrelude(line, END), L, message);
  });
});

describe("definitions", () => {
  const loc = { def: "loc", id: 2, file: "a.ts", line: 1, col: 0, fn: "main" };
  const cases: readonly (readonly [string, unknown, string])[] = [
    ["an unknown kind", { ...loc, def: "file" }, 'unknown definition kind "file" (only "loc" is defined in version 1)'],
    ["a redefined id", { ...loc, id: 1 }, `def loc id 1 was already defined on line 2`],
    ["id 0", { ...loc, id: 0 }, 'def loc "id" must be an integer ≥ 1, got 0'],
    ["no fn", { ...loc, fn: undefined }, 'def loc is missing "fn"'],
    ["line 0", { ...loc, line: 0 }, 'def loc "line" must be an integer ≥ 1, got 0'],
    ["a fractional col", { ...loc, col: 1.5 }, 'def loc "col" must be an integer ≥ 0, got 1.5'],
    ["a numeric file", { ...loc, file: 3 }, 'def loc "file" must be a string, got 3'],
  ];
  it.each(cases)("rejects %s", (_, record, message) => {
    expectError(withPrelude(record, END), L, message);
  });
});

describe("fields every event has", () => {
  const log = sampleEvent("log");
  const cases: readonly (readonly [string, unknown, string])[] = [
    ["a repeated seq", { ...log, seq: 12 }, "seq 12 does not increase (previous 12)"],
    ["a smaller seq", { ...log, seq: 3 }, "seq 3 does not increase (previous 12)"],
    ["seq as text", { ...log, seq: "100" }, 'event "seq" must be an integer ≥ 1, got "100"'],
    ["seq 0", { ...log, seq: 0 }, 'event "seq" must be an integer ≥ 1, got 0'],
    ["time going backwards", { ...log, t: 9 }, "t 9 goes back in time (previous 10)"],
    ["no t", { ...log, t: undefined }, 'event is missing "t"'],
    ["a negative t", { ...log, t: -1 }, 'event "t" must be a finite number ≥ 0, got -1'],
    ["an unknown kind", { ...log, k: "chan.sned" }, 'unknown event kind "chan.sned"'],
    ["no kind", { ...log, k: undefined }, "unknown event kind nothing"],
    ["an inherited property as kind", { ...log, k: "constructor" }, 'unknown event kind "constructor"'],
    ["no g", { ...log, g: undefined }, 'log is missing "g"'],
    ["a goroutine never created", { ...log, g: 7 }, "log g 7: goroutine 7 was never created (no earlier go.create)"],
    ["an undefined loc", { ...log, loc: 4 }, "log loc 4 is not defined by an earlier def line"],
    ["loc 0", { ...log, loc: 0 }, 'log "loc" must be an integer ≥ 1, got 0'],
  ];
  it.each(cases)("rejects %s", (_, record, message) => {
    expectError(withPrelude(record, END), L, message);
  });

  it("rejects a loc whose def comes after its first use, on the using line", () => {
    const def = { def: "loc", id: 2, file: "a.ts", line: 1, col: 0, fn: "main" };
    expectError(withPrelude({ ...log, loc: 2 }, def), L, "log loc 2 is not defined by an earlier def line");
    expect(readTrace(withPrelude(def, { ...log, loc: 2 })).ok).toBe(true);
  });

  it("reports the first of several problems", () => {
    expectError(withPrelude({ ...log, seq: 200 }, { ...log, seq: 150 }, { ...log, seq: 150, k: "nope" }), L + 1, "seq 150 does not increase (previous 200)");
  });
});

describe("the fields of every kind", () => {
  const fieldCases = EVENT_KINDS.flatMap((k) => Object.keys(SAMPLES[k]).filter((f) => f !== "g").map((f) => [k, f] as const));

  it.each(fieldCases)("%s: a missing %s is reported unless optional", (k, field) => {
    const text = withPrelude(sampleEvent(k, { [field]: undefined }));
    const result = readTrace(text);
    if (isOptional(k, field)) {
      expect(result.ok).toBe(true);
    } else {
      expect(result.ok ? undefined : result.error).toEqual({ line: L, message: `line ${L}: ${k} is missing "${field}"` });
    }
  });

  it.each(fieldCases)("%s: a mistyped %s is reported", (k, field) => {
    const result = readTrace(withPrelude(sampleEvent(k, { [field]: { x: 1 } })));
    expect(result.ok ? undefined : result.error.line).toBe(L);
    expect(result.ok ? "" : result.error.message).toContain(`${k} "${field}" must be `);
  });

  it.each(EVENT_KINDS)("%s: null is not absence", (k) => {
    const field = Object.keys(SAMPLES[k]).find((f) => f !== "g");
    if (field === undefined) return expect(["go.end", "go.yield", "main.return"]).toContain(k);
    const result = readTrace(withPrelude(sampleEvent(k, { [field]: null })));
    expect(result.ok ? "" : result.error.message).toContain(`${k} "${field}" must be `);
  });
});
