// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from "vitest";
import { installKeyboard, isTypingTarget, keyAction, PAN_STEP, timeAtClientX, ZOOM_STEP, type KeyboardHooks } from "../../renderer/src/keyboard";
import { createStore, type StoreApi } from "../../renderer/src/store/store";
import { openIn } from "./panels/helpers";

describe("keyAction", () => {
  it.each([
    ["w", { type: "zoom", factor: ZOOM_STEP }],
    ["W", { type: "zoom", factor: ZOOM_STEP }],
    ["s", { type: "zoom", factor: 1 / ZOOM_STEP }],
    ["a", { type: "pan", fraction: -PAN_STEP }],
    ["d", { type: "pan", fraction: PAN_STEP }],
    ["f", { type: "fit" }],
    ["/", { type: "focus-search" }],
    ["?", { type: "help" }],
    ["Escape", { type: "escape" }],
    ["x", undefined],
    ["ArrowRight", undefined],
  ] as const)("%s → %j", (key, expected) => {
    expect(keyAction({ key })).toEqual(expected);
  });

  it("ignores keys with Ctrl, Cmd or Alt", () => {
    expect(keyAction({ key: "w", ctrlKey: true })).toBeUndefined();
    expect(keyAction({ key: "s", metaKey: true })).toBeUndefined();
    expect(keyAction({ key: "f", altKey: true })).toBeUndefined();
  });

  it("ignores keys typed into inputs, except Escape", () => {
    const input = document.createElement("input");
    expect(keyAction({ key: "w", target: input })).toBeUndefined();
    expect(keyAction({ key: "/", target: input })).toBeUndefined();
    expect(keyAction({ key: "Escape", target: input })).toEqual({ type: "escape" });
    const checkbox = document.createElement("input");
    checkbox.type = "checkbox";
    expect(keyAction({ key: "w", target: checkbox })).toEqual({ type: "zoom", factor: ZOOM_STEP });
    expect(isTypingTarget(document.createElement("textarea"))).toBe(true);
    expect(isTypingTarget(document.createElement("div"))).toBe(false);
  });
});

describe("timeAtClientX", () => {
  const rect = { left: 100, width: 200, top: 0, height: 50 };
  it("maps x linearly over the view and is undefined outside the element", () => {
    expect(timeAtClientX(rect, 100, 10, 0, 1000)).toBe(0);
    expect(timeAtClientX(rect, 150, 10, 0, 1000)).toBe(250);
    expect(timeAtClientX(rect, 300, 10, 1000, 2000)).toBe(2000);
    expect(timeAtClientX(rect, 99, 10, 0, 1000)).toBeUndefined();
    expect(timeAtClientX(rect, 150, 60, 0, 1000)).toBeUndefined();
  });
});

describe("installKeyboard", () => {
  let store: StoreApi;
  let hooks: KeyboardHooks & { mouse: number | undefined; help: number; search: number; overlay: boolean };
  let uninstall: () => void;
  const press = (key: string, target: EventTarget = document.body) => {
    const e = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true });
    target.dispatchEvent(e);
    return e;
  };
  beforeEach(async () => {
    uninstall?.();
    store = createStore();
    await openIn(store, "test/renderer/panels/fixtures/mixed.jsonl");
    hooks = {
      mouse: undefined, help: 0, search: 0, overlay: false,
      mouseTime: () => hooks.mouse,
      focusSearch: () => void hooks.search++,
      toggleHelp: () => void hooks.help++,
      closeOverlay: () => {
        const was = hooks.overlay;
        hooks.overlay = false;
        return was;
      },
    };
    uninstall = installKeyboard(window, store, hooks);
  });

  it("W zooms in around the mouse, S zooms out, F fits", () => {
    store.getState().setView(0, 1e7);
    hooks.mouse = 2e6;
    expect(press("w").defaultPrevented).toBe(true);
    const v = store.getState();
    expect(v.viewEnd - v.viewStart).toBeCloseTo(1e7 / ZOOM_STEP);
    expect((2e6 - v.viewStart) / (v.viewEnd - v.viewStart)).toBeCloseTo(0.2);
    hooks.mouse = undefined;
    press("s");
    expect(store.getState().viewEnd - store.getState().viewStart).toBeCloseTo(1e7);
    press("f");
    const end = store.getState().loaded!.model.timeOf(store.getState().loaded!.model.eventCount - 1);
    expect(store.getState().viewEnd).toBeCloseTo(end * 1.01);
  });

  it("A and D pan", () => {
    store.getState().setView(5e6, 1e7);
    press("d");
    expect(store.getState().viewStart).toBeCloseTo(5e6 + 5e6 * PAN_STEP);
    press("a");
    press("a");
    expect(store.getState().viewStart).toBeCloseTo(5e6 - 5e6 * PAN_STEP);
  });

  it("/ focuses the search, ? toggles help, keys in an input are left alone", () => {
    press("/");
    press("?");
    expect([hooks.search, hooks.help]).toEqual([1, 1]);
    const input = document.createElement("input");
    document.body.append(input);
    store.getState().setView(0, 1e7);
    const e = press("w", input);
    expect(e.defaultPrevented).toBe(false);
    expect(store.getState().viewEnd).toBe(1e7);
    input.remove();
  });

  it("Escape closes an overlay first, then clears selection, highlight and search", () => {
    const s = store.getState();
    s.focusDiagnostic(0); // worker-pools has no findings: nothing happens
    s.select({ kind: "goroutine", id: 2 });
    setHighlight(store);
    s.setFilterText("worker");
    hooks.overlay = true;
    press("Escape");
    expect(store.getState().selection).not.toBeNull();
    press("Escape");
    expect(store.getState().selection).toBeNull();
    expect(store.getState().highlight).toBeNull();
    expect(store.getState().filter.text).toBe("");
  });

  it("does nothing without a trace but still opens help", async () => {
    uninstall();
    const empty = createStore();
    uninstall = installKeyboard(window, empty, hooks);
    const zoom = vi.spyOn(empty.getState(), "zoom");
    press("w");
    press("?");
    expect(zoom).not.toHaveBeenCalled();
    expect(hooks.help).toBe(1);
  });
});

function setHighlight(store: StoreApi): void {
  store.setState({ highlight: { goroutines: new Set([2]), objects: new Set() } });
}
