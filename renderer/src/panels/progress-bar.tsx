/** The progress bar of loading and analysis: a share done, or, when none is known (< 0), a sweeping band. */
import type { ReactElement } from "react";

/** `progress` in [0, 1], or < 0 for unknown. */
export function ProgressBar({ progress }: { readonly progress: number }): ReactElement {
  const known = progress >= 0;
  return (
    <div className={known ? "progress" : "progress indeterminate"}>
      <div className="progress-fill" style={known ? { width: `${percent(progress)}%` } : undefined} />
    </div>
  );
}

/** " · 42%" for a known share, "" otherwise. */
export function percentSuffix(progress: number): string {
  return progress >= 0 ? ` · ${percent(progress)}%` : "";
}

export const percent = (progress: number): number => Math.round(Math.max(0, Math.min(1, progress)) * 100);
