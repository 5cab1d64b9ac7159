/**
 * Every way a trace gets opened ends here: fetch its bytes from the backend (or take a dropped
 * file's), load the model and show it, then add the analyzer's findings when the background
 * analysis is done. A failure leaves the previous trace on screen and reports why.
 */
import type { TraceDescriptor } from "../../main/api/contract";
import { api } from "./api/client";
import { analyzeInBackground } from "./load/analyze-trace";
import { loadTrace } from "./load/load-trace";
import { openAnyTrace } from "../../traces/import/any-trace";
import type { StoreApi } from "./store/store";

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
  store.getState().beginLoad({ name: descriptor.name, descriptor, bytes: descriptor.bytes });
  let bytes: Uint8Array;
  try {
    bytes = await api.readTrace(descriptor.id);
  } catch (err) {
    store.getState().failLoad(descriptor.name, err instanceof Error ? err.message : String(err));
    return;
  }
  await openBytes(store, descriptor.name, bytes, descriptor);
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
