// @vitest-environment happy-dom
/**
 * The Timeline component's DOM contract (the Playwright suite relies on it): one lane label per
 * visible goroutine with its id and name, one track label per channel/lock/WaitGroup with kind
 * and id, the view range as attributes, folding and diagnostic highlighting on the labels.
 */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { useStore } from "../../../renderer/src/store/store";
import { Timeline } from "../../../renderer/src/timeline";
import { modelOfText, sampleText } from "./helpers";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;

beforeEach(async () => {
  host = document.createElement("div");
  document.body.appendChild(host);
  const model = modelOfText(sampleText("worker-pool-results"));
  useStore.getState().finishLoad({ model, diagnostics: [], output: [], analysis: "done", warnings: [] } as never);
  root = createRoot(host);
  await act(async () => root.render(<Timeline />));
});

afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
});

const lanes = () => [...host.querySelectorAll<HTMLElement>('[data-testid="lane-label"]')];

describe("Timeline", () => {
  test("labels: a lane per goroutine (tree order), a track per channel, lock and WaitGroup", () => {
    const model = useStore.getState().loaded!.model;
    expect(lanes().map((l) => Number(l.dataset.g))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const l of lanes()) expect(l.textContent).toContain(model.goroutine(Number(l.dataset.g))!.name);
    const tracks = [...host.querySelectorAll<HTMLElement>('[data-testid="track-label"]')].map((t) => [t.dataset.kind, Number(t.dataset.id)]);
    const expected = model.objects.filter((o) => ["chan", "mutex", "rwmutex", "wg"].includes(o.kind)).map((o) => [o.kind, o.id]);
    expect(tracks.sort()).toEqual(expected.sort());
    expect(host.querySelector('[data-testid="timeline-canvas"]')).not.toBeNull();
  });

  test("the view range is on the container and follows the store", async () => {
    const tl = host.querySelector<HTMLElement>('[data-testid="timeline"]')!;
    await act(async () => useStore.getState().setView(1000, 5000));
    expect([Number(tl.dataset.viewStart), Number(tl.dataset.viewEnd)]).toEqual([1000, 5000]);
  });

  test("data-axis and the view range follow the axis toggle", async () => {
    const tl = host.querySelector<HTMLElement>('[data-testid="timeline"]')!;
    const n = useStore.getState().loaded!.model.eventCount;
    expect(tl.dataset.axis).toBe("time");
    await act(async () => useStore.getState().setAxis("events"));
    expect(tl.dataset.axis).toBe("events");
    expect(Number(tl.dataset.viewStart)).toBeCloseTo(-n * 0.01);
    expect(Number(tl.dataset.viewEnd)).toBeCloseTo(n * 1.01);
    await act(async () => useStore.getState().setAxis("time"));
    expect(tl.dataset.axis).toBe("time");
  });

  test("folding a goroutine hides the lanes of those it created", async () => {
    const toggle = lanes()[1]!.querySelector("button")!; // worker pool #2 created #3..#7
    await act(async () => toggle.click());
    expect(lanes().map((l) => Number(l.dataset.g))).toEqual([1, 2]);
    expect(useStore.getState().collapsed.has(2)).toBe(true);
  });

  test("a focused diagnostic marks its goroutines highlighted and the others dimmed", async () => {
    await act(async () => useStore.setState({ highlight: { goroutines: new Set([3]), objects: new Set() } }));
    const marks = lanes().map((l) => [l.dataset.g, l.dataset.highlighted ?? "", l.dataset.dimmed ?? ""]);
    expect(marks.find(([g]) => g === "3")).toEqual(["3", "true", ""]);
    expect(marks.find(([g]) => g === "1")).toEqual(["1", "", "true"]);
  });

  test("the filter text hides lanes and tracks that do not match", async () => {
    await act(async () => useStore.getState().setFilterText("results"));
    expect(lanes()).toHaveLength(0);
    const tracks = [...host.querySelectorAll<HTMLElement>('[data-testid="track-label"]')];
    expect(tracks.map((t) => t.textContent)).toEqual([expect.stringContaining("results")]);
  });

  test("clicking a lane label selects its goroutine", async () => {
    await act(async () => lanes()[2]!.click());
    expect(useStore.getState().selection).toEqual({ kind: "goroutine", id: 3 });
  });
});
