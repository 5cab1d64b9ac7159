/**
 * Importing traces written by other tools into Goroscope's format v1. Today: Go's own execution
 * traces (`runtime/trace`, `go test -trace`, `/debug/pprof/trace`), in the format used up to
 * Go 1.21 and in the generational format of Go 1.22+. Runs unchanged in Node, workers and the
 * browser: no `node:*`, no DOM, no I/O; bytes in, JSON lines out, which `traces/model` and
 * `traces/analysis` take as they take a Goroscope trace.
 *
 * ```ts
 * const r = importGoTrace(bytes, { program: "app.trace", onProgress: (n) => bar.set(n / size) });
 * if (!r.ok) console.error(`byte ${r.error.offset}: ${r.error.message}`);
 * const model = loadModel(r.lines.join("\n") + "\n"); // r.lines hold whatever could be read
 * ```
 */
import { headerMinor, looksLikeGoHeaderPrefix, V1_MINORS } from "./go/header";
import { createGoTraceImporter, type GoImportOptions, type GoImportResult } from "./go/importer";

export { createGoTraceImporter } from "./go/importer";
export type { GoImportError, GoImportOptions, GoImportResult, GoTraceImporter } from "./go/importer";
export type { GoEvent, GoEventType, GoFrame, GoStack, GoStatus } from "./go/events";

export type TraceFormat = "goroscope" | "go-pre-1.22" | "go-1.22+" | "unknown";

/**
 * Which kind of trace a file is, from its first bytes (16 are enough; fewer may give "unknown").
 * A Go trace starts with `go 1.N trace` and NULs; a Goroscope trace is JSON whose first line has
 * `"format":"goroscope"`. Go versions too old to import (before 1.11) still detect as
 * "go-pre-1.22": the importer then names the version it cannot read.
 */
export function detectTraceFormat(firstBytes: Uint8Array): TraceFormat {
  const minor = headerMinor(firstBytes);
  if (minor !== undefined) return minor >= 22 ? "go-1.22+" : "go-pre-1.22";
  if (firstBytes.length >= 5 && looksLikeGoHeaderPrefix(firstBytes)) return "unknown";
  let i = 0;
  if (firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf) i = 3; // UTF-8 BOM
  while (i < firstBytes.length && (firstBytes[i] === 0x20 || firstBytes[i] === 0x09)) i++;
  if (firstBytes[i] !== 0x7b) return "unknown"; // "{"
  const text = new TextDecoder().decode(firstBytes.subarray(i, Math.min(firstBytes.length, i + 4096)));
  return /"format"\s*:\s*"goroscope"/.test(text) ? "goroscope" : "unknown";
}

/** Go trace header versions of the format before 1.22 that `importGoTrace` reads. */
export const GO_PRE_122_VERSIONS: readonly string[] = V1_MINORS.map((m) => `go1.${m}`);

/**
 * Imports a whole Go execution trace (one array, or chunks in order). Never throws on bad input:
 * problems come back as `error` (with a byte offset) or `warnings`, and `lines` hold what could
 * be read. See `createGoTraceImporter` for streaming.
 */
export function importGoTrace(input: Uint8Array | Iterable<Uint8Array>, options: GoImportOptions = {}): GoImportResult {
  const importer = createGoTraceImporter(options);
  if (input instanceof Uint8Array) importer.push(input);
  else for (const chunk of input) importer.push(chunk);
  return importer.finish();
}
