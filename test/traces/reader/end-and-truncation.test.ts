import { describe, expect, it } from "vitest";
import { EMPTY_FILE_MESSAGE, NO_END_MESSAGE, createTraceReader, readTrace } from "../../../traces/reader";
import { AFTER_PRELUDE as L, END, HEADER, PRELUDE, sampleEvent, traceText, withPrelude } from "./fixtures";

const end = { ...END, seq: 12, t: 10 };
const encode = (s: string) => new TextEncoder().encode(s);

function expectError(input: string | Uint8Array, line: number, message: string): void {
  const result = readTrace(input);
  expect(result.ok ? undefined : result.error).toEqual({ line, message });
}

describe("the end record", () => {
  const goroutine = { g: 2, name: "worker", state: "blocked", reason: "chan.recv", on: [1], loc: 1 };
  const cases: readonly (readonly [string, unknown, string])[] = [
    ["an unknown reason", { ...end, end: "oops" }, 'end record "end" must be one of main-returned, deadlock, panic, step-limit, time-limit, killed, got "oops"'],
    ["time going backwards", { ...end, t: 5 }, "end record t 5 goes back in time (previous 10)"],
    ["a seq that is not the last event's", { ...end, seq: 11 }, 'end record "seq" 11 is not the last event\'s seq 12'],
    ["no exit code", { ...end, exitCode: undefined }, 'end record is missing "exitCode"'],
    ["a message that is not text", { ...end, msg: 3 }, 'end record "msg" must be a string, got 3'],
    ["goroutines that are not a list", { ...end, goroutines: {} }, 'end record "goroutines" must be an array, got {}'],
    ["a goroutine never created", { ...end, goroutines: [{ ...goroutine, g: 5 }] },
      "end record goroutines[0] g 5: goroutine 5 was never created (no earlier go.create)"],
    ["an unknown state", { ...end, goroutines: [{ ...goroutine, state: "zombie" }] },
      'end record goroutines[0] "state" must be one of running, runnable, blocked, sleeping, external, got "zombie"'],
    ["an unknown reason for a goroutine", { ...end, goroutines: [{ ...goroutine, reason: "io" }] },
      'end record goroutines[0] "reason" must be one of chan.send, chan.recv, select, mutex.lock, rwmutex.rlock, rwmutex.lock, wg.wait, cond.wait, sleep, nil-chan, external, sync, network, syscall, runtime, unknown, got "io"'],
    ["waiting on an unknown object", { ...end, goroutines: [goroutine, { ...goroutine, on: [77] }] },
      "end record goroutines[1] on 77 was never announced (no earlier make event)"],
    ["an undefined loc", { ...end, goroutines: [{ ...goroutine, loc: 9 }] }, "end record goroutines[0] loc 9 is not defined by an earlier def line"],
    ["a goroutine that is not an object", { ...end, goroutines: [2] }, "end record goroutines[0] must be an object, got 2"],
  ];
  it.each(cases)("rejects %s", (_, record, message) => {
    expectError(withPrelude(record), L, `line ${L}: ${message}`);
  });

  it("accepts the goroutines still alive, with their blocking reason and location", () => {
    const record = { ...end, end: "deadlock", exitCode: 2, msg: "all goroutines are asleep", goroutines: [goroutine, { g: 1, name: "main", state: "runnable" }] };
    expect(readTrace(withPrelude(record))).toMatchObject({ ok: true, end: record, warnings: [] });
  });

  it("rejects an event after the end record, naming both lines", () => {
    expectError(withPrelude(end, sampleEvent("log")), L + 1, `line ${L + 1}: nothing may follow the end record (line ${L})`);
  });

  it("rejects a second end record and an empty line after the end", () => {
    expectError(withPrelude(end, end), L + 1, `line ${L + 1}: nothing may follow the end record (line ${L})`);
    expectError(withPrelude(end) + "\n", L + 1, `line ${L + 1}: nothing may follow the end record (line ${L})`);
  });

  it("rejects a truncated line after the end record instead of dropping it", () => {
    expectError(withPrelude(end) + '{"seq":13,', L + 1, `line ${L + 1}: nothing may follow the end record (line ${L})`);
  });

  it("requires seq 0 in the end record of a trace without events", () => {
    expect(readTrace(traceText(HEADER, { ...END, seq: 0, t: 0 }))).toMatchObject({ ok: true, events: [] });
    expectError(traceText(HEADER, { ...END, seq: 1 }), 2, `line 2: end record "seq" 1 is not the last event's seq 0`);
  });
});

describe("truncation and missing end", () => {
  it("loads a trace without an end record, with a warning", () => {
    expect(readTrace(withPrelude())).toMatchObject({ ok: true, end: undefined, warnings: [{ message: NO_END_MESSAGE }] });
  });

  it("drops a last line cut short, with a warning naming it", () => {
    const result = readTrace(withPrelude() + '{"seq":13,"t":10,"g":1,"k":"lo');
    expect(result).toMatchObject({
      ok: true,
      warnings: [{ line: L, message: `line ${L}: truncated last line ignored` }, { message: NO_END_MESSAGE }],
    });
    expect(result.events).toHaveLength(PRELUDE.length - 1);
  });

  it("drops a last line cut inside a multibyte character", () => {
    const bytes = encode(withPrelude(sampleEvent("log", { msg: "é€😀" })));
    const cut = bytes.slice(0, bytes.length - 5); // inside the 4-byte emoji
    expect(readTrace(cut)).toMatchObject({ ok: true, warnings: [{ line: L, message: `line ${L}: truncated last line ignored` }, { message: NO_END_MESSAGE }] });
  });

  it("keeps a complete last record that only lacks its newline", () => {
    expect(readTrace(withPrelude(end).slice(0, -1))).toMatchObject({ ok: true, end, warnings: [] });
  });

  it("still rejects a complete but invalid last record without a newline", () => {
    expectError(withPrelude(sampleEvent("log", { seq: 1 })).slice(0, -1), L, `line ${L}: seq 1 does not increase (previous 12)`);
  });

  it("rejects a file cut inside its header", () => {
    expectError(JSON.stringify(HEADER).slice(0, 30), 1, "line 1: truncated header: the file ends inside the first line");
    expectError("{", 1, "line 1: truncated header: the file ends inside the first line");
    expectError("hello", 1, "line 1: not a Goroscope trace (not valid JSON)");
  });

  it("accepts a header without a newline as a trace with no events", () => {
    expect(readTrace(JSON.stringify(HEADER))).toMatchObject({ ok: true, events: [], warnings: [{ message: NO_END_MESSAGE }] });
  });

  it("rejects an empty file", () => {
    expectError("", 1, EMPTY_FILE_MESSAGE);
    expectError(new Uint8Array(0), 1, EMPTY_FILE_MESSAGE);
    expect(EMPTY_FILE_MESSAGE).toBe("empty file: not a Goroscope trace");
  });
});

describe("binary data and encodings", () => {
  it("rejects a binary file on line 1", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe]);
    expectError(png, 1, "line 1: not a Goroscope trace (invalid UTF-8 (binary data?))");
  });

  it("rejects invalid UTF-8 inside the trace with its line number", () => {
    const before = encode(withPrelude());
    const bad = new Uint8Array([...encode('{"seq":13,"t":10,"g":1,"k":"log","msg":"'), 0xc3, 0x28, ...encode('"}\n')]);
    const input = new Uint8Array([...before, ...bad, ...encode(JSON.stringify(end) + "\n")]);
    expectError(input, L, `line ${L}: invalid UTF-8 (binary data?)`);
  });

  it("rejects a byte-order mark instead of hiding it", () => {
    expectError(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(withPrelude())]), 1, "line 1: not a Goroscope trace (not valid JSON)");
  });

  it("rejects NUL bytes in a line", () => {
    expectError(withPrelude("\u0000\u0000"), L, `line ${L}: not valid JSON`);
  });
});

describe("line length", () => {
  it("rejects a line longer than the limit while it is still arriving", () => {
    const reader = createTraceReader({ maxLineBytes: 1000 });
    reader.push(withPrelude());
    reader.push('{"seq":13,"t":10,"g":1,"k":"log","msg":"' + "x".repeat(600));
    expect(reader.error).toBeUndefined();
    reader.push("x".repeat(600));
    expect(reader.error).toEqual({ line: L, message: `line ${L}: line longer than 1000 bytes` });
    reader.push('"}\n' + JSON.stringify(end) + "\n");
    expect(reader.finish()).toMatchObject({ ok: false, error: { line: L }, events: PRELUDE.slice(1) });
  });

  it("accepts a line of exactly the limit and rejects one byte more", () => {
    const line = JSON.stringify(sampleEvent("log", { seq: 13, msg: "m".repeat(300) }));
    const limit = new TextEncoder().encode(line).length;
    const reader = (max: number) => { const r = createTraceReader({ maxLineBytes: max }); r.push(withPrelude(line)); return r.finish(); };
    expect(reader(limit).ok).toBe(true);
    expect(reader(limit - 1)).toMatchObject({ ok: false, error: { line: L, message: `line ${L}: line longer than ${limit - 1} bytes` } });
  });

  it("applies a 1 MiB limit by default", () => {
    const long = JSON.stringify(sampleEvent("log", { seq: 13, msg: "é".repeat(600_000) })); // 1.2 MB of UTF-8
    expect(readTrace(withPrelude(long))).toMatchObject({ ok: false, error: { line: L, message: `line ${L}: line longer than 1048576 bytes` } });
  });
});
