// @vitest-environment happy-dom
/**
 * The debugger's controls on a real trace (examples/bugs/ab-ba-lock.ts, seed 0): keys, playback
 * until a breakpoint, keeping the cursor in view, `goroscope debug`'s first run, and "Open failing
 * schedule" replaying a finding's seed and focusing it.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { GoroscopeApi, RunUpdate } from "../../../main/api/contract";
import { handleDebuggerKey, installKeys } from "../../../renderer/src/debugger/keys";
import { installDebugger, keepCursorInView, openFailingSchedule } from "../../../renderer/src/debugger/install";
import { installPlayer } from "../../../renderer/src/debugger/player";
import { analyzeBytes } from "../../../renderer/src/load/analyze-trace";
import { loadTrace } from "../../../renderer/src/load/load-trace";
import { bugTrace } from "./bug-traces";
import { storeWith } from "./render";

const { model, diagnostics, text } = bugTrace("bugs/ab-ba-lock");
const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, target: document.body, ...extra });

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  vi.useRealTimers();
});

describe("keys", () => {
  it("step events, a goroutine's events, blocks, unblocks, findings, ends, play", () => {
    const store = storeWith(model, diagnostics);
    const press = (k: string, shift = false) => handleDebuggerKey(store, key(k, { shiftKey: shift }));
    const cursor = () => store.getState().cursor;
    expect(press("ArrowRight")).toBe(true);
    expect(cursor()).toBe(0);
    press("ArrowRight");
    expect(cursor()).toBe(1);
    press("ArrowLeft");
    expect(cursor()).toBe(0);
    press("]");
    expect(cursor()).toBe(7);
    press("}");
    expect(cursor()).toBe(12);
    press("[");
    expect(cursor()).toBe(11);
    store.getState().select({ kind: "goroutine", id: 3 }); // evictor
    press("ArrowRight", true);
    expect(cursor()).toBe(12);
    press("ArrowLeft", true);
    expect(cursor()).toBe(9);
    press(".");
    expect(cursor()).toBe(15);
    press("Home");
    expect(cursor()).toBe(0);
    press("End");
    expect(cursor()).toBe(15);
    press(" ");
    expect(store.getState().playing).toBe(true);
    press(" ");
    expect(store.getState().playing).toBe(false);
    expect(press("x")).toBe(false);
  });

  it("are ignored while typing, with modifiers, and without a trace", () => {
    const store = storeWith(model);
    const input = document.createElement("input");
    expect(handleDebuggerKey(store, key("ArrowRight", { target: input }))).toBe(false);
    expect(handleDebuggerKey(store, key("ArrowRight", { ctrlKey: true }))).toBe(false);
    const checkbox = Object.assign(document.createElement("input"), { type: "checkbox" });
    expect(handleDebuggerKey(store, key("ArrowRight", { target: checkbox }))).toBe(true);
    expect(store.getState().cursor).toBe(0);
  });

  it("reach the store from window keydown events and stop when uninstalled", () => {
    const store = storeWith(model);
    const uninstall = installKeys(store);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
    expect(store.getState().cursor).toBe(1);
    uninstall();
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
    expect(store.getState().cursor).toBe(1);
  });
});

describe("playback", () => {
  it("plays at its speed and stops at a breakpoint, then at the end", () => {
    vi.useFakeTimers();
    let now = 0;
    const store = storeWith(model);
    cleanups.push(installPlayer(store, () => now));
    store.getState().toggleBreakpoint({ kind: "event-kind", eventKind: "go.unblock" });
    store.getState().setPlaySpeed(100);
    store.getState().setCursor(0);
    store.getState().setPlaying(true);
    expect(store.getState().cursor).toBe(1); // the first step is immediate
    now += 50; // 100 events/s: 5 more events
    vi.advanceTimersByTime(30);
    expect(store.getState().cursor).toBe(6);
    now += 1000;
    vi.advanceTimersByTime(30);
    expect(store.getState().cursor).toBe(12);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().stopReason).toBe("breakpoint: any go.unblock");

    store.getState().clearBreakpoints();
    store.getState().setPlaying(true);
    now += 1000;
    vi.advanceTimersByTime(30);
    expect(store.getState().cursor).toBe(15);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().stopReason).toBe("end of trace");
  });
});

describe("view", () => {
  it("pans to keep the cursor in view", () => {
    const store = storeWith(model);
    store.getState().setView(0, 100); // the first 100 ns of a 1 ms trace
    store.getState().setCursor(15); // t = 1 ms
    keepCursorInView(store);
    const { viewStart, viewEnd } = store.getState();
    expect(viewEnd - viewStart).toBeCloseTo(100);
    expect(viewStart).toBeLessThanOrEqual(1_000_000);
    expect(viewEnd).toBeGreaterThanOrEqual(1_000_000);
  });
});

function fakeApi(onRun: (runId: string, send: (u: RunUpdate) => void) => void) {
  let listener: ((u: RunUpdate) => void) | undefined;
  const runs: unknown[] = [];
  const api: Pick<GoroscopeApi, "runProgram" | "stopRun" | "onRunUpdate" | "setTitle"> = {
    async runProgram(req) {
      runs.push(req);
      const runId = `r${runs.length}`;
      setTimeout(() => onRun(runId, (u) => listener?.(u)), 0);
      return { runId, program: { id: "p1", name: "ab-ba-lock.ts", path: "/x/ab-ba-lock.ts" }, seed: req.seed, clock: req.clock, schedule: req.schedule ?? "go", tracePath: "" };
    },
    async stopRun() {},
    onRunUpdate(l) {
      listener = l;
      return () => (listener = undefined);
    },
    async setTitle() {},
  };
  return { runs, deps: { api, load: (b: Uint8Array) => loadTrace(b), analyze: async (b: Uint8Array) => analyzeBytes(b) } };
}

const replay = (runId: string, send: (u: RunUpdate) => void) => {
  send({ runId, kind: "lines", text });
  send({ runId, kind: "end", end: { kind: "finished", exitCode: 2, end: "deadlock" } });
};

describe("installDebugger", () => {
  it("runs `goroscope debug`'s program with seed 0 at once, and moves the cursor to a selected event", async () => {
    const store = storeWith(model);
    const { runs, deps } = fakeApi(replay);
    cleanups.push(installDebugger(store, { deps, keyTarget: null }));
    store.getState().setInitial({ mode: "browser", version: "0", trace: null, samples: [], recent: [], program: { id: "p1", name: "ab-ba-lock.ts", path: "/x/ab-ba-lock.ts" } });
    expect(runs).toEqual([{ programId: "p1", seed: 0, clock: "virtual" }]);
    await vi.waitFor(() => expect(store.getState().runState).toBe("ended"), { timeout: 3000 });
    expect(store.getState().cursor).toBe(15);
    store.getState().select({ kind: "event", index: 4 });
    expect(store.getState().cursor).toBe(4);
  });

  it("opens a finding's failing schedule: same program, seed and schedule, cursor on the finding", async () => {
    const store = storeWith(model, diagnostics);
    const { runs, deps } = fakeApi(replay);
    cleanups.push(installDebugger(store, { deps, keyTarget: null }));
    const opened: string[] = [];
    const deadlock = diagnostics.find((d) => d.kind === "deadlock")!;
    const ok = await openFailingSchedule(store, deadlock, async (path) => {
      opened.push(path);
      return { id: "p1", name: "ab-ba-lock.ts", path: `/abs/${path}` };
    });
    expect(ok).toBe(true);
    expect(opened).toEqual(["examples/bugs/ab-ba-lock.ts"]);
    expect(runs).toEqual([{ programId: "p1", seed: 0, clock: "virtual" }]);
    await vi.waitFor(() => expect(store.getState().selection?.kind).toBe("diagnostic"), { timeout: 3000 });
    const s = store.getState();
    expect(s.loaded!.diagnostics[(s.selection as { index: number }).index]!.kind).toBe("deadlock");
    expect(s.cursor).toBe(model.indexOfSeq(deadlock.seq));
    expect(s.follow).toBe(false);
  });

  it("reports a program that cannot be opened", async () => {
    const store = storeWith(model, diagnostics);
    cleanups.push(installDebugger(store, { deps: fakeApi(replay).deps, keyTarget: null }));
    const ok = await openFailingSchedule(store, diagnostics[0]!, async () => {
      throw new Error("no such file: /x/examples/bugs/ab-ba-lock.ts");
    });
    expect(ok).toBe(false);
    expect(store.getState().debugError).toBe("cannot open examples/bugs/ab-ba-lock.ts: no such file: /x/examples/bugs/ab-ba-lock.ts");
  });
});
