/**
 * One door for every trace file the tools open: a Goroscope trace passes through as it is; a Go
 * execution trace is recognised by its header and imported into format v1 (traces/import/go).
 * The CLI (`analyze`, `export`) and the app both open files through it.
 */
import { detectTraceFormat, importGoTrace, type TraceFormat } from "./index";

export type AnyTrace =
  | {
      readonly ok: true;
      readonly format: TraceFormat;
      /** Format-v1 JSON lines, ready for `traces/reader` and `traces/model`. */
      readonly bytes: Uint8Array;
      /** Import warnings, and an import error after which a prefix was kept. */
      readonly warnings: readonly string[];
      /** "go1.21" etc. for an imported Go trace. */
      readonly source?: string;
    }
  | { readonly ok: false; readonly format: TraceFormat; readonly message: string };

/** @param name the file name, recorded as the imported trace's `program`. */
export function openAnyTrace(bytes: Uint8Array, name: string): AnyTrace {
  const format = detectTraceFormat(bytes.subarray(0, 4096));
  if (format !== "go-pre-1.22" && format !== "go-1.22+") return { ok: true, format, bytes, warnings: [] };
  const r = importGoTrace(bytes, { program: name });
  // Header, definitions and nothing else: there is nothing to show.
  if (r.events === 0 && r.error) return { ok: false, format, message: `byte ${r.error.offset}: ${r.error.message}` };
  const warnings = [...r.warnings];
  if (r.error) warnings.unshift(`byte ${r.error.offset}: ${r.error.message} — showing the ${r.events} event${r.events === 1 ? "" : "s"} imported before it`);
  return {
    ok: true,
    format,
    bytes: new TextEncoder().encode(r.lines.join("\n") + "\n"),
    warnings,
    ...(r.goVersion ? { source: r.goVersion } : {}),
  };
}
