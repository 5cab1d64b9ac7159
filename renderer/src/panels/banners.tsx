/** Load problems: a trace that failed to open (what and which line), and one opened with warnings. */
import type { ReactElement } from "react";
import { useStore } from "../store/store";
import { dismissLoadError } from "./commands";
import { Icon } from "./icons";

export function LoadErrorBanner(): ReactElement | null {
  const error = useStore((s) => s.loadError);
  if (!error) return null;
  return (
    <div className="banner error" role="alert" data-testid="load-error">
      <Icon name="error" />
      <div className="banner-text">
        <div className="banner-title">{`Could not open ${error.name}`}</div>
        <div className="banner-detail">
          {error.line !== undefined && <span className="banner-line">{`line ${error.line}: `}</span>}
          {stripLinePrefix(error.message, error.line)}
        </div>
      </div>
      <button type="button" className="icon-button" title="Dismiss" data-testid="dismiss-error" onClick={() => dismissLoadError(useStore)}>
        <Icon name="close" />
      </button>
    </div>
  );
}

export function LoadWarningBanner(): ReactElement | null {
  const warnings = useStore((s) => (s.status === "ready" && !s.warningsDismissed ? s.loaded?.warnings : undefined));
  const error = useStore((s) => s.loaded?.error);
  const dismiss = useStore((s) => s.dismissWarnings);
  if (!warnings || warnings.length === 0) return null;
  return (
    <div className="banner warning" role="status" data-testid="load-warning">
      <Icon name="warning" />
      <div className="banner-text">
        <div className="banner-title">
          {error ? `Showing the valid part of a damaged trace: it breaks at line ${error.line}` : `Opened with ${warnings.length} warning${warnings.length === 1 ? "" : "s"}`}
        </div>
        {warnings.slice(0, 5).map((w, i) => (
          <div className="banner-detail" key={i}>
            {w}
          </div>
        ))}
        {warnings.length > 5 && <div className="banner-detail muted">{`and ${warnings.length - 5} more`}</div>}
      </div>
      <button type="button" className="icon-button" title="Dismiss" data-testid="dismiss-warning" onClick={dismiss}>
        <Icon name="close" />
      </button>
    </div>
  );
}

/** The reader's messages start with "line N: "; the banner shows the line apart. */
export function stripLinePrefix(message: string, line: number | undefined): string {
  if (line === undefined) return message;
  const prefix = `line ${line}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
