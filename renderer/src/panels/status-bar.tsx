/** The status bar: the trace's size and duration, how it ended, its seed and schedule, the cursor. */
import type { ReactElement } from "react";
import { useStore } from "../store/store";
import { countOf, formatCount, formatTime, formatTimePrecise, goroutineLabel, traceDuration } from "./format";
import { percent } from "./progress-bar";

export function StatusBar(): ReactElement {
  const loaded = useStore((s) => s.loaded);
  const cursor = useStore((s) => s.cursor);
  const status = useStore((s) => s.status);
  const version = useStore((s) => s.backend?.version);
  const mode = useStore((s) => s.backend?.mode);
  const analyzing = useStore((s) => (s.loaded?.analysis === "pending" ? s.progress : undefined));
  if (!loaded) {
    return (
      <footer className="status-bar" data-testid="status-bar">
        <span className="status-item">{status === "loading" ? "Loading…" : "No trace open"}</span>
        <span className="spacer" />
        {version && <span className="status-item muted">Goroscope {version}{mode === "browser" ? " · browser mode" : ""}</span>}
      </footer>
    );
  }
  const m = loaded.model;
  const header = m.header;
  const end = m.end;
  const imported = header?.source !== undefined && end === undefined;
  const schedule = header ? header.schedule ?? (header.seed === 0 ? "go" : "random") : undefined;
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-item" data-testid="status-events">{countOf(m.eventCount, "event")}</span>
      <span className="status-item">{countOf(m.goroutines.length, "goroutine")}</span>
      <span className="status-item" title="Duration of the run">{formatTime(traceDuration(m))}</span>
      {imported ? (
        // A Go trace ends when tracing stopped; it has no seed or schedule to replay.
        <span className="status-item" data-testid="status-end" title="Imported from a Go execution trace">
          Go trace ({header.source}) · tracing stopped
        </span>
      ) : (
        <>
          <span className={`status-item end-reason${!end ? " warn" : end.end !== "main-returned" ? " bad" : ""}`} title={end?.msg ?? ""} data-testid="status-end">
            {end ? `ended: ${end.end}` : "no end record"}
          </span>
          {header && (
            <span className="status-item" title={`clock ${header.clock}`}>
              seed {header.seed} · {schedule} · {header.clock} clock
            </span>
          )}
        </>
      )}
      <span className="spacer" />
      {analyzing !== undefined && <span className="status-item" data-testid="status-analyzing">{`analyzing…${analyzing >= 0 ? ` ${percent(analyzing)}%` : ""}`}</span>}
      <span className="status-item" data-testid="status-cursor">
        {cursor !== null && cursor < m.eventCount
          ? `cursor #${m.seqOf(cursor)} ${m.event(cursor).k} · ${goroutineLabel(m, m.event(cursor).g)} · ${formatTimePrecise(m.timeOf(cursor))}`
          : "no cursor"}
      </span>
    </footer>
  );
}
