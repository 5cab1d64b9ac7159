/**
 * Downloads one trace's model snapshot (`GET /api/model/ID`, with the page's cookie) into one
 * buffer and transfers it to the page (early-model.ts).
 */
import type { EarlyModelMessage } from "./early-model-handle";
import { ApiError, readModelResponse } from "./model-response";

const now = (): number => performance.timeOrigin + performance.now();

self.onmessage = async (e: MessageEvent<string>) => {
  let message: EarlyModelMessage;
  try {
    const requested = now();
    const res = await fetch(`/api/model/${encodeURIComponent(e.data)}`, { credentials: "same-origin" });
    const headers = now();
    const prepared = await readModelResponse(res);
    message = { ok: true, prepared, timing: { requested, headers, received: now() } };
  } catch (err) {
    message = { ok: false, message: err instanceof Error ? err.message : String(err), status: err instanceof ApiError ? err.status : 0 };
  }
  const transfer = message.ok && message.prepared.ok ? [message.prepared.snapshot.buffer] : [];
  (self as unknown as Worker).postMessage(message, transfer);
};
