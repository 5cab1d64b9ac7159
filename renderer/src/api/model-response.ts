/**
 * Reading the browser-mode server's answers (main/app/server.ts) into the contract's shapes:
 * shared by the HTTP client and the early model worker, so it uses nothing but `fetch`'s types.
 *
 * `GET /api/model/ID` answers with the load summary as URI-encoded JSON in `X-Goroscope-Load`
 * and, when the load produced a model, the snapshot as the body, its length announced.
 */
import type { LoadHeader, PreparedTrace } from "../../../main/api/contract";

const LOAD_HEADER: LoadHeader = "x-goroscope-load";

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/** The server's `{ error }` message, or the status line. */
export async function errorText(res: Response): Promise<string> {
  try {
    return ((await res.json()) as { error?: string }).error ?? `${res.status} ${res.statusText}`;
  } catch {
    return `${res.status} ${res.statusText}`;
  }
}

/** A model response as the contract's `PreparedTrace`; an `ApiError` for a refusal or a body cut short. */
export async function readModelResponse(res: Response): Promise<PreparedTrace> {
  if (!res.ok) throw new ApiError(`cannot load the trace: ${await errorText(res)}`, res.status);
  type Rest = Exclude<PreparedTrace, { ok: true }> | Omit<Extract<PreparedTrace, { ok: true }>, "snapshot">;
  const rest = JSON.parse(decodeURIComponent(res.headers.get(LOAD_HEADER) ?? "")) as Rest;
  if (!rest.ok) return rest;
  return { ...rest, snapshot: await readBody(res) };
}

/**
 * A response body of known length read into one buffer as it arrives: `arrayBuffer()` would
 * gather the chunks and then copy them all once more, which on a model snapshot of tens of
 * megabytes is a visible part of the wait.
 */
async function readBody(res: Response): Promise<Uint8Array> {
  const total = Number(res.headers.get("Content-Length"));
  if (!res.body || !Number.isSafeInteger(total) || total <= 0) return new Uint8Array(await res.arrayBuffer());
  const out = new Uint8Array(total);
  const reader = res.body.getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.byteLength > total) throw new ApiError("the backend sent more than it announced", res.status);
    out.set(value, at);
    at += value.byteLength;
  }
  if (at !== total) throw new ApiError(`the model arrived cut short (${at} of ${total} bytes)`, res.status);
  return out;
}
