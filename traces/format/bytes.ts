/** Byte helpers shared by the layers that build binary data (the Go importer, model snapshots). */

/** `parts` joined into one `Uint8Array` at offset 0 of its own ArrayBuffer. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
