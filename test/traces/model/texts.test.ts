/**
 * Values and messages the fast path stores as literals (`val`, `msg`): numbers in canonical form
 * are kept inline rather than interned, and must come back as the same strings as every other
 * literal, whatever their neighbours in the table.
 */
import { describe, expect, it } from "vitest";
import { readTrace } from "../../../traces/reader";
import { loadModel } from "../../../traces/model";
import { HEADER, traceText } from "../reader/fixtures";

const VALUES = ["0", "7", "10", "00", "007", "-1", "1.5", "1e3", "123456789", "999999999", "1234567890", "", "x", "0x", "12\\\"", " 1", "1 "];

describe("fast-path literals", () => {
  it("every value reads back as the reader reads it", () => {
    const records: object[] = [{ seq: 1, t: 0, g: 1, k: "chan.make", ch: 1, cap: 100, name: "c" }];
    let seq = 1;
    VALUES.forEach((val, j) => {
      records.push({ seq: ++seq, t: 0, g: 1, k: "chan.send", ch: 1, len: j + 1, val });
      records.push({ seq: ++seq, t: 0, g: 1, k: "log", msg: val });
    });
    VALUES.forEach((val, j) => records.push({ seq: ++seq, t: 0, g: 1, k: "chan.recv", ch: 1, len: VALUES.length - j - 1, ok: true, from: 2 + 2 * j, val }));
    const text = traceText(HEADER, ...records);
    const read = readTrace(text);
    const loaded = loadModel(text);
    expect(read.ok && loaded.ok).toBe(true);
    expect(loaded.model.eventCount).toBe(read.events.length);
    read.events.forEach((e, i) => expect(loaded.model.event(i)).toEqual(e));
  });
});
