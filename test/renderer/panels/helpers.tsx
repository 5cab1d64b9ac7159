/** Shared by the panel tests: load a real trace into the app store and render React into the DOM. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { act } from "react";
import { analyzeBytes } from "../../../renderer/src/load/analyze-trace";
import { loadTrace, type LoadedTrace } from "../../../renderer/src/load/load-trace";
import type { StoreApi } from "../../../renderer/src/store/store";


export const ROOT = resolve(__dirname, "../../..");

/** Loads trace bytes as the app does, analysis included (in-thread). */
export async function loadBytes(bytes: Uint8Array): Promise<LoadedTrace> {
  const outcome = await loadTrace(bytes);
  if (!outcome.ok) throw new Error(outcome.message);
  const { diagnostics, output } = analyzeBytes(bytes);
  return { ...outcome.trace, analysis: "done", diagnostics, output };
}

/** Loads a trace file (path relative to the repo root) as the app would. */
export async function loadFile(path: string): Promise<LoadedTrace> {
  return loadBytes(new Uint8Array(readFileSync(resolve(ROOT, path))));
}

/** Opens a trace file in `store` as the app does: the model first, then the analysis. */
export async function openIn(store: StoreApi, path: string): Promise<LoadedTrace> {
  const loaded = await loadFile(path);
  store.getState().beginLoad({ name: path.split("/").pop()!, bytes: 0 });
  store.getState().finishLoad({ ...loaded, analysis: "pending", diagnostics: [], output: [] });
  store.getState().finishAnalysis(store.getState().loaded!.model, loaded);
  return store.getState().loaded!;
}

export { render, type Rendered } from "../render";

/** Runs a store update (or any state change) inside act so React re-renders. */
export function update(fn: () => void): void {
  act(fn);
}

export function click(el: Element | null): void {
  if (!el) throw new Error("nothing to click");
  act(() => {
    el.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  });
}

export function all(container: ParentNode, testId: string): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
}

export function one(container: ParentNode, testId: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!el) throw new Error(`no [data-testid=${testId}]`);
  return el;
}
