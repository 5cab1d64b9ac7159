// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../traces/analysis";
import { DiagnosticsPanel } from "../../../renderer/src/panels/diagnostics-panel";
import { groupDiagnostics } from "../../../renderer/src/panels/diagnostic-groups";
import { useStore } from "../../../renderer/src/store/store";
import { all, click, one, openIn, render, update, type Rendered } from "./helpers";

const diag = (kind: Diagnostic["kind"], seq: number): Diagnostic => ({ kind, message: `${kind} ${seq}`, explanation: "", seq, t: seq, goroutines: [], objects: [] });

describe("groupDiagnostics", () => {
  it("groups by kind in the analyzer's kind order, keeping trace order and store indices", () => {
    const groups = groupDiagnostics([diag("leak", 1), diag("deadlock", 2), diag("leak", 3), diag("panic", 4), diag("lock-order", 5)]);
    expect(groups.map((g) => [g.kind, g.items])).toEqual([
      ["deadlock", [1]],
      ["leak", [0, 2]],
      ["lock-order", [4]],
      ["panic", [3]],
    ]);
  });
  it("has no groups without findings", () => {
    expect(groupDiagnostics([])).toEqual([]);
  });
});

describe("DiagnosticsPanel", () => {
  let view: Rendered | undefined;
  afterEach(() => view?.unmount());

  it("lists every finding with its kind, message, explanation, goroutines and objects", async () => {
    const loaded = await openIn(useStore, "test/renderer/panels/fixtures/mixed.jsonl");
    view = render(<DiagnosticsPanel />);
    const cards = all(view.container, "diagnostic");
    expect(cards).toHaveLength(loaded.diagnostics.length);
    expect(cards.length).toBeGreaterThan(0);
    const d = loaded.diagnostics[0]!;
    expect(cards[0]!.dataset.kind).toBe("leak");
    expect(cards[0]!.textContent).toContain(d.message);
    expect(cards[0]!.textContent).toContain(d.explanation);
    expect(cards[0]!.textContent).toContain("leaker #4");
    expect(cards[0]!.textContent).toContain("mixed.ts:34");
    expect(cards[0]!.textContent).toContain("stuck");
    expect(one(view.container, "group-count").textContent).toBe("1");
  });

  it("clicking a finding focuses it: selected, cursor, highlight; clear highlight undoes the highlight", async () => {
    const loaded = await openIn(useStore, "test/renderer/panels/fixtures/ab-ba-lock.jsonl");
    view = render(<DiagnosticsPanel />);
    const cards = all(view.container, "diagnostic");
    expect(cards).toHaveLength(2);
    click(cards[1]!);
    const s = useStore.getState();
    expect(s.selection).toEqual({ kind: "diagnostic", index: 1 });
    expect(s.loaded!.model.seqOf(s.cursor!)).toBe(loaded.diagnostics[1]!.seq);
    expect([...s.highlight!.goroutines]).toEqual(loaded.diagnostics[1]!.goroutines.map((g) => g.g));
    expect(all(view.container, "diagnostic")[1]!.dataset.selected).toBe("true");
    expect(all(view.container, "diagnostic")[0]!.dataset.selected).toBeUndefined();
    click(one(view.container, "clear-highlight"));
    expect(useStore.getState().highlight).toBeNull();
  });

  it("a goroutine link in a finding selects that goroutine", async () => {
    await openIn(useStore, "test/renderer/panels/fixtures/mixed.jsonl");
    view = render(<DiagnosticsPanel />);
    click(view.container.querySelector('[data-ref="goroutine:4"]'));
    expect(useStore.getState().selection).toEqual({ kind: "goroutine", id: 4 });
  });

  it("says what was checked when there are no findings", async () => {
    await openIn(useStore, "test/renderer/panels/fixtures/ok-ab-ba-lock.jsonl");
    view = render(<DiagnosticsPanel />);
    expect(all(view.container, "diagnostic")).toHaveLength(0);
    const empty = one(view.container, "no-findings");
    expect(empty.textContent).toContain("No findings");
    expect(empty.textContent).toContain("deadlocks");
    expect(empty.textContent).toContain("leaks");
  });

  it("says it is analyzing until the findings arrive", async () => {
    const loaded = await openIn(useStore, "test/renderer/panels/fixtures/ab-ba-lock.jsonl");
    update(() => useStore.getState().finishLoad({ ...loaded, analysis: "pending", diagnostics: [], output: [] }));
    view = render(<DiagnosticsPanel />);
    expect(one(view.container, "analyzing").textContent).toContain("Analyzing");
    update(() => useStore.getState().finishAnalysis(useStore.getState().loaded!.model, loaded));
    expect(all(view.container, "diagnostic")).toHaveLength(2);
  });
});
