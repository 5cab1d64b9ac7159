/**
 * Every finding of the analyzer, grouped by kind. Clicking one focuses it (store.focusDiagnostic:
 * the view moves to its moment, the cursor goes to its event, who is involved is highlighted).
 */
import { useState, type ReactElement } from "react";
import type { Diagnostic } from "../../../traces/analysis";
import { useStore } from "../store/store";
import { canOpenFailingSchedule, openFailingSchedule } from "../debugger";
import { CHECKED_FOR, groupDiagnostics, KIND_BADGES, type DiagnosticGroup } from "./diagnostic-groups";
import { formatTimePrecise, siteText } from "./format";
import { RefLink } from "./links";
import { ProgressBar, percent } from "./progress-bar";

const PAGE = 100;

export function DiagnosticsPanel(): ReactElement {
  const diagnostics = useStore((s) => s.loaded?.diagnostics);
  const highlight = useStore((s) => s.highlight);
  const clearHighlight = useStore((s) => s.clearHighlight);
  const analysis = useStore((s) => s.loaded?.analysis);
  if (!diagnostics) return <div className="panel-empty">Open a trace to see its findings.</div>;
  if (analysis === "pending") return <AnalyzingNote what="findings" />;
  if (analysis === "failed") return <div className="panel-empty">The analysis failed; see the warning above.</div>;
  if (diagnostics.length === 0) {
    return (
      <div className="panel-empty no-findings" data-testid="no-findings">
        <div className="empty-title">No findings</div>
        <div>The analyzer checked this trace for:</div>
        <ul>
          {CHECKED_FOR.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </div>
    );
  }
  const groups = groupDiagnostics(diagnostics);
  return (
    <div className="diagnostics-panel" data-testid="diagnostics">
      <div className="panel-toolbar">
        <span className="muted">
          {diagnostics.length} finding{diagnostics.length === 1 ? "" : "s"}
        </span>
        <span className="spacer" />
        <button type="button" className="link-button" disabled={!highlight} data-testid="clear-highlight" onClick={clearHighlight}>
          Clear highlight
        </button>
      </div>
      {groups.map((g) => (
        <Group key={g.kind} group={g} diagnostics={diagnostics} />
      ))}
    </div>
  );
}

/** Shown while the analyzer works in the background. */
export function AnalyzingNote({ what }: { readonly what: string }): ReactElement {
  const progress = useStore((s) => (s.progressStage === "analyzing" ? s.progress : 0));
  return (
    <div className="panel-empty analyzing" data-testid="analyzing">
      <div>{`Analyzing the trace for ${what}…${progress >= 0 ? ` ${percent(progress)}%` : ""}`}</div>
      <ProgressBar progress={progress} />
    </div>
  );
}

function Group({ group, diagnostics }: { readonly group: DiagnosticGroup; readonly diagnostics: readonly Diagnostic[] }): ReactElement {
  const [shown, setShown] = useState(PAGE);
  const [open, setOpen] = useState(true);
  return (
    <section className="diag-group" data-kind={group.kind} data-testid="diagnostic-group">
      <button type="button" className="group-header" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className={`chevron${open ? " open" : ""}`} aria-hidden="true" />
        <span className={`kind-dot kind-${group.kind}`} aria-hidden="true" />
        <span className="group-title">{group.title}</span>
        <span className="group-count" data-testid="group-count">{group.items.length}</span>
      </button>
      {open &&
        group.items.slice(0, shown).map((i) => <DiagnosticCard key={i} index={i} d={diagnostics[i]!} />)}
      {open && group.items.length > shown && (
        <button type="button" className="link-button more" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, group.items.length - shown)} more of {group.items.length - shown}
        </button>
      )}
    </section>
  );
}

export function DiagnosticCard({ index, d }: { readonly index: number; readonly d: Diagnostic }): ReactElement {
  const selected = useStore((s) => s.selection?.kind === "diagnostic" && s.selection.index === index);
  const focus = useStore((s) => s.focusDiagnostic);
  // Only a trace that names its program (and a backend that can run it) can be replayed.
  const replayable = useStore((s) => s.loaded !== null) && canOpenFailingSchedule(useStore);
  return (
    <div
      className={`diagnostic${selected ? " selected" : ""}`}
      data-testid="diagnostic"
      data-kind={d.kind}
      data-index={index}
      data-selected={selected ? "true" : undefined}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      onClick={() => focus(index)}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          focus(index);
        }
      }}
    >
      <DiagnosticBody d={d} />
      {replayable && (
        <button
          type="button"
          className="diag-replay"
          data-testid="open-failing-schedule"
          title="Run the program again with this trace's seed and schedule, and step to this finding"
          onClick={(e) => {
            e.stopPropagation();
            void openFailingSchedule(useStore, d);
          }}
        >
          Open failing schedule
        </button>
      )}
    </div>
  );
}

/** The content of a finding, shared by the panel's cards and the inspector. */
export function DiagnosticBody({ d }: { readonly d: Diagnostic }): ReactElement {
  return (
    <>
      <div className="diag-head">
        <span className={`badge kind-${d.kind}`}>{KIND_BADGES[d.kind]}</span>
        <span className="diag-message">{d.message}</span>
        <span className="diag-time" title={`seq ${d.seq}`}>{formatTimePrecise(d.t)}</span>
      </div>
      <p className="diag-explanation">{d.explanation}</p>
      {d.goroutines.length > 0 && (
        <div className="diag-section">
          <div className="diag-label">Goroutines</div>
          <ul className="diag-list">
            {d.goroutines.map((g, i) => (
              <li key={`${g.g}-${i}`}>
                <RefLink to={{ kind: "goroutine", id: g.g }}>{`${g.name} #${g.g}`}</RefLink>
                {g.reason && <span className="reason">{g.reason}</span>}
                {g.loc && (
                  <span className="loc" title={`${g.loc.file}:${g.loc.line}:${g.loc.col} in ${g.loc.fn}`}>
                    {siteText(g.loc)}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {d.objects.length > 0 && (
        <div className="diag-section">
          <div className="diag-label">Objects</div>
          <ul className="diag-list inline">
            {d.objects.map((o) => (
              <li key={o.id}>
                <RefLink to={{ kind: "object", id: o.id }}>{o.name}</RefLink>
                <span className="muted">{`${o.kind} #${o.id}`}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {d.sites && d.sites.length > 0 && (
        <div className="diag-section">
          <div className="diag-label">Sites</div>
          <ul className="diag-list">
            {d.sites.map((s, i) => (
              <li key={i}>
                <span>{s.what}</span>
                <span className="loc" title={`${s.loc.file}:${s.loc.line}:${s.loc.col} in ${s.loc.fn}`}>
                  {siteText(s.loc)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
