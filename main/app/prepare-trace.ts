/**
 * What the prepare worker does with a trace file, apart from the thread and the file system: import
 * a Go trace into format v1, build the model and encode it as snapshot parts, worded as
 * traces/model/outcome.ts words any load; the analysis runs later, over the same bytes, when asked.
 */
import { analyzeBytes, type AnalysisResult } from "../../traces/analysis/analyze-bytes";
import { openAnyTrace } from "../../traces/import/any-trace";
import { detectTraceFormat } from "../../traces/import";
import { createModelBuilder } from "../../traces/model";
import { summarizeLoad } from "../../traces/model/outcome";
import { encodeModelSnapshotParts } from "../../traces/model/snapshot";
import type { PreparedTrace } from "../api/contract";
import { joinPrepared, type PreparedParts } from "./prepare-protocol";

const CHUNK = 8 << 20;

export interface Preparation<P = PreparedParts> {
  readonly prepared: P;
  /** The findings and output; undefined when the bytes held no trace to analyze. */
  readonly analyze: (() => AnalysisResult) | undefined;
}

/**
 * The trace in `file` as snapshot parts that view the model's own arrays (no copy of the columns):
 * the model itself is not kept, so once the parts' buffers are transferred nothing here reads it.
 * `analyze` reads only the file's bytes (or the imported ones), which no part views.
 *
 * @param name the file name, recorded as an imported Go trace's `program`.
 */
export function prepareTraceParts(file: Uint8Array, name: string): Preparation {
  const any = openAnyTrace(file, name);
  if (!any.ok) return { prepared: { ok: false, message: `not a trace Goroscope can open: ${any.message}` }, analyze: undefined };
  const bytes = any.bytes;
  const builder = createModelBuilder({ sizeHint: bytes.byteLength });
  for (let off = 0; off < bytes.byteLength; off += CHUNK) builder.push(bytes.subarray(off, Math.min(bytes.byteLength, off + CHUNK)));
  const result = builder.finish();
  const summary = summarizeLoad(result, any.warnings);
  if (!summary.ok) return { prepared: summary, analyze: undefined };
  return { prepared: { ...summary, parts: encodeModelSnapshotParts(result.model) }, analyze: () => analyzeBytes(bytes) };
}

/** A trace file as the worker reads it. */
export interface TraceSource {
  /** The file's first bytes (up to 4 KiB; fewer when the file is shorter), to tell its format. */
  readonly head: Uint8Array;
  /** The file's size in bytes, to size the model's columns once. */
  readonly size: number;
  /** The whole file in chunks, in order; a chunk may be overwritten once the next is asked for. */
  chunks(): Iterable<Uint8Array>;
  /** The whole file in one buffer. */
  whole(): Uint8Array;
}

/**
 * `prepareTraceParts` for a file read in chunks: a trace in our format goes into the model chunk
 * by chunk through one reused buffer, and is read again only when the analysis is asked for —
 * on this kind of machine fresh memory is much of the cost, and the whole file would be 80 MB of
 * it on the way to the first draw. A Go trace is imported whole.
 */
export function prepareTraceSource(source: TraceSource, name: string): Preparation {
  const format = detectTraceFormat(source.head);
  if (format === "go-pre-1.22" || format === "go-1.22+") return prepareTraceParts(source.whole(), name);
  const builder = createModelBuilder({ sizeHint: source.size });
  for (const chunk of source.chunks()) builder.push(chunk);
  const result = builder.finish();
  const summary = summarizeLoad(result);
  if (!summary.ok) return { prepared: summary, analyze: undefined };
  return { prepared: { ...summary, parts: encodeModelSnapshotParts(result.model) }, analyze: () => analyzeBytes(source.whole()) };
}

/** `prepareTraceParts` with the snapshot joined into one buffer, as the renderer receives it (for in-process callers). */
export function prepareTrace(file: Uint8Array, name: string): Preparation<PreparedTrace> {
  const { prepared, analyze } = prepareTraceParts(file, name);
  return { prepared: joinPrepared(prepared), analyze };
}

/**
 * The buffers to transfer with `prepared`'s parts, each once (a buffer listed twice makes
 * `postMessage` throw, and parts share buffers: the paddings, a decoded model's sections), minus
 * `keep`: buffers the sender still reads (a part viewing one is then copied, not moved).
 */
export function transferList(prepared: PreparedParts, keep: readonly ArrayBufferLike[] = []): ArrayBuffer[] {
  if (!prepared.ok) return [];
  const out = new Set<ArrayBuffer>();
  for (const p of prepared.parts) if (p.buffer instanceof ArrayBuffer && !keep.includes(p.buffer)) out.add(p.buffer);
  return [...out];
}
