/**
 * The debugger's keys (active while a trace is open; ignored while typing in a field, with Ctrl,
 * Cmd or Alt held, or when another handler already took the key):
 *
 *   ArrowRight / ArrowLeft           next / previous event
 *   Shift+ArrowRight / Shift+ArrowLeft  next / previous event of the selected goroutine or object
 *                                    (with an event or nothing selected: that event's goroutine)
 *   ] / [                            next / previous block (go.block)
 *   } / {                            next / previous unblock (go.unblock)
 *   . / ,                            next / previous finding
 *   F8 / Shift+F8                    continue to the next / previous breakpoint
 *   Home / End                       first / last event
 *   Space                            play / pause
 */
import type { StoreApi } from "../store/store";
import { continueRun, jumpTo, stepBlock, stepEntityOf, stepOne, stepToFinding, stepUnblock } from "./actions";

export interface KeyBinding {
  readonly keys: string;
  readonly does: string;
}

/** For a help overlay. */
export const DEBUGGER_KEYS: readonly KeyBinding[] = [
  { keys: "→ / ←", does: "next / previous event" },
  { keys: "Shift+→ / Shift+←", does: "next / previous event of the selected goroutine or object" },
  { keys: "] / [", does: "next / previous block" },
  { keys: "} / {", does: "next / previous unblock" },
  { keys: ". / ,", does: "next / previous finding" },
  { keys: "F8 / Shift+F8", does: "continue to the next / previous breakpoint" },
  { keys: "Home / End", does: "first / last event" },
  { keys: "Space", does: "play / pause" },
];

/** Whether a key event comes from somewhere text is typed. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as (HTMLElement & { isContentEditable?: boolean }) | null;
  if (!el || typeof el.tagName !== "string") return false;
  const tag = el.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select" || el.isContentEditable) return true;
  if (tag !== "input") return false;
  const type = ((el as HTMLInputElement).type ?? "text").toLowerCase();
  return !["button", "checkbox", "radio", "range", "submit", "reset", "color", "file"].includes(type);
}

type Command = (store: StoreApi, shift: boolean) => void;

const COMMANDS: Readonly<Record<string, Command>> = {
  ArrowRight: (store, shift) => (shift ? stepEntityOf(store, 1) : stepOne(store, 1)),
  ArrowLeft: (store, shift) => (shift ? stepEntityOf(store, -1) : stepOne(store, -1)),
  "]": (store) => stepBlock(store, 1),
  "[": (store) => stepBlock(store, -1),
  "}": (store) => stepUnblock(store, 1),
  "{": (store) => stepUnblock(store, -1),
  ".": (store) => stepToFinding(store, 1),
  ",": (store) => stepToFinding(store, -1),
  F8: (store, shift) => continueRun(store, shift ? -1 : 1),
  Home: (store) => jumpTo(store, "first"),
  End: (store) => jumpTo(store, "last"),
  " ": (store) => store.getState().setPlaying(!store.getState().playing),
};

/** Handles one key; true when it was the debugger's. */
export function handleDebuggerKey(store: StoreApi, e: Pick<KeyboardEvent, "key" | "shiftKey" | "ctrlKey" | "metaKey" | "altKey" | "target">): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return false;
  const command = Object.hasOwn(COMMANDS, e.key) ? COMMANDS[e.key] : undefined;
  if (!command || !store.getState().loaded) return false;
  command(store, e.shiftKey);
  return true;
}

export function installKeys(store: StoreApi, target: Pick<Window, "addEventListener" | "removeEventListener"> = window): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented) return;
    // A focused button would also "click" on Space: the debugger's play/pause wins.
    if (handleDebuggerKey(store, e)) e.preventDefault();
  };
  target.addEventListener("keydown", onKey as EventListener);
  return () => target.removeEventListener("keydown", onKey as EventListener);
}
