/**
 * A live run: streamed trace lines become a model in the store, rebuilt as more arrive without
 * losing the cursor or selection, following the newest event until the user steps; the end
 * update leaves the whole trace with its end reason; updates of other runs are ignored.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { GoroscopeApi, RunDescriptor, RunRequest, RunUpdate } from "../../../main/api/contract";
import { moveCursor } from "../../../renderer/src/debugger/actions";
import { createRunController, describeEnd, type RunController } from "../../../renderer/src/debugger/live-run";
import { analyzeBytes } from "../../../renderer/src/load/analyze-trace";
import { loadTrace } from "../../../renderer/src/load/load-trace";
import { createStore } from "../../../renderer/src/store/store";
import { bugTrace } from "./bug-traces";

const PROGRAM = { id: "p1", name: "ab-ba-lock.ts", path: "/x/ab-ba-lock.ts" };

function fakeBackend() {
  let listener: ((u: RunUpdate) => void) | undefined;
  const requests: RunRequest[] = [];
  const stopped: string[] = [];
  let next = 1;
  let beforeAnswer: ((runId: string) => void) | undefined;
  const api: Pick<GoroscopeApi, "runProgram" | "stopRun" | "onRunUpdate" | "setTitle"> = {
    async runProgram(req) {
      requests.push(req);
      const runId = `r${next++}`;
      beforeAnswer?.(runId);
      const d: RunDescriptor = { runId, program: PROGRAM, seed: req.seed, clock: req.clock, schedule: req.schedule ?? "go", tracePath: "/tmp/t.jsonl" };
      return d;
    },
    async stopRun(runId) {
      stopped.push(runId);
    },
    onRunUpdate(l) {
      listener = l;
      return () => (listener = undefined);
    },
    async setTitle() {},
  };
  return {
    api,
    requests,
    stopped,
    send: (u: RunUpdate) => listener!(u),
    onRunStarting: (f: (runId: string) => void) => (beforeAnswer = f),
  };
}

const { text } = bugTrace("bugs/ab-ba-lock");
const lines = text.split(/(?<=\n)/);
const deps = (api: ReturnType<typeof fakeBackend>["api"]) => ({
  api,
  load: (bytes: Uint8Array) => loadTrace(bytes),
  analyze: async (bytes: Uint8Array) => analyzeBytes(bytes),
});

let controller: RunController | undefined;
afterEach(() => controller?.dispose());

describe("live run", () => {
  it("shows the growing trace, keeps the user's cursor, and ends with the whole trace and its reason", async () => {
    const store = createStore();
    const backend = fakeBackend();
    controller = createRunController(store, deps(backend.api));
    store.getState().setProgram(PROGRAM);
    store.getState().setSeed(0);
    const run = await controller.start();
    expect(backend.requests).toEqual([{ programId: "p1", seed: 0, clock: "virtual" }]);
    expect(store.getState().runState).toBe("running");

    const half = lines.findIndex((l) => l.includes('"seq":8,'));
    backend.send({ runId: run!.runId, kind: "lines", text: lines.slice(0, half).join("") });
    await vi.waitFor(() => expect(store.getState().loaded?.model.eventCount).toBe(7), { timeout: 3000 });
    // Following: the cursor is on the newest event.
    expect(store.getState().cursor).toBe(6);

    moveCursor(store, 3);
    store.getState().select({ kind: "goroutine", id: 2 });
    expect(store.getState().follow).toBe(false);
    const firstModel = store.getState().loaded!.model;
    backend.send({ runId: run!.runId, kind: "lines", text: lines.slice(half, -1).join("") });
    await vi.waitFor(() => expect(store.getState().loaded?.model.eventCount).toBe(16), { timeout: 3000 });
    expect(store.getState().loaded!.model).not.toBe(firstModel);
    expect(store.getState().cursor).toBe(3);
    expect(store.getState().selection).toEqual({ kind: "goroutine", id: 2 });
    expect(store.getState().runState).toBe("running");

    backend.send({ runId: run!.runId, kind: "lines", text: lines.at(-1)! });
    backend.send({ runId: run!.runId, kind: "end", end: { kind: "finished", exitCode: 2, end: "deadlock" } });
    await vi.waitFor(() => expect(store.getState().runState).toBe("ended"), { timeout: 3000 });
    expect(store.getState().loaded!.model.end?.end).toBe("deadlock");
    expect(describeEnd(store.getState().runEnd!)).toBe("deadlock (exit code 2)");
    await vi.waitFor(() => expect(store.getState().loaded!.diagnostics.map((d) => d.kind).sort()).toEqual(["deadlock", "lock-order"]));
    expect(store.getState().cursor).toBe(3);
  });

  it("follows to the last event at the end while the user did not step", async () => {
    const store = createStore();
    const backend = fakeBackend();
    controller = createRunController(store, deps(backend.api));
    store.getState().setProgram(PROGRAM);
    const run = await controller.start();
    backend.send({ runId: run!.runId, kind: "lines", text });
    backend.send({ runId: run!.runId, kind: "end", end: { kind: "finished", exitCode: 2, end: "deadlock" } });
    await vi.waitFor(() => expect(store.getState().runState).toBe("ended"), { timeout: 3000 });
    expect(store.getState().cursor).toBe(15);
  });

  it("applies lines that arrive before the backend answers with the run id, and ignores other runs", async () => {
    const store = createStore();
    const backend = fakeBackend();
    controller = createRunController(store, deps(backend.api));
    store.getState().setProgram(PROGRAM);
    backend.onRunStarting((runId) => {
      backend.send({ runId: "someone-else", kind: "lines", text: "garbage\n" });
      backend.send({ runId, kind: "lines", text });
    });
    const run = await controller.start({ seed: 7 });
    expect(run?.seed).toBe(7);
    backend.send({ runId: "someone-else", kind: "end", end: { kind: "killed", exitCode: 2 } });
    backend.send({ runId: run!.runId, kind: "end", end: { kind: "finished", exitCode: 2, end: "deadlock" } });
    await vi.waitFor(() => expect(store.getState().runState).toBe("ended"), { timeout: 3000 });
    expect(store.getState().loaded!.model.eventCount).toBe(16);
    expect(store.getState().runEnd?.end).toBe("deadlock");
  });

  it("a rerun stops the previous run and drops its updates; a stopped run keeps its trace", async () => {
    const store = createStore();
    const backend = fakeBackend();
    controller = createRunController(store, deps(backend.api));
    store.getState().setProgram(PROGRAM);
    const first = await controller.start();
    const second = await controller.start();
    expect(backend.stopped).toEqual([first!.runId]);
    backend.send({ runId: first!.runId, kind: "lines", text });
    backend.send({ runId: second!.runId, kind: "lines", text: lines.slice(0, 10).join("") });
    await controller.stop();
    expect(backend.stopped).toEqual([first!.runId, second!.runId]);
    backend.send({ runId: second!.runId, kind: "end", end: { kind: "killed", exitCode: 2, message: "stopped by the user" } });
    await vi.waitFor(() => expect(store.getState().runState).toBe("ended"), { timeout: 3000 });
    expect(store.getState().loaded!.model.eventCount).toBeGreaterThan(0);
    expect(store.getState().loaded!.model.eventCount).toBeLessThan(16);
    expect(describeEnd(store.getState().runEnd!)).toBe("stopped: stopped by the user (exit code 2)");
  });

  it("reports a run that cannot start", async () => {
    const store = createStore();
    const backend = fakeBackend();
    backend.api.runProgram = async () => {
      throw new Error("no such file");
    };
    controller = createRunController(store, deps(backend.api));
    store.getState().setProgram(PROGRAM);
    expect(await controller.start()).toBeUndefined();
    expect(store.getState().debugError).toBe("cannot run ab-ba-lock.ts: no such file");
  });
});
