/** A receive's `from` must name a send still waiting to be received, and the reader remembers only those (bounded by capacity). */
import { describe, expect, it } from "vitest";
import { createTraceReader, readTrace } from "../../../traces/reader";
import { PendingSends, SLACK } from "../../../traces/reader/pending-sends";
import { loadModel } from "../../../traces/model";
import { HEADER, traceText } from "./fixtures";

const make = (cap: number) => ({ seq: 1, t: 0, g: 1, k: "chan.make", ch: 1, cap, name: "c" });
const send = (seq: number, len = 0) => ({ seq, t: 0, g: 1, k: "chan.send", ch: 1, len, val: "1" });
const recv = (seq: number, from: number) => ({ seq, t: 0, g: 1, k: "chan.recv", ch: 1, len: 0, ok: true, from, val: "1" });

describe("pending sends", () => {
  it("a send can be received once", () => {
    const twice = traceText(HEADER, make(0), send(2), recv(3, 2), recv(4, 2));
    for (const r of [readTrace(twice), loadModel(twice)]) {
      expect(r.ok ? undefined : r.error.message).toBe('line 5: chan.recv "from" 2 is not the seq of an earlier chan.send on channel 1 still waiting to be received');
    }
  });

  it("receives may take sends out of order (select, several senders)", () => {
    const text = traceText(HEADER, make(2), send(2, 1), send(3, 2), recv(4, 3), recv(5, 2));
    expect(readTrace(text).ok).toBe(true);
    expect(loadModel(text).ok).toBe(true);
  });

  it("keeps at most cap + SLACK unreceived sends per channel, however long the trace", () => {
    const p = new PendingSends();
    p.open(1, 4);
    for (let seq = 1; seq <= 100_000; seq++) p.add(1, seq);
    expect(p.size).toBe(4 + SLACK);
    expect(p.has(1, 100_000 - 4 - SLACK)).toBe(false);
    expect(p.has(1, 100_000 - 4 - SLACK + 1)).toBe(true);
  });

  it("the streaming reader over 200k unreceived sends stays bounded and rejects a receive of a forgotten one", () => {
    const reader = createTraceReader({ keepEvents: false });
    reader.push(traceText(HEADER, make(0)));
    for (let seq = 2; seq < 200_000; seq++) reader.push(traceText(send(seq)));
    reader.push(traceText(recv(200_000, 2)));
    const r = reader.finish();
    expect(r.ok ? undefined : r.error.line).toBe(200_001);
  });
});
