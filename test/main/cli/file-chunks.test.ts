// The read-ahead chunks of a file join into exactly its bytes, each chunk intact while it is
// being used (the next read goes to the other buffer), and a caller that stops early leaves no
// read behind to fail on a closed descriptor.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileChunks } from "../../../main/cli/file-chunks";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "goroscope-chunks-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(bytes: Uint8Array): number {
  const p = path.join(dir, `f${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(p, bytes);
  return fs.openSync(p, "r");
}

describe("fileChunks", () => {
  it("yields the file in order, each chunk intact until the one after it is asked for", async () => {
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 31) & 255);
    for (const size of [7, 4096, 10_000, 20_000]) {
      const fd = file(bytes);
      const seen: number[] = [];
      for await (const chunk of fileChunks(fd, size)) {
        const copy = Array.from(chunk);
        await new Promise((r) => setImmediate(r)); // the read ahead runs meanwhile
        expect(Array.from(chunk)).toEqual(copy);
        expect(chunk).not.toBeInstanceOf(Buffer);
        seen.push(...chunk);
      }
      fs.closeSync(fd);
      expect(seen).toEqual(Array.from(bytes));
    }
  });

  it("yields nothing for an empty file", async () => {
    const fd = file(new Uint8Array(0));
    const chunks: Uint8Array[] = [];
    for await (const c of fileChunks(fd)) chunks.push(c);
    fs.closeSync(fd);
    expect(chunks).toEqual([]);
  });

  it("finishes its read ahead before a caller that stopped early closes the file", async () => {
    const fd = file(new Uint8Array(64 * 1024));
    for await (const chunk of fileChunks(fd, 1024)) {
      expect(chunk.length).toBe(1024);
      break;
    }
    // Had a read still been in flight, closing now would make it fail unhandled.
    fs.closeSync(fd);
    await new Promise((r) => setTimeout(r, 10));
  });

  it("rejects with the read's error", async () => {
    const fd = fs.openSync(dir, "r"); // a directory: read fails with EISDIR
    await expect((async () => {
      for await (const _ of fileChunks(fd)) void _;
    })()).rejects.toThrow(/EISDIR/);
    fs.closeSync(fd);
  });
});
