/**
 * The timeline's data derivation against hand-made traces (exact segments, series and arrows)
 * and against the model itself on real traces: at every event, the lane states, channel lengths,
 * lock holders and waiters, and WaitGroup counters must equal what `model.stateAt` says.
 */
import { describe, expect, test } from "vitest";
import type { TraceModel } from "../../../traces/model";
import { ARROW_CREATE, ARROW_SEND, ARROW_WAKE } from "../../../traces/timeline/arrows";
import type { TimelineAxis } from "../../../traces/timeline/axis";
import { deriveTimeline, type TimelineData } from "../../../traces/timeline/derive";
import { segmentAt } from "../../../traces/timeline/goroutine-lanes";
import { valueAt, type HolderIntervals } from "../../../traces/timeline/object-tracks";
import { STATUS_NAMES, reasonName } from "../../../traces/timeline/status";
import { exampleText, modelOf, modelOfText, sampleText, stretched } from "./helpers";

/** main makes an unbuffered channel, starts a worker, blocks receiving; the worker sleeps, sends, ends. */
const ping = () =>
  modelOf([
    { t: 0, g: 1, k: "chan.make", ch: 1, cap: 0, name: "ch" },
    { t: 0, g: 1, k: "go.create", child: 2, name: "worker" },
    { t: 5, g: 1, k: "go.block", reason: "chan.recv", on: [1] },
    { t: 10, g: 2, k: "timer.make", id: 2, when: 100, period: 0, name: "sleep" },
    { t: 10, g: 2, k: "go.block", reason: "sleep", on: [2] },
    { t: 100, g: 0, k: "timer.fire", id: 2 },
    { t: 100, g: 0, k: "go.unblock", target: 2 },
    { t: 120, g: 2, k: "chan.send", ch: 1, len: 0, val: '"ping"' },
    { t: 120, g: 2, k: "go.unblock", target: 1 },
    { t: 130, g: 2, k: "go.end" },
    { t: 150, g: 1, k: "chan.recv", ch: 1, len: 0, ok: true, from: 8, val: '"ping"' },
    { t: 200, g: 1, k: "main.return" },
  ]);

const segments = (d: TimelineData, g: number) => {
  const l = d.laneById.get(g)!;
  return Array.from({ length: l.n }, (_, i) => [l.t0[i], l.t1[i], STATUS_NAMES[l.status[i]!], reasonName(l.reason[i]!) ?? ""]);
};

describe("goroutine lanes", () => {
  test("segments of a hand-made trace: times, states, reasons", () => {
    const d = deriveTimeline(ping());
    expect(segments(d, 1)).toEqual([
      [0, 5, "running", ""],
      [5, 120, "blocked", "chan.recv"],
      [120, 150, "runnable", ""],
      [150, 200, "running", ""],
      [200, 200, "done", ""],
    ]);
    expect(segments(d, 2)).toEqual([
      [0, 10, "runnable", ""],
      [10, 100, "sleeping", "sleep"],
      [100, 120, "runnable", ""],
      [120, 130, "running", ""],
      [130, 200, "done", ""],
    ]);
    // The blocked segment began at the go.block (index 2); the worker's lane at its go.create.
    const main = d.laneById.get(1)!;
    expect(main.ev[1]).toBe(2);
    expect(d.laneById.get(2)!.createdIndex).toBe(1);
  });

  test("lanes follow the creation tree: children right after their parent", () => {
    const m = modelOf([
      { t: 0, g: 1, k: "go.create", child: 2, name: "a" },
      { t: 0, g: 1, k: "go.create", child: 3, name: "b" },
      { t: 1, g: 2, k: "go.create", child: 4, name: "a.child" },
      { t: 2, g: 3, k: "go.end" },
      { t: 3, g: 4, k: "go.end" },
      { t: 4, g: 2, k: "go.end" },
      { t: 5, g: 1, k: "main.return" },
    ]);
    const d = deriveTimeline(m);
    expect(d.lanes.map((l) => [l.id, l.depth])).toEqual([[1, 0], [2, 1], [4, 2], [3, 1]]);
    expect(d.laneById.get(1)!.children).toEqual([2, 3]);
    expect(d.laneById.get(4)!.parent).toBe(2);
  });

  test("derivation is memoized by model identity", () => {
    const m = ping();
    expect(deriveTimeline(m)).toBe(deriveTimeline(m));
    expect(deriveTimeline(ping())).not.toBe(deriveTimeline(m));
  });
});

describe("object tracks and arrows", () => {
  test("channel occupancy, ticks, close; send → recv pairing", () => {
    const m = modelOf([
      { t: 0, g: 1, k: "chan.make", ch: 1, cap: 2, name: "jobs" },
      { t: 10, g: 1, k: "chan.send", ch: 1, len: 1, val: "1" },
      { t: 20, g: 1, k: "chan.send", ch: 1, len: 2, val: "2" },
      { t: 30, g: 1, k: "chan.recv", ch: 1, len: 1, ok: true, from: 2, val: "1" },
      { t: 40, g: 1, k: "chan.close", ch: 1 },
      { t: 50, g: 1, k: "chan.recv", ch: 1, len: 0, ok: true, from: 3, val: "2" },
      { t: 60, g: 1, k: "chan.recv", ch: 1, len: 0, ok: false, val: "0" },
      { t: 70, g: 1, k: "main.return" },
    ]);
    const d = deriveTimeline(m);
    const c = d.channels[0]!;
    expect([c.name, c.cap, c.closedAt]).toEqual(["jobs", 2, 40]);
    expect(Array.from(c.occupancy.t)).toEqual([0, 10, 20, 30, 50]);
    expect(Array.from(c.occupancy.v)).toEqual([0, 1, 2, 1, 0]);
    expect(c.occupancy.max).toBe(2);
    expect(Array.from(c.sends.t)).toEqual([10, 20]);
    expect(Array.from(c.recvs.ev)).toEqual([3, 5, 6]);
    // Two receives named their sends (seq 2 and 3, indices 1 and 2); the closed receive did not.
    const a = d.arrows;
    const sends = [...Array(a.n).keys()].filter((i) => a.kind[i] === ARROW_SEND).map((i) => [a.t0[i], a.t1[i], a.ev[i]]);
    expect(sends).toEqual([[10, 30, 3], [20, 50, 5]]);
  });

  test("arrows: create, wake, and sends between goroutines", () => {
    const d = deriveTimeline(ping());
    const a = d.arrows;
    const list = [...Array(a.n).keys()].map((i) => [a.kind[i], a.t0[i], a.g0[i], a.t1[i], a.g1[i], a.ev[i]]);
    expect(list).toEqual([
      [ARROW_CREATE, 0, 1, 0, 2, 1],
      [ARROW_WAKE, 120, 2, 120, 1, 8],
      [ARROW_SEND, 120, 2, 150, 1, 10],
    ]);
    expect(a.maxSpan).toBe(30);
  });

  test("lock holders, waiters and readers", () => {
    const m = modelOf([
      { t: 0, g: 1, k: "mutex.make", id: 1, name: "mu" },
      { t: 0, g: 1, k: "go.create", child: 2, name: "w" },
      { t: 10, g: 1, k: "mutex.lock", id: 1 },
      { t: 20, g: 2, k: "go.block", reason: "mutex.lock", on: [1] },
      { t: 30, g: 1, k: "mutex.unlock", id: 1 },
      { t: 30, g: 1, k: "go.unblock", target: 2 },
      { t: 40, g: 2, k: "mutex.lock", id: 1 },
      { t: 50, g: 2, k: "mutex.unlock", id: 1 },
      { t: 60, g: 2, k: "go.end" },
      { t: 70, g: 1, k: "main.return" },
    ]);
    const d = deriveTimeline(m);
    const mu = d.locks[0]!;
    expect(mu.kind).toBe("mutex");
    expect(intervals(mu.writers)).toEqual([[10, 30, 1, 0], [40, 50, 2, 0]]);
    // It stops waiting when woken (t 30), as the model's wait queues say, not when it acquires.
    expect(Array.from(mu.waiters.t)).toEqual([0, 20, 30]);
    expect(Array.from(mu.waiters.v)).toEqual([0, 1, 0]);
  });
});

const intervals = (iv: HolderIntervals) => Array.from({ length: iv.n }, (_, i) => [iv.t0[i], iv.t1[i], iv.g[i], iv.read[i]]);

/** Writer (or mutex holder) at time t from the intervals; undefined when free. */
function holderAt(iv: HolderIntervals, t: number): number | undefined {
  for (let i = 0; i < iv.n; i++) if (iv.t0[i]! <= t && t < iv.t1[i]!) return iv.g[i];
  return undefined;
}

/**
 * At the time of every event (or of ~1500 spread over a long trace), the derived data agrees with
 * stateAt. On the event axis at every event's own x (its index): there no two events share an x.
 */
function checkAgainstModel(model: TraceModel, axis: TimelineAxis = "time"): number {
  const d = deriveTimeline(model, axis);
  let checks = 0;
  const step = Math.max(1, Math.floor(model.eventCount / 1500));
  for (let i = 0; i < model.eventCount; i += step) {
    const t = axis === "events" ? i : model.timeOf(i);
    if (axis === "time" && i + 1 < model.eventCount && model.timeOf(i + 1) === t) continue;
    const s = model.stateAt(model.seqOf(i));
    for (const g of s.goroutines) {
      const lane = d.laneById.get(g.id)!;
      const j = segmentAt(lane, t);
      expect(STATUS_NAMES[lane.status[j]!], `g${g.id} at t=${t}`).toBe(g.status);
      if (g.status === "blocked" || g.status === "sleeping") expect(reasonName(lane.reason[j]!)).toBe(g.reason);
      checks++;
    }
    for (const c of s.channels) {
      const tr = d.channels.find((x) => x.id === c.id)!;
      expect(valueAt(tr.occupancy, t), `len of ${c.name} at t=${t}`).toBe(c.len);
      expect(tr.closedAt !== undefined && tr.closedAt <= t).toBe(c.closed);
      checks++;
    }
    for (const l of s.locks) {
      const tr = d.locks.find((x) => x.id === l.id)!;
      expect(holderAt(tr.writers, t), `holder of ${l.name} at t=${t}`).toBe(l.holder);
      expect(valueAt(tr.readers, t)).toBe(l.readers.length);
      expect(valueAt(tr.waiters, t), `waiters of ${l.name} at t=${t}`).toBe(l.waiters.length);
      checks++;
    }
    for (const w of s.waitGroups) {
      const tr = d.waitGroups.find((x) => x.id === w.id)!;
      expect(valueAt(tr.counter, t)).toBe(w.counter);
      expect(valueAt(tr.waiters, t)).toBe(w.waiters.length);
      checks++;
    }
  }
  return checks;
}

describe("agreement with model.stateAt on real traces", () => {
  test.each(["worker-pools", "worker-pool-results", "rwmutex-readers", "lock-order", "deadlock", "leak", "context-leak"])("sample %s", (name) => {
    expect(checkAgainstModel(modelOfText(stretched(sampleText(name))))).toBeGreaterThan(10);
  });

  test.each([
    ["mutexes", 3],
    ["wait-groups", 0],
    ["pipelines", 5],
    ["bugs/ab-ba-lock", 0],
    ["bugs/rwmutex-upgrade", 0],
    ["select", 2],
  ] as const)("example %s, seed %d", (name, seed) => {
    expect(checkAgainstModel(modelOfText(stretched(exampleText(name, seed))))).toBeGreaterThan(5);
  });

  test("under the virtual clock (shared times), states after the last event at each time still agree", () => {
    expect(checkAgainstModel(modelOfText(sampleText("worker-pool-results")))).toBeGreaterThan(10);
  });

  test("every receive that names its send between goroutines has one send arrow", () => {
    const m = modelOfText(sampleText("worker-pool-results"));
    const d = deriveTimeline(m);
    let expected = 0;
    for (let i = 0; i < m.eventCount; i++) {
      const e = m.event(i);
      if (e.k !== "chan.recv" || e.from === undefined) continue;
      const send = m.event(m.indexOfSeq(e.from));
      if (send.g === e.g) continue;
      expected++;
      const k = [...Array(d.arrows.n).keys()].find((a) => d.arrows.kind[a] === ARROW_SEND && d.arrows.ev[a] === i);
      expect(k, `arrow for recv ${e.seq}`).toBeDefined();
      expect([d.arrows.g0[k!], d.arrows.t0[k!], d.arrows.g1[k!], d.arrows.t1[k!]]).toEqual([send.g, send.t, e.g, e.t]);
    }
    expect(expected).toBeGreaterThan(5);
  });
});

describe("the event axis: x is the event index", () => {
  test("lane segments in index units: each event gets its own unit, so instants no longer hide states", () => {
    const d = deriveTimeline(ping(), "events");
    expect([d.axis, d.start, d.end]).toEqual(["events", 0, 12]);
    expect(Array.from(d.times)).toEqual([...Array(12).keys()]);
    expect(segments(d, 1)).toEqual([
      [0, 2, "running", ""],
      [2, 8, "blocked", "chan.recv"],
      [8, 10, "runnable", ""],
      [10, 11, "running", ""],
      [11, 12, "done", ""],
    ]);
    // On the time axis the worker's run at t=10 (timer.make, then block) lasted no time and vanished.
    expect(segments(d, 2)).toEqual([
      [1, 3, "runnable", ""],
      [3, 4, "running", ""],
      [4, 6, "sleeping", "sleep"],
      [6, 7, "runnable", ""],
      [7, 9, "running", ""],
      [9, 12, "done", ""],
    ]);
  });

  test("arrows' ends are event indices", () => {
    const a = deriveTimeline(ping(), "events").arrows;
    const list = [...Array(a.n).keys()].map((i) => [a.kind[i], a.t0[i], a.g0[i], a.t1[i], a.g1[i], a.ev[i]]);
    expect(list).toEqual([
      [ARROW_CREATE, 1, 1, 1, 2, 1],
      [ARROW_WAKE, 8, 2, 8, 1, 8],
      [ARROW_SEND, 7, 2, 10, 1, 10], // the send is event 7 (seq 8), its receive event 10
    ]);
    expect(a.maxSpan).toBe(3);
  });

  test("memoized per model and axis; the time axis stays the default", () => {
    const m = ping();
    expect(deriveTimeline(m, "events")).toBe(deriveTimeline(m, "events"));
    expect(deriveTimeline(m)).toBe(deriveTimeline(m, "time"));
    expect(deriveTimeline(m).axis).toBe("time");
    expect(deriveTimeline(m, "events")).not.toBe(deriveTimeline(m));
  });

  test("a trace all at t=0: distinct channel lengths at every event, equal to stateAt(seqOf(i))", () => {
    const m = modelOfText(sampleText("worker-pool-results").replace(/"t":\d+/g, '"t":0'));
    const d = deriveTimeline(m, "events");
    const jobs = d.channels.find((c) => c.occupancy.max > 1)!;
    const lens = new Set<number>();
    for (let i = 0; i < m.eventCount; i++) {
      const c = m.stateAt(m.seqOf(i)).channels.find((x) => x.id === jobs.id);
      if (!c) continue;
      expect(valueAt(jobs.occupancy, i), `len of ${jobs.name} after event ${i}`).toBe(c.len);
      lens.add(c.len);
    }
    expect(lens.size).toBeGreaterThan(2);
    // On the time axis the same trace is one instant: one length for all of it.
    expect(deriveTimeline(m).channels.find((c) => c.id === jobs.id)!.occupancy.n).toBeLessThanOrEqual(2);
  });

  test.each(["lock-order", "worker-pool-results", "deadlock", "rwmutex-readers"])("sample %s: every event's state agrees with stateAt", (name) => {
    expect(checkAgainstModel(modelOfText(sampleText(name)), "events")).toBeGreaterThan(20);
  });

  test.each(["bugs/chan-send-holding-lock", "bugs/worker-never-stopped", "pipelines"])("example %s: every event's state agrees with stateAt", (name) => {
    expect(checkAgainstModel(modelOfText(exampleText(name)), "events")).toBeGreaterThan(10);
  });
});
