/**
 * The debugger's toolbar: the program (Open Program…: Electron's dialog, or a path typed in
 * browser mode), seed, clock, Run / Rerun, New seed, Stop and how the run is going; then the
 * cursor controls (first, back, forward, last; previous/next event of the selected goroutine or
 * object; next block, unblock, finding; continue; play/pause and speed) and where the cursor is.
 */
import { useState, type ReactElement, type ReactNode } from "react";
import { isElectron } from "../api/client";
import { useStore, type StoreApi } from "../store/store";
import { continueRun, focusEntity, jumpTo, stepBlock, stepEntityOf, stepOne, stepToFinding, stepUnblock } from "./actions";
import { describeEvent } from "./describe";
import { openProgramAndRun, runControllerOf } from "./install";
import { describeEnd } from "./live-run";
import { countOf } from "../panels/format";

const SPEEDS = [1, 5, 20, 100, 1000];
const clip = (s: string): string => (s.length > 12 ? `${s.slice(0, 11)}…` : s);

export function DebugToolbar({ store = useStore }: { readonly store?: StoreApi }): ReactElement {
  return (
    <div className="dbg-toolbar" data-testid="debug-toolbar">
      <RunControls store={store} />
      <CursorControls store={store} />
    </div>
  );
}

function RunControls({ store }: { store: StoreApi }): ReactElement {
  const program = store((s) => s.program);
  const run = store((s) => s.run);
  const runState = store((s) => s.runState);
  const runEnd = store((s) => s.runEnd);
  const seed = store((s) => s.seed);
  const clock = store((s) => s.clock);
  const error = store((s) => s.debugError);
  const events = store((s) => s.runEvents);
  const [path, setPath] = useState("");
  const start = () => void runControllerOf(store)?.start();
  const rerun = run !== null && run.seed === seed && run.program.id === program?.id;
  return (
    <div className="dbg-group dbg-run">
      {isElectron ? (
        <button type="button" data-testid="open-program" onClick={() => void openProgramAndRun(store)}>
          Open Program…
        </button>
      ) : (
        <form className="dbg-open" onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) void openProgramAndRun(store, path.trim());
        }}>
          <input type="text" placeholder="program.ts path" value={path} aria-label="Program path" data-testid="program-path" onChange={(e) => setPath(e.target.value)} />
          <button type="submit" data-testid="open-program">Open Program</button>
        </form>
      )}
      {program && <span className="dbg-program" title={program.path} data-testid="program-name">{program.name}</span>}
      <label className="dbg-field">
        seed
        <input type="number" min={0} step={1} value={seed} data-testid="seed" onChange={(e) => store.getState().setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
      </label>
      <label className="dbg-field">
        clock
        <select value={clock} data-testid="clock" onChange={(e) => store.getState().setClock(e.target.value as "virtual" | "real")}>
          <option value="virtual">virtual</option>
          <option value="real">real</option>
        </select>
      </label>
      <button type="button" disabled={!program} data-testid="run" title={rerun ? "Run again with the same seed" : "Run with this seed"} onClick={start}>
        {rerun ? "Rerun" : "Run"}
      </button>
      <button type="button" disabled={!program} data-testid="new-seed" title="Run with a new random seed" onClick={() => {
        store.getState().setSeed(1 + Math.floor(Math.random() * 1_000_000));
        start();
      }}>
        New seed
      </button>
      <button type="button" disabled={runState !== "running"} data-testid="stop" onClick={() => void runControllerOf(store)?.stop()}>
        Stop
      </button>
      <span className={`dbg-run-state ${runState}`} data-testid="run-state" data-state={runState} data-end={runEnd?.end ?? runEnd?.kind ?? ""}>
        {runState === "running" ? (events > 0 ? `running… ${countOf(events, "event")}` : "starting…") : runState === "ended" && runEnd ? `ended: ${describeEnd(runEnd)}` : ""}
      </span>
      {error && <span className="dbg-error" data-testid="debug-error">{error}</span>}
    </div>
  );
}

function CursorControls({ store }: { store: StoreApi }): ReactElement {
  const model = store((s) => s.loaded?.model);
  const cursor = store((s) => s.cursor);
  const playing = store((s) => s.playing);
  const speed = store((s) => s.playSpeed);
  const panels = store((s) => s.stepPanels);
  const stopReason = store((s) => s.stopReason);
  const findings = store((s) => s.loaded?.diagnostics.length ?? 0);
  const entityName = store((s) => focusEntity(s)?.name);
  const none = !model || model.eventCount === 0;
  const b = (testId: string, title: string, onClick: () => void, label: ReactNode, disabled = none) => (
    <button type="button" className="dbg-step" data-testid={testId} title={title} disabled={disabled} onClick={onClick}>
      {label}
    </button>
  );
  const index = model && model.eventCount > 0 ? (cursor ?? model.eventCount - 1) : undefined;
  return (
    <div className="dbg-group dbg-cursor">
      {b("step-first", "First event (Home)", () => jumpTo(store, "first"), "|◀")}
      {b("step-back", "Previous event (←)", () => stepOne(store, -1), "◀")}
      {b("step-forward", "Next event (→)", () => stepOne(store, 1), "▶")}
      {b("step-last", "Last event (End)", () => jumpTo(store, "last"), "▶|")}
      <span className="dbg-sep" />
      {b("prev-of", `Previous event of ${entityName ?? "the selection"} (Shift+←)`, () => stepEntityOf(store, -1), `◀ ${clip(entityName ?? "of")}`, none || entityName === undefined)}
      {b("next-of", `Next event of ${entityName ?? "the selection"} (Shift+→)`, () => stepEntityOf(store, 1), `${clip(entityName ?? "of")} ▶`, none || entityName === undefined)}
      {b("next-block", "Next block ( ] ), previous: [", () => stepBlock(store, 1), "block ▶")}
      {b("next-unblock", "Next unblock ( } ), previous: {", () => stepUnblock(store, 1), "unblock ▶")}
      {b("prev-finding", "Previous finding ( , )", () => stepToFinding(store, -1), "◀ finding", none || findings === 0)}
      {b("next-finding", "Next finding ( . )", () => stepToFinding(store, 1), "finding ▶", none || findings === 0)}
      {b("continue", "Continue to the next breakpoint (F8)", () => continueRun(store, 1), "continue ▶▶")}
      <span className="dbg-sep" />
      {b("play", playing ? "Pause (Space)" : "Play (Space)", () => store.getState().setPlaying(!playing), playing ? "❚❚ pause" : "▶ play")}
      <select value={speed} aria-label="Speed" title="Events per second" data-testid="speed" onChange={(e) => store.getState().setPlaySpeed(Number(e.target.value))}>
        {[...new Set([...SPEEDS, speed])].sort((x, y) => x - y).map((v) => (
          <option key={v} value={v}>
            {v}/s
          </option>
        ))}
      </select>
      {model && index !== undefined && (
        <span className="dbg-cursor-info" data-testid="cursor-info" data-index={index} data-seq={model.seqOf(index)} title={describeEvent(model, model.event(index))}>
          {index + 1}/{model.eventCount} · seq {model.seqOf(index)}
        </span>
      )}
      {stopReason && <span className="dbg-stop-reason" data-testid="stop-reason">{stopReason}</span>}
      <span className="dbg-spacer" />
      <button
        type="button"
        className={`dbg-step${panels ? " active" : ""}`}
        data-testid="toggle-step-panels"
        aria-pressed={panels}
        title="Show the source, the state at the cursor and the wait-for graph under the timeline"
        onClick={() => store.getState().setStepPanels(!panels)}
      >
        {panels ? "▾ panels" : "▸ panels"}
      </button>
    </div>
  );
}
