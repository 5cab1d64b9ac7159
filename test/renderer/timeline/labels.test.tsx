// @vitest-environment happy-dom
/**
 * The gutter mounts labels only for the rows in view (plus overscan), each where it would be if all
 * were mounted: its row's y, its shade by index among all rows, its selection and diagnostic marks.
 * happy-dom has no layout, so the gutter's height is stubbed (200 px: ten lanes).
 */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { useStore } from "../../../renderer/src/store/store";
import { palette } from "../../../renderer/src/theme/palette";
import { Timeline } from "../../../renderer/src/timeline";
import { ROW_HEIGHT } from "../../../renderer/src/timeline/data/layout";
import { LABEL_OVERSCAN } from "../../../renderer/src/timeline/labels";
import { modelOf } from "./helpers";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HEIGHT = 200;
const CHILDREN = 300;
/** Lane k (0: main, k: goroutine #k+1) is row k + 1, under the goroutines' section header. */
const laneTop = (k: number) => ROW_HEIGHT.section + k * ROW_HEIGHT.g;

let host: HTMLDivElement;
let root: Root;

beforeEach(async () => {
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(HEIGHT);
  const events: Record<string, unknown>[] = [{ t: 0, g: 1, k: "chan.make", ch: 1000, cap: 0, name: "done" }];
  for (let c = 2; c <= CHILDREN + 1; c++) events.push({ t: c, g: 1, k: "go.create", child: c, name: `worker-${c}` });
  useStore.getState().finishLoad({ model: modelOf(events), diagnostics: [], output: [], analysis: "done", warnings: [] } as never);
  host = document.createElement("div");
  document.body.appendChild(host);
  root = createRoot(host);
  await act(async () => root.render(<Timeline />));
});

afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
  vi.restoreAllMocks();
});

const lanes = () => [...host.querySelectorAll<HTMLElement>('[data-testid="lane-label"]')];
const ids = () => lanes().map((l) => Number(l.dataset.g));
const lane = (g: number) => host.querySelector<HTMLElement>(`[data-testid="lane-label"][data-g="${g}"]`);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("Labels: only the rows in view", () => {
  test("at the top: the header and the lanes in view plus overscan, in a container as tall as all rows", () => {
    // Rows 0..9 are in view (the header and lanes 0..8), rows 10..19 are the overscan.
    const shown = HEIGHT / ROW_HEIGHT.g + LABEL_OVERSCAN - 1;
    expect(ids()).toEqual(range(1, shown));
    expect(host.querySelectorAll("[data-section]")).toHaveLength(1);
    expect(host.querySelectorAll('[data-testid="track-label"]')).toHaveLength(0);
    lanes().forEach((l, k) => expect(l.style.top).toBe(`${laneTop(k)}px`));
    const inner = lanes()[0]!.parentElement!;
    const total = laneTop(CHILDREN + 1) + ROW_HEIGHT.section + ROW_HEIGHT.chan;
    expect(inner.style.height).toBe(`${total}px`);
  });

  test("scrolling the store's scrollY (as wheel, keys and code do) mounts the rows there at once", async () => {
    const k = 150; // lane 150 (#151, row 151) at the top of the gutter
    await act(async () => useStore.getState().setScrollY(laneTop(k)));
    expect(ids()).toEqual(range(k + 1 - LABEL_OVERSCAN, k + 1 + HEIGHT / ROW_HEIGHT.g - 1 + LABEL_OVERSCAN));
    for (const l of lanes()) expect(l.style.top).toBe(`${laneTop(Number(l.dataset.g) - 1)}px`);
    // Shaded by index among all rows, odd ones: goroutine #g is row g.
    const alt = palette(useStore.getState().theme).rowAlt;
    expect([151, 152, 153, 154].map((g) => lane(g)!.style.background)).toEqual([alt, "transparent", alt, "transparent"]);
  });

  test("the bottom: the channel's section and track", async () => {
    await act(async () => useStore.getState().setScrollY(100_000));
    expect(host.querySelector('[data-section="chan"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="track-label"][data-kind="chan"][data-id="1000"]')).not.toBeNull();
    // Past the last row: the last LABEL_OVERSCAN rows, i.e. lanes #294..#301, the header, the track.
    expect(ids()).toEqual(range(CHILDREN + 1 - (LABEL_OVERSCAN - 2) + 1, CHILDREN + 1));
  });

  test("selection and diagnostic marks apply to rows mounted later", async () => {
    await act(async () => {
      useStore.getState().select({ kind: "goroutine", id: 200 });
      useStore.setState({ highlight: { goroutines: new Set([201]), objects: new Set() } });
    });
    expect(lane(200)).toBeNull();
    await act(async () => useStore.getState().setScrollY(laneTop(195)));
    expect(lane(200)!.style.background).toBe(palette(useStore.getState().theme).selection);
    expect(lane(201)!.dataset.highlighted).toBe("true");
    expect(lane(202)!.dataset.dimmed).toBe("true");
  });

  test("clicking a label mounted by scrolling selects its goroutine", async () => {
    await act(async () => useStore.getState().setScrollY(laneTop(250)));
    await act(async () => lane(255)!.click());
    expect(useStore.getState().selection).toEqual({ kind: "goroutine", id: 255 });
  });
});
