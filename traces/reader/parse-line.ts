/**
 * Turning one line's bytes into a JSON value, and what a cut-off last line means: shared by the
 * reader and the model's loader, so both reject and warn about exactly the same input.
 */

// ignoreBOM keeps a byte-order mark in the text (and so makes line 1 fail) instead of silently
// dropping it at the start of every line, which is where each decode call starts.
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
const HEADER_START = '{"format":"goroscope"';

export type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

export function parseLine(bytes: Uint8Array): Parsed {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: "invalid UTF-8 (binary data?)" };
  }
  if (text.trim() === "") return { ok: false, reason: "empty line" };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: "not valid JSON" };
  }
}

/**
 * A last line the input ended without `\n` and that does not parse: on line 1 an error (what it
 * says depends on whether it starts like a header), on any later line a warning — the valid prefix
 * loads, as after a crash mid-write.
 */
export function truncatedLine(line: number, bytes: Uint8Array): { readonly error: string } | { readonly warning: string } {
  if (line !== 1) return { warning: `line ${line}: truncated last line ignored` };
  const text = lenientDecoder.decode(bytes.subarray(0, HEADER_START.length));
  const header = text.startsWith(HEADER_START) || HEADER_START.startsWith(text);
  return { error: header ? "truncated header: the file ends inside the first line" : "not a Goroscope trace (not valid JSON)" };
}
