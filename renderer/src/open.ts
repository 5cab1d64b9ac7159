/**
 * Every way a trace gets opened ends here. A trace the backend opened (sample, file, recent,
 * command line) arrives as a model the backend built (a snapshot: nothing left to parse), then its
 * findings; a dropped file's bytes are loaded here, and analyzed in a Web Worker. Either way the
 * timeline draws before the findings arrive, and a failure leaves the previous trace on screen and
 * reports why.
 */
import type { TraceDescriptor } from "../../main/api/contract";
import { api } from "./api/client";
import { analyzeInBackground } from "./load/analyze-trace";
import { loadTrace } from "./load/load-trace";
import { openAnyTrace } from "../../traces/import/any-trace";
import type { StoreApi } from "./store/store";
import { decodeModelSnapshot, type TraceModel } from "../../traces/model";

/** Progress the backend does not report (see `setProgress`). */
const UNKNOWN = -1;

/**
 * Resolves once the frame after the current one has been produced, or after half a second in a
 * hidden window, which produces no frames (at once where there are none at all).
 */
function afterNextFrame(): Promise<void> {
  if (typeof requestAnimationFrame === "undefined") return Promise.resolve();
  return new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    setTimeout(resolve, 500);
  });
}

export async function openBytes(store: StoreApi, name: string, bytes: Uint8Array, descriptor?: TraceDescriptor): Promise<void> {
  const s = store.getState();
  s.beginLoad({ name, descriptor, bytes: bytes.byteLength });
  // A Go execution trace is imported into format v1 first; a Goroscope trace passes as it is.
  const any = openAnyTrace(bytes, name);
  if (!any.ok) {
    store.getState().failLoad(name, `not a trace Goroscope can open: ${any.message}`);
    return;
  }
  bytes = any.bytes;
  const outcome = await loadTrace(bytes, { onProgress: (f) => store.getState().setProgress(f, "reading"), extraWarnings: any.warnings });
  if (!outcome.ok) {
    store.getState().failLoad(name, outcome.message, outcome.line);
    return;
  }
  const model = outcome.trace.model;
  store.getState().finishLoad(outcome.trace);
  void api.setTitle(`${name} — Goroscope`);
  store.getState().setProgress(0, "analyzing");
  try {
    const result = await analyzeInBackground(bytes, (f) => {
      if (store.getState().loaded?.model === model) store.getState().setProgress(f, "analyzing");
    });
    store.getState().finishAnalysis(model, result);
  } catch (err) {
    store.getState().finishAnalysis(model, { failed: err instanceof Error ? err.message : String(err) });
  }
}

export async function openDescriptor(store: StoreApi, descriptor: TraceDescriptor): Promise<void> {
  const name = descriptor.name;
  store.getState().beginLoad({ name, descriptor, bytes: descriptor.bytes });
  store.getState().setProgress(UNKNOWN, "reading");
  let model: TraceModel;
  try {
    const asked = performance.now();
    const prepared = await api.readModel(descriptor.id);
    performance.measure("goroscope:model-wait", { start: asked, end: performance.now() });
    if (!prepared.ok) {
      store.getState().failLoad(name, prepared.message, prepared.line);
      return;
    }
    const decoding = performance.now();
    model = decodeModelSnapshot(prepared.snapshot);
    performance.measure("goroscope:model-decode", { start: decoding, end: performance.now() });
    store.getState().finishLoad({
      model, diagnostics: [], output: [], analysis: "pending", warnings: prepared.warnings, ...(prepared.error ? { error: prepared.error } : {}),
    });
  } catch (err) {
    store.getState().failLoad(name, err instanceof Error ? err.message : String(err));
    return;
  }
  void api.setTitle(`${name} — Goroscope`);
  store.getState().setProgress(UNKNOWN, "analyzing");
  // The backend analyzes once asked: after the timeline's first frame, which it would slow down.
  await afterNextFrame();
  try {
    store.getState().finishAnalysis(model, await api.readAnalysis(descriptor.id));
  } catch (err) {
    store.getState().finishAnalysis(model, { failed: err instanceof Error ? err.message : String(err) });
  }
  // The backend put a file it opened on its recent list: show the list as it is now.
  if (descriptor.path !== undefined) {
    api.noteOpened({ name: descriptor.name, path: descriptor.path }).then(
      (recent) => store.getState().setRecent(recent),
      () => undefined,
    );
  }
}

/** Runs a backend open (sample, recent, file) and shows the result; errors go to the store. */
export async function openWith(store: StoreApi, name: string, open: () => Promise<TraceDescriptor | null>): Promise<void> {
  let descriptor: TraceDescriptor | null;
  try {
    descriptor = await open();
  } catch (err) {
    store.getState().failLoad(name, err instanceof Error ? err.message : String(err));
    return;
  }
  if (descriptor) await openDescriptor(store, descriptor);
}

/** A file dropped on the window or picked with the browser's file input. */
export async function openLocalFile(store: StoreApi, file: File): Promise<void> {
  // The overlay shows while a large file is still being read, not only once it is parsed.
  store.getState().beginLoad({ name: file.name, bytes: file.size });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (err) {
    store.getState().failLoad(file.name, `cannot read ${file.name}: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  await openBytes(store, file.name, bytes);
  void api.noteOpened({ name: file.name });
}
