/**
 * What a load means for the user, the same wherever the model was built (the app's renderer, the
 * backend's prepare worker): a trace with no valid event fails with the reader's message and
 * line; one with a valid prefix opens, the error becoming its first warning.
 */
import type { LoadResult } from "./types";

export type LoadSummary =
  | { readonly ok: false; readonly message: string; readonly line?: number }
  | {
      readonly ok: true;
      /** Tolerated problems (truncated last line, missing end record) and, for a prefix, the error. */
      readonly warnings: readonly string[];
      /** Set when the file is not a valid trace past some line; the model holds the prefix before it. */
      readonly error?: { readonly line: number; readonly message: string };
    };

/** @param extraWarnings warnings from before the load (an imported Go trace's), shown first. */
export function summarizeLoad(result: LoadResult, extraWarnings: readonly string[] = []): LoadSummary {
  const model = result.model;
  if (!result.ok && model.eventCount === 0) return { ok: false, message: result.error.message, line: result.error.line };
  // A trace imported from Go never has an end record: that is its nature, not a problem.
  const imported = model.header?.source !== undefined;
  const readerWarnings = result.warnings.map((w) => w.message).filter((m) => !(imported && m.startsWith("no end record")));
  const warnings = [...extraWarnings, ...readerWarnings];
  if (result.ok) return { ok: true, warnings };
  warnings.unshift(`${result.error.message} — showing the ${model.eventCount} event${model.eventCount === 1 ? "" : "s"} before it`);
  return { ok: true, warnings, error: { line: result.error.line, message: result.error.message } };
}
