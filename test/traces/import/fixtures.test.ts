import { describe, expect, it } from "vitest";
import { readTrace } from "../../../traces/reader";
import { loadModel } from "../../../traces/model";
import { analyze } from "../../../traces/analysis";
import { EXPECTED } from "./expectations";
import { FIXTURES, count, importFixture, jsonl, records } from "./helpers";

describe.each(FIXTURES)("the Go trace fixture %s", (name) => {
  const expected = EXPECTED[name]!;
  const result = importFixture(name, { keepGoEvents: true });

  it("imports without error, as a valid Goroscope trace that the model loads", () => {
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.goVersion).toBe(`go1.${name.slice(3, 5)}`);
    const read = readTrace(jsonl(result));
    expect(read.ok ? undefined : read.error).toBeUndefined();
    expect(read.header).toMatchObject({ format: "goroscope", clock: "real", program: `${name}.trace`, source: result.goVersion });
    const loaded = loadModel(jsonl(result));
    expect(loaded.ok).toBe(true);
    expect(loaded.model.eventCount).toBe(result.events);
  });

  it("has the goroutine events per goroutine that go tool trace reports", () => {
    const byG: Record<string, Record<string, number>> = {};
    for (const e of result.goEvents!) {
      if (!/^(Go|User)/.test(e.raw)) continue;
      const m = (byG[e.g] ??= {});
      m[e.raw] = (m[e.raw] ?? 0) + 1;
    }
    expect(byG).toEqual(expected.transitionsByG);
  });

  it("gives a lane to each of the program's goroutines, named by start function", () => {
    expect(count(records(result), (r) => (r.k === "go.create" ? String(r.name) : undefined))).toEqual(expected.lanes);
    expect(result.goroutines).toBe(Object.values(expected.lanes).reduce((a, b) => a + b, 0));
  });

  it("maps Go's block reasons", () => {
    expect(count(records(result), (r) => (r.k === "go.block" ? String(r.reason) : undefined))).toEqual(expected.blockReasons);
  });

  it("never names an object: Go traces do not say which channel or lock", () => {
    for (const r of records(result)) if (r.k === "go.block") expect(r.on).toEqual([]);
    expect(records(result).some((r) => typeof r.k === "string" && r.k.endsWith(".make"))).toBe(false);
  });

  it("blocks and wakes each goroutine in turn", () => {
    // Every go.unblock targets a goroutine blocked at that point, and a blocked goroutine acts
    // again only after its unblock.
    const blocked = new Set<number>();
    for (const r of records(result)) {
      if (r.k === "go.block") {
        expect(blocked.has(r.g as number)).toBe(false);
        blocked.add(r.g as number);
      } else if (r.k === "go.unblock") {
        expect(blocked.delete(r.target as number)).toBe(true);
      } else if (typeof r.k === "string" && r.g !== 0) {
        expect(blocked.has(r.g as number)).toBe(false);
      }
    }
  });

  it.runIf(name.endsWith("/leak"))("reports the three goroutines still blocked receiving when the trace ends", () => {
    const read = readTrace(jsonl(result));
    const leaks = analyze(read).filter((d) => d.kind === "leak");
    expect(leaks.map((d) => [d.goroutines[0]!.name, d.goroutines[0]!.reason, d.goroutines[0]!.loc?.line])).toEqual([
      ["main.leaky", "chan.recv", 14],
      ["main.leaky", "chan.recv", 14],
      ["main.leaky", "chan.recv", 14],
    ]);
  });
});

describe("what a Go trace's lines look like", () => {
  it("wakes from the runtime with a note, and from a goroutine with the waker's call site", () => {
    const r = records(importFixture("go119/workerpool"));
    const fromRuntime = r.find((x) => x.k === "go.unblock" && x.g === 0);
    expect(fromRuntime).toMatchObject({ note: "woken by its timer" });
    const locs = new Map(r.filter((x) => x.def === "loc").map((x) => [x.id, x]));
    const send = r.find((x) => x.k === "go.unblock" && x.g !== 0 && x.loc !== undefined);
    expect(locs.get(send!.loc)).toMatchObject({ file: "gotrace/workerpool/main.go", fn: expect.stringMatching(/^main\./) });
  });

  it("turns user tasks, regions and logs into log lines", () => {
    const msgs = records(importFixture("go123/workerpool")).filter((x) => x.k === "log").map((x) => x.msg);
    expect(msgs).toContain('task 1 "workerpool" begins');
    expect(msgs.filter((m) => m === 'region "job" begins')).toHaveLength(20);
    expect(msgs.filter((m) => typeof m === "string" && /^worker: worker \d done$/.test(m))).toHaveLength(4);
  });

  it("keeps Go's system goroutines on request", () => {
    const kept = importFixture("go119/leak", { systemGoroutines: "keep" });
    const names = records(kept).filter((x) => x.k === "go.create").map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(["runtime.bgsweep", "runtime/trace.Start.func1", "main.leaky"]));
  });
});

describe("stacks", () => {
  it("keeps the whole stack of every block and wake-up that has one, by seq", () => {
    const r = importFixture("go122/mutex");
    const lines = records(r);
    const blocks = lines.filter((x) => x.k === "go.block");
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect(r.stacks[b.seq as number]?.length).toBeGreaterThan(0);
    const lock = r.stacks[blocks.find((b) => b.reason === "mutex.lock")!.seq as number]!;
    expect(lock.map((f) => f.fn)).toEqual(expect.arrayContaining(["sync.(*Mutex).Lock", "main.contend.func1"]));
    const waker = lines.find((x) => x.k === "go.unblock" && x.g !== 0)!;
    expect(r.stacks[waker.seq as number]!.map((f) => f.fn)).toContain("sync.(*Mutex).Unlock");
  });
});

describe("running spans", () => {
  it.each(["go119/mutex", "go123/workerpool"])("%s: Go's GoStart…stop intervals come beside the lines, inside the trace", (name) => {
    const r = importFixture(name, { keepGoEvents: true });
    const lanes = new Set(records(r).filter((x) => x.k === "go.create").map((x) => x.child as number));
    lanes.add(1);
    const last = r.goEvents!.at(-1)!.ts - r.goEvents![0]!.ts; // the lines' clock starts at the first Go event
    expect(r.running.length % 3).toBe(0);
    const starts = r.goEvents!.filter((e) => e.type === "start" && lanes.has(e.g)).length;
    expect(r.running.length / 3).toBe(starts);
    for (let i = 0; i < r.running.length; i += 3) {
      expect(lanes.has(r.running[i]!)).toBe(true);
      expect(r.running[i + 1]!).toBeLessThanOrEqual(r.running[i + 2]!);
      expect(r.running[i + 2]!).toBeLessThanOrEqual(last);
    }
  });
});
