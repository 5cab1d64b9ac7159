// @vitest-environment happy-dom
// Progress while a trace opens and is analyzed: a share done shows as a percentage and a bar of
// that width; work the backend does without reporting its share (negative progress) shows as a
// sweeping band and no number — never as "-100%".
import { afterEach, describe, expect, it } from "vitest";
import { AnalyzingNote } from "../../../renderer/src/panels/diagnostics-panel";
import { LoadingOverlay } from "../../../renderer/src/panels/overlays";
import { StatusBar } from "../../../renderer/src/panels/status-bar";
import { useStore } from "../../../renderer/src/store/store";
import { loadFile, one, render, update, type Rendered } from "./helpers";

describe("progress", () => {
  let view: Rendered;
  afterEach(() => view.unmount());

  it("while loading: a percentage when known, a sweeping band when not", () => {
    view = render(<LoadingOverlay />);
    update(() => useStore.getState().beginLoad({ name: "big.jsonl", bytes: 1 }));
    update(() => useStore.getState().setProgress(0.42, "reading"));
    const overlay = one(view.container, "loading");
    expect(overlay.textContent).toContain("Reading events · 42%");
    expect(overlay.getAttribute("aria-valuenow")).toBe("42");
    expect((overlay.querySelector(".progress-fill") as HTMLElement).style.width).toBe("42%");
    update(() => useStore.getState().setProgress(-1, "reading"));
    expect(overlay.textContent).toContain("Reading events");
    expect(overlay.textContent).not.toMatch(/%/);
    expect(overlay.hasAttribute("aria-valuenow")).toBe(false);
    expect(overlay.querySelector(".progress.indeterminate")).not.toBeNull();
  });

  it("while analyzing: the note and the status bar never show a negative share", async () => {
    const loaded = await loadFile("test/renderer/panels/fixtures/ab-ba-lock.jsonl");
    view = render(
      <>
        <AnalyzingNote what="findings" />
        <StatusBar />
      </>,
    );
    update(() => {
      useStore.getState().beginLoad({ name: "ab-ba-lock.jsonl", bytes: 1 });
      useStore.getState().finishLoad({ ...loaded, analysis: "pending", diagnostics: [], output: [] });
      useStore.getState().setProgress(-1, "analyzing");
    });
    expect(one(view.container, "analyzing").textContent).toBe("Analyzing the trace for findings…");
    expect(one(view.container, "status-analyzing").textContent).toBe("analyzing…");
    expect(view.container.querySelector(".progress.indeterminate")).not.toBeNull();
    update(() => useStore.getState().setProgress(0.5, "analyzing"));
    expect(one(view.container, "analyzing").textContent).toBe("Analyzing the trace for findings… 50%");
    expect(one(view.container, "status-analyzing").textContent).toBe("analyzing… 50%");
  });
});
