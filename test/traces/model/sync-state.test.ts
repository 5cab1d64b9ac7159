/** Model state of conds, Onces, timers and contexts, from traces the real runtime writes. */
import { describe, expect, it } from "vitest";
import { Cond, Mutex, Once, chan, context, go, sleep, time } from "goroscope/runtime";
import type { TraceEvent } from "../../../traces/format/schema";
import { traced } from "./traced";

const isBlock = (reason: string) => (e: TraceEvent) => e.k === "go.block" && e.reason === reason;
const is = (k: string) => (e: TraceEvent) => e.k === k;

describe("cond", () => {
  it("lists the goroutines blocked in Wait, in order, until a signal wakes one", async () => {
    const t = await traced(async () => {
      const mu = new Mutex({ name: "mu" });
      const c = new Cond(mu, { name: "ready" });
      for (let i = 0; i < 2; i++) {
        go(async function waiter() {
          await mu.lock();
          await c.wait();
          mu.unlock();
        });
      }
      await sleep(10);
      c.signal();
      await sleep(10);
      c.broadcast();
      await sleep(10);
    });
    const both = t.after(isBlock("cond.wait"), 1);
    expect(both.conds).toEqual([{ id: expect.any(Number), name: "ready", lock: both.locks[0]!.id, waiters: [3, 2] }]);
    // Go runs the goroutine created last first, so 3 waits first; Signal wakes the longest waiter.
    expect(t.after(is("cond.signal")).conds![0]!.waiters).toEqual([2]);
    expect(t.after(is("cond.broadcast")).conds![0]!.waiters).toEqual([]);
  });
});

describe("once", () => {
  it("is idle, then running by the goroutine whose Do ran it, with later callers waiting, then done", async () => {
    const t = await traced(async () => {
      const once = new Once({ name: "init" });
      go(async function second() {
        await sleep(5);
        await once.do(() => undefined);
      });
      await once.do(async () => {
        await sleep(10);
      });
      await sleep(10);
    });
    expect(t.model.stateAt(1).onces![0]).toMatchObject({ name: "init", status: "idle", waiters: [] });
    expect(t.after(is("once.do"))).toMatchObject({ onces: [{ status: "running", runner: 1, waiters: [] }] });
    expect(t.after(isBlock("mutex.lock")).onces![0]).toMatchObject({ status: "running", runner: 1, waiters: [2] });
    expect(t.after(is("once.do"), 1).onces![0]).toMatchObject({ status: "done", waiters: [] });
  });
});

describe("timers", () => {
  it("are armed with their due time, fire, and a stopped timer is disarmed", async () => {
    const t = await traced(async () => {
      const ticker = time.newTicker(100);
      await ticker.c.recv();
      await ticker.c.recv();
      ticker.stop();
      const after = time.after(50);
      await after.recv();
    });
    const made = t.after(is("timer.make"));
    expect(made.timers![0]).toMatchObject({ armed: true, when: 100, period: 100, fired: 0, ch: expect.any(Number) });
    expect(t.after(is("timer.fire"), 1).timers![0]).toMatchObject({ armed: true, when: 300, fired: 2 });
    expect(t.after(is("timer.stop")).timers![0]).toMatchObject({ armed: false, fired: 2 });
    const last = t.model.stateAt(t.events.at(-1)!.seq);
    expect(last.timers![1]).toMatchObject({ armed: false, period: 0, fired: 1 });
  });
});

describe("contexts", () => {
  it("are canceled with their err, the children with the parent", async () => {
    const t = await traced(async () => {
      const [parent, cancel] = context.withCancel(context.background());
      const [child] = context.withTimeout(parent, 1_000);
      const done = chan<number>(0, { name: "unused" });
      void done;
      void child;
      await sleep(10);
      cancel();
    });
    const before = t.after(is("ctx.make"), 1);
    expect(before.contexts).toEqual([
      { id: expect.any(Number), kind: "cancel", parent: 0, done: expect.any(Number), canceled: false },
      { id: expect.any(Number), kind: "deadline", parent: before.contexts![0]!.id, done: expect.any(Number), deadline: 1_000, canceled: false },
    ]);
    const after = t.model.stateAt(t.events.at(-1)!.seq);
    expect(after.contexts!.map((c) => [c.canceled, c.err])).toEqual([[true, "context canceled"], [true, "context canceled"]]);
  });
});
