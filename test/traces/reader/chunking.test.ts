import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTraceReader, readTrace, type ReadResult } from "../../../traces/reader";
import { validTraceArb } from "../arbitraries";
import { withPrelude, sampleEvent } from "./fixtures";

const encode = (s: string) => new TextEncoder().encode(s);

/** Cut points in [0, length], sorted and unique, as chunk boundaries. */
function cuts(length: number): fc.Arbitrary<number[]> {
  return fc.uniqueArray(fc.integer({ min: 0, max: length }), { maxLength: 30 }).map((xs) => xs.sort((a, b) => a - b));
}

function split<T extends string | Uint8Array>(input: T, at: readonly number[]): T[] {
  const pieces: T[] = [];
  let start = 0;
  for (const c of [...at, input.length]) {
    pieces.push(input.slice(start, c) as T);
    start = c;
  }
  return pieces;
}

function readChunks(chunks: readonly (string | Uint8Array)[]): ReadResult {
  const reader = createTraceReader();
  for (const c of chunks) reader.push(c);
  return reader.finish();
}

/** A valid trace's bytes, possibly damaged, with chunk boundaries anywhere (including mid-character). */
const bytesAndCuts = validTraceArb({ maxSteps: 25 }).chain((trace) => {
  const bytes = encode(trace.text);
  const damaged = fc.oneof(
    fc.constant(bytes),
    fc.integer({ min: 0, max: Math.max(0, bytes.length - 1) }).map((i) => bytes.slice(0, i)),
    fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 })).map(([i, x]) => {
      const copy = bytes.slice();
      copy[i] = (copy[i] as number) ^ x;
      return copy;
    }),
  );
  return damaged.chain((b) => fc.tuple(fc.constant(b), cuts(b.length)));
});

describe("chunk boundaries do not matter", () => {
  it("gives the same result for any split of the bytes, valid or damaged", () => {
    fc.assert(
      fc.property(bytesAndCuts, ([bytes, at]) => {
        expect(readChunks(split(bytes, at))).toEqual(readTrace(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same result for any split of the text, including between surrogate halves", () => {
    fc.assert(
      fc.property(
        validTraceArb({ maxSteps: 25 }).chain((t) => fc.tuple(fc.constant(t.text), cuts(t.text.length))),
        ([text, at]) => {
          const whole = readTrace(text);
          expect(whole.ok).toBe(true);
          expect(readChunks(split(text, at))).toEqual(whole);
          expect(readTrace(encode(text))).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reassembles a surrogate pair split across two text chunks", () => {
    const text = withPrelude(sampleEvent("log", { msg: "😀" }));
    const at = text.indexOf("😀") + 1;
    const result = readChunks([text.slice(0, at), text.slice(at)]);
    expect(result.ok && result.events.at(-1)).toMatchObject({ msg: "😀" });
  });

  it("reassembles a multibyte character split byte by byte", () => {
    const bytes = encode(withPrelude(sampleEvent("log", { msg: "€😀é" })));
    const result = readChunks(Array.from(bytes, (b) => new Uint8Array([b])));
    expect(result).toEqual(readTrace(bytes));
    expect(result.ok && result.events.at(-1)).toMatchObject({ msg: "€😀é" });
  });

  it("does not depend on the caller keeping its buffers", () => {
    const bytes = encode(withPrelude(sampleEvent("log", { msg: "reused" })));
    const reader = createTraceReader();
    const buffer = new Uint8Array(7);
    for (let i = 0; i < bytes.length; i += buffer.length) {
      const n = Math.min(buffer.length, bytes.length - i);
      buffer.set(bytes.subarray(i, i + n));
      reader.push(buffer.subarray(0, n));
      buffer.fill(0x7b);
    }
    expect(reader.finish()).toEqual(readTrace(bytes));
  });
});

describe("progress and large inputs", () => {
  it("reports the bytes consumed after every push, ending at the input size", () => {
    const text = withPrelude(sampleEvent("log", { msg: "é😀" }));
    const seen: number[] = [];
    const reader = createTraceReader({ onProgress: (n) => seen.push(n) });
    const pieces = split(text, [5, 40, 41, text.length - 3]);
    for (const p of pieces) reader.push(p);
    reader.finish();
    expect(seen).toHaveLength(pieces.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(encode(text).length);
  });

  it("keeps counting bytes after an error while ignoring the input", () => {
    const reader = createTraceReader();
    reader.push("not a trace\n");
    reader.push("é".repeat(10));
    expect(reader.bytesConsumed).toBe(12 + 20);
    expect(reader.finish()).toMatchObject({ ok: false, error: { line: 1 } });
  });

  it("reads 200,000 events in 64 KiB chunks in linear time", () => {
    const lines = [withPrelude()];
    for (let seq = 13; seq < 200_013; seq++) lines.push(`{"seq":${seq},"t":${seq},"g":1,"k":"chan.send","ch":1,"len":1,"val":"${seq}"}\n`);
    const bytes = encode(lines.join(""));
    const reader = createTraceReader();
    const started = performance.now();
    for (let i = 0; i < bytes.length; i += 65536) reader.push(bytes.subarray(i, i + 65536));
    const result = reader.finish();
    expect(result.ok && result.events.length).toBe(12 + 200_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("throws only on misuse: push after finish, or a bad line limit", () => {
    const reader = createTraceReader();
    reader.push(withPrelude());
    const result = reader.finish();
    expect(reader.finish()).toBe(result);
    expect(() => reader.push("x")).toThrow("push called after finish");
    expect(() => createTraceReader({ maxLineBytes: Number.NaN })).toThrow(RangeError);
    expect(() => createTraceReader({ maxLineBytes: 0 })).toThrow(RangeError);
  });
});

describe("chunks from a reused read buffer", () => {
  it("keeps a partial line intact when the caller overwrites its buffer after push (Node Buffer slices are views)", async () => {
    const { createTraceReader } = await import("../../../traces/reader");
    const text =
      '{"format":"goroscope","version":1,"program":"p","clock":"virtual","seed":0,"timeUnit":"ns","epoch":0}\n' +
      '{"seq":1,"t":0,"g":1,"k":"chan.make","ch":1,"cap":0,"name":"c"}\n' +
      '{"end":"main-returned","t":0,"seq":1,"exitCode":0,"goroutines":[]}\n';
    const all = Buffer.from(text);
    const reader = createTraceReader();
    const buf = Buffer.alloc(40); // one buffer reused for every "read", as an fs.readSync loop does
    for (let off = 0; off < all.length; off += buf.length) {
      const n = all.copy(buf, 0, off, off + buf.length);
      reader.push(buf.subarray(0, n));
      buf.fill(0x78); // the next read overwrites it
    }
    const r = reader.finish();
    expect(r.ok).toBe(true);
    expect(r.events).toHaveLength(1);
  });
});

describe("streaming without keeping events", () => {
  it("passes every event to onEvent in order and keeps none when keepEvents is false", async () => {
    const { createTraceReader } = await import("../../../traces/reader");
    const text =
      '{"format":"goroscope","version":1,"program":"p","clock":"virtual","seed":0,"timeUnit":"ns","epoch":0}\n' +
      '{"seq":1,"t":0,"g":1,"k":"chan.make","ch":1,"cap":1,"name":"c"}\n' +
      '{"seq":2,"t":0,"g":1,"k":"chan.send","ch":1,"len":1,"val":"1"}\n' +
      '{"end":"main-returned","t":0,"seq":2,"exitCode":0,"goroutines":[]}\n';
    const seen: number[] = [];
    const reader = createTraceReader({ keepEvents: false, onEvent: (e) => seen.push(e.seq) });
    reader.push(text);
    const r = reader.finish();
    expect(r.ok).toBe(true);
    expect(seen).toEqual([1, 2]);
    expect(r.events).toEqual([]);
  });
});
