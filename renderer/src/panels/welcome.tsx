/** The welcome screen: bundled samples, recent files, open a file, drop a file. */
import type { ReactElement } from "react";
import type { RecentFile, SampleInfo } from "../../../main/api/contract";
import { api, isElectron } from "../api/client";
import { openLocalFile, openWith } from "../open";
import { useStore } from "../store/store";
import { hideWelcome } from "./commands";
import { countOf, formatCount } from "./format";
import { Icon } from "./icons";

export function Welcome(): ReactElement {
  const backend = useStore((s) => s.backend);
  const opened = useStore((s) => (s.loaded ? s.loadedOpened : null));
  const samples = backend?.samples ?? [];
  const recent = backend?.recent ?? [];
  return (
    <div className="welcome" data-testid="welcome">
      <div className="welcome-inner">
        <div className="welcome-head">
          <div>
            <h1>Goroscope</h1>
            <p className="tagline">Goroutines, channels and locks of a run, on one timeline: who waited for whom, how full each buffer was, and why it deadlocked.</p>
          </div>
          {opened && (
            <button type="button" className="tool-button" data-testid="back-to-trace" onClick={() => hideWelcome(useStore)}>
              <Icon name="prev" size={14} />
              <span>{`Back to ${opened.name}`}</span>
            </button>
          )}
        </div>
        <div className="welcome-columns">
          <section className="welcome-section samples">
            <h2>Samples</h2>
            {samples.length === 0 && <div className="muted">{backend ? "No bundled samples." : "Connecting to the backend…"}</div>}
            <div className="sample-grid">
              {samples.map((s) => (
                <SampleCard key={s.name} sample={s} />
              ))}
            </div>
          </section>
          <aside className="welcome-side">
            <section className="welcome-section">
              <h2>Open</h2>
              <OpenButton />
              <p className="hint">
                <Icon name="upload" size={14} />
                <span>or drop a trace file anywhere on this window: a Goroscope .jsonl, or a Go execution trace (runtime/trace, go test -trace)</span>
              </p>
              <p className="hint muted">
                Record one with <code>goroscope run program.ts -o trace.jsonl</code>
              </p>
            </section>
            <section className="welcome-section">
              <h2>Recent</h2>
              {recent.length === 0 ? (
                <div className="muted">No recent files yet.</div>
              ) : (
                <ul className="recent-list">
                  {recent.map((r) => (
                    <RecentItem key={r.path} file={r} />
                  ))}
                </ul>
              )}
            </section>
          </aside>
        </div>
      </div>
    </div>
  );
}

function SampleCard({ sample }: { readonly sample: SampleInfo }): ReactElement {
  return (
    <button
      type="button"
      className="sample"
      data-testid="sample"
      data-name={sample.name}
      onClick={() => void openWith(useStore, sample.title, () => api.openSample(sample.name))}
    >
      <span className="sample-title">
        {sample.title}
        {sample.isDefault && <span className="tag">default</span>}
      </span>
      <span className="sample-desc">{sample.description}</span>
      <span className="sample-meta">{`${countOf(sample.events, "event")} · ${countOf(sample.goroutines, "goroutine")}`}</span>
    </button>
  );
}

function RecentItem({ file }: { readonly file: RecentFile }): ReactElement {
  return (
    <li>
      <button
        type="button"
        className="recent"
        data-testid="recent"
        data-path={file.path}
        title={file.path}
        onClick={() => void openWith(useStore, file.name, () => api.openRecent(file.path))}
      >
        <Icon name="file" size={14} />
        <span className="recent-name">{file.name}</span>
        <span className="recent-path">{shortPath(file.path, 44)}</span>
        <span className="recent-when">{timeAgo(file.openedAt, Date.now())}</span>
      </button>
    </li>
  );
}

/** Browser mode: a real file input (tests set its files); Electron: the native dialog. */
function OpenButton(): ReactElement {
  if (isElectron) {
    return (
      <button type="button" className="primary-button" data-testid="open-file" onClick={() => void openWith(useStore, "the chosen file", () => api.openFile())}>
        <Icon name="open" />
        <span>Open trace file…</span>
      </button>
    );
  }
  return (
    <label className="primary-button" data-testid="open-file">
      <Icon name="open" />
      <span>Open trace file…</span>
      <input
        type="file"
        className="visually-hidden"
        data-testid="file-input"
        accept=".jsonl,.json,.trace,.txt,application/json"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void openLocalFile(useStore, file);
          e.currentTarget.value = "";
        }}
      />
    </label>
  );
}

/** The end of a long path, which names the file and its folder: `…/traces/run.jsonl`. */
export function shortPath(path: string, max: number): string {
  return path.length <= max ? path : `…${path.slice(path.length - max + 1)}`;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date. */
export function timeAgo(then: number, now: number): string {
  const s = Math.max(0, (now - then) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  if (s < 86400 * 14) return `${Math.floor(s / 86400)} day${s < 86400 * 2 ? "" : "s"} ago`;
  return new Date(then).toISOString().slice(0, 10);
}
