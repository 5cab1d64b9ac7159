import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BLOCK_REASONS, EVENT_KINDS } from "../../../traces/format/schema";
import { Literal, ShortLiteral, WordTable, lit, short } from "../../../traces/reader/byte-literals";

const encoder = new TextEncoder();

/** What `find` must answer: the index of the one word whose bytes and closing quote are at p before lim. */
function naiveFind(list: readonly string[], b: Uint8Array, p: number, lim: number): number {
  return list.findIndex((w) => {
    const bytes = encoder.encode(`${w}"`);
    if (p < 0 || p + bytes.length > lim) return false;
    return bytes.every((x, i) => b[p + i] === x);
  });
}

function check(list: readonly string[], text: string, p: number, lim: number): void {
  const bytes = encoder.encode(text);
  const table = new WordTable(list);
  const view = new DataView(bytes.buffer);
  const l = Math.min(lim, bytes.length);
  expect(table.find(view, p, l)).toBe(naiveFind(list, bytes, p, l));
}

// Words sharing their first four bytes, some sharing every offset pairwise-distinct byte (the
// fallback that compares each member), some a prefix of another.
const LISTS: readonly (readonly string[])[] = [
  EVENT_KINDS,
  BLOCK_REASONS,
  ["abcx", "abdx", "abcy", "abdy", "abcxy", "zzzz"],
  ["chan", "chan.", "chan.send", "chan.sen", "chanx"],
];

describe("WordTable.find", () => {
  it("finds each word, with its quote, and nothing when the quote or a byte is missing", () => {
    for (const list of LISTS) {
      list.forEach((w, i) => {
        const table = new WordTable(list);
        const ok = encoder.encode(`${w}"}\n`);
        expect(table.find(new DataView(ok.buffer), 0, ok.length)).toBe(i);
        const cut = encoder.encode(`${w}`);
        expect(table.find(new DataView(cut.buffer), 0, cut.length)).toBe(-1);
        expect(table.find(new DataView(ok.buffer), 0, w.length)).toBe(-1);
      });
    }
  });

  it("answers as comparing every word would, for any bytes near the words", () => {
    const alphabet = [...new Set(LISTS.flat().join("") + '"x}\n')];
    for (const list of LISTS) {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.constantFrom(...list).chain((w) =>
              fc.tuple(fc.nat(w.length + 1), fc.constantFrom(...alphabet), fc.string({ maxLength: 4 })).map(
                ([at, c, tail]) => `${w}"${tail}`.slice(0, at) + c + `${w}"${tail}`.slice(at + 1),
              ),
            ),
            fc.array(fc.constantFrom(...alphabet), { maxLength: 20 }).map((cs) => cs.join("")),
          ),
          fc.nat(3),
          fc.nat(24),
          (text, p, lim) => check(list, text, Math.min(p, text.length), lim),
        ),
        { numRuns: 3000 },
      );
    }
  });
});

describe("lit and short", () => {
  /** The literal's bytes at p, wholly before lim (p may be -1). */
  const naive = (b: Uint8Array, p: number, lim: number, text: string) => {
    const bytes = encoder.encode(text);
    return p >= 0 && p + bytes.length <= lim && bytes.every((x, i) => b[p + i] === x) ? p + bytes.length : -1;
  };

  it("match exactly the literal's bytes before lim, whatever one byte of it differs", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 4, maxLength: 16, unit: fc.constantFrom("a", "b", '"', ",", ":", "{") }),
        fc.nat(20), fc.nat(20), fc.integer({ min: -1, max: 16 }), fc.nat(255),
        (text, before, after, change, byte) => {
          const bytes = new Uint8Array(before + text.length + after);
          bytes.set(encoder.encode(text), before);
          if (change >= 0 && change < text.length) bytes[before + change] = byte;
          const v = new DataView(bytes.buffer);
          const long = new Literal(text);
          for (const lim of [bytes.length, before + text.length, before + text.length - 1]) {
            for (const p of [-1, before, before + 1]) {
              expect(lit(v, p, lim, long)).toBe(naive(bytes, p, lim, text));
              if (text.length <= 8) expect(short(v, p, lim, new ShortLiteral(text))).toBe(naive(bytes, p, lim, text));
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("a ShortLiteral has at most 8 bytes", () => {
    expect(() => new ShortLiteral('"12345678')).toThrow(RangeError);
    expect(new ShortLiteral("12345678").n).toBe(8);
  });
});

