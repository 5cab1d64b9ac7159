import { describe, expect, it } from "vitest";
import { StepBuilder } from "../../../traces/timeline/object-tracks";
import { Waiters, type WaitQueue } from "../../../traces/timeline/waiters";

const queue = (): WaitQueue => ({ waiting: 0, waiters: new StepBuilder(0, 0) });
const steps = (q: WaitQueue): [number, number][] => {
  const s = q.waiters.finish();
  return Array.from(s.t, (t, i) => [t, s.v[i]!]);
};

describe("Waiters", () => {
  it("counts each goroutine once per queue", () => {
    const w = new Waiters();
    const q = queue();
    w.join(q, 2, 10);
    w.join(q, 2, 11); // already waiting: nothing changes
    w.join(q, 3, 12);
    expect(q.waiting).toBe(2);
    expect(steps(q)).toEqual([[0, 0], [10, 1], [12, 2]]);
  });

  it("leave drops one queue and keeps the goroutine's others", () => {
    const w = new Waiters();
    const a = queue();
    const b = queue();
    w.join(a, 2, 10);
    w.join(b, 2, 10);
    w.leave(a, 2, 20);
    w.leave(a, 2, 21); // no longer waiting on a: nothing changes
    expect([a.waiting, b.waiting]).toEqual([0, 1]);
    w.leaveAll(2, 30);
    expect(b.waiting).toBe(0);
    expect(steps(a)).toEqual([[0, 0], [10, 1], [20, 0]]);
    expect(steps(b)).toEqual([[0, 0], [10, 1], [30, 0]]);
  });

  it("a goroutine can wait again after leaving, and large or negative ids work", () => {
    const w = new Waiters();
    const q = queue();
    for (const g of [5, 2 ** 21, -1]) {
      w.join(q, g, 1);
      w.leaveAll(g, 2);
      w.join(q, g, 3);
    }
    expect(q.waiting).toBe(3);
    w.leaveAll(5, 4);
    w.leaveAll(2 ** 21, 4);
    w.leaveAll(-1, 4);
    w.leaveAll(7, 4); // never waited
    expect(q.waiting).toBe(0);
  });
});
