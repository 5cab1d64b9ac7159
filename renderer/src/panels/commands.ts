/**
 * The app's commands, shared by the menu (api.onMenuCommand), the toolbar and the keyboard:
 * opening traces, exporting the timeline as PNG, zoom, theme, welcome and help.
 */
import type { MenuCommand } from "../../../main/api/contract";
import { api, isElectron } from "../api/client";
import { openLocalFile, openWith } from "../open";
import type { StoreApi } from "../store/store";
import { exportTimelinePng } from "../timeline";
import { ZOOM_STEP } from "../keyboard";
import { useUi } from "./ui-store";
import { exportPerfetto, perfettoJson } from "../../../traces/export/perfetto";
import { openProgramAndRun } from "../debugger";

/** Electron: the native Open dialog. Browser mode: a transient file input. */
export function openTraceDialog(store: StoreApi, doc: Document = document): void {
  if (isElectron) {
    void openWith(store, "the chosen file", () => api.openFile());
    return;
  }
  const input = doc.createElement("input");
  input.type = "file";
  input.accept = ".jsonl,.json,.trace,.out,.txt,application/json";
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) void openLocalFile(store, file);
  });
  input.click();
}

/** `worker-pools.jsonl` → `worker-pools.png`. */
export function imageName(traceName: string | undefined): string {
  const base = (traceName ?? "goroscope").replace(/\.[^.]*$/, "") || "goroscope";
  return `${base}.png`;
}

/** Saves the timeline as PNG: Electron asks where; browser mode downloads it. */
export async function exportImage(store: StoreApi, doc: Document = document): Promise<void> {
  const png = await exportTimelinePng();
  if (!png) return;
  const name = imageName(store.getState().loadedOpened?.name);
  const saved = await api.saveImage(name, png);
  if (saved !== null || isElectron) return;
  download(doc, new Blob([png as Uint8Array<ArrayBuffer>], { type: "image/png" }), name);
}

/** The open trace as Chrome / Perfetto trace-event JSON: Electron asks where; browser mode downloads it. */
export async function exportPerfettoFile(store: StoreApi, doc: Document = document): Promise<void> {
  const model = store.getState().loaded?.model;
  if (!model) return;
  const json = perfettoJson(exportPerfetto(model));
  const name = imageName(store.getState().loadedOpened?.name).replace(/\.png$/, ".perfetto.json");
  const saved = await api.saveExport(name, json);
  if (saved !== null || isElectron) return;
  download(doc, new Blob([json], { type: "application/json" }), name);
}

function download(doc: Document, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function showWelcome(store: StoreApi): void {
  store.getState().showWelcome();
}

/** Back from the welcome screen to the open trace, when there is one. */
export function hideWelcome(store: StoreApi): void {
  if (store.getState().loaded) store.setState({ status: "ready" });
}

export function dismissLoadError(store: StoreApi): void {
  store.setState({ loadError: null });
}

export function runMenuCommand(store: StoreApi, command: MenuCommand): void {
  const s = store.getState();
  switch (command) {
    case "open-trace": openTraceDialog(store); return;
    case "export-image": void exportImage(store); return;
    case "export-perfetto": void exportPerfettoFile(store); return;
    case "zoom-in": s.zoom(ZOOM_STEP); return;
    case "zoom-out": s.zoom(1 / ZOOM_STEP); return;
    case "fit": s.fit(); return;
    case "toggle-theme": s.toggleTheme(); return;
    case "show-welcome": showWelcome(store); return;
    case "show-help": useUi.getState().setHelpOpen(true); return;
    case "open-program": void openProgramAndRun(store); return;
  }
}
