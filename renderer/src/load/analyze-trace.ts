/**
 * The analyzer's pass over a trace, apart from the model: it streams the bytes through the
 * validating reader into traces/analysis and collects the program's output (`log` events). It
 * runs in a Web Worker (analysis.worker.ts) so that the timeline draws while it works, and
 * in-thread where there are no workers (unit tests).
 *
 * Invariant: it sees exactly the events the model loaded (same reader rules, same valid prefix),
 * and an end record after a failed line is not trusted: the prefix is analyzed as cut short.
 */
import { createAnalyzer, type Diagnostic } from "../../../traces/analysis";
import type { TraceEvent } from "../../../traces/format/schema";
import { createTraceReader } from "../../../traces/reader";

export interface OutputLine {
  readonly seq: number;
  readonly t: number;
  readonly g: number;
  readonly text: string;
}

export interface AnalysisResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly output: readonly OutputLine[];
}

const CHUNK = 1 << 20;

export function analyzeBytes(bytes: Uint8Array, onProgress?: (fraction: number) => void): AnalysisResult {
  const output: OutputLine[] = [];
  let analyzer: ReturnType<typeof createAnalyzer> | undefined;
  const onEvent = (e: TraceEvent): void => {
    analyzer!.onEvent(e);
    if (e.k === "log") output.push({ seq: e.seq, t: e.t, g: e.g, text: e.msg });
  };
  const reader = createTraceReader({ keepEvents: false, onEvent });
  analyzer = createAnalyzer(reader.locs);
  for (let off = 0; off < bytes.byteLength && !reader.error; off += CHUNK) {
    reader.push(bytes.subarray(off, Math.min(bytes.byteLength, off + CHUNK)));
    onProgress?.(Math.min(1, (off + CHUNK) / bytes.byteLength));
  }
  const read = reader.finish();
  return { diagnostics: analyzer.finish(read.ok ? read.end : undefined, read.header), output };
}

export type AnalysisRequest = { readonly bytes: Uint8Array };
export type AnalysisReply =
  | { readonly kind: "progress"; readonly fraction: number }
  | { readonly kind: "done"; readonly result: AnalysisResult }
  | { readonly kind: "failed"; readonly message: string };

/** Runs the analysis in a worker when the platform has them; the bytes are copied, not moved. */
export function analyzeInBackground(bytes: Uint8Array, onProgress?: (fraction: number) => void): Promise<AnalysisResult> {
  if (typeof Worker === "undefined") return Promise.resolve(analyzeBytes(bytes, onProgress));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module", name: "goroscope-analysis" });
    worker.onmessage = (e: MessageEvent<AnalysisReply>) => {
      const reply = e.data;
      if (reply.kind === "progress") onProgress?.(reply.fraction);
      else {
        worker.terminate();
        if (reply.kind === "done") resolve(reply.result);
        else reject(new Error(reply.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      // A worker that cannot start (a platform without module workers): analyze here instead.
      e.preventDefault();
      try {
        resolve(analyzeBytes(bytes, onProgress));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    const copy = bytes.slice();
    worker.postMessage({ bytes: copy } satisfies AnalysisRequest, [copy.buffer]);
  });
}
