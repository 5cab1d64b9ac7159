/**
 * Turns trace bytes into what the app shows: the model (traces/model), the analyzer's findings
 * (traces/analysis) and the program's output lines. Runs on the renderer's thread in slices,
 * yielding between them so the progress bar moves and the window stays responsive.
 *
 * A trace that fails to load keeps its valid prefix: `error` says what and which line, and the
 * prefix opens with that message as a warning, unless it has no events at all.
 */
import { createAnalyzer, type Diagnostic } from "../../../traces/analysis";
import { createModelBuilder, type TraceModel } from "../../../traces/model";

export interface OutputLine {
  readonly seq: number;
  readonly t: number;
  readonly g: number;
  readonly text: string;
}

export interface LoadedTrace {
  readonly model: TraceModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly output: readonly OutputLine[];
  /** Tolerated problems (truncated last line, missing end record) and, for a failed load, the error. */
  readonly warnings: readonly string[];
  /** Set when the file is not a valid trace past some line; the model holds the prefix before it. */
  readonly error?: { readonly line: number; readonly message: string };
}

export type LoadOutcome = { readonly ok: true; readonly trace: LoadedTrace } | { readonly ok: false; readonly message: string; readonly line?: number };

export interface LoadOptions {
  /** Called with a fraction in [0, 1] and the stage. */
  readonly onProgress?: (fraction: number, stage: "reading" | "analyzing") => void;
  /** Bytes parsed between yields to the event loop. */
  readonly sliceBytes?: number;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function loadTrace(bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadOutcome> {
  const slice = options.sliceBytes ?? 4 << 20;
  const builder = createModelBuilder({ sizeHint: bytes.byteLength });
  for (let off = 0; off < bytes.byteLength; off += slice) {
    builder.push(bytes.subarray(off, Math.min(bytes.byteLength, off + slice)));
    options.onProgress?.(Math.min(1, (off + slice) / Math.max(1, bytes.byteLength)) * 0.8, "reading");
    await yieldToEventLoop();
  }
  const result = builder.finish();
  const model = result.model;
  if (!result.ok && model.eventCount === 0) return { ok: false, message: result.error.message, line: result.error.line };

  const analyzer = createAnalyzer(model.locs);
  const output: OutputLine[] = [];
  const n = model.eventCount;
  const step = 200_000;
  for (let i = 0; i < n; i++) {
    const e = model.event(i);
    analyzer.onEvent(e);
    if (e.k === "log") output.push({ seq: e.seq, t: e.t, g: e.g, text: e.msg });
    if (i % step === step - 1) {
      options.onProgress?.(0.8 + (0.2 * i) / n, "analyzing");
      await yieldToEventLoop();
    }
  }
  // An end record after a failed line cannot be trusted to be this run's: analyze the prefix as cut short.
  const diagnostics = analyzer.finish(result.ok ? model.end : undefined);
  options.onProgress?.(1, "analyzing");
  const warnings = result.warnings.map((w) => w.message);
  if (!result.ok) warnings.unshift(`${result.error.message} — showing the ${model.eventCount} events before it`);
  return {
    ok: true,
    trace: { model, diagnostics, output, warnings, ...(result.ok ? {} : { error: { line: result.error.line, message: result.error.message } }) },
  };
}
