import { describe, expect, it } from "vitest";
import { createLineScanner } from "../../../traces/reader/line-scanner";

function collect(chunks: readonly (string | Uint8Array)[], maxLineBytes = 100) {
  const lines: [number, string, boolean][] = [];
  const tooLong: number[] = [];
  const splitter = createLineScanner({
    maxLineBytes,
    onLine: (n, bytes, start, end, terminated) => lines.push([n, new TextDecoder().decode(bytes.subarray(start, end)), terminated]),
    onTooLong: (n) => tooLong.push(n),
  });
  for (const c of chunks) splitter.push(c);
  splitter.finish();
  return { lines, tooLong, bytes: splitter.bytesConsumed };
}

describe("createLineScanner", () => {
  const cases: readonly (readonly [string, readonly string[], readonly [number, string, boolean][]])[] = [
    ["one chunk", ["a\nb\n"], [[1, "a", true], [2, "b", true]]],
    ["a line across chunks", ["a", "b", "c\nd\n"], [[1, "abc", true], [2, "d", true]]],
    ["empty lines", ["\n\n"], [[1, "", true], [2, "", true]]],
    ["an unterminated last line", ["a\nb"], [[1, "a", true], [2, "b", false]]],
    ["a newline alone in its chunk", ["a", "\n", "b"], [[1, "a", true], [2, "b", false]]],
    ["no input", [], []],
    ["empty chunks", ["", "a", "", "\n"], [[1, "a", true]]],
  ];
  it.each(cases)("splits %s", (_, chunks, expected) => {
    expect(collect(chunks).lines).toEqual(expected);
  });

  it("mixes text and byte chunks", () => {
    const euro = new TextEncoder().encode("€");
    expect(collect(["x", euro.subarray(0, 1), euro.subarray(1), "y\n"]).lines).toEqual([[1, "x€y", true]]);
  });

  it("turns a lone high surrogate at the very end into U+FFFD, as TextEncoder would", () => {
    expect(collect(["a\n\ud83d"])).toMatchObject({ lines: [[1, "a", true], [2, "\ufffd", false]], bytes: 5 });
  });

  it("reports an over-long line once, by number, and then ignores everything", () => {
    const result = collect(["ok\n", "x".repeat(60), "x".repeat(60), "\nmore\n"], 100);
    expect(result.lines).toEqual([[1, "ok", true]]);
    expect(result.tooLong).toEqual([2]);
    expect(result.bytes).toBe(3 + 120 + 6);
  });

  it("measures the limit in UTF-8 bytes, not characters", () => {
    expect(collect(["é".repeat(50) + "\n"], 100).tooLong).toEqual([]);
    expect(collect(["é".repeat(51) + "\n"], 100).tooLong).toEqual([1]);
  });
});
