/**
 * The byte scanner (fast-scan.ts) against the slow path alone: on the writer's layout of every
 * kind it handles, with any one byte changed, inserted or removed, the reader must give exactly
 * what `JSON.parse` and the reader's checks give — the scanner may only decline, never decide.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMPTY_FILE_MESSAGE, NO_END_MESSAGE, readTrace } from "../../../traces/reader";
import { ByteDecoder } from "../../../traces/reader/byte-strings";
import { FastScanner, kindAt, scanEvent } from "../../../traces/reader/fast-scan";
import { EVENT_KINDS } from "../../../traces/format/schema";
import { createLineScanner } from "../../../traces/reader/line-scanner";
import { parseLine, truncatedLine } from "../../../traces/reader/parse-line";
import { createTraceValidator } from "../../../traces/reader/validator";
import { HEADER, traceText } from "./fixtures";

const encode = (s: string) => new TextEncoder().encode(s);

/** Every kind the scanner handles, in the writer's key order, with each optional field present and absent. */
const HOT: readonly object[] = [
  { def: "loc", id: 1, file: "a.ts", line: 3, col: 1, fn: "main" },
  { seq: 1, t: 0, g: 1, k: "go.create", loc: 1, child: 2, name: "worker" },
  { seq: 2, t: 0, g: 1, k: "chan.make", ch: 1, cap: 2, name: "jobs" },
  { seq: 3, t: 0, g: 1, k: "mutex.make", id: 2, name: "mu" },
  { seq: 4, t: 0, g: 1, k: "rwmutex.make", id: 3, name: "rw" },
  { seq: 5, t: 0, g: 1, k: "wg.make", id: 4, name: "wg" },
  { seq: 6, t: 0, g: 1, k: "timer.make", id: 5, when: 1000, period: 0, name: "t" },
  { seq: 7, t: 0, g: 1, k: "wg.add", loc: 1, id: 4, delta: 1, count: 1 },
  { seq: 8, t: 0, g: 1, k: "chan.send", loc: 1, ch: 1, len: 1, val: '"a\\b"' },
  { seq: 9, t: 0, g: 1, k: "chan.send", ch: 1, len: 2, val: "x" },
  { seq: 10, t: 0, g: 2, k: "chan.recv", ch: 1, len: 1, ok: true, from: 8, val: '"a\\b"' },
  { seq: 11, t: 0, g: 2, k: "go.block", reason: "chan.recv", on: [1] },
  { seq: 12, t: 0, g: 1, k: "go.unblock", target: 2 },
  { seq: 13, t: 0, g: 2, k: "select.begin", cases: [{ ch: 1, dir: "send" }, { ch: 1, dir: "recv" }], default: true },
  { seq: 14, t: 0, g: 2, k: "select.end", chosen: -1 },
  { seq: 15, t: 0, g: 2, k: "select.begin", cases: [{ ch: 1, dir: "recv" }], default: false },
  { seq: 16, t: 0, g: 2, k: "select.end", chosen: 0 },
  { seq: 17, t: 0, g: 1, k: "mutex.lock", loc: 1, id: 2, try: true },
  { seq: 18, t: 0, g: 1, k: "mutex.unlock", id: 2 },
  { seq: 19, t: 0, g: 1, k: "mutex.lock", id: 2 },
  { seq: 20, t: 0, g: 1, k: "mutex.unlock", id: 2 },
  { seq: 21, t: 0, g: 1, k: "rwmutex.lock", id: 3, read: true },
  { seq: 22, t: 0, g: 1, k: "rwmutex.unlock", id: 3, read: true },
  { seq: 23, t: 0, g: 1, k: "rwmutex.lock", id: 3, read: false },
  { seq: 24, t: 0, g: 1, k: "rwmutex.unlock", id: 3, read: false },
  { seq: 25, t: 0, g: 1, k: "go.yield" },
  { seq: 26, t: 0, g: 1, k: "go.block", reason: "sleep", on: [], until: 1000 },
  { seq: 27, t: 1000, g: 0, k: "timer.fire", id: 5, dropped: false },
  { seq: 28, t: 1000, g: 0, k: "timer.fire", id: 5 },
  { seq: 29, t: 1000, g: 0, k: "go.unblock", target: 1 },
  { seq: 30, t: 1000, g: 1, k: "chan.recv", ch: 1, len: 0, ok: true, from: 9, val: "x" },
  { seq: 31, t: 1000, g: 1, k: "chan.close", ch: 1 },
  { seq: 32, t: 1000, g: 2, k: "chan.recv", ch: 1, len: 0, ok: false, val: "" },
  { seq: 33, t: 1000, g: 1, k: "wg.add", id: 4, delta: -1, count: 0 },
  { seq: 34, t: 1000, g: 1, k: "wg.wait", id: 4 },
  { seq: 35, t: 1000, g: 1, k: "log", msg: "done" },
  { seq: 36, t: 1000, g: 2, k: "go.end" },
  { seq: 37, t: 1000, g: 1, k: "main.return" },
  { end: "main-returned", t: 1000, seq: 37, exitCode: 0, goroutines: [] },
];
const TEXT = traceText(HEADER, ...HOT);
const BYTES = encode(TEXT);

/** The reader without its byte scanner: `JSON.parse` and the reader's checks for every line (as reader.ts). */
function slowRead(input: Uint8Array) {
  const validator = createTraceValidator();
  const warnings: { line?: number; message: string }[] = [];
  let error: { line: number; message: string } | undefined;
  const fail = (line: number, message: string) => {
    error = { line, message: `line ${line}: ${message}` };
    splitter.stop();
  };
  const splitter = createLineScanner({
    maxLineBytes: 1 << 20,
    onTooLong: (line) => fail(line, "too long"),
    onLine(line, chunk, start, end, terminated) {
      if (error) return;
      const bytes = chunk.subarray(start, end);
      if (validator.endLine !== undefined) return fail(line, `nothing may follow the end record (line ${validator.endLine})`);
      const parsed = parseLine(bytes);
      if (!parsed.ok) {
        if (terminated) return fail(line, line === 1 ? `not a Goroscope trace (${parsed.reason})` : parsed.reason);
        const t = truncatedLine(line, bytes);
        if ("error" in t) fail(line, t.error);
        else warnings.push({ line, message: t.warning });
        return;
      }
      const problem = validator.accept(parsed.value, line);
      if (problem !== undefined) fail(line, problem);
    },
  });
  splitter.push(input);
  splitter.finish();
  if (!error && splitter.bytesConsumed === 0) error = { line: 1, message: EMPTY_FILE_MESSAGE };
  if (!error && validator.header && !validator.end) warnings.push({ message: NO_END_MESSAGE });
  return { ok: !error && validator.header !== undefined, error, warnings, events: validator.events };
}

function expectSameAsSlow(input: Uint8Array): void {
  const read = readTrace(input);
  const fast = JSON.stringify({ ok: read.ok, error: read.ok ? undefined : read.error, warnings: read.warnings, events: read.events });
  const slow = JSON.stringify(slowRead(input));
  // Strings first: a deep comparison of every variant would dominate the test's time.
  if (fast !== slow) expect(JSON.parse(fast)).toEqual(JSON.parse(slow));
}

describe("fast scanner", () => {
  it("knows the kinds it takes by name, and no other name", () => {
    const at = (text: string) => {
      const bytes = encode(`${text}}\n`);
      return kindAt(new DataView(bytes.buffer), 0, bytes.length);
    };
    const taken = new Set(HOT.map((r) => ("k" in r ? String(r.k) : "")).filter((k) => k !== "" && !k.endsWith(".make") && k !== "go.create"));
    for (const [index, kind] of EVENT_KINDS.entries()) {
      expect(at(`${kind}"`), kind).toBe(taken.has(kind) ? index : -1);
      // A name that only starts like one, or runs on past it, is not that kind.
      expect(at(`${kind}x"`), `${kind}x`).toBe(-1);
      if (kind.length > 4) expect(at(`${kind.slice(0, -1)}"`), kind.slice(0, -1)).toBe(-1);
    }
  });

  it("takes every event line of the sample in the writer's layout", () => {
    const validator = createTraceValidator();
    const scanner = new FastScanner(validator.st, new ByteDecoder());
    const lines = TEXT.split("\n").slice(0, -1);
    let taken = 0;
    lines.forEach((text, j) => {
      const bytes = encode(`${text}\n`);
      const record = JSON.parse(text) as Record<string, unknown>;
      const hot = j > 0 && "seq" in record && !("end" in record) && !String(record.k).endsWith(".make") && record.k !== "go.create";
      if (hot && scanEvent(scanner, bytes, 0, bytes.length) === bytes.length - 1) taken++;
      else expect(validator.accept(record, j + 1)).toBeUndefined();
    });
    expect(taken).toBe(HOT.filter((r) => "k" in r && !String(r.k).endsWith(".make") && r.k !== "go.create").length);
  });

  it("any one byte replaced: same verdict, error and events as the slow path", () => {
    expectSameAsSlow(BYTES);
    const replacements = [0x20, 0x22, 0x30, 0x7d];
    for (let i = 0; i < BYTES.length; i++) {
      for (const r of [...replacements, BYTES[i]! ^ 0x01]) {
        if (r === BYTES[i]) continue;
        const bytes = BYTES.slice();
        bytes[i] = r;
        expectSameAsSlow(bytes);
      }
    }
  });

  it("any one byte removed or inserted, any prefix: same as the slow path", () => {
    fc.assert(
      fc.property(fc.nat(BYTES.length - 1), fc.integer({ min: 0, max: 255 }), (i, x) => {
        expectSameAsSlow(new Uint8Array([...BYTES.subarray(0, i), ...BYTES.subarray(i + 1)]));
        expectSameAsSlow(new Uint8Array([...BYTES.subarray(0, i), x, ...BYTES.subarray(i)]));
        expectSameAsSlow(BYTES.subarray(0, i));
      }),
      { numRuns: 1500 },
    );
  });
});
