/**
 * Browser mode's head start on the initial trace: the server adds this script (its own entry,
 * assets/early-model.js, loaded `async`) and a `goroscope-initial-model` meta naming the trace to
 * the page it serves. It starts a worker that downloads the model snapshot while the app's own
 * bundle still loads, and leaves the pending result for the HTTP client (early-model-handle.ts).
 *
 * Why a worker: receiving tens of megabytes costs the receiving thread ~10 ms per MB in
 * Chromium. On the page's thread, as a `<link rel="preload">` did, that cost was paid twice (once
 * into the preload cache, once more reading it out) and held up the app's start; in a worker it
 * is paid once, beside the page's start, and the buffer is then transferred, not copied.
 */
import type { EarlyModelMessage, EarlyModelTiming } from "./early-model-handle";

/** The download as the page's own measures (the worker's clock has another origin), for the app benchmark. */
function measure(t: EarlyModelTiming): void {
  const at = (epochMs: number) => Math.max(0, epochMs - performance.timeOrigin);
  performance.measure("goroscope:model-download", { start: at(t.requested), end: at(t.received) });
  performance.measure("goroscope:model-first-byte", { start: at(t.requested), end: at(t.headers) });
}

const id = document.querySelector<HTMLMetaElement>('meta[name="goroscope-initial-model"]')?.content;
// The id is the server's own handle (t<digits>); anything else is not ours to fetch.
if (id !== undefined && /^t\d+$/.test(id)) {
  const worker = new Worker(new URL("./early-model.worker.ts", import.meta.url), { type: "module", name: "goroscope-early-model" });
  const result = new Promise<EarlyModelMessage>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<EarlyModelMessage>) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(`the early model download failed: ${e.message}`));
  }).then((m) => {
    worker.terminate();
    if (!m.ok) throw new Error(m.message);
    measure(m.timing);
    return m.prepared;
  });
  result.catch(() => {}); // taken by the client, which asks again on failure
  window.goroscopeEarlyModel = { id, result };
  worker.postMessage(id);
}
