// @vitest-environment happy-dom
/** The whole shell mounted: welcome first, then a trace with its panels, theme, help, drop overlay. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../../renderer/src/App";
import { api } from "../../../renderer/src/api/client";
import { useUi } from "../../../renderer/src/panels/ui-store";
import { useStore } from "../../../renderer/src/store/store";
import { all, click, one, openIn, render, update, type Rendered } from "./helpers";

describe("App", () => {
  let view: Rendered;
  afterEach(() => view.unmount());

  it("shows the welcome screen, then the trace with toolbar, legend, sidebar and status bar", async () => {
    vi.spyOn(api, "onMenuCommand").mockReturnValue(() => undefined);
    view = render(<App />);
    const root = view.container;
    expect(one(root, "welcome")).toBeTruthy();
    expect(one(root, "toolbar")).toBeTruthy();
    await openIn(useStore, "test/renderer/panels/fixtures/mixed.jsonl");
    update(() => undefined);
    expect(root.querySelector('[data-testid="welcome"]')).toBeNull();
    expect(one(root, "timeline")).toBeTruthy();
    expect(one(root, "legend").textContent).toContain("blocked");
    expect(one(root, "trace-name").textContent).toContain("mixed.jsonl");
    expect(one(root, "trace-name").textContent).toContain("43 events");
    expect(one(root, "status-end").textContent).toBe("ended: main-returned");
    expect(all(root, "diagnostic")).toHaveLength(1);
    // Selecting a goroutine switches the sidebar to the inspector.
    update(() => useStore.getState().select({ kind: "goroutine", id: 2 }));
    expect(useUi.getState().tab).toBe("inspector");
    expect(one(root, "tab-inspector").getAttribute("aria-selected")).toBe("true");
  });

  it("applies the theme to the document and toggles it from the toolbar", () => {
    view = render(<App />);
    const before = useStore.getState().theme;
    expect(document.documentElement.dataset.theme).toBe(before);
    click(one(view.container, "theme-toggle"));
    expect(document.documentElement.dataset.theme).toBe(before === "dark" ? "light" : "dark");
  });

  it("opens help with ? and closes it with Escape; shows the drop overlay while a file is dragged", () => {
    view = render(<App />);
    update(() => void window.dispatchEvent(new KeyboardEvent("keydown", { key: "?", bubbles: true })));
    expect(one(view.container, "help-overlay").textContent).toContain("Zoom in / out");
    update(() => void window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true })));
    expect(view.container.querySelector('[data-testid="help-overlay"]')).toBeNull();
    update(() => useUi.getState().setDragging(true));
    expect(one(view.container, "drop-overlay").textContent).toContain("Drop a trace file");
    update(() => useUi.getState().setDragging(false));
  });
});

describe("search and kind filter", () => {
  it("the search box sets the filter text; the kind menu toggles kinds and closes on Escape", async () => {
    await openIn(useStore, "test/renderer/panels/fixtures/mixed.jsonl");
    const view = render(<App />);
    const input = one(view.container, "search") as HTMLInputElement;
    update(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
      setter.call(input, "worker");
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    expect(useStore.getState().filter.text).toBe("worker");
    click(one(view.container, "kind-filter"));
    click(view.container.querySelector('[data-kind="chan.send"]'));
    expect([...useStore.getState().filter.kinds]).toEqual(["chan.send"]);
    update(() => void window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true })));
    expect(view.container.querySelector('[data-testid="kind-menu"]')).toBeNull();
    expect(useStore.getState().filter.text).toBe("worker"); // that Escape only closed the menu
    view.unmount();
  });
});
