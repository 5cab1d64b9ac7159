import { describe, expect, it } from "vitest";
import { loadModel, type ModelState, type TraceModel } from "../../../traces/model";

/** docs/trace-format.md's example, `examples/ping.ts` with seed 42. */
export const PING = `{"format":"goroscope","version":1,"program":"examples/ping.ts","clock":"virtual","seed":42,"timeUnit":"ns","epoch":1257894000000}
{"def":"loc","id":1,"file":"examples/ping.ts","line":4,"col":14,"fn":"main"}
{"seq":1,"t":0,"g":1,"k":"chan.make","loc":1,"ch":1,"cap":0,"name":"ch"}
{"def":"loc","id":2,"file":"examples/ping.ts","line":5,"col":3,"fn":"main"}
{"seq":2,"t":0,"g":1,"k":"go.create","loc":2,"child":2,"name":"worker"}
{"def":"loc","id":3,"file":"examples/ping.ts","line":10,"col":19,"fn":"main"}
{"seq":3,"t":0,"g":1,"k":"go.block","loc":3,"reason":"chan.recv","on":[1]}
{"def":"loc","id":4,"file":"examples/ping.ts","line":6,"col":11,"fn":"worker"}
{"seq":4,"t":0,"g":2,"k":"timer.make","loc":4,"id":2,"when":1000000,"period":0,"name":"sleep"}
{"seq":5,"t":0,"g":2,"k":"go.block","loc":4,"reason":"sleep","on":[2]}
{"seq":6,"t":1000000,"g":0,"k":"timer.fire","id":2}
{"seq":7,"t":1000000,"g":0,"k":"go.unblock","target":2}
{"def":"loc","id":5,"file":"examples/ping.ts","line":7,"col":14,"fn":"worker"}
{"seq":8,"t":1000000,"g":2,"k":"chan.send","loc":5,"ch":1,"len":0,"val":"\\"ping\\""}
{"seq":9,"t":1000000,"g":2,"k":"go.unblock","loc":5,"target":1}
{"seq":10,"t":1000000,"g":2,"k":"go.end"}
{"seq":11,"t":1000000,"g":1,"k":"chan.recv","loc":3,"ch":1,"len":0,"ok":true,"from":8,"val":"\\"ping\\""}
{"def":"loc","id":6,"file":"examples/ping.ts","line":11,"col":3,"fn":"main"}
{"seq":12,"t":1000000,"g":1,"k":"log","loc":6,"msg":"got ping"}
{"seq":13,"t":1000000,"g":1,"k":"main.return"}
{"end":"main-returned","t":1000000,"seq":13,"exitCode":0,"goroutines":[]}
`;

const HEAD = `{"format":"goroscope","version":1,"program":"t","clock":"virtual","seed":0,"timeUnit":"ns","epoch":0}\n`;

/** A trace from event lines without seq/t: they are numbered from 1 at t = 10 * seq. */
export function trace(...events: string[]): string {
  return HEAD + events.map((e, i) => `{"seq":${i + 1},"t":${10 * (i + 1)},${e.slice(1)}\n`).join("");
}

export function load(text: string, checkpointInterval?: number): TraceModel {
  const r = loadModel(text, { checkpointInterval });
  if (!r.ok) throw new Error(r.error.message);
  return r.model;
}

const g = (s: ModelState, id: number) => s.goroutines.find((x) => x.id === id);
const statuses = (s: ModelState) => Object.fromEntries(s.goroutines.map((x) => [x.id, x.status]));

describe("goroutine states (the ping example)", () => {
  const m = load(PING);

  it("lists goroutines, objects and locations", () => {
    expect(m.eventCount).toBe(13);
    expect(m.goroutines.map((x) => [x.id, x.name, x.createdSeq, x.endedSeq])).toEqual([[1, "main", 0, 13], [2, "worker", 2, 10]]);
    expect(m.objects.map((o) => [o.id, o.kind, o.name])).toEqual([[1, "chan", "ch"], [2, "timer", "sleep"]]);
    expect(m.end?.end).toBe("main-returned");
  });

  it("follows running, runnable, blocked, sleeping and done", () => {
    expect(statuses(m.stateAt(0))).toEqual({ 1: "runnable" });
    expect(statuses(m.stateAt(1))).toEqual({ 1: "running" });
    expect(statuses(m.stateAt(2))).toEqual({ 1: "running", 2: "runnable" });
    expect(statuses(m.stateAt(3))).toEqual({ 1: "blocked", 2: "runnable" });
    expect(statuses(m.stateAt(4))).toEqual({ 1: "blocked", 2: "running" });
    expect(statuses(m.stateAt(5))).toEqual({ 1: "blocked", 2: "sleeping" });
    expect(statuses(m.stateAt(7))).toEqual({ 1: "blocked", 2: "runnable" });
    expect(statuses(m.stateAt(8))).toEqual({ 1: "blocked", 2: "running" });
    expect(statuses(m.stateAt(9))).toEqual({ 1: "runnable", 2: "running" });
    expect(statuses(m.stateAt(10))).toEqual({ 1: "runnable", 2: "done" });
    expect(statuses(m.stateAt(11))).toEqual({ 1: "running", 2: "done" });
    expect(statuses(m.stateAt(13))).toEqual({ 1: "done", 2: "done" });
  });

  it("reports the reason, objects and location of a block", () => {
    const s = m.stateAt(5);
    expect(g(s, 1)).toMatchObject({ reason: "chan.recv", on: [1], blockedSeq: 3, loc: { line: 10, col: 19, fn: "main" } });
    expect(g(s, 2)).toMatchObject({ status: "sleeping", reason: "sleep", on: [2], blockedSeq: 5, loc: { line: 6, fn: "worker" } });
    expect(s.channels).toEqual([{ id: 1, name: "ch", len: 0, cap: 0, closed: false, buffer: [], sendq: [], recvq: [1] }]);
    // main stays in the recvq until the worker's go.unblock (seq 9) makes it runnable
    expect(m.stateAt(8).channels[0]!.recvq).toEqual([1]);
    expect(m.stateAt(9).channels[0]!.recvq).toEqual([]);
  });

  it("answers seqAtTime, indexOfSeq and eventsOf", () => {
    expect(m.seqAtTime(-1)).toBe(0);
    expect(m.seqAtTime(0)).toBe(5);
    expect(m.seqAtTime(999_999)).toBe(5);
    expect(m.seqAtTime(1e9)).toBe(13);
    expect(m.indexOfSeq(0)).toBe(-1);
    expect(m.indexOfSeq(13)).toBe(12);
    expect(m.indexOfSeq(99)).toBe(12);
    const worker = m.goroutine(2)!;
    expect([...m.eventsOf(worker)].map((i) => m.seqOf(i))).toEqual([2, 4, 5, 7, 8, 9, 10]);
    expect([...m.eventsOf(m.object(1)!)].map((i) => m.seqOf(i))).toEqual([1, 3, 8, 11]);
    expect(m.event(7)).toEqual({ seq: 8, t: 1000000, g: 2, k: "chan.send", loc: 5, ch: 1, len: 0, val: '"ping"' });
  });
});

describe("running and runnable", () => {
  it("one goroutine runs at a time; yield makes it runnable", () => {
    const m = load(trace(
      `{"g":1,"k":"go.create","child":2,"name":"a"}`,
      `{"g":1,"k":"go.yield"}`,
      `{"g":2,"k":"log","msg":"hi"}`,
      `{"g":1,"k":"log","msg":"back"}`,
    ));
    expect(statuses(m.stateAt(2))).toEqual({ 1: "runnable", 2: "runnable" });
    expect(statuses(m.stateAt(3))).toEqual({ 1: "runnable", 2: "running" });
    expect(statuses(m.stateAt(4))).toEqual({ 1: "running", 2: "runnable" });
  });

  it("events of the runtime (g 0) make nothing run", () => {
    const m = load(trace(`{"g":1,"k":"go.block","reason":"sleep","on":[],"until":50}`, `{"g":0,"k":"go.unblock","target":1}`));
    expect(g(m.stateAt(1), 1)).toMatchObject({ status: "sleeping", reason: "sleep", until: 50 });
    expect(statuses(m.stateAt(2))).toEqual({ 1: "runnable" });
  });
});

describe("completions on behalf of a blocked goroutine", () => {
  const RW = trace(
    `{"g":1,"k":"rwmutex.make","id":1,"name":"rw"}`,
    `{"g":1,"k":"rwmutex.lock","id":1,"read":false}`,
    `{"g":1,"k":"go.create","child":2,"name":"reader"}`,
    `{"g":2,"k":"go.block","reason":"rwmutex.rlock","on":[1]}`,
    `{"g":1,"k":"rwmutex.unlock","id":1,"read":false}`,
    `{"g":2,"k":"rwmutex.lock","id":1,"read":true}`,
    `{"g":1,"k":"go.unblock","target":2}`,
    `{"g":2,"k":"rwmutex.unlock","id":1,"read":true}`,
  );
  const m = load(RW);

  it("a reader admitted by the writer's unlock holds the lock but stays blocked until woken", () => {
    expect(m.stateAt(4).locks[0]).toEqual({ id: 1, kind: "rwmutex", name: "rw", holder: 1, readers: [], waiters: [2] });
    expect(m.stateAt(6).locks[0]).toMatchObject({ holder: undefined, readers: [2], waiters: [] });
    expect(statuses(m.stateAt(6))).toEqual({ 1: "running", 2: "blocked" });
    expect(statuses(m.stateAt(7))).toEqual({ 1: "running", 2: "runnable" });
    expect(statuses(m.stateAt(8))).toEqual({ 1: "runnable", 2: "running" });
    expect(m.stateAt(8).locks[0]).toMatchObject({ readers: [] });
  });
});

describe("channel buffers", () => {
  it("resynchronise to an inconsistent len, padding with unknown values", () => {
    const m = load(trace(
      `{"g":1,"k":"chan.make","ch":1,"cap":3,"name":"c"}`,
      `{"g":1,"k":"chan.send","ch":1,"len":2,"val":"b"}`,
      `{"g":1,"k":"chan.recv","ch":1,"len":0,"ok":true,"val":"x"}`,
    ));
    expect(m.stateAt(2).channels[0]).toMatchObject({ len: 2, buffer: [{ val: "?", sendSeq: 0 }, { val: "b", sendSeq: 2 }] });
    expect(m.stateAt(3).channels[0]).toMatchObject({ len: 0, buffer: [] });
  });
});

describe("unusual but valid traces", () => {
  it("seq with gaps: indexOfSeq and stateAt use the last event at or before the seq", () => {
    const text = HEAD + [
      `{"seq":5,"t":0,"g":1,"k":"wg.make","id":1,"name":"wg"}`,
      `{"seq":9,"t":3,"g":1,"k":"wg.add","id":1,"delta":2,"count":2}`,
      `{"seq":20,"t":3,"g":1,"k":"wg.add","id":1,"delta":-1,"count":1}`,
    ].join("\n") + "\n";
    const m = load(text, 2);
    expect([0, 1, 2].map((i) => m.seqOf(i))).toEqual([5, 9, 20]);
    expect(m.indexOfSeq(4)).toBe(-1);
    expect(m.indexOfSeq(10)).toBe(1);
    expect(m.stateAt(19).waitGroups).toEqual([{ id: 1, name: "wg", counter: 2, waiters: [] }]);
    expect(m.stateAt(20).waitGroups[0]!.counter).toBe(1);
    expect(m.seqAtTime(3)).toBe(20);
  });

  it("ids past Int32 and panics are kept whole and round-trip", () => {
    const m = load(trace(
      `{"g":1,"k":"chan.make","ch":3000000000,"cap":1,"name":"big"}`,
      `{"g":1,"k":"chan.send","ch":3000000000,"len":1,"val":"v"}`,
      `{"g":1,"k":"go.panic","msg":"boom","stack":["main"],"fatal":true}`,
    ));
    expect(m.event(0)).toEqual({ seq: 1, t: 10, g: 1, k: "chan.make", ch: 3000000000, cap: 1, name: "big" });
    expect(m.event(2)).toMatchObject({ k: "go.panic", msg: "boom", stack: ["main"], fatal: true });
    expect(m.stateAt(2).channels[0]).toMatchObject({ id: 3000000000, len: 1, buffer: [{ val: "v", sendSeq: 2 }] });
    expect([...m.eventsOf(m.object(3000000000)!)]).toEqual([0, 1]);
  });

  it("eventsOf an object includes the blocks and selects that name it", () => {
    const m = load(trace(
      `{"g":1,"k":"chan.make","ch":1,"cap":0,"name":"c"}`,
      `{"g":1,"k":"select.begin","cases":[{"ch":1,"dir":"recv"},{"ch":1,"dir":"send"}],"default":false}`,
      `{"g":1,"k":"go.block","reason":"select","on":[1,1]}`,
    ));
    expect([...m.eventsOf(m.object(1)!)]).toEqual([0, 1, 2]);
    expect(m.stateAt(3).channels[0]).toMatchObject({ recvq: [1], sendq: [1] });
  });
});

describe("loading errors", () => {
  it("stops at the first bad line, keeping the valid prefix, with the reader's message", () => {
    const text = trace(`{"g":1,"k":"log","msg":"a"}`, `{"g":7,"k":"log","msg":"b"}`, `{"g":1,"k":"log","msg":"c"}`);
    const r = loadModel(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ line: 3, message: "line 3: log g 7: goroutine 7 was never created (no earlier go.create)" });
    expect(r.model.eventCount).toBe(1);
    expect(r.model.stateAt(1).seq).toBe(1);
  });

  it("drops a truncated last line with a warning and loads an empty trace", () => {
    const r = loadModel(PING.slice(0, PING.indexOf('{"seq":3') + 20));
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.message)).toEqual(["line 7: truncated last line ignored", "no end record: the run was killed or is still being written"]);
    expect(r.model.eventCount).toBe(2);
    const empty = loadModel("");
    expect(empty.ok ? undefined : empty.error.message).toBe("empty file: not a Goroscope trace");
    expect(empty.model.stateAt(5)).toEqual({ seq: 0, t: 0, goroutines: [{ id: 1, name: "main", status: "runnable" }], channels: [], locks: [], waitGroups: [],
      conds: [], onces: [], timers: [], contexts: [] });
  });
});
