/**
 * Messages between the backend and its prepare worker (prepare-worker.ts, built to dist/prepare.cjs),
 * and the prepared trace the backend keeps: the model snapshot as the parts the worker encoded
 * (traces/model/snapshot.ts `encodeModelSnapshotParts`), joined only where one buffer is needed.
 */
import type { AnalysisResult } from "../../traces/analysis/analyze-bytes";
// The layout module alone (no imports): the main bundle does not pull in the model to join bytes.
import { joinParts } from "../../traces/model/snapshot-layout";
import type { PreparedTrace } from "../api/contract";

export interface PrepareRequest {
  readonly path: string;
  /** The file name, recorded as an imported Go trace's `program`. */
  readonly name: string;
}

/**
 * A `PreparedTrace` whose snapshot is still in parts: joined, they are its `snapshot`. The parts
 * arrived by transfer and are never written: the server writes them out one after another and
 * Electron's IPC joins them (`joinPrepared`).
 */
export type PreparedParts =
  | Exclude<PreparedTrace, { ok: true }>
  | (Omit<Extract<PreparedTrace, { ok: true }>, "snapshot"> & { readonly parts: readonly Uint8Array[] });

/** Sent to the worker when the findings are wanted: it analyzes only then, so as not to compete with the first draw. */
export type PrepareCommand = { readonly kind: "analyze" };

/** In this order: one `model`, then, once asked, one `analysis` when the model has events; or one `crashed`. */
export type PrepareMessage =
  | { readonly kind: "model"; readonly prepared: PreparedParts }
  | { readonly kind: "analysis"; readonly result: AnalysisResult }
  | { readonly kind: "crashed"; readonly message: string };

/** `prepared` with its parts joined into one snapshot (a copy: for whoever needs one buffer). */
export function joinPrepared(prepared: PreparedParts): PreparedTrace {
  if (!prepared.ok) return prepared;
  const { parts, ...rest } = prepared;
  return { ...rest, snapshot: joinParts(parts) };
}
