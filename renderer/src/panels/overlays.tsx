/** What lies over the app now and then: loading progress, a file dragged over, the help. */
import { useEffect, type ReactElement } from "react";
import { SHORTCUTS } from "../keyboard";
import { useStore } from "../store/store";
import { Icon } from "./icons";
import { ProgressBar, percent, percentSuffix } from "./progress-bar";
import { useUi } from "./ui-store";

export function LoadingOverlay(): ReactElement | null {
  const status = useStore((s) => s.status);
  const progress = useStore((s) => s.progress);
  const stage = useStore((s) => s.progressStage);
  const name = useStore((s) => s.opened?.name);
  if (status !== "loading") return null;
  return (
    <div className="overlay loading" data-testid="loading" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress >= 0 ? percent(progress) : undefined}>
      <div className="overlay-card">
        <div className="overlay-title">{`Opening ${name ?? "trace"}`}</div>
        <ProgressBar progress={progress} />
        <div className="muted">{`${stage === "reading" ? "Reading events" : "Analyzing"}${percentSuffix(progress)}`}</div>
      </div>
    </div>
  );
}

export function DropOverlay(): ReactElement | null {
  const dragging = useUi((s) => s.dragging);
  if (!dragging) return null;
  return (
    <div className="overlay drop" data-testid="drop-overlay">
      <div className="drop-target">
        <Icon name="upload" size={32} />
        <div>Drop a trace file to open it</div>
      </div>
    </div>
  );
}

export function HelpOverlay(): ReactElement | null {
  const open = useUi((s) => s.helpOpen);
  const setOpen = useUi((s) => s.setHelpOpen);
  useEffect(() => {
    if (open) document.querySelector<HTMLElement>(".help-card button")?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="overlay help" data-testid="help-overlay" onClick={() => setOpen(false)}>
      <div className="overlay-card help-card" role="dialog" aria-label="Keyboard shortcuts" onClick={(e) => e.stopPropagation()}>
        <div className="overlay-head">
          <div className="overlay-title">Keyboard shortcuts</div>
          <button type="button" className="icon-button" title="Close (Esc)" onClick={() => setOpen(false)}>
            <Icon name="close" />
          </button>
        </div>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys}>
                <td>
                  {keys.split(" / ").map((k, i) => (
                    <span key={k}>
                      {i > 0 && " / "}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">Click a lane, event or track to inspect it; click a finding to jump to it. Drop a trace file anywhere to open it.</p>
      </div>
    </div>
  );
}
