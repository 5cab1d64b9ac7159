/**
 * `model.columns` answers every field it covers with the value `model.event(i)` holds, for events
 * stored in the columns and for events kept whole (ids past Int32, panics).
 */
import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BLOCK_REASONS, EVENT_KINDS, type TraceEvent } from "../../../traces/format/schema";
import { decodeModelSnapshot, encodeModelSnapshot, loadModel, type TraceModel } from "../../../traces/model";
import { modelInternals } from "../../../traces/model/model";
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

  it("holds goroutine, object and location ids past 16 bits: each column widens at its first, the events before it unchanged", () => {
    const lines: object[] = [
      { format: "goroscope", version: 1, program: "ids.ts", clock: "virtual", seed: 0, timeUnit: "ns", epoch: 0 },
      { def: "loc", id: 7, file: "ids.ts", line: 1, col: 1, fn: "main" },
      { def: "loc", id: 40_000, file: "ids.ts", line: 2, col: 1, fn: "main" },
      { seq: 1, t: 0, g: 1, k: "chan.make", loc: 7, ch: 3, cap: 1, name: "small" },
      { seq: 2, t: 0, g: 1, k: "chan.send", loc: 7, ch: 3, len: 1, val: "a" },
      { seq: 3, t: 1, g: 1, k: "go.create", loc: 7, child: 32_767, name: "edge" },
      { seq: 4, t: 1, g: 32_767, k: "chan.recv", ch: 3, len: 0, ok: true, from: 2, val: "a" },
      { seq: 5, t: 2, g: 1, k: "go.create", child: 32_768, name: "past" },
      { seq: 6, t: 2, g: 32_768, k: "chan.make", loc: 40_000, ch: 70_000, cap: 0, name: "big" },
      { seq: 7, t: 3, g: 32_768, k: "go.block", loc: 40_000, reason: "chan.recv", on: [70_000] },
      { seq: 8, t: 4, g: 1, k: "chan.close", loc: 7, ch: 70_000 },
      { seq: 9, t: 4, g: 1, k: "go.unblock", target: 32_768 },
      { seq: 10, t: 5, g: 32_768, k: "chan.recv", ch: 70_000, len: 0, ok: false, val: "" },
      { seq: 11, t: 5, g: 1, k: "wg.make", id: 8, name: "wg" },
      { seq: 12, t: 5, g: 1, k: "wg.add", id: 8, delta: 40_000, count: 40_000 },
    ];
    const text = lines.map((l) => JSON.stringify(l)).join("\n") + "\n";
    const small = loadModel(lines.slice(0, 7).map((l) => JSON.stringify(l)).join("\n") + "\n").model;
    const store = (m: TraceModel) => modelInternals(m)!.parts.store;
    const narrow = (m: TraceModel) => [store(m).g, store(m).a, store(m).loc, store(m).b, store(m).y].map((c) => c?.constructor);
    expect(narrow(small)).toEqual([Int16Array, Int16Array, Int16Array, Int16Array, Int16Array]);
    const model = loadModel(text).model;
    expect(narrow(model)).toEqual([Int32Array, Int32Array, Int32Array, Int32Array, Int32Array]);
    expect(expectColumnsAgree(model)).toBe(12);
    expect(model.columns.count(11)).toBe(40_000);
    expect(model.columns.g(3)).toBe(32_767);
    expect(model.columns.subject(5)).toBe(70_000);
    expect(model.columns.loc(5)).toBe(40_000);
    expect(model.stateAt(7).goroutines.find((g) => g.id === 32_768)).toMatchObject({ status: "blocked", reason: "chan.recv", on: [70_000] });
    // The snapshot keeps the wide columns (and the narrow ones narrow): the same answers.
    for (const m of [small, model]) {
      const decoded = decodeModelSnapshot(encodeModelSnapshot(m));
      expect(store(decoded).g.constructor).toBe(store(m).g.constructor);
      expect(expectColumnsAgree(decoded)).toBe(m.eventCount);
    }
  });

  it("keeps a receive whose send lies more than 2^31 seqs back whole, on the fast path too", () => {
    const far = 2 ** 31 + 10;
    const lines = [
      { format: "goroscope", version: 1, program: "far.ts", clock: "virtual", seed: 0, timeUnit: "ns", epoch: 0 },
      { seq: 1, t: 0, g: 1, k: "chan.make", ch: 3, cap: 1, name: "c" },
      // In the writer's layout, so the byte scanner takes these lines.
      { seq: 5, t: 0, g: 1, k: "chan.send", ch: 3, len: 1, val: "x" },
      { seq: far, t: 1, g: 1, k: "chan.recv", ch: 3, len: 0, ok: true, from: 5, val: "x" },
      { seq: far + 1, t: 2, g: 1, k: "chan.recv", ch: 3, len: 0, ok: false, val: "" },
    ];
    const model = loadModel(lines.map((l) => JSON.stringify(l)).join("\n") + "\n").model;
    expect(expectColumnsAgree(model)).toBe(4);
    expect(model.columns.from(2)).toBe(5);
    expect(model.event(2)).toEqual(lines[3]);
    expect(decodeModelSnapshot(encodeModelSnapshot(model)).event(2)).toEqual(lines[3]);
  });
});
