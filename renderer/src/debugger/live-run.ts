/**
 * A program run from the app, shown live: the backend streams the trace's complete lines
 * (`onRunUpdate`), this accumulates them and rebuilds the model from the whole text, throttled
 * (every `REBUILD_MS`, or twice as long as the last rebuild took, so a long run costs at most about
 * a third of the renderer's time), then once more at the end. The first model of a run opens as a
 * new trace; later ones replace it in place (`replaceLoaded`), keeping the cursor, selection and
 * view. Findings and output come from the background analysis of a rebuilt prefix (one at a time;
 * the final trace always gets its own).
 *
 * Invariants: updates of runs other than the current one are ignored (a rerun supersedes the
 * previous run); `runEnd` is set only after the final model is in the store, so a run that
 * panicked, deadlocked or was stopped leaves its whole trace on screen with its end reason.
 */
import type { GoroscopeApi, RunDescriptor, RunEnd, RunUpdate } from "../../../main/api/contract";
import type { TraceModel } from "../../../traces/model";
import type { AnalysisResult } from "../load/analyze-trace";
import type { LoadOutcome } from "../load/load-trace";
import type { StoreApi } from "../store/store";
import { traceExtent } from "../store/view-slice";

export const REBUILD_MS = 150;

export interface RunControllerDeps {
  readonly api: Pick<GoroscopeApi, "runProgram" | "stopRun" | "onRunUpdate" | "setTitle">;
  readonly load: (bytes: Uint8Array) => Promise<LoadOutcome>;
  readonly analyze: (bytes: Uint8Array) => Promise<AnalysisResult>;
}

export interface StartOptions {
  readonly seed?: number;
  readonly schedule?: "go" | "random" | "pct";
  /** Called once the final model is in the store and its analysis is done (or failed). */
  readonly onFinished?: (model: TraceModel) => void;
}

export interface RunController {
  /** Starts the store's program with the store's seed and clock (or the given seed); supersedes a current run. */
  start(options?: StartOptions): Promise<RunDescriptor | undefined>;
  stop(): Promise<void>;
  dispose(): void;
}

interface Session {
  readonly run: RunDescriptor;
  readonly options: StartOptions;
  text: string;
  /** Length of `text` at the last rebuild. */
  built: number;
  models: number;
  end: RunEnd | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  building: boolean;
  /** An analysis of an earlier prefix is still running (only the final one may overlap it). */
  analyzing: boolean;
  /** How long the last rebuild took, ms: the next waits at least twice that. */
  lastBuildMs: number;
  finished: boolean;
}

export function createRunController(store: StoreApi, deps: RunControllerDeps): RunController {
  let session: Session | undefined;
  let starting = 0;
  /** Updates that arrived before `runProgram` answered with their run id. */
  let early: RunUpdate[] = [];
  const encoder = new TextEncoder();

  const onUpdate = (u: RunUpdate): void => {
    if (!session || u.runId !== session.run.runId) {
      if (starting > 0) early.push(u);
      return;
    }
    if (u.kind === "lines") {
      session.text += u.text;
      schedule(session, REBUILD_MS);
    } else {
      session.end = u.end;
      schedule(session, 0);
    }
  };
  const unsubscribe = deps.api.onRunUpdate(onUpdate);

  function schedule(s: Session, delay: number): void {
    if (s.building || s.finished) return;
    if (s.timer !== undefined) {
      if (delay > 0) return;
      clearTimeout(s.timer);
    }
    s.timer = setTimeout(() => {
      s.timer = undefined;
      void rebuild(s);
    }, delay);
  }

  async function rebuild(s: Session): Promise<void> {
    const final = s.end !== undefined;
    if (s.text.length === s.built && !final) return;
    s.building = true;
    const began = performance.now();
    const bytes = encoder.encode(s.text);
    s.built = s.text.length;
    try {
      const outcome = await deps.load(bytes);
      if (session !== s) return;
      if (outcome.ok) show(s, outcome.trace, bytes, final);
      else if (final) store.getState().setDebugError(`the run's trace cannot be read: ${outcome.message}`);
    } finally {
      s.building = false;
      s.lastBuildMs = performance.now() - began;
    }
    if (session !== s) return;
    if (final) finish(s);
    else if (s.end !== undefined || s.text.length > s.built) schedule(s, s.end !== undefined ? 0 : Math.max(REBUILD_MS, 2 * s.lastBuildMs));
  }

  function show(s: Session, trace: Extract<LoadOutcome, { ok: true }>["trace"], bytes: Uint8Array, final: boolean): void {
    const st = store.getState();
    const prev = st.loaded;
    const model = trace.model;
    if (s.models++ === 0 || !prev) {
      st.beginLoad({ name: `${s.run.program.name} (seed ${s.run.seed})`, bytes: bytes.byteLength });
      store.getState().finishLoad(trace);
    } else {
      const [, oldEnd] = traceExtent(store.getState());
      // Findings of the shorter prefix stay until this one's analysis arrives.
      store.getState().replaceLoaded({ ...trace, diagnostics: prev.diagnostics, output: prev.output });
      followView(oldEnd);
    }
    store.getState().setRunEvents(model.eventCount);
    if (store.getState().follow && model.eventCount > 0) store.getState().setCursor(model.eventCount - 1);
    if (s.analyzing && !final) return; // keep the earlier findings; the final model is always analyzed
    s.analyzing = true;
    const analysis = deps.analyze(bytes).then(
      (result) => store.getState().finishAnalysis(model, result),
      (err: unknown) => store.getState().finishAnalysis(model, { failed: err instanceof Error ? err.message : String(err) }),
    );
    void analysis.then(() => {
      s.analyzing = false;
      if (final && session === s) s.options.onFinished?.(model);
    });
  }

  /** While following, keep the newest events in view: refit when the whole trace was shown, else pan to its end. */
  function followView(oldEnd: number): void {
    const st = store.getState();
    if (!st.follow) return;
    const [, end] = traceExtent(st);
    const span = st.viewEnd - st.viewStart;
    if (st.viewStart <= 0 && st.viewEnd >= oldEnd) st.fit();
    else st.setView(end - span * 0.95, end + span * 0.05);
  }

  function finish(s: Session): void {
    s.finished = true;
    const st = store.getState();
    const model = st.loaded?.model;
    if (st.follow && model && model.eventCount > 0) st.setCursor(model.eventCount - 1);
    st.setRunEnd(s.end!);
    if (s.models === 0) st.setDebugError(`the run ended (${describeEnd(s.end!)}) before writing any event`);
  }

  return {
    async start(options = {}) {
      const st = store.getState();
      const program = st.program;
      if (!program) return undefined;
      const previous = session;
      session = undefined;
      if (previous && !previous.finished) void deps.api.stopRun(previous.run.runId).catch(() => undefined);
      if (previous?.timer !== undefined) clearTimeout(previous.timer);
      st.setDebugError(null);
      st.setStopReason(null);
      st.setPlaying(false);
      st.setFollow(true);
      starting++;
      let run: RunDescriptor;
      try {
        run = await deps.api.runProgram({
          programId: program.id,
          seed: options.seed ?? st.seed,
          clock: st.clock,
          ...(options.schedule ? { schedule: options.schedule } : {}),
        });
      } catch (err) {
        store.getState().setDebugError(`cannot run ${program.name}: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      } finally {
        starting--;
      }
      const s: Session = { run, options, text: "", built: 0, models: 0, end: undefined, timer: undefined, building: false, analyzing: false, lastBuildMs: 0, finished: false };
      session = s;
      store.getState().setRun(run, "running");
      void deps.api.setTitle(`${program.name} (seed ${run.seed}) — Goroscope`);
      const pending = early.filter((u) => u.runId === run.runId);
      early = starting > 0 ? early.filter((u) => u.runId !== run.runId) : [];
      for (const u of pending) onUpdate(u);
      return run;
    },
    async stop() {
      const s = session;
      if (s && !s.finished) await deps.api.stopRun(s.run.runId);
    },
    dispose() {
      unsubscribe();
      if (session?.timer !== undefined) clearTimeout(session.timer);
      session = undefined;
    },
  };
}

/** "deadlock, exit code 2", "stopped: stopped by the user", ... */
export function describeEnd(end: RunEnd): string {
  const reason = end.kind === "finished" ? (end.end ?? "finished") : end.kind === "killed" ? "stopped" : end.kind;
  const message = end.message ? `: ${end.message}` : "";
  return `${reason}${message} (exit code ${end.exitCode})`;
}
