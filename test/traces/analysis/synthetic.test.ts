// Hand-built traces for shapes the runtime makes slowly: long wait chains, big cycles.
import { describe, expect, it } from "vitest";
import { analyze } from "../../../traces/analysis";
import { readTrace } from "../../../traces/reader";

const header = { format: "goroscope", version: 1, program: "ring", clock: "virtual", seed: 0, timeUnit: "ns", epoch: 1257894000000 };

/** n goroutines in a ring: goroutine i holds lock i and waits for lock i+1 (the last waits for the first's). */
function ring(n: number): string {
  const lines: object[] = [header];
  let seq = 0;
  const ev = (g: number, k: string, f: object) => lines.push({ seq: ++seq, t: 0, g, k, ...f });
  for (let i = 0; i < n; i++) ev(1, "mutex.make", { id: i + 1, name: `m${i}` });
  for (let i = 0; i < n; i++) ev(1, "go.create", { child: i + 2, name: "philosopher" });
  for (let i = 0; i < n; i++) ev(i + 2, "mutex.lock", { id: i + 1 });
  for (let i = 0; i < n; i++) ev(i + 2, "go.block", { reason: "mutex.lock", on: [((i + 1) % n) + 1] });
  ev(1, "main.return", {});
  const goroutines = Array.from({ length: n }, (_, i) => ({ g: i + 2, name: "philosopher", state: "blocked", reason: "mutex.lock", on: [((i + 1) % n) + 1] }));
  lines.push({ end: "main-returned", t: 0, seq, exitCode: 0, goroutines });
  return lines.map((l) => JSON.stringify(l) + "\n").join("");
}

/** n goroutines that each sent once on `ch` and then block receiving from it: every one a possible partner of every other. */
function crowd(n: number): string {
  const lines: object[] = [header];
  let seq = 0;
  const ev = (g: number, k: string, f: object) => lines.push({ seq: ++seq, t: 0, g, k, ...f });
  ev(1, "chan.make", { ch: 1, cap: n, name: "ch" });
  for (let i = 0; i < n; i++) ev(1, "go.create", { child: i + 2, name: "peer" });
  for (let i = 0; i < n; i++) ev(i + 2, "chan.send", { ch: 1, len: 1, val: "1" });
  ev(1, "chan.recv", { ch: 1, len: 0, ok: true, from: 2 + n, val: "1" });
  for (let i = 0; i < n; i++) ev(i + 2, "go.block", { reason: "chan.recv", on: [1] });
  ev(1, "main.return", {});
  const goroutines = Array.from({ length: n }, (_, i) => ({ g: i + 2, name: "peer", state: "blocked", reason: "chan.recv", on: [1] }));
  lines.push({ end: "main-returned", t: 0, seq, exitCode: 0, goroutines });
  return lines.map((l) => JSON.stringify(l) + "\n").join("");
}

describe("large shapes", () => {
  it("stays fast when thousands of goroutines could all partner each other", () => {
    const read = readTrace(crowd(5000));
    if (!read.ok) throw new Error(read.error.message);
    const started = performance.now();
    const ds = analyze(read);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(ds.map((d) => d.kind)).toEqual(["partial-deadlock"]);
    expect(ds[0].goroutines).toHaveLength(5000);
    expect(ds[0].explanation.length).toBeLessThan(5000);
  });

  it.each([2, 5, 2000])("a ring of %d lock holders is one partial deadlock and one lock-order cycle", (n) => {
    const read = readTrace(ring(n));
    if (!read.ok) throw new Error(read.error.message);
    const ds = analyze(read);
    expect(ds.map((d) => d.kind)).toEqual(["partial-deadlock", "lock-order"]);
    expect(ds[0].goroutines).toHaveLength(n);
    const names = Array.from({ length: n }, (_, i) => `m${(i + 1) % n}`);
    const list = n <= 4 ? names.join(", ") : `${names.slice(0, 4).join(", ")}, … (${n} in all)`;
    expect(ds[0].message).toBe(`partial deadlock: philosopher ×${n} wait for each other (${list})`);
    expect(ds[1].message).toBe(n === 2 ? "lock order cycle: m0 → m1 → m0" : n === 5 ? "lock order cycle: m0 → m1 → m2 → m3 → m4 → m0" : "lock order cycle: m0 → m1 → m2 → m3 → m4 → … → m0 (2000 locks)");
    expect(ds[1].objects).toHaveLength(n);
  });
});
