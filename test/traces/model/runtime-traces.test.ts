/** Traces written by the real runtime: the model's events equal the reader's, and its states tell the story. */
import { describe, expect, it } from "vitest";
import { Mutex, RWMutex, WaitGroup, chan, go, recv, select, send, sleep } from "goroscope/runtime";
import type { TraceEvent } from "../../../traces/format/schema";
import type { ModelState } from "../../../traces/model";
import { traced } from "./traced";

const isBlock = (reason: string) => (e: TraceEvent) => e.k === "go.block" && e.reason === reason;
const gs = (s: ModelState, id: number) => s.goroutines.find((x) => x.id === id)!;

describe("channels", () => {
  it("buffer values in order, and a blocked sender waits in the sendq", async () => {
    const t = await traced(async () => {
      const ch = chan<number>(2, { name: "jobs" });
      await ch.send(1);
      await ch.send(2);
      go(async function producer() {
        await ch.send(3);
      });
      await sleep(10);
      await ch.recv();
      await ch.recv();
      await ch.recv();
    });
    const blocked = t.after(isBlock("chan.send"));
    expect(blocked.channels[0]).toMatchObject({
      name: "jobs", len: 2, cap: 2, closed: false, sendq: [2], recvq: [],
      buffer: [{ val: "1", sendSeq: 2 }, { val: "2", sendSeq: 3 }],
    });
    expect(gs(blocked, 2)).toMatchObject({ status: "blocked", reason: "chan.send", name: "producer" });
    // main's first receive takes 1; the blocked sender's 3 joins the tail and it leaves the sendq
    const took = t.after((e) => e.k === "chan.send" && e.g === 2);
    expect(took.channels[0]).toMatchObject({ len: 2, sendq: [], buffer: [{ val: "2" }, { val: "3" }] });
    const end = t.model.stateAt(t.events.at(-1)!.seq);
    expect(end.channels[0]).toMatchObject({ len: 0, buffer: [] });
    expect(end.goroutines.map((g) => g.status)).toEqual(["done", "done"]);
  });

  it("close wakes blocked receivers and sets the closed flag", async () => {
    const t = await traced(async () => {
      const ch = chan<string>(0, { name: "done" });
      const wg = new WaitGroup();
      for (let i = 0; i < 2; i++) wg.go(async () => void (await ch.recv()));
      await sleep(5);
      ch.close();
      await wg.wait();
    });
    const waiting = t.after((e) => e.k === "chan.close", 0);
    const before = t.model.stateAt(waiting.seq - 1);
    expect(before.channels[0]).toMatchObject({ closed: false, recvq: [3, 2] });
    expect(waiting.channels[0]).toMatchObject({ closed: true });
    const done = t.after((e) => e.k === "wg.wait");
    expect(done.channels[0]).toMatchObject({ closed: true, recvq: [], sendq: [] });
  });

  it("a goroutine blocked in select waits in every case's queue", async () => {
    const t = await traced(async () => {
      const a = chan<number>(0, { name: "a" });
      const b = chan<number>(0, { name: "b" });
      go(async function sel() {
        await select(recv(a), send(b, 7));
      });
      await sleep(5);
      await b.recv();
    });
    const s = t.after(isBlock("select"));
    expect(s.channels.map((c) => [c.name, c.recvq, c.sendq])).toEqual([["a", [2], []], ["b", [], [2]]]);
    const end = t.after((e) => e.k === "select.end");
    expect(end.channels.map((c) => [c.recvq, c.sendq])).toEqual([[[], []], [[], []]]);
  });
});

describe("locks and wait groups", () => {
  it("a mutex has a holder and waiters in order", async () => {
    const t = await traced(async () => {
      const mu = new Mutex({ name: "mu" });
      const wg = new WaitGroup({ name: "wg" });
      await mu.lock();
      for (let i = 0; i < 2; i++) wg.go(async () => {
        await mu.lock();
        mu.unlock();
      });
      await sleep(5);
      mu.unlock();
      await wg.wait();
    });
    const s = t.after(isBlock("mutex.lock"), 1);
    expect(s.locks).toEqual([{ id: 1, kind: "mutex", name: "mu", holder: 1, readers: [], waiters: [3, 2] }]);
    expect(s.waitGroups).toEqual([{ id: 2, name: "wg", counter: 2, waiters: [] }]);
    const w = t.after(isBlock("wg.wait"));
    expect(w.waitGroups[0]!.waiters).toEqual([1]);
    const end = t.model.stateAt(t.events.at(-1)!.seq);
    expect(end.locks[0]).toMatchObject({ holder: undefined, waiters: [] });
    expect(end.waitGroups[0]).toMatchObject({ counter: 0, waiters: [] });
  });

  it("an RWMutex has readers, a writer and waiters", async () => {
    const t = await traced(async () => {
      const rw = new RWMutex({ name: "rw" });
      await rw.rlock();
      go(async function reader() {
        await rw.rlock();
        await sleep(10);
        rw.runlock();
      });
      go(async function writer() {
        await sleep(1);
        await rw.lock();
        rw.unlock();
      });
      await sleep(5);
      rw.runlock();
      await sleep(100);
    });
    const s = t.after(isBlock("rwmutex.lock"));
    expect(s.locks[0]).toMatchObject({ kind: "rwmutex", holder: undefined, readers: [1, 2], waiters: [3] });
    const w = t.after((e) => e.k === "rwmutex.lock" && !e.read);
    expect(w.locks[0]).toMatchObject({ holder: 3, readers: [], waiters: [] });
  });
});
