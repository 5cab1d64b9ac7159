// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { InitialState, TraceDescriptor } from "../../../main/api/contract";
import { prepareTrace } from "../../../main/app/prepare-trace";
import { api } from "../../../renderer/src/api/client";
import { shortPath, timeAgo, Welcome } from "../../../renderer/src/panels/welcome";
import { useStore } from "../../../renderer/src/store/store";
import { all, click, one, openIn, render, ROOT, update, type Rendered } from "./helpers";

const NOW = Date.UTC(2026, 0, 10, 12);
const initial: InitialState = {
  mode: "browser",
  version: "0.0.0-test",
  trace: null,
  samples: [
    { name: "worker-pools", title: "Worker pools", description: "Three workers take jobs.", events: 63, goroutines: 4, isDefault: true },
    { name: "leak", title: "Bug: leaked workers", description: "Nobody closes jobs.", events: 1234, goroutines: 3, isDefault: false },
  ],
  recent: [{ path: "/home/u/traces/run.jsonl", name: "run.jsonl", openedAt: NOW - 3 * 3600_000 }],
};

describe("timeAgo", () => {
  it.each([
    [10_000, "just now"],
    [5 * 60_000, "5 min ago"],
    [3 * 3600_000, "3 h ago"],
    [36 * 3600_000, "1 day ago"],
    [3 * 86400_000, "3 days ago"],
    [30 * 86400_000, "2025-12-11"],
  ] as const)("%d ms ago → %s", (ago, text) => expect(timeAgo(NOW - ago, NOW)).toBe(text));
});

describe("Welcome", () => {
  let view: Rendered;
  beforeEach(() => {
    useStore.setState({ status: "welcome", loaded: null, opened: null, loadError: null });
    useStore.getState().setInitial(initial);
    view = render(<Welcome />);
  });
  afterEach(() => {
    view.unmount();
    vi.restoreAllMocks();
  });

  it("offers the bundled samples with title, description and size, and the recent files", () => {
    const samples = all(view.container, "sample");
    expect(samples.map((s) => s.dataset.name)).toEqual(["worker-pools", "leak"]);
    expect(samples[1]!.textContent).toContain("Bug: leaked workers");
    expect(samples[1]!.textContent).toContain("Nobody closes jobs.");
    expect(samples[1]!.textContent).toContain("1,234 events · 3 goroutines");
    expect(samples[0]!.textContent).toContain("default");
    const recent = all(view.container, "recent");
    expect(recent).toHaveLength(1);
    expect(recent[0]!.textContent).toContain("run.jsonl");
    expect(recent[0]!.textContent).toContain("/home/u/traces/run.jsonl");
    // Browser mode: a real file input, and the drop hint.
    expect(one(view.container, "file-input").getAttribute("type")).toBe("file");
    expect(one(view.container, "welcome").textContent).toContain("drop a trace file");
    expect(view.container.querySelector('[data-testid="back-to-trace"]')).toBeNull();
  });

  it("clicking a sample opens it through the backend", async () => {
    const bytes = new Uint8Array(readFileSync(`${ROOT}/test/renderer/panels/fixtures/ab-ba-lock.jsonl`));
    const descriptor: TraceDescriptor = { id: "t1", name: "leak.jsonl", bytes: bytes.byteLength, origin: "sample" };
    const openSample = vi.spyOn(api, "openSample").mockResolvedValue(descriptor);
    const { prepared, analyze } = prepareTrace(bytes, "leak.jsonl");
    vi.spyOn(api, "readModel").mockResolvedValue(prepared);
    vi.spyOn(api, "readAnalysis").mockImplementation(async () => analyze!());
    vi.spyOn(api, "setTitle").mockResolvedValue();
    click(all(view.container, "sample")[1]!);
    await vi.waitFor(() => expect(useStore.getState().loaded?.analysis).toBe("done"));
    expect(openSample).toHaveBeenCalledWith("leak");
    expect(useStore.getState().status).toBe("ready");
    expect(useStore.getState().opened?.name).toBe("leak.jsonl");
    expect(useStore.getState().loaded!.diagnostics.map((d) => d.kind)).toEqual(["deadlock", "lock-order"]);
  });

  it("clicking a recent file reopens it by path; a failure is reported", async () => {
    const openRecent = vi.spyOn(api, "openRecent").mockRejectedValue(new Error("ENOENT: no such file"));
    click(all(view.container, "recent")[0]!);
    await vi.waitFor(() => expect(useStore.getState().loadError).not.toBeNull());
    expect(openRecent).toHaveBeenCalledWith("/home/u/traces/run.jsonl");
    expect(useStore.getState().loadError).toEqual({ name: "run.jsonl", message: "ENOENT: no such file", line: undefined });
    expect(useStore.getState().status).toBe("welcome");
  });

  it("offers a way back to the open trace", async () => {
    await openIn(useStore, "test/renderer/panels/fixtures/ab-ba-lock.jsonl");
    update(() => useStore.getState().showWelcome());
    click(one(view.container, "back-to-trace"));
    expect(useStore.getState().status).toBe("ready");
  });
});

describe("shortPath", () => {
  it("keeps short paths and cuts long ones at the start", () => {
    expect(shortPath("/a/b.jsonl", 20)).toBe("/a/b.jsonl");
    expect(shortPath("/home/user/projects/traces/run.jsonl", 16)).toBe("…races/run.jsonl");
  });
});
