/**
 * Turns trace bytes into what the app shows, in two steps so the timeline draws as soon as it
 * can: `loadTrace` builds the model (traces/model) on the renderer's thread in slices, yielding
 * between them so the progress bar moves; `analyzeInBackground` (analyze-trace.ts) then finds the
 * diagnostics and the program's output in a Web Worker, and `open.ts` adds them when they arrive.
 *
 * A trace that fails to load keeps its valid prefix: `error` says what and which line, and the
 * prefix opens with that message as a warning, unless it has no events at all.
 */
import type { Diagnostic } from "../../../traces/analysis";
import { createModelBuilder, type TraceModel } from "../../../traces/model";
import { summarizeLoad } from "../../../traces/model/outcome";
import type { OutputLine } from "./analyze-trace";

export type { OutputLine } from "./analyze-trace";

export interface LoadedTrace {
  readonly model: TraceModel;
  /** Empty until `analysis` is "done". */
  readonly diagnostics: readonly Diagnostic[];
  /** The program's output (`log` events); empty until `analysis` is "done". */
  readonly output: readonly OutputLine[];
  readonly analysis: "pending" | "done" | "failed";
  /** Tolerated problems (truncated last line, missing end record) and, for a failed load, the error. */
  readonly warnings: readonly string[];
  /** Set when the file is not a valid trace past some line; the model holds the prefix before it. */
  readonly error?: { readonly line: number; readonly message: string };
}

export type LoadOutcome = { readonly ok: true; readonly trace: LoadedTrace } | { readonly ok: false; readonly message: string; readonly line?: number };

export interface LoadOptions {
  /** Called with the fraction of the bytes parsed, in [0, 1]. */
  readonly onProgress?: (fraction: number) => void;
  /** Bytes parsed between yields to the event loop. */
  readonly sliceBytes?: number;
  /** Warnings from before the load (an imported Go trace's), shown first. */
  readonly extraWarnings?: readonly string[];
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function loadTrace(bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadOutcome> {
  const slice = options.sliceBytes ?? 8 << 20;
  const builder = createModelBuilder({ sizeHint: bytes.byteLength });
  for (let off = 0; off < bytes.byteLength; off += slice) {
    builder.push(bytes.subarray(off, Math.min(bytes.byteLength, off + slice)));
    options.onProgress?.(Math.min(1, (off + slice) / Math.max(1, bytes.byteLength)));
    if (off + slice < bytes.byteLength) await yieldToEventLoop();
  }
  const result = builder.finish();
  const summary = summarizeLoad(result, options.extraWarnings);
  if (!summary.ok) return summary;
  const { model } = result;
  const { warnings, error } = summary;
  return {
    ok: true,
    trace: {
      model, diagnostics: [], output: [], analysis: "pending", warnings,
      ...(error ? { error } : {}),
    },
  };
}
