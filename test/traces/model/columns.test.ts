/**
 * `model.columns` answers every field it covers with the value `model.event(i)` holds, for events
 * stored in the columns and for events kept whole (ids past Int32, panics).
 */
import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BLOCK_REASONS, EVENT_KINDS, type TraceEvent } from "../../../traces/format/schema";
import { loadModel, type TraceModel } from "../../../traces/model";
import { validTraceArb } from "../arbitraries";

/** Checks every accessor of every event against the event object. */
function expectColumnsAgree(model: TraceModel): number {
  const cols = model.columns;
  expect(cols.length).toBe(model.eventCount);
  for (let i = 0; i < model.eventCount; i++) {
    const e = model.event(i) as TraceEvent & Record<string, unknown>;
    expect(EVENT_KINDS[cols.kind(i)]).toBe(e.k);
    expect(cols.g(i)).toBe(e.g);
    expect(cols.time(i)).toBe(e.t);
    expect(cols.loc(i)).toBe(e.loc ?? 0);
    const subject = e.child ?? e.target ?? e.id ?? e.ctx ?? e.ch;
    if (subject !== undefined) expect(cols.subject(i)).toBe(subject);
    if (e.k === "chan.send" || e.k === "chan.recv") expect(cols.len(i)).toBe(e.len);
    if (e.k === "chan.recv") expect(cols.from(i)).toBe(e.from ?? 0);
    if (e.k === "wg.add") expect(cols.count(i)).toBe(e.count);
    if (e.k === "rwmutex.lock" || e.k === "rwmutex.unlock") expect(cols.read(i)).toBe(e.read);
    if (e.k === "go.block") {
      expect(BLOCK_REASONS[cols.reason(i)]).toBe(e.reason);
      expect(Array.from({ length: cols.onCount(i) }, (_, j) => cols.on(i, j))).toEqual(e.on);
    }
  }
  return model.eventCount;
}

describe("model.columns", () => {
  it("agrees with model.event on generated traces", () => {
    fc.assert(
      fc.property(validTraceArb({ maxSteps: 60 }), (trace) => {
        expectColumnsAgree(loadModel(trace.text).model);
      }),
      { numRuns: 150 },
    );
  });

  it("agrees with model.event on every bundled sample", () => {
    for (const name of ["deadlock", "leak", "lock-order", "rwmutex-readers", "worker-pool-results", "worker-pools", "context-leak"]) {
      const text = fs.readFileSync(new URL(`../../../traces/samples/${name}.jsonl`, import.meta.url), "utf8");
      expect(expectColumnsAgree(loadModel(text).model)).toBeGreaterThan(10);
    }
  });

  it("answers events kept whole from the whole event", () => {
    const big = 2 ** 31 + 5;
    const lines = [
      { format: "goroscope", version: 1, program: "big.ts", clock: "virtual", seed: 0, timeUnit: "ns", epoch: 0 },
      { seq: 1, t: 0, g: 1, k: "chan.make", ch: big, cap: 1, name: "c" },
      { seq: 2, t: 5, g: 1, k: "go.create", child: big + 1, name: "w" },
      { seq: 3, t: 6, g: big + 1, k: "chan.send", ch: big, len: 1, val: "1" },
      { seq: 4, t: 7, g: 1, k: "chan.recv", ch: big, len: 0, ok: true, from: 3, val: "1" },
      { seq: 5, t: 8, g: 1, k: "go.block", reason: "chan.recv", on: [big] },
      { seq: 6, t: 9, g: big + 1, k: "go.unblock", target: 1 },
      { seq: 7, t: 9, g: big + 1, k: "go.panic", msg: "boom", stack: ["s"] },
    ];
    const model = loadModel(lines.map((l) => JSON.stringify(l)).join("\n") + "\n").model;
    expect(model.eventCount).toBe(7);
    expect(expectColumnsAgree(model)).toBe(7);
    expect(model.columns.subject(0)).toBe(big);
    expect(model.columns.g(2)).toBe(big + 1);
    expect(model.columns.on(4, 0)).toBe(big);
  });
});
