// The backend's trace loader: a worker thread per opened trace (dist/prepare.cjs, built by
// `npm run build`) sends the model as snapshot parts, transferred rather than copied, that join
// into a snapshot answering as the renderer's own load would, then the same findings; bad input is
// worded as any load words it; one worker per trace.
import fs from "node:fs";
import { MessageChannel, type MessagePort } from "node:worker_threads";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTracePreparer, type TracePreparer } from "../../../main/app/prepare";
import { joinPrepared, type PreparedParts } from "../../../main/app/prepare-protocol";
import { prepareTrace, prepareTraceParts, prepareTraceSource, transferList, type TraceSource } from "../../../main/app/prepare-trace";
import { analyzeBytes } from "../../../traces/analysis/analyze-bytes";
import { decodeModelSnapshot, encodeModelSnapshot, loadModel } from "../../../traces/model";

const ROOT = path.resolve(__dirname, "../../..");
const distDir = path.join(ROOT, "dist");
const SAMPLE = path.join(ROOT, "traces/samples/deadlock.jsonl");
const GO_SAMPLE = path.join(ROOT, "traces/samples/go-workerpool.trace");

let preparer: TracePreparer | undefined;
const tmp: string[] = [];
afterEach(async () => {
  await preparer?.close();
  preparer = undefined;
  for (const d of tmp.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The snapshot the parts join into (decoding it checks its checksum). */
function snapshotOf(prepared: PreparedParts): Uint8Array {
  const joined = joinPrepared(prepared);
  if (!joined.ok) throw new Error(joined.message);
  return joined.snapshot;
}

function tempFile(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "goroscope-prepare-"));
  tmp.push(dir);
  const file = path.join(dir, "t.jsonl");
  fs.writeFileSync(file, text);
  return file;
}

describe("createTracePreparer", () => {
  it("sends a model that answers as one loaded from the file, then the file's findings", async () => {
    preparer = createTracePreparer({ distDir });
    const prepared = await preparer.model("t1", SAMPLE, "deadlock.jsonl");
    if (!prepared.ok) throw new Error(prepared.message);
    const bytes = fs.readFileSync(SAMPLE);
    const local = loadModel(bytes).model;
    const model = decodeModelSnapshot(snapshotOf(prepared));
    expect(model.eventCount).toBe(local.eventCount);
    expect(model.goroutines).toEqual(local.goroutines);
    for (let i = 0; i < local.eventCount; i++) expect(model.event(i)).toEqual(local.event(i));
    expect(model.stateAt(model.seqOf(model.eventCount - 1))).toEqual(local.stateAt(local.seqOf(local.eventCount - 1)));
    expect(prepared.warnings).toEqual([]);
    const analysis = await preparer.analysis("t1", SAMPLE, "deadlock.jsonl");
    expect(analysis).toEqual(analyzeBytes(bytes));
    expect(analysis.diagnostics.map((d) => d.kind)).toContain("deadlock");
  });

  it("keeps the valid prefix of a trace with a bad line, with the line in its warning", async () => {
    const lines = fs.readFileSync(SAMPLE, "utf8").split("\n");
    lines[6] = "{not json";
    preparer = createTracePreparer({ distDir });
    const prepared = await preparer.model("t1", tempFile(lines.join("\n")), "bad.jsonl");
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.error?.line).toBe(7);
    expect(prepared.warnings[0]).toMatch(/^line 7: .* — showing the \d+ events before it$/);
    expect(decodeModelSnapshot(snapshotOf(prepared)).eventCount).toBeGreaterThan(0);
  });

  it("says why a file that is no trace cannot be opened, and has no findings for it", async () => {
    preparer = createTracePreparer({ distDir });
    const file = tempFile("hello\nworld\n");
    const prepared = await preparer.model("t1", file, "hello.txt");
    expect(prepared).toEqual({ ok: false, message: expect.stringMatching(/^line 1: not a Goroscope trace/), line: 1 });
    expect(await preparer.analysis("t1", file, "hello.txt")).toEqual({ diagnostics: [], output: [] });
  });

  it("imports a Go execution trace", async () => {
    preparer = createTracePreparer({ distDir });
    const prepared = await preparer.model("t1", GO_SAMPLE, "go-workerpool.trace");
    if (!prepared.ok) throw new Error(prepared.message);
    const model = decodeModelSnapshot(snapshotOf(prepared));
    expect(model.header?.source).toMatch(/^go1\.\d+/);
    expect(model.goroutines.length).toBeGreaterThan(3);
    // A Go trace has no end record by nature: no warning for it.
    expect(prepared.warnings.some((w) => w.startsWith("no end record"))).toBe(false);
  });

  it("rejects with the reason when the file cannot be read", async () => {
    preparer = createTracePreparer({ distDir });
    const missing = path.join(os.tmpdir(), `goroscope-missing-${process.pid}.jsonl`);
    await expect(preparer.model("t1", missing, "gone.jsonl")).rejects.toThrow(/^cannot load gone\.jsonl: .*ENOENT/);
    await expect(preparer.analysis("t1", missing, "gone.jsonl")).rejects.toThrow(/ENOENT/);
  });

  it("prepares a trace once however often it is asked for", async () => {
    preparer = createTracePreparer({ distDir });
    preparer.prepare("t1", SAMPLE, "deadlock.jsonl");
    const a = preparer.model("t1", SAMPLE, "deadlock.jsonl");
    expect(preparer.model("t1", SAMPLE, "deadlock.jsonl")).toBe(a);
    await a;
  });

  it("drops the oldest trace past `keep`, and prepares it again when asked", async () => {
    preparer = createTracePreparer({ distDir, keep: 1 });
    const first = preparer.model("t1", SAMPLE, "deadlock.jsonl");
    await first;
    await preparer.model("t2", SAMPLE, "deadlock.jsonl");
    const again = preparer.model("t1", SAMPLE, "deadlock.jsonl");
    expect(again).not.toBe(first);
    expect((await again).ok).toBe(true);
  });
});

describe("prepareTrace", () => {
  it("words an empty file as the reader does and offers no analysis", () => {
    const { prepared, analyze } = prepareTrace(new Uint8Array(0), "empty.jsonl");
    expect(prepared.ok).toBe(false);
    expect(analyze).toBeUndefined();
    expect(transferList(prepareTraceParts(new Uint8Array(0), "empty.jsonl").prepared)).toEqual([]);
  });

  it("joins the parts into the model's snapshot", () => {
    const bytes = fs.readFileSync(SAMPLE);
    const { prepared } = prepareTrace(bytes, "deadlock.jsonl");
    if (!prepared.ok) throw new Error(prepared.message);
    expect(prepared.snapshot).toEqual(encodeModelSnapshot(loadModel(bytes).model));
  });
});

/** `bytes` as a file read through one buffer of `size` bytes, overwritten chunk after chunk. */
function chunkedSource(bytes: Uint8Array, size: number): TraceSource & { wholeReads: number } {
  const source = {
    head: bytes.subarray(0, 4096),
    size: bytes.byteLength,
    wholeReads: 0,
    *chunks() {
      const buf = new Uint8Array(size);
      for (let off = 0; off < bytes.byteLength; off += size) {
        const n = Math.min(size, bytes.byteLength - off);
        buf.set(bytes.subarray(off, off + n));
        yield buf.subarray(0, n);
        buf.fill(0x21); // what a reused read buffer would hold next: anything
      }
    },
    whole() {
      source.wholeReads++;
      return bytes;
    },
  };
  return source;
}

describe("prepareTraceSource", () => {
  it("loads through a reused buffer the same model as from the whole file, and reads the file whole only to analyze", () => {
    for (const name of ["deadlock", "worker-pool-results", "context-leak"]) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, `traces/samples/${name}.jsonl`)));
      for (const size of [7, 61, 4096]) {
        const source = chunkedSource(bytes, size);
        const { prepared, analyze } = prepareTraceSource(source, `${name}.jsonl`);
        const joined = joinPrepared(prepared);
        if (!joined.ok) throw new Error(joined.message);
        // Lines cut by a chunk take the reader's general path, so the columns may hold them
        // differently: the model's answers are what must not change.
        const model = decodeModelSnapshot(joined.snapshot);
        const local = loadModel(bytes).model;
        expect(model.eventCount, `${name} in chunks of ${size}`).toBe(local.eventCount);
        for (let i = 0; i < local.eventCount; i++) expect(model.event(i)).toEqual(local.event(i));
        expect(model.goroutines).toEqual(local.goroutines);
        expect(model.objects).toEqual(local.objects);
        for (let seq = 1; seq <= local.seqOf(local.eventCount - 1); seq += 7) expect(model.stateAt(seq)).toEqual(local.stateAt(seq));
        expect(source.wholeReads).toBe(0);
        expect(analyze!()).toEqual(analyzeBytes(bytes));
        expect(source.wholeReads).toBe(1);
      }
    }
  });

  it("imports a Go trace from the whole file", () => {
    const bytes = new Uint8Array(fs.readFileSync(GO_SAMPLE));
    const source = chunkedSource(bytes, 100);
    const joined = joinPrepared(prepareTraceSource(source, "go-workerpool.trace").prepared);
    if (!joined.ok) throw new Error(joined.message);
    expect(decodeModelSnapshot(joined.snapshot).header?.source).toMatch(/^go1\.\d+/);
    expect(source.wholeReads).toBe(1);
  });
});

/** The next message on `port`. */
const nextMessage = (port: MessagePort) => new Promise<unknown>((resolve) => port.once("message", resolve));

describe("prepareTraceParts and transferList", () => {
  it("list each part's buffer once, and the parts move whole through postMessage", async () => {
    const file = fs.readFileSync(SAMPLE);
    const { prepared, analyze } = prepareTraceParts(new Uint8Array(file.buffer, file.byteOffset, file.byteLength), "deadlock.jsonl");
    if (!prepared.ok) throw new Error(prepared.message);
    const expected = new Uint8Array(Buffer.concat(prepared.parts));
    const list = transferList(prepared, [file.buffer]);
    // Every padding views one buffer: listed once, or postMessage would throw.
    expect(new Set(prepared.parts.map((p) => p.buffer)).size).toBe(list.length);
    expect(list.length).toBeLessThan(prepared.parts.length);
    expect(list).not.toContain(file.buffer);
    const { port1, port2 } = new MessageChannel();
    try {
      const received = nextMessage(port2);
      port1.postMessage(prepared, list);
      // Moved, not copied: the sender's views are detached.
      for (const p of prepared.parts) expect(p.byteLength).toBe(0);
      const back = (await received) as PreparedParts;
      expect(snapshotOf(back)).toEqual(expected);
      expect(decodeModelSnapshot(snapshotOf(back)).eventCount).toBe(loadModel(file).model.eventCount);
      // The analysis reads the file, which stayed.
      expect(analyze!().diagnostics.map((d) => d.kind)).toContain("deadlock");
    } finally {
      port1.close();
      port2.close();
    }
  });

  it("keep the buffers the sender still reads", () => {
    const shared = new Uint8Array(16);
    const prepared: PreparedParts = { ok: true, warnings: [], parts: [shared.subarray(0, 8), shared.subarray(8), new Uint8Array(8)] };
    expect(transferList(prepared)).toEqual([shared.buffer, prepared.parts[2]!.buffer]);
    expect(transferList(prepared, [shared.buffer])).toEqual([prepared.parts[2]!.buffer]);
  });
});
