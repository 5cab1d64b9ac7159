/** Which trace is open and what loading it produced. */
import type { StateCreator } from "zustand";
import type { InitialState, RecentFile, TraceDescriptor } from "../../../main/api/contract";
import type { AnalysisResult } from "../load/analyze-trace";
import type { LoadedTrace } from "../load/load-trace";
import type { TraceModel } from "../../../traces/model";
import { defaultAxis } from "../../../traces/timeline/axis";
import type { Store } from "./store";

export type TraceStatus = "welcome" | "loading" | "ready" | "error";

export interface OpenedTrace {
  /** File name, for the title bar. */
  readonly name: string;
  readonly descriptor?: TraceDescriptor;
  readonly bytes: number;
}

export interface TraceSlice {
  /** What the backend said at start: mode, version, samples, recent files. */
  backend: InitialState | null;
  status: TraceStatus;
  opened: OpenedTrace | null;
  /** What `loaded` was opened as: `opened` returns to it when a later open fails. */
  loadedOpened: OpenedTrace | null;
  loaded: LoadedTrace | null;
  /**
   * 0..1 while loading (`reading`), then while the analyzer works in the background (`analyzing`);
   * negative while the backend does that work and the share done is not known.
   */
  progress: number;
  progressStage: "reading" | "analyzing";
  /** Why the last open failed (a trace with no valid prefix, a missing file); shown over the welcome screen. */
  loadError: { readonly name: string; readonly message: string; readonly line?: number } | null;
  /** Warnings of the open trace the user has not dismissed. */
  warningsDismissed: boolean;
  setInitial(initial: InitialState): void;
  setRecent(recent: readonly RecentFile[]): void;
  beginLoad(opened: OpenedTrace): void;
  setProgress(fraction: number, stage: "reading" | "analyzing"): void;
  finishLoad(loaded: LoadedTrace): void;
  /**
   * Swaps in a newer model of the same trace (a live run's growing prefix) without resetting the
   * selection, cursor or view as `finishLoad` does.
   */
  replaceLoaded(loaded: LoadedTrace): void;
  /** The analyzer's findings and the output for `model`; ignored if another trace was opened since. */
  finishAnalysis(model: TraceModel, result: AnalysisResult | { readonly failed: string }): void;
  failLoad(name: string, message: string, line?: number): void;
  showWelcome(): void;
  dismissWarnings(): void;
}

export const createTraceSlice: StateCreator<Store, [], [], TraceSlice> = (set, get) => ({
  backend: null,
  status: "welcome",
  opened: null,
  loadedOpened: null,
  loaded: null,
  progress: 0,
  progressStage: "reading",
  loadError: null,
  warningsDismissed: false,
  setInitial: (backend) => set({ backend }),
  setRecent(recent) {
    const b = get().backend;
    if (b) set({ backend: { ...b, recent } });
  },
  beginLoad: (opened) => set({ status: "loading", opened, progress: 0, progressStage: "reading", loadError: null }),
  setProgress: (progress, progressStage) => set({ progress, progressStage }),
  finishLoad(loaded) {
    set({ status: "ready", loaded, loadedOpened: get().opened, progress: 1, warningsDismissed: false, loadError: null });
    get().resetForTrace(loaded);
  },
  replaceLoaded(loaded) {
    set({ status: "ready", loaded, progress: 1, loadError: null });
    // A live run's first events may all share t = 0: the axis follows the trace as it grows until the user picks one.
    const st = get();
    const axis = defaultAxis(loaded.model);
    if (!st.axisByUser && axis !== st.axis) {
      st.setAxis(axis);
      set({ axisByUser: false });
    }
  },
  finishAnalysis(model, result) {
    const loaded = get().loaded;
    if (!loaded || loaded.model !== model) return;
    if ("failed" in result) set({ loaded: { ...loaded, analysis: "failed", warnings: [...loaded.warnings, `analysis failed: ${result.failed}`] } });
    else set({ loaded: { ...loaded, analysis: "done", diagnostics: result.diagnostics, output: result.output } });
  },
  failLoad: (name, message, line) =>
    set({ status: get().loaded ? "ready" : "welcome", opened: get().loaded ? get().loadedOpened : null, loadError: { name, message, line } }),
  showWelcome: () => set({ status: "welcome" }),
  dismissWarnings: () => set({ warningsDismissed: true }),
});
