/**
 * A file's bytes as a stream of chunks, read ahead: while the caller works on one chunk, the next
 * is being read (libuv's thread pool), so reading a multi-gigabyte trace overlaps its analysis
 * instead of adding to it.
 *
 * Invariant: two buffers take turns, so a chunk is valid until the caller asks for the one after
 * next; callers that keep bytes past the next `next()` must copy them (the trace reader copies a
 * partial line). The generator closes nothing: the caller owns `fd`.
 */
import fs from "node:fs";

function readInto(fd: number, buffer: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    fs.read(fd, buffer, 0, buffer.length, null, (err, n) => (err ? reject(err) : resolve(n)));
  });
}

export async function* fileChunks(fd: number, chunkBytes = 1 << 20): AsyncGenerator<Uint8Array, void, undefined> {
  const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)];
  let turn = 0;
  let pending = readInto(fd, buffers[0]!);
  try {
    for (;;) {
      const n = await pending;
      if (n === 0) return;
      const chunk = buffers[turn]!;
      turn ^= 1;
      pending = readInto(fd, buffers[turn]!);
      // A plain Uint8Array view: a Buffer's `slice` would be a view, not a copy, for anyone who slices it.
      yield new Uint8Array(chunk.buffer, chunk.byteOffset, n);
    }
  } finally {
    // A caller that stops early (a bad line) closes `fd` next: the read ahead ends first.
    await pending.catch(() => 0);
  }
}
