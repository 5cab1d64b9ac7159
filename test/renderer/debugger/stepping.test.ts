/**
 * Cursor stepping over real traces (examples/bugs/ab-ba-lock.ts, seed 0): one event, the events of
 * one goroutine or object, blocks, unblocks, findings, breakpoints of every kind, continue, and
 * playback until a breakpoint.
 */
import { describe, expect, it } from "vitest";
import { advance, continueTo, createBreakpointMatcher, sameFile, stepEntity, stepEvent, stepFinding, stepKind } from "../../../renderer/src/debugger/stepping";
import { bugTrace } from "./bug-traces";

// ab-ba-lock, seed 0 (index = seq - 1):
//  0 mutex.make cache.mu   1 mutex.make store.mu   2 wg.make   3 wg.add   4 go.create syncer
//  5 wg.add   6 go.create evictor   7 main blocks (wg.wait)   8 evictor locks store.mu
//  9 evictor sleeps   10 syncer locks cache.mu   11 syncer sleeps   12 wake evictor   13 wake syncer
//  14 evictor blocks on cache.mu   15 syncer blocks on store.mu  → deadlock at seq 16
const { model, diagnostics } = bugTrace("bugs/ab-ba-lock");
const evictor = model.goroutines.find((g) => g.name === "evictor")!;
const cacheMu = model.objects.find((o) => o.name === "cache.mu")!;

describe("stepEvent", () => {
  it("moves one event and stops at both ends", () => {
    expect(model.eventCount).toBe(16);
    expect(stepEvent(model, 3, 1)).toBe(4);
    expect(stepEvent(model, 3, -1)).toBe(2);
    expect(stepEvent(model, 15, 1)).toBeUndefined();
    expect(stepEvent(model, 0, -1)).toBeUndefined();
    expect(stepEvent(model, undefined, 1)).toBe(0);
    expect(stepEvent(model, undefined, -1)).toBe(15);
  });
});

describe("stepEntity", () => {
  it("visits exactly the events of a goroutine, both ways", () => {
    const forward: number[] = [];
    for (let i = stepEntity(model, undefined, evictor, 1); i !== undefined; i = stepEntity(model, i, evictor, 1)) forward.push(i);
    expect(forward).toEqual([...model.eventsOf(evictor)]);
    expect(forward).toEqual([6, 8, 9, 12, 14]);
    const back: number[] = [];
    for (let i = stepEntity(model, undefined, evictor, -1); i !== undefined; i = stepEntity(model, i, evictor, -1)) back.push(i);
    expect(back).toEqual([...forward].reverse());
  });

  it("from an event of someone else goes to the nearest one of the entity", () => {
    expect(stepEntity(model, 10, evictor, 1)).toBe(12);
    expect(stepEntity(model, 10, evictor, -1)).toBe(9);
    expect(stepEntity(model, 12, evictor, -1)).toBe(9);
  });

  it("follows an object: make, lock, and the block naming it", () => {
    expect([...model.eventsOf(cacheMu)]).toEqual([0, 10, 14]);
    expect(stepEntity(model, 0, cacheMu, 1)).toBe(10);
    expect(stepEntity(model, 14, cacheMu, 1)).toBeUndefined();
  });
});

describe("stepKind and stepFinding", () => {
  const block = new Set(["go.block"] as const);
  const unblock = new Set(["go.unblock"] as const);
  it("finds the next and previous block and unblock", () => {
    expect(stepKind(model, undefined, block, 1)).toBe(7);
    expect(stepKind(model, 7, block, 1)).toBe(9);
    expect(stepKind(model, 12, block, 1)).toBe(14);
    expect(stepKind(model, 12, block, -1)).toBe(11);
    expect(stepKind(model, 0, unblock, 1)).toBe(12);
    expect(stepKind(model, 13, unblock, 1)).toBeUndefined();
  });

  it("goes to the finding's event (deadlock and lock-order both at seq 16)", () => {
    expect(diagnostics.map((d) => d.kind).sort()).toEqual(["deadlock", "lock-order"]);
    const seqs = diagnostics.map((d) => d.seq);
    expect(stepFinding(model, seqs, 3, 1)).toBe(15);
    expect(stepFinding(model, seqs, 15, 1)).toBeUndefined();
    expect(stepFinding(model, seqs, undefined, -1)).toBe(15);
    expect(stepFinding(model, [], 3, 1)).toBeUndefined();
  });
});

describe("breakpoints", () => {
  it("stop on an event kind", () => {
    const m = createBreakpointMatcher(model, [{ kind: "event-kind", eventKind: "mutex.lock" }]);
    expect([...Array(model.eventCount).keys()].filter((i) => m(i))).toEqual([8, 10]);
  });

  it("stop on any operation on an object, including a block naming it", () => {
    const m = createBreakpointMatcher(model, [{ kind: "object", id: cacheMu.id }]);
    expect([...Array(model.eventCount).keys()].filter((i) => m(i))).toEqual([0, 10, 14]);
  });

  it("stop on a goroutine's events, including its creation and wake-up", () => {
    const m = createBreakpointMatcher(model, [{ kind: "goroutine", id: evictor.id }]);
    expect([...Array(model.eventCount).keys()].filter((i) => m(i))).toEqual([6, 8, 9, 12, 14]);
  });

  it("stop on a source line, whatever folder the path is relative to", () => {
    const loc = model.loc(model.event(14).loc!)!; // evictor's cacheMu.lock()
    expect(loc.line).toBe(32);
    const m = createBreakpointMatcher(model, [{ kind: "line", file: `/somewhere/${loc.file}`, line: 32 }]);
    expect([...Array(model.eventCount).keys()].filter((i) => m(i))).toEqual([14]);
    expect(createBreakpointMatcher(model, [{ kind: "line", file: loc.file, line: 33 }])(14)).toBeUndefined();
    expect(sameFile("ab-ba-lock.ts", "examples/bugs/ab-ba-lock.ts")).toBe(true);
    expect(sameFile("lock.ts", "examples/bugs/ab-ba-lock.ts")).toBe(false);
  });

  it("report which breakpoint matched", () => {
    const bps = [{ kind: "event-kind", eventKind: "go.unblock" } as const, { kind: "goroutine", id: evictor.id } as const];
    const m = createBreakpointMatcher(model, bps);
    expect(m(12)).toBe(bps[0]);
    expect(m(14)).toBe(bps[1]);
    expect(m(0)).toBeUndefined();
  });
});

describe("continue and play", () => {
  const m = createBreakpointMatcher(model, [{ kind: "event-kind", eventKind: "go.unblock" }]);
  it("continue stops at the next breakpoint strictly after the cursor, both ways", () => {
    expect(continueTo(model, 0, m, 1)).toMatchObject({ index: 12 });
    expect(continueTo(model, 12, m, 1)).toMatchObject({ index: 13 });
    expect(continueTo(model, 13, m, 1)).toEqual({ index: 15, hit: undefined });
    expect(continueTo(model, 15, m, 1)).toEqual({ index: undefined, hit: undefined });
    expect(continueTo(model, 15, m, -1)).toMatchObject({ index: 13 });
    expect(continueTo(model, 5, createBreakpointMatcher(model, []), 1)).toEqual({ index: 15, hit: undefined });
  });

  it("playback advances a number of events and stops on a breakpoint", () => {
    expect(advance(model, 0, 3, m)).toEqual({ index: 3, hit: undefined, end: false });
    expect(advance(model, 10, 5, m)).toMatchObject({ index: 12, end: false });
    expect(advance(model, 10, 5, m).hit).toBeDefined();
    expect(advance(model, 13, 50, m)).toEqual({ index: 15, hit: undefined, end: true });
    expect(advance(model, undefined, 1, m)).toEqual({ index: 0, hit: undefined, end: false });
  });
});
