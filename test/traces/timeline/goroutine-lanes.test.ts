import { expect, it } from "vitest";
import { LaneArrays, LaneBuilder } from "../../../traces/timeline/goroutine-lanes";

const info = { name: "g", parent: undefined, children: [], depth: 0, events: new Int32Array(0) };

it("lanes sharing LaneArrays keep their own segments as they grow past their slabs", () => {
  const arrays = new LaneArrays(16); // tiny slabs: many refills
  const a = new LaneBuilder(1, arrays);
  const b = new LaneBuilder(2, arrays);
  for (let i = 0; i < 100; i++) {
    a.set(i * 10, i % 2, -1, i);
    b.set(i * 10 + 5, (i % 2) + 2, -1, 1000 + i);
  }
  const la = a.finish(2000, info);
  const lb = b.finish(2000, info);
  expect(la.n).toBe(100);
  expect(lb.n).toBe(100);
  for (let i = 0; i < 100; i++) {
    expect([la.t0[i], la.status[i], la.ev[i]]).toEqual([i * 10, i % 2, i]);
    expect([lb.t0[i], lb.status[i], lb.ev[i]]).toEqual([i * 10 + 5, (i % 2) + 2, 1000 + i]);
  }
  expect(la.t1[99]).toBe(2000);
});
