/**
 * Wires the debugger into a store: the live-run controller (run updates → models), the keys, the
 * player, keeping the cursor in the timeline's view, and `goroscope debug PROGRAM`'s first run
 * (the backend's initial state names the program: it runs at once with seed 0). Also "Open failing
 * schedule": replay the seed of a trace's finding and put the cursor on it.
 */
import type { Diagnostic } from "../../../traces/analysis";
import { api } from "../api/client";
import { analyzeInBackground } from "../load/analyze-trace";
import { loadTrace } from "../load/load-trace";
import type { StoreApi } from "../store/store";
import { xOfEvent } from "../store/view-slice";
import { moveCursor } from "./actions";
import { installKeys } from "./keys";
import { createRunController, type RunController, type RunControllerDeps } from "./live-run";
import { installPlayer } from "./player";

const controllers = new WeakMap<StoreApi, RunController>();

/** The run controller `installDebugger` made for this store (the toolbar's Run and Stop use it). */
export const runControllerOf = (store: StoreApi): RunController | undefined => controllers.get(store);

export interface InstallOptions {
  readonly deps?: RunControllerDeps;
  /** Where keys are listened to (default `window`); null installs no keys. */
  readonly keyTarget?: Pick<Window, "addEventListener" | "removeEventListener"> | null;
}

/** Installs the debugger's subscriptions on `store`; returns the function that removes them. */
export function installDebugger(store: StoreApi, options: InstallOptions = {}): () => void {
  const deps = options.deps ?? { api, load: (bytes) => loadTrace(bytes), analyze: (bytes) => analyzeInBackground(bytes) };
  const controller = createRunController(store, deps);
  controllers.set(store, controller);
  const uninstallKeys = options.keyTarget === null ? () => undefined : installKeys(store, options.keyTarget ?? window);
  const uninstallPlayer = installPlayer(store);
  const unsubscribe = store.subscribe((s, prev) => {
    // Selecting an event (on the timeline, in a list) moves the cursor to it: the panels show its line and state.
    if (s.selection !== prev.selection && s.selection?.kind === "event" && s.selection.index !== s.cursor) moveCursor(store, s.selection.index);
    if (s.cursor !== prev.cursor) keepCursorInView(store);
    const program = s.backend?.program;
    if (program && program !== prev.backend?.program && !s.program) {
      s.setProgram(program);
      s.setSeed(0);
      void controller.start({ seed: 0 });
    }
  });
  // The backend's initial state may already be in the store.
  const initial = store.getState().backend?.program;
  if (initial && !store.getState().program) {
    store.getState().setProgram(initial);
    void controller.start({ seed: 0 });
  }
  return () => {
    unsubscribe();
    uninstallPlayer();
    uninstallKeys();
    controller.dispose();
    if (controllers.get(store) === controller) controllers.delete(store);
  };
}

/** Pans the view (same span) to centre the cursor (its time, or its index on the event axis) when it left the visible range. */
export function keepCursorInView(store: StoreApi): void {
  const s = store.getState();
  const model = s.loaded?.model;
  if (!model || s.cursor === null || s.cursor >= model.eventCount) return;
  const t = xOfEvent(s, s.cursor);
  if (t >= s.viewStart && t <= s.viewEnd) return;
  const span = s.viewEnd - s.viewStart;
  s.setView(t - span / 2, t + span / 2);
}

/**
 * File → Open Program…: Electron's dialog when `path` is omitted (browser mode needs a path), then
 * a run with the current seed and clock. Failures go to `debugError`.
 */
export async function openProgramAndRun(store: StoreApi, path?: string): Promise<void> {
  try {
    const program = await api.openProgram(path);
    if (!program) return;
    store.getState().setProgram(program);
    store.getState().setDebugError(null);
    await controllers.get(store)?.start();
  } catch (err) {
    store.getState().setDebugError(err instanceof Error ? err.message : String(err));
  }
}

/** Whether the open trace names a program and seed to replay. */
export function canOpenFailingSchedule(store: StoreApi): boolean {
  const header = store.getState().loaded?.model.header;
  return Boolean(header?.program) && controllers.has(store);
}

/**
 * "Open failing schedule": opens the program the trace's header names, runs it with the trace's
 * seed, clock and schedule, and when the run is over focuses the same finding (same kind at the
 * same event) in the new trace — or at least puts the cursor on the finding's event.
 * Resolves to false (and sets `debugError`) when the program cannot be opened or run.
 */
export async function openFailingSchedule(store: StoreApi, diagnostic: Diagnostic, openProgram: (path: string) => ReturnType<typeof api.openProgram> = (path) => api.openProgram(path)): Promise<boolean> {
  const header = store.getState().loaded?.model.header;
  const controller = controllers.get(store);
  if (!header?.program || !controller) {
    store.getState().setDebugError("this trace does not name the program that made it");
    return false;
  }
  let program;
  try {
    program = await openProgram(header.program);
  } catch (err) {
    store.getState().setDebugError(`cannot open ${header.program}: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
  if (!program) return false;
  const st = store.getState();
  st.setProgram(program);
  st.setSeed(header.seed);
  st.setClock(header.clock);
  const run = await controller.start({
    seed: header.seed,
    ...(header.schedule ? { schedule: header.schedule } : {}),
    onFinished(model) {
      const loaded = store.getState().loaded;
      if (loaded?.model !== model) return;
      const same = (d: Diagnostic) => d.kind === diagnostic.kind && d.seq === diagnostic.seq;
      const similar = (d: Diagnostic) => d.kind === diagnostic.kind && d.message === diagnostic.message;
      let i = loaded.diagnostics.findIndex(same);
      if (i < 0) i = loaded.diagnostics.findIndex(similar);
      if (i >= 0) {
        store.getState().setFollow(false);
        store.getState().focusDiagnostic(i);
      } else {
        moveCursor(store, Math.max(0, model.indexOfSeq(diagnostic.seq)));
      }
    },
  });
  return run !== undefined;
}
