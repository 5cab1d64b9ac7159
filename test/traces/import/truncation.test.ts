import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createGoTraceImporter, importGoTrace } from "../../../traces/import";
import { readTrace } from "../../../traces/reader";
import { FIXTURES, fixtureBytes, importFixture, jsonl } from "./helpers";

const V1 = FIXTURES.filter((f) => f.startsWith("go119") || f.startsWith("go121"));
const V2 = FIXTURES.filter((f) => f.startsWith("go122") || f.startsWith("go123"));

/** The lines always form a valid Goroscope trace (a header and a valid prefix of events). */
function expectValidLines(lines: readonly string[]): void {
  if (lines.length === 0) return;
  const read = readTrace(lines.join("\n") + "\n");
  expect(read.ok ? undefined : read.error).toBeUndefined();
}

describe("a pre-1.22 trace cut short", () => {
  it.each(V1)("%s: is an error with the byte offset at every cut, and never throws", (name) => {
    const bytes = fixtureBytes(name);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), (cut) => {
        const r = importGoTrace(bytes.subarray(0, cut));
        expect(r.ok).toBe(false);
        expect(r.error!.offset).toBeGreaterThanOrEqual(0);
        expect(r.error!.offset).toBeLessThanOrEqual(cut);
        expect(r.error!.message).not.toBe("");
        expectValidLines(r.lines);
      }),
      { numRuns: 150 },
    );
  });

  it("says why: the tables Go writes at trace.Stop are missing", () => {
    const bytes = fixtureBytes("go119/workerpool");
    const r = importGoTrace(bytes.subarray(0, 2000));
    expect(r.error!.message).toMatch(/^trace cut short at byte \d+ .*stack table and clock frequency at the end/);
    expect(r.lines.length).toBeGreaterThan(1); // the events that could be ordered, without stacks
  });

  it("a header-only file (a program that exited without trace.Stop) is an empty trace", () => {
    const r = importGoTrace(fixtureBytes("go119/leak").subarray(0, 16));
    expect(r.error).toEqual({ offset: 16, message: "trace is empty: no events (did the program exit before trace.Stop?)" });
  });
});

/** Re-frames a one-generation trace as two: the batches again, as generation 2, `shift` clock units later. */
function twoGenerations(bytes: Uint8Array, shift: number): { bytes: Uint8Array; gen2: number } {
  const out: number[] = [...bytes];
  const gen2 = out.length;
  let p = 16;
  const uv = (): number => {
    let v = 0;
    let s = 1;
    for (;;) {
      const b = bytes[p++]!;
      v += (b & 0x7f) * s;
      if (b < 0x80) return v;
      s *= 128;
    }
  };
  const put = (v: number): void => {
    while (v >= 0x80) {
      out.push((v % 128) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
  };
  while (p < bytes.length) {
    expect(bytes[p++]).toBe(1); // EventBatch
    expect(uv()).toBe(1);
    const m = uv();
    const time = uv();
    const size = uv();
    out.push(1);
    put(2);
    put(m);
    put(time + shift);
    put(size);
    for (let i = 0; i < size; i++) out.push(bytes[p + i]!);
    p += size;
  }
  return { bytes: new Uint8Array(out), gen2 };
}

describe("a 1.22+ trace cut short", () => {
  it.each(V2)("%s: never throws at any cut; the lines stay a valid trace", (name) => {
    const bytes = fixtureBytes(name);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), (cut) => {
        const r = importGoTrace(bytes.subarray(0, cut));
        if (cut < 16) expect(r.error).toBeDefined();
        else if (r.ok) expect(r.warnings.join("\n")).toMatch(/cut short|incomplete/);
        else expect(r.error!.offset).toBeLessThanOrEqual(cut);
        expectValidLines(r.lines);
      }),
      { numRuns: 150 },
    );
  });

  it("keeps its complete generations, with a warning", () => {
    const one = importGoTrace(fixtureBytes("go123/workerpool"));
    const { bytes, gen2 } = twoGenerations(fixtureBytes("go123/workerpool"), 1e9);
    const both = importGoTrace(bytes);
    expect(both.ok).toBe(true);
    expect(both.lines.length).toBeGreaterThan(one.lines.length);
    expect(both.lines.slice(0, one.lines.length)).toEqual(one.lines);
    fc.assert(
      fc.property(fc.integer({ min: gen2 + 1, max: bytes.length - 1 }), (cut) => {
        const r = importGoTrace(bytes.subarray(0, cut));
        expect(r.ok).toBe(true);
        expect(r.lines.slice(0, one.lines.length)).toEqual(one.lines);
        expect(r.warnings.some((w) => /generation 2|cut short/.test(w))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("a corrupt byte", () => {
  it.each(FIXTURES)("%s: an unknown event type is an error at its offset, keeping what came before", (name) => {
    const whole = importFixture(name, { keepGoEvents: true });
    const events = whole.goEvents!;
    const victim = events[Math.floor(events.length / 2)]!;
    const bytes = fixtureBytes(name).slice();
    bytes[victim.off] = 0x3f; // type 63: unused in both formats, argument code 0
    const r = importGoTrace(bytes);
    expect(r.ok).toBe(false);
    expect(r.error).toEqual({ offset: victim.off, message: expect.stringContaining(`unknown event type 63 at byte ${victim.off}`) });
    expectValidLines(r.lines);
  });

  it.each(FIXTURES)("%s: any flipped byte never throws or hangs", (name) => {
    const bytes = fixtureBytes(name);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 }), (at, value) => {
        const b = bytes.slice();
        b[at] = value;
        const r = importGoTrace(b);
        if (!r.ok) expect(r.error!.offset).toBeLessThanOrEqual(b.length);
        expectValidLines(r.lines);
      }),
      { numRuns: 60 },
    );
  });
});

describe("streaming", () => {
  it.each(["go119/mutex", "go123/workerpool"])("%s: any chunking gives the same lines, with progress in bytes", (name) => {
    const bytes = fixtureBytes(name);
    const whole = importGoTrace(bytes);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const progress: number[] = [];
        const importer = createGoTraceImporter({ onProgress: (n) => progress.push(n) });
        for (let i = 1; i < at.length; i++) importer.push(bytes.subarray(at[i - 1], at[i]));
        const r = importer.finish();
        expect(r.lines).toEqual(whole.lines);
        expect(progress.at(-1)).toBe(bytes.length);
        for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]!);
      }),
      { numRuns: 40 },
    );
  });
});

describe("the header", () => {
  const header = (text: string): Uint8Array => {
    const b = new Uint8Array(64);
    b.set(new TextEncoder().encode(text));
    return b;
  };

  it.each([
    ["go 1.10 trace", "Go 1.10 trace format is too old: this importer reads traces from Go 1.11 and later (header \"go 1.10 trace\")"],
    ["go 1.5 trace", "Go 1.5 trace format is too old: this importer reads traces from Go 1.11 and later (header \"go 1.5 trace\")"],
    ["go 1.24 trace", "unknown Go trace format version 1.24 (this importer reads 1.11, 1.19, 1.21, 1.22, 1.23 and 1.25)"],
    ["{\"format\":\"goroscope\"}", "not a Go execution trace (no \"go 1.N trace\" header)"],
  ])("%s is refused with a clear message", (text, message) => {
    expect(importGoTrace(header(text)).error).toEqual({ offset: 0, message });
  });

  it("an empty file, or one cut in its header, is an error", () => {
    expect(importGoTrace(new Uint8Array(0)).error).toEqual({ offset: 0, message: "empty file: not a Go execution trace" });
    expect(importGoTrace(fixtureBytes("go122/leak").subarray(0, 7)).error).toEqual({ offset: 7, message: "trace cut short in its 16-byte header (7 bytes)" });
  });
});

describe("importing a trace the model and reader agree on", () => {
  it("jsonl of a fixture has one line per record", () => {
    const r = importFixture("go121/selecttimeout");
    expect(jsonl(r).split("\n").length).toBe(r.lines.length + 1);
  });
});
