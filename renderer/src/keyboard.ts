/**
 * Keyboard navigation as in Perfetto and Chrome tracing: W/S zoom in/out around the mouse (or the
 * centre), A/D pan, F fit, / focuses the search box, Escape clears selection, highlight and search,
 * ? toggles the help overlay. Keys typed into an input only reach it (Escape excepted, which leaves
 * the input). `keyAction` is the pure mapping; `installKeyboard` wires it to the window.
 */
import type { StoreApi } from "./store/store";

export type KeyAction =
  | { readonly type: "zoom"; readonly factor: number }
  | { readonly type: "pan"; readonly fraction: number }
  | { readonly type: "fit" }
  | { readonly type: "focus-search" }
  | { readonly type: "escape" }
  | { readonly type: "help" };

/** Zoom step per key press (key repeat makes a held key zoom smoothly). */
export const ZOOM_STEP = 1.25;
/** Pan step per key press, as a fraction of the visible span. */
export const PAN_STEP = 0.15;

/** The shortcuts, for the help overlay. */
export const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ["W / S", "Zoom in / out around the mouse"],
  ["A / D", "Pan left / right"],
  ["F", "Fit the whole trace"],
  ["/", "Focus the search box"],
  ["Esc", "Clear selection, highlight and search"],
  ["?", "Show this help"],
];

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
  readonly target?: EventTarget | null;
}

/** True when the event's target takes text: keys there belong to it. */
export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  const el = target as (Partial<HTMLElement> & { tagName?: string; type?: string }) | null | undefined;
  if (!el || typeof el.tagName !== "string") return false;
  const tag = el.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return !["checkbox", "radio", "button", "submit", "range"].includes((el.type ?? "text").toLowerCase());
  return el.isContentEditable === true;
}

export function keyAction(e: KeyLike): KeyAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  if (e.key === "Escape") return { type: "escape" };
  if (isTypingTarget(e.target)) return undefined;
  switch (e.key) {
    case "w": case "W": return { type: "zoom", factor: ZOOM_STEP };
    case "s": case "S": return { type: "zoom", factor: 1 / ZOOM_STEP };
    case "a": case "A": return { type: "pan", fraction: -PAN_STEP };
    case "d": case "D": return { type: "pan", fraction: PAN_STEP };
    case "f": case "F": return { type: "fit" };
    case "/": return { type: "focus-search" };
    case "?": return { type: "help" };
    default: return undefined;
  }
}

export interface KeyboardHooks {
  /** The x under the mouse when it is over the timeline (in the view's unit: ns, or events on the event axis), else undefined. */
  mouseTime(): number | undefined;
  focusSearch(): void;
  toggleHelp(): void;
  /** Closes an open overlay (help); true when there was one, so Escape does nothing else. */
  closeOverlay(): boolean;
}

/** Carries out an action on the store; returns false when it did nothing. */
export function runKeyAction(store: StoreApi, action: KeyAction, hooks: KeyboardHooks, target?: EventTarget | null): boolean {
  const s = store.getState();
  switch (action.type) {
    case "zoom":
      s.zoom(action.factor, hooks.mouseTime());
      return true;
    case "pan":
      s.pan(action.fraction);
      return true;
    case "fit":
      s.fit();
      return true;
    case "focus-search":
      hooks.focusSearch();
      return true;
    case "help":
      hooks.toggleHelp();
      return true;
    case "escape":
      if (hooks.closeOverlay()) return true;
      if (isTypingTarget(target)) (target as HTMLElement).blur?.();
      s.select(null);
      s.clearHighlight();
      s.setFilterText("");
      return true;
  }
}

/** Listens on `win` (the window); returns the uninstall function. */
export function installKeyboard(win: Window, store: StoreApi, hooks: KeyboardHooks): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const action = keyAction(e);
    if (!action || !store.getState().loaded && action.type !== "help" && action.type !== "escape") return;
    if (runKeyAction(store, action, hooks, e.target)) e.preventDefault();
  };
  win.addEventListener("keydown", onKey);
  return () => win.removeEventListener("keydown", onKey);
}

/** The view's x (ns, or an event position on the event axis) under client x for an element spanning the view; undefined outside it. */
export function timeAtClientX(rect: Pick<DOMRect, "left" | "width" | "top" | "height">, x: number, y: number, viewStart: number, viewEnd: number): number | undefined {
  if (rect.width <= 0 || x < rect.left || x > rect.left + rect.width || y < rect.top || y > rect.top + rect.height) return undefined;
  return viewStart + ((x - rect.left) / rect.width) * (viewEnd - viewStart);
}
