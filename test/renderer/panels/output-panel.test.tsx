// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import type { OutputLine } from "../../../renderer/src/load/load-trace";
import { OutputPanel } from "../../../renderer/src/panels/output-panel";
import { outputLineAt } from "../../../renderer/src/panels/output-lines";
import { useStore } from "../../../renderer/src/store/store";
import { all, click, openIn, render, update, type Rendered } from "./helpers";

const line = (seq: number): OutputLine => ({ seq, t: seq * 10, g: 1, text: `line ${seq}` });

describe("outputLineAt", () => {
  const lines = [line(5), line(9), line(20)];
  it.each([
    [undefined, -1],
    [1, -1],
    [5, 0],
    [8, 0],
    [9, 1],
    [19, 1],
    [20, 2],
    [1000, 2],
  ] as const)("cursor seq %s → line %d", (seq, expected) => {
    expect(outputLineAt(lines, seq)).toBe(expected);
  });
  it("is -1 without lines", () => expect(outputLineAt([], 10)).toBe(-1));
});

describe("OutputPanel", () => {
  let view: Rendered | undefined;
  afterEach(() => view?.unmount());

  it("shows each line with its time and goroutine and highlights the line at or before the cursor", async () => {
    const loaded = await openIn(useStore, "test/renderer/panels/fixtures/mixed.jsonl");
    view = render(<OutputPanel />);
    const rows = all(view.container, "output-line");
    expect(rows.map((r) => r.querySelector(".out-text")!.textContent)).toEqual(["queued 2 jobs", "worker took 1", "writer has both locks", "all done"]);
    expect(rows[1]!.textContent).toContain("10 ms");
    expect(rows[1]!.textContent).toContain("worker #2");
    expect(rows.filter((r) => r.dataset.current)).toHaveLength(0);

    // Cursor on an event between the 2nd (seq 24) and 3rd (seq 35) lines: the 2nd is current.
    const m = loaded.model;
    update(() => useStore.getState().setCursor(m.indexOfSeq(30)));
    const current = all(view.container, "output-line").filter((r) => r.dataset.current === "true");
    expect(current.map((r) => r.dataset.seq)).toEqual(["24"]);
    // Before the first line: none.
    update(() => useStore.getState().setCursor(m.indexOfSeq(3)));
    expect(all(view.container, "output-line").filter((r) => r.dataset.current)).toHaveLength(0);
  });

  it("clicking a line puts the cursor on its event and brings it into view", async () => {
    const loaded = await openIn(useStore, "test/renderer/panels/fixtures/mixed.jsonl");
    view = render(<OutputPanel />);
    update(() => useStore.getState().setView(0, 1_000_000)); // 0..1 ms: the 15 ms line is out of view
    const last = all(view.container, "output-line").find((r) => r.dataset.seq === "42")!;
    click(last);
    const s = useStore.getState();
    expect(s.cursor).toBe(loaded.model.indexOfSeq(42));
    expect(s.viewStart).toBeLessThanOrEqual(15_000_000);
    expect(s.viewEnd).toBeGreaterThanOrEqual(15_000_000);
    expect(all(view.container, "output-line").find((r) => r.dataset.current)?.dataset.seq).toBe("42");
  });
});
