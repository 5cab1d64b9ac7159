/** The pending selects and sends of the validation state, on dense and on large (Map-held) ids alike. */
import { describe, expect, it } from "vitest";
import { PendingSelects } from "../../../traces/reader/pending-selects";
import { PendingSends } from "../../../traces/reader/pending-sends";

const IDS = [0, 1, 63, 64, 5000, (1 << 20) - 1, 1 << 20, 2 ** 40];

describe("pending selects", () => {
  it.each(IDS)("goroutine %d: none, then begun, replaced and ended", (g) => {
    const p = new PendingSelects();
    expect([p.casesOf(g), p.hasDefault(g)]).toEqual([-1, false]);
    p.begin(g, 0, true);
    expect([p.casesOf(g), p.hasDefault(g)]).toEqual([0, true]);
    p.begin(g, 3, false);
    expect([p.casesOf(g), p.hasDefault(g)]).toEqual([3, false]);
    expect(p.casesOf(g + 1)).toBe(-1);
    p.end(g);
    expect([p.casesOf(g), p.hasDefault(g)]).toEqual([-1, false]);
    p.end(g);
    expect(p.casesOf(g)).toBe(-1);
  });
});

describe("pending sends", () => {
  it.each(IDS.filter((id) => id > 0))("channel %d: FIFO, out of order, bounded", (ch) => {
    const p = new PendingSends();
    p.add(ch, 1); // not opened: ignored
    expect(p.has(ch, 1)).toBe(false);
    p.open(ch, 2);
    for (let seq = 10; seq < 20; seq++) p.add(ch, seq);
    expect(p.size).toBe(10);
    p.take(ch, 15);
    expect([p.has(ch, 15), p.has(ch, 14), p.has(ch, 16)]).toEqual([false, true, true]);
    p.take(ch, 10);
    expect([p.has(ch, 10), p.has(ch, 11), p.size]).toEqual([false, true, 8]);
    for (let seq = 20; seq < 200; seq++) p.add(ch, seq);
    expect(p.size).toBe(2 + 64);
    expect([p.has(ch, 133), p.has(ch, 134), p.has(ch, 199)]).toEqual([false, true, true]);
  });
});
