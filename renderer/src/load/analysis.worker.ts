/** Web Worker: runs `analyzeBytes` off the renderer's main thread (see analyze-trace.ts). */
import { analyzeBytes, type AnalysisReply, type AnalysisRequest } from "./analyze-trace";

const post = (reply: AnalysisReply): void => (self as unknown as Worker).postMessage(reply);

self.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  try {
    let last = 0;
    const result = analyzeBytes(e.data.bytes, (fraction) => {
      if (fraction - last >= 0.05) {
        last = fraction;
        post({ kind: "progress", fraction });
      }
    });
    post({ kind: "done", result });
  } catch (err) {
    post({ kind: "failed", message: err instanceof Error ? err.message : String(err) });
  }
};
