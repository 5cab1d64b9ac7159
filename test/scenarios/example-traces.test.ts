/**
 * Every example, traced: the same program and seed give a byte-identical trace (20 seeds each,
 * compared by SHA-256 of the bytes), and the traces of seed 0 and seed 1 pass the reader's
 * validation with an end record and no warnings.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { run } from "goroscope/runtime";
import type { TraceSink } from "../../traces/writer/sink";
import { readTrace } from "../../traces/reader";
import { cases } from "../examples/cases";

const SEEDS = Array.from({ length: 20 }, (_, i) => i);
const VALIDATED = new Set([0, 1]);

async function traceOf(main: () => unknown, seed: number, opts: object, keep: boolean): Promise<{ hash: string; bytes?: Buffer }> {
  const hash = createHash("sha256");
  const chunks: Buffer[] = [];
  // Lines are gathered in 1 MiB blocks so hashing costs one update per block, not per line.
  let block = Buffer.allocUnsafe(1 << 20);
  let used = 0;
  const flush = (): void => {
    hash.update(block.subarray(0, used));
    if (keep) chunks.push(Buffer.from(block.subarray(0, used)));
    used = 0;
  };
  const sink: TraceSink = {
    write(line) {
      this.writeBytes!(Buffer.from(line));
    },
    writeBytes(line) {
      if (used + line.length > block.length) flush();
      if (line.length > block.length) block = Buffer.allocUnsafe(line.length * 2);
      block.set(line, used);
      used += line.length;
    },
    close: flush,
  };
  await run(main, { ...opts, seed, trace: sink, program: "example.ts" });
  return { hash: hash.digest("hex"), bytes: keep ? Buffer.concat(chunks) : undefined };
}

describe("example traces", () => {
  for (const c of cases) {
    it(`${c.name}: byte-identical for 20 seeds, and valid`, async () => {
      const { default: main } = await c.load();
      for (const seed of SEEDS) {
        const a = await traceOf(main, seed, c.opts ?? {}, VALIDATED.has(seed));
        const b = await traceOf(main, seed, c.opts ?? {}, false);
        expect(b.hash, `seed ${seed}: two runs wrote different traces`).toBe(a.hash);
        if (a.bytes) {
          const r = readTrace(new Uint8Array(a.bytes));
          if (!r.ok) throw new Error(`seed ${seed}: ${r.error.message}`);
          expect(r.warnings).toEqual([]);
          expect(r.end?.end).toBe("main-returned");
        }
      }
    }, 120_000);
  }
});
