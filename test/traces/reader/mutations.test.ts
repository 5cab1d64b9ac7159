import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVENT_KINDS, type TraceEvent } from "../../../traces/format/schema";
import { NO_END_MESSAGE, readTrace, type ReadResult } from "../../../traces/reader";
import { validTraceArb, type GeneratedTrace } from "../arbitraries";

const encode = (s: string) => new TextEncoder().encode(s);

/** Lines as the reader counts them: one per `\n`, plus a last line without one. */
function lineCount(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 10) n++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? n + 1 : n;
}

/** Never throws; either valid, or an error on a line that exists. */
function expectWellFormedOutcome(input: Uint8Array): ReadResult {
  const result = readTrace(input);
  if (!result.ok) {
    expect(result.error.line).toBeGreaterThanOrEqual(1);
    expect(result.error.line).toBeLessThanOrEqual(Math.max(1, lineCount(input)));
    if (input.length > 0) expect(result.error.message.startsWith(`line ${result.error.line}: `)).toBe(true);
  }
  return result;
}

const events = (t: GeneratedTrace) => t.records.filter((r): r is TraceEvent => "seq" in r && !("end" in r));

describe("generated traces", () => {
  it("are valid and read back exactly as generated", () => {
    fc.assert(
      fc.property(validTraceArb(), (trace) => {
        const result = readTrace(trace.text);
        expect(result.ok ? undefined : result.error).toBeUndefined();
        expect(result.events).toEqual(events(trace));
        expect(result.locs).toEqual(trace.records.filter((r) => "def" in r));
        const end = trace.records.find((r) => "end" in r);
        expect(result.end).toEqual(end);
        expect(result.warnings).toEqual(end ? [] : [{ message: NO_END_MESSAGE }]);
      }),
      { numRuns: 300 },
    );
  });

  it("cover every event kind", () => {
    const seen = new Set<string>();
    for (const trace of fc.sample(validTraceArb({ maxSteps: 60 }), { numRuns: 200, seed: 7 })) {
      for (const e of events(trace)) seen.add(e.k);
    }
    expect([...EVENT_KINDS].filter((k) => !seen.has(k))).toEqual([]);
  });
});

describe("damaged traces never crash the reader", () => {
  const withIndex = (n: (t: GeneratedTrace) => number) =>
    validTraceArb().chain((t) => fc.tuple(fc.constant(t), fc.nat(Math.max(0, n(t) - 1))));

  it("drop a line: valid, or an error on a line in range", () => {
    fc.assert(
      fc.property(withIndex((t) => t.lines.length), ([t, i]) => {
        const lines = t.lines.filter((_, j) => j !== i);
        const result = expectWellFormedOutcome(encode(lines.map((l) => `${l}\n`).join("")));
        if (i === 0) expect(result.ok ? undefined : result.error.line).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it("swap two lines: valid, or an error on a line in range", () => {
    fc.assert(
      fc.property(
        validTraceArb().chain((t) => fc.tuple(fc.constant(t), fc.nat(t.lines.length - 1), fc.nat(t.lines.length - 1))),
        ([t, i, j]) => {
          const lines = [...t.lines];
          [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
          const result = expectWellFormedOutcome(encode(lines.map((l) => `${l}\n`).join("")));
          if (i !== j && (i === 0 || j === 0)) expect(result.ok ? undefined : result.error.line).toBe(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("flip a byte: valid, or an error on a line in range", () => {
    fc.assert(
      fc.property(
        withIndex((t) => encode(t.text).length),
        fc.integer({ min: 1, max: 255 }),
        ([t, i], x) => {
          const bytes = encode(t.text);
          bytes[i] = (bytes[i] as number) ^ x;
          expectWellFormedOutcome(bytes);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("truncate at any byte: a valid prefix with a warning, or an error on line 1", () => {
    fc.assert(
      fc.property(withIndex((t) => encode(t.text).length), ([t, cut]) => {
        const full = encode(t.text);
        const result = expectWellFormedOutcome(full.slice(0, cut));
        const headerBytes = encode(t.lines[0] as string).length;
        if (cut < headerBytes) {
          expect(result.ok ? undefined : result.error.line).toBe(1);
          return;
        }
        if (cut === full.length - 1) {
          // Only the final newline is missing: the last record is complete and kept.
          expect(result).toEqual(readTrace(full));
          return;
        }
        expect(result.ok ? undefined : result.error).toBeUndefined();
        expect(result.warnings.length).toBeGreaterThan(0);
        expect(events(t).slice(0, result.events.length)).toEqual(result.events);
        expect(result.end).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it("arbitrary bytes after a valid header: valid, or an error on a line in range", () => {
    fc.assert(
      fc.property(validTraceArb({ maxSteps: 3 }), fc.uint8Array({ maxLength: 200 }), (t, junk) => {
        expectWellFormedOutcome(new Uint8Array([...encode(t.lines[0] + "\n"), ...junk]));
      }),
      { numRuns: 300 },
    );
  });
});
