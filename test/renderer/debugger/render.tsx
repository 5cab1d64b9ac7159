/** Rendering helpers for the debugger's component tests (happy-dom). */
import { act } from "react";
import type { Diagnostic } from "../../../traces/analysis";
import type { TraceModel } from "../../../traces/model";
import { createStore, type StoreApi } from "../../../renderer/src/store/store";


/** A store with a loaded trace, as the app has after opening it and analyzing it. */
export function storeWith(model: TraceModel, diagnostics: readonly Diagnostic[] = []): StoreApi {
  const store = createStore();
  store.getState().beginLoad({ name: "t.jsonl", bytes: 0 });
  store.getState().finishLoad({ model, diagnostics, output: [], analysis: "done", warnings: [] });
  return store;
}

export { render, type Rendered } from "../render";

export const update = (fn: () => void): void => act(fn);

export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

export function click(el: Element | null | undefined): void {
  if (!el) throw new Error("nothing to click");
  act(() => {
    el.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  });
}

export const all = (c: ParentNode, testId: string): HTMLElement[] => [...c.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
