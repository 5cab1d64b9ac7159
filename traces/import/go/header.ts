/**
 * The 16-byte header every Go execution trace starts with: `go 1.N trace` padded with NUL bytes.
 * Go changes it only when the format changes, so N names a format, not the toolchain that wrote
 * it: 11 (Go 1.11-1.18), 19 (1.19-1.20), 21 (1.21) are the format before 1.22; 22, 23 (1.23-1.24)
 * and 25 are the generational format.
 */

export const HEADER_BYTES = 16;

/** Minor versions of the format before Go 1.22 that this importer reads (Go's own reader reads the same). */
export const V1_MINORS: readonly number[] = [11, 19, 21];
/** Minor versions of the generational format (Go 1.22+). */
export const V2_MINORS: readonly number[] = [22, 23, 25];

export type GoFormat = "go-pre-1.22" | "go-1.22+";

export type HeaderResult =
  | { readonly ok: true; readonly minor: number; readonly format: GoFormat }
  | { readonly ok: false; readonly message: string };

const PREFIX = "go 1.";

/**
 * The minor version named by a header, or undefined when the bytes do not start like a Go trace.
 * Needs only the first 16 bytes (fewer give undefined unless the text so far already fits).
 */
export function headerMinor(bytes: Uint8Array): number | undefined {
  const n = Math.min(bytes.length, HEADER_BYTES);
  let text = "";
  for (let i = 0; i < n; i++) text += String.fromCharCode(bytes[i]!);
  const m = /^go 1\.(\d{1,2}) trace\0*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]);
}

/** True when `bytes` could be the start of a Go trace header (a prefix of "go 1.N trace\0..."). */
export function looksLikeGoHeaderPrefix(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, PREFIX.length);
  for (let i = 0; i < n; i++) if (bytes[i] !== PREFIX.charCodeAt(i)) return false;
  return true;
}

/** Checks the header of a whole trace: a supported version, or a message naming the one found. */
export function parseHeader(bytes: Uint8Array): HeaderResult {
  if (bytes.length < HEADER_BYTES) {
    return looksLikeGoHeaderPrefix(bytes)
      ? { ok: false, message: `trace cut short in its ${HEADER_BYTES}-byte header (${bytes.length} bytes)` }
      : { ok: false, message: "not a Go execution trace (no \"go 1.N trace\" header)" };
  }
  const minor = headerMinor(bytes);
  if (minor === undefined) return { ok: false, message: "not a Go execution trace (no \"go 1.N trace\" header)" };
  if (V1_MINORS.includes(minor)) return { ok: true, minor, format: "go-pre-1.22" };
  if (V2_MINORS.includes(minor)) return { ok: true, minor, format: "go-1.22+" };
  if (minor < 11) {
    return { ok: false, message: `Go 1.${minor} trace format is too old: this importer reads traces from Go 1.11 and later (header "go 1.${minor} trace")` };
  }
  return { ok: false, message: `unknown Go trace format version 1.${minor} (this importer reads 1.11, 1.19, 1.21, 1.22, 1.23 and 1.25)` };
}
