// @vitest-environment happy-dom
/**
 * A trace whose names, values, file names and output hold markup and script must show them as
 * text: no element is ever created from a trace's strings (fixtures/markup.jsonl).
 */
import { afterEach, describe, expect, it } from "vitest";
import { LoadErrorBanner, LoadWarningBanner } from "../../../renderer/src/panels/banners";
import { DiagnosticsPanel } from "../../../renderer/src/panels/diagnostics-panel";
import { Inspector } from "../../../renderer/src/panels/inspector/inspector";
import { OutputPanel } from "../../../renderer/src/panels/output-panel";
import { StatusBar } from "../../../renderer/src/panels/status-bar";
import type { Selection } from "../../../renderer/src/store/selection-slice";
import { useStore } from "../../../renderer/src/store/store";
import { all, openIn, render, update, type Rendered } from "./helpers";

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert(1)</script>";

/** Elements a trace string could have smuggled in. */
const injected = (root: ParentNode) => root.querySelectorAll("img, script, b, iframe, [onerror]");

describe("markup in a trace is shown as text", () => {
  let view: Rendered | undefined;
  afterEach(() => view?.unmount());

  function renderAll(): HTMLElement {
    view = render(
      <>
        <LoadErrorBanner />
        <LoadWarningBanner />
        <DiagnosticsPanel />
        <Inspector />
        <OutputPanel />
        <StatusBar />
      </>,
    );
    return view.container;
  }

  it("in findings, output, status and every inspector view", async () => {
    const loaded = await openIn(useStore, "test/renderer/panels/fixtures/markup.jsonl");
    const root = renderAll();
    expect(all(root, "diagnostic")).toHaveLength(1);
    expect(root.textContent).toContain(`goroutine ${SCRIPT} leaked`);
    expect(root.textContent).toContain("<img src=z onerror=alert(7)>.ts:12");
    expect(all(root, "output-line")[0]!.textContent).toContain(`<script>alert(3)</script> <img src=x onerror=alert(4)>`);
    expect(injected(root)).toHaveLength(0);

    const selections: Selection[] = [
      { kind: "goroutine", id: 2 },
      ...loaded.model.objects.map((o): Selection => ({ kind: "object", id: o.id })),
      ...Array.from({ length: loaded.model.eventCount }, (_, index): Selection => ({ kind: "event", index })),
      { kind: "diagnostic", index: 0 },
    ];
    let seen = "";
    for (const selection of selections) {
      update(() => useStore.getState().select(selection));
      update(() => useStore.getState().setCursor(loaded.model.eventCount - 1));
      expect(injected(root), JSON.stringify(selection)).toHaveLength(0);
      seen += root.textContent;
    }
    expect(seen).toContain(SCRIPT); // goroutine name
    expect(seen).toContain(IMG); // channel name
    expect(seen).toContain(`"${IMG}"`); // a buffered value
    expect(seen).toContain("<img src=y onerror=alert(5)>"); // mutex name
    expect(seen).toContain("<script>alert('wg')</script>"); // WaitGroup name
  });

  it("in load errors and warnings", async () => {
    await openIn(useStore, "test/renderer/panels/fixtures/markup.jsonl");
    update(() => useStore.setState({ loaded: { ...useStore.getState().loaded!, warnings: [`line 9: ${SCRIPT}`] } }));
    const root = renderAll();
    update(() => useStore.getState().failLoad(`${IMG}.jsonl`, `line 3: unexpected ${SCRIPT}`, 3));
    expect(root.querySelector('[data-testid="load-error"]')!.textContent).toContain(`Could not open ${IMG}.jsonl`);
    expect(root.querySelector('[data-testid="load-error"]')!.textContent).toContain(`line 3: unexpected ${SCRIPT}`);
    expect(root.querySelector('[data-testid="load-warning"]')!.textContent).toContain(`line 9: ${SCRIPT}`);
    expect(injected(root)).toHaveLength(0);
  });
});
