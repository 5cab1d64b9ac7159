// The shared-memory pipe between the worker and the CLI: framing, order, wrap-around, chunking.
import { describe, expect, it } from "vitest";
import { RecordKind, createPipeBuffer, createPipeReader, createPipeWriter } from "../../main/services/pipe";

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

function drainAll(reader: ReturnType<typeof createPipeReader>): Array<[RecordKind, string]> {
  const got: Array<[RecordKind, string]> = [];
  reader.drain((kind, payload) => got.push([kind, text(payload)]));
  return got;
}

describe("pipe", () => {
  it("delivers records in order, with their kinds", () => {
    const buffer = createPipeBuffer(64);
    const writer = createPipeWriter(buffer);
    const reader = createPipeReader(buffer);
    writer.write(RecordKind.Stdout, "out\n");
    writer.write(RecordKind.TraceLine, '{"seq":1}\n');
    writer.write(RecordKind.Stderr, new Uint8Array([0x68, 0x69]));
    expect(drainAll(reader)).toEqual([
      [RecordKind.Stdout, "out\n"],
      [RecordKind.TraceLine, '{"seq":1}\n'],
      [RecordKind.Stderr, "hi"],
    ]);
    expect(drainAll(reader)).toEqual([]);
  });

  it("wraps around the end of the ring, headers and payloads alike", () => {
    // 128 bytes: records up to 27 bytes stay whole, and 200 of them wrap the ring many times.
    const buffer = createPipeBuffer(128);
    const writer = createPipeWriter(buffer);
    const reader = createPipeReader(buffer);
    const sent: string[] = [];
    for (let i = 0; i < 200; i++) {
      const line = `line ${i} é\n`;
      writer.write(RecordKind.TraceLine, line);
      sent.push(line);
      if (i % 3 === 2) expect(drainAll(reader).map(([, t]) => t)).toEqual(sent.splice(0));
    }
    expect(drainAll(reader).map(([, t]) => t)).toEqual(sent);
  });

  it("splits a payload larger than a quarter of the ring into records of the same kind", () => {
    const buffer = createPipeBuffer(256);
    const writer = createPipeWriter(buffer);
    const reader = createPipeReader(buffer);
    const big = "x".repeat(100);
    writer.write(RecordKind.Stdout, big);
    const got = drainAll(reader);
    expect(got.length).toBeGreaterThan(1);
    expect(got.every(([k]) => k === RecordKind.Stdout)).toBe(true);
    expect(got.map(([, t]) => t).join("")).toBe(big);
  });

  it("wakes a waiting reader when the writer publishes", async () => {
    const buffer = createPipeBuffer(64);
    const writer = createPipeWriter(buffer);
    const reader = createPipeReader(buffer);
    const started = Date.now();
    const woken = reader.waitForData(5_000);
    setTimeout(() => writer.write(RecordKind.Stdout, "now"), 20);
    await woken;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(drainAll(reader)).toEqual([[RecordKind.Stdout, "now"]]);
  });

  it("rejects a capacity that is not a power of two", () => {
    expect(() => createPipeBuffer(100)).toThrow(RangeError);
  });
});
