/**
 * The analyzer's pass over bytes the renderer holds (a dropped file, a live run), in a Web Worker
 * (analysis.worker.ts) so that the timeline draws while it works, and in-thread where there are
 * no workers (unit tests). Traces the backend opened are analyzed there instead (open.ts).
 */
import { analyzeBytes, type AnalysisResult } from "../../../traces/analysis/analyze-bytes";

export { analyzeBytes, type AnalysisResult, type OutputLine } from "../../../traces/analysis/analyze-bytes";

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
