/**
 * The page's side of the early model download (early-model.ts): what that script leaves on
 * `window` for the HTTP client to take.
 *
 * Invariant: a handle is taken at most once (the snapshot's buffer becomes the model's), and only
 * by a request for the same trace id.
 */
import type { PreparedTrace } from "../../../main/api/contract";

/** The early download of trace `id`'s model. */
export interface EarlyModel {
  readonly id: string;
  readonly result: Promise<PreparedTrace>;
}

/** When the worker asked, had the response's head, and had its whole body: ms since the epoch. */
export interface EarlyModelTiming {
  readonly requested: number;
  readonly headers: number;
  readonly received: number;
}

/** What the early model worker posts back: the prepared trace, or why it has none. */
export type EarlyModelMessage =
  | { readonly ok: true; readonly prepared: PreparedTrace; readonly timing: EarlyModelTiming }
  | { readonly ok: false; readonly message: string; readonly status: number };

declare global {
  interface Window {
    goroscopeEarlyModel?: EarlyModel;
  }
}

/** The early download of trace `id`, if there is one not yet taken. */
export function takeEarlyModel(id: string): Promise<PreparedTrace> | undefined {
  const early = window.goroscopeEarlyModel;
  if (!early || early.id !== id) return undefined;
  window.goroscopeEarlyModel = undefined;
  return early.result;
}
