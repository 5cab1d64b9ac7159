/**
 * A model decoded from its snapshot answers every query as the loaded model did; the snapshot
 * carries every field of the classes it saves; bad bytes fail with a clear Error; the decoded
 * typed arrays are views into the snapshot's buffer; the encoder's parts join into exactly the
 * snapshot, with the checksum the one-shot sum gives, and view the model's arrays uncopied.
 */
import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Mutex, WaitGroup, chan, context, go, recv, run, select, send, sleep, time } from "goroscope/runtime";
import { createMemorySink } from "../../../traces/writer/sink";
import { ByteInterner } from "../../../traces/reader/byte-strings";
import { decodeModelSnapshot, encodeModelSnapshot, loadModel, SNAPSHOT_VERSION, type ModelBuilderOptions, type TraceModel } from "../../../traces/model";
import { Entities } from "../../../traces/model/entities";
import { EventStore } from "../../../traces/model/event-store";
import { modelInternals } from "../../../traces/model/model";
import { encodeModelSnapshotParts, ENTITY_FIELDS, LITERAL_FIELDS, STORE_FIELDS } from "../../../traces/model/snapshot";
import { SnapshotReader, SnapshotWriter, type ElementType } from "../../../traces/model/snapshot-layout";
import { validTraceArb } from "../arbitraries";

const SAMPLES = ["context-leak", "deadlock", "leak", "lock-order", "rwmutex-readers", "worker-pool-results", "worker-pools"];
const sample = (name: string) => fs.readFileSync(new URL(`../../../traces/samples/${name}.jsonl`, import.meta.url), "utf8");
const lines = (records: readonly object[]) => records.map((r) => JSON.stringify(r)).join("\n") + "\n";
const HEADER = { format: "goroscope", version: 1, program: "p.ts", clock: "virtual", seed: 0, timeUnit: "ns", epoch: 0 };

/** The result of `f`, or the message it threw: accessors may throw on kinds they do not cover, and must do so alike. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return `threw ${(e as Error).message}`;
  }
}

function expectSameColumns(a: TraceModel, b: TraceModel): void {
  const [ca, cb] = [a.columns, b.columns];
  expect(cb.length).toBe(ca.length);
  const accessors = ["kind", "g", "time", "loc", "subject", "len", "from", "count", "read", "reason", "onCount", "event"] as const;
  for (let i = 0; i < a.eventCount; i++) {
    for (const f of accessors) expect(outcome(() => cb[f](i))).toEqual(outcome(() => ca[f](i)));
    const on = outcome(() => ca.onCount(i));
    for (let j = 0; typeof on === "number" && j < on; j++) expect(cb.on(i, j)).toBe(ca.on(i, j));
  }
  expect(cb.timeColumn()).toEqual(ca.timeColumn());
  expect(cb.kindColumn()).toEqual(ca.kindColumn());
  expect(cb.goroutineColumn()).toEqual(ca.goroutineColumn());
}

/** `b` answers as `a` does; `stateAt` at every seq when `everyState`, else at about 150 of them. */
function expectSameModel(a: TraceModel, b: TraceModel, everyState: boolean): void {
  expect(b.header).toEqual(a.header);
  expect(b.end).toEqual(a.end);
  expect(b.locs).toEqual(a.locs);
  expect(b.eventCount).toBe(a.eventCount);
  expect(b.goroutines).toEqual(a.goroutines);
  expect(b.objects).toEqual(a.objects);
  for (const g of a.goroutines) {
    expect(b.goroutine(g.id)).toEqual(a.goroutine(g.id));
    expect(b.eventsOf(g)).toEqual(a.eventsOf(g));
  }
  for (const o of a.objects) {
    expect(b.object(o.id)).toEqual(a.object(o.id));
    expect(b.eventsOf(o)).toEqual(a.eventsOf(o));
  }
  for (const id of [0, 1, -1, 2 ** 40]) {
    expect(b.goroutine(id)).toEqual(a.goroutine(id));
    expect(b.object(id)).toEqual(a.object(id));
    expect(b.loc(id)).toEqual(a.loc(id));
  }
  for (const l of a.locs) expect(b.loc(l.id)).toEqual(a.loc(l.id));
  const n = a.eventCount;
  for (let i = 0; i < n; i++) {
    expect(b.event(i)).toEqual(a.event(i));
    expect(b.seqOf(i)).toBe(a.seqOf(i));
    expect(b.timeOf(i)).toBe(a.timeOf(i));
    for (const t of [a.timeOf(i) - 1, a.timeOf(i), a.timeOf(i) + 0.5]) expect(b.seqAtTime(t)).toBe(a.seqAtTime(t));
  }
  for (const t of [-Infinity, Infinity]) expect(b.seqAtTime(t)).toBe(a.seqAtTime(t));
  expect(() => b.event(n)).toThrow(RangeError);
  const lastSeq = n === 0 ? 0 : a.seqOf(n - 1);
  const step = everyState ? 1 : Math.max(1, Math.floor(lastSeq / 150));
  for (let seq = -1; seq <= lastSeq + 1; seq += step) {
    expect(b.indexOfSeq(seq)).toBe(a.indexOfSeq(seq));
    expect(b.indexOfSeq(seq + 0.5)).toBe(a.indexOfSeq(seq + 0.5));
    expect(b.stateAt(seq)).toEqual(a.stateAt(seq));
  }
  expect(b.stateAt(lastSeq)).toEqual(a.stateAt(lastSeq));
  expectSameColumns(a, b);
}

/**
 * The layout's checksum as the format defines it, in one pass over the whole binary area (the
 * writer sums part by part): whole blocks of four words in four lanes, the rest into lane a.
 */
function referenceChecksum(snapshot: Uint8Array): number {
  const binStart = (24 + new DataView(snapshot.buffer, snapshot.byteOffset).getUint32(12, true) + 7) & ~7;
  const bin = snapshot.slice(binStart);
  const words = new Int32Array(bin.buffer, 0, bin.length >> 2);
  let [a, b, c, d, s] = [0, 0, 0, 0, 0];
  const whole = words.length & ~3;
  for (let i = 0; i < whole; i += 4) {
    a = (a + words[i]!) | 0;
    b = (b + words[i + 1]!) | 0;
    c = (c + words[i + 2]!) | 0;
    d = (d + words[i + 3]!) | 0;
    s = (s + a + b + c + d) | 0;
  }
  for (let i = whole; i < words.length; i++) {
    a = (a + words[i]!) | 0;
    s = (s + a) | 0;
  }
  return (a ^ Math.imul(b, 3) ^ Math.imul(c, 5) ^ Math.imul(d, 7) ^ Math.imul(s, 0x9e3779b1)) >>> 0;
}

const storedChecksum = (snapshot: Uint8Array) => new DataView(snapshot.buffer, snapshot.byteOffset).getUint32(16, true);

/** `parts` joined by the test itself, not by the module under test. */
const joined = (parts: readonly Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** The model's parts join into exactly its snapshot, whose checksum is the one-shot sum. */
function expectPartsMatch(model: TraceModel, bytes: Uint8Array): void {
  const parts = encodeModelSnapshotParts(model);
  expect(joined(parts)).toEqual(bytes);
  expect(parts[0]!.byteOffset).toBe(0);
  expect(storedChecksum(bytes)).toBe(referenceChecksum(bytes));
}

/** Encodes, decodes, compares; the decoded model encodes to the very same bytes, as parts too. */
function roundTrip(model: TraceModel, everyState = true): TraceModel {
  const bytes = encodeModelSnapshot(model);
  expectPartsMatch(model, bytes);
  const back = decodeModelSnapshot(bytes);
  expectSameModel(model, back, everyState);
  expect(encodeModelSnapshot(back)).toEqual(bytes);
  expectPartsMatch(back, bytes);
  return back;
}

/** A runtime program touching channels, select, a mutex, a WaitGroup, timers and a context. */
async function runtimeTrace(rounds: number): Promise<string> {
  const sink = createMemorySink();
  await run(async () => {
    const jobs = chan<number>(2, { name: "jobs" });
    const results = chan<string>(0, { name: "results" });
    const mu = new Mutex({ name: "mu" });
    const wg = new WaitGroup({ name: "wg" });
    const [ctx, cancel] = context.withTimeout(context.background(), time.Second);
    for (let w = 0; w < 3; w++) {
      wg.go(async function worker() {
        for await (const j of jobs) {
          await mu.lock();
          mu.unlock();
          await select(send(results, `r${j}`), recv(ctx.done()));
        }
      });
    }
    go(async function feeder() {
      for (let i = 0; i < rounds; i++) {
        await jobs.send(i);
        if (i % 3 === 0) await sleep(7);
      }
      jobs.close();
    });
    for (let i = 0; i < rounds; i++) await results.recv();
    await wg.wait();
    cancel();
  }, { trace: sink, program: "snapshot", seed: 5 });
  return sink.text();
}

describe("model snapshots round-trip", () => {
  it("on every bundled sample, with many checkpoints or the default", () => {
    for (const name of SAMPLES) {
      for (const options of [{}, { checkpointInterval: 3 }] as ModelBuilderOptions[]) {
        const loaded = loadModel(sample(name), options);
        expect(loaded.ok).toBe(true);
        roundTrip(loaded.model);
      }
    }
  });

  it("on generated traces", () => {
    fc.assert(
      fc.property(validTraceArb({ maxSteps: 60 }), fc.integer({ min: 1, max: 9 }), (trace, interval) => {
        roundTrip(loadModel(trace.text, { checkpointInterval: interval }).model);
      }),
      { numRuns: 100 },
    );
  });

  it("on a runtime trace of thousands of events", async () => {
    const text = await runtimeTrace(400);
    for (const options of [{}, { checkpointInterval: 64 }] as ModelBuilderOptions[]) {
      const loaded = loadModel(text, options);
      expect(loaded.ok).toBe(true);
      expect(loaded.model.eventCount).toBeGreaterThan(3000);
      roundTrip(loaded.model, false);
    }
  });

  it("with times as a dense column", () => {
    const events = Array.from({ length: 300 }, (_, i) => ({ seq: i + 1, t: i * 3, g: 1, k: "go.yield" }));
    // A small size hint: the runs outgrow a quarter of the columns early.
    const loaded = loadModel(lines([HEADER, ...events]), { sizeHint: 1024 });
    expect(modelInternals(loaded.model)!.parts.store.t).toBeDefined();
    roundTrip(loaded.model);
  });

  it("on the valid prefix of a trace with a bad line", () => {
    const text = sample("worker-pool-results").split("\n");
    text.splice(120, 0, '{"seq": oops}');
    const loaded = loadModel(text.join("\n"));
    expect(loaded.ok).toBe(false);
    expect(loaded.model.eventCount).toBeGreaterThan(50);
    roundTrip(loaded.model);
  });

  it("on events kept whole (ids past Int32, a panic), seq gaps, locs and -0", () => {
    const big = 2 ** 31 + 5;
    // JSON.stringify writes -0 as 0: the -0 values are put in the text afterwards.
    const loaded = loadModel(lines([
      HEADER,
      { def: "loc", id: 1, file: "p.ts", line: 3, col: 0, fn: "main" },
      { seq: 1, t: 0, g: 1, k: "chan.make", ch: big, cap: 1, name: "c" },
      { seq: 2, t: 5, g: 1, k: "go.create", child: big + 1, name: "w", loc: 1 },
      { seq: 4, t: 6, g: big + 1, k: "chan.send", ch: big, len: 1, val: "1" },
      { seq: 5, t: 7, g: 1, k: "chan.recv", ch: big, len: 0, ok: true, from: 4, val: "1" },
      { seq: 6, t: 8, g: 1, k: "chan.make", ch: 7, cap: 0, name: "z" },
      { seq: 9, t: 8, g: 1, k: "go.block", reason: "chan.recv", on: [big] },
      { seq: 10, t: 9, g: big + 1, k: "go.unblock", target: 1 },
      { seq: 11, t: 9, g: big + 1, k: "go.panic", msg: "boom", stack: ["s"] },
    ]).replace('"col":0', '"col":-0').replace('"cap":0', '"cap":-0'));
    expect(loaded.ok).toBe(true);
    const internals = modelInternals(loaded.model)!;
    expect(internals.parts.store.irregular.size).toBeGreaterThan(3);
    expect(internals.parts.store.seqs).toBeDefined();
    expect(Object.is(loaded.model.object(7)!.cap, -0)).toBe(true);
    const back = roundTrip(loaded.model);
    expect(Object.is(back.object(7)!.cap, -0)).toBe(true);
    expect(Object.is(back.locs[0]!.col, -0)).toBe(true);
  });

  it("on an empty trace and a header-only one", () => {
    roundTrip(loadModel("").model);
    roundTrip(loadModel(lines([HEADER])).model);
  });
});

describe("model snapshots carry every field", () => {
  const loaded = () => modelInternals(loadModel(sample("worker-pool-results")).model)!.parts;

  it("of EventStore, Entities and the store's ByteInterner", () => {
    const sorted = (o: object) => Object.keys(o).sort();
    for (const store of [new EventStore(), loaded().store]) expect(sorted(store)).toEqual(sorted(STORE_FIELDS));
    for (const ent of [new Entities(), loaded().ent]) expect(sorted(ent)).toEqual(sorted(ENTITY_FIELDS));
    for (const texts of [new ByteInterner(), loaded().store.texts]) expect(sorted(texts)).toEqual(sorted(LITERAL_FIELDS));
  });

  it("so the decoded tables equal the loaded ones, lookups included", () => {
    const parts = loaded();
    const back = modelInternals(decodeModelSnapshot(encodeModelSnapshot(loadModel(sample("worker-pool-results")).model)))!.parts;
    expect(back.ent).toEqual(parts.ent);
    expect(back.checkpoints).toEqual(parts.checkpoints);
    expect(back.store.strings).toEqual(parts.store.strings);
    for (let id = 0; id < parts.store.texts.saved().starts.length; id++) expect(back.store.texts.text(id)).toBe(parts.store.texts.text(id));
  });
});

describe("snapshot parts", () => {
  it("view the loaded model's own arrays, but for narrowed copies, the head and the paddings", () => {
    const model = loadModel(sample("worker-pools"), { checkpointInterval: 8 }).model;
    const { parts: { store, checkpoints }, closedAt, eventLists } = modelInternals(model)!;
    const literals = store.texts.saved();
    const parts = encodeModelSnapshotParts(model);
    const { byGoroutine, byObject } = eventLists();
    const sections = sectionsOf(joined(parts));
    const byName: [string, Uint8Array | Int16Array | Int32Array | Float64Array][] = [
      ["k", store.k], ["g", store.g], ["loc", store.loc!], ["a", store.a], ["b", store.b], ["x", store.x], ["y", store.y],
      ["runStart", store.runStart], ["runT", store.runT], ["ints", store.ints], ["nums", store.nums],
      ["textArena", literals.arena], ["textStarts", literals.starts], ["textLengths", literals.lengths], ["closedAt", closedAt],
      ["byGoroutine.offsets", byGoroutine.offsets], ["byGoroutine.items", byGoroutine.items], ["byObject.offsets", byObject.offsets], ["byObject.items", byObject.items],
      ...checkpoints.map((c) => ["checkpointInts", c.ints] as [string, Int32Array]),
      ...checkpoints.map((c) => ["checkpointFloats", c.floats] as [string, Float64Array]),
    ];
    const buffers = new Set(parts.map((p) => p.buffer));
    const narrowedNames = new Set(Object.keys(sections).filter((name) => sections[name]![0] === "i8" || sections[name]![0] === "i16"));
    // A small trace's goroutine, location and operand columns fit 8 bits; floats and bytes stay as they are.
    for (const name of ["g", "loc", "a"]) expect(narrowedNames.has(name)).toBe(true);
    for (const name of ["k", "runT", "nums", "checkpointFloats"]) expect(narrowedNames.has(name)).toBe(false);
    for (const [name, a] of byName) {
      if (a.length > 0 && !narrowedNames.has(name)) expect(buffers.has(a.buffer), name).toBe(true);
    }
    const own = new Set<ArrayBufferLike>(byName.map(([, a]) => a.buffer));
    const fresh = parts.filter((p) => !own.has(p.buffer));
    // The head (head, JSON and its padding), one copy per narrowed section, paddings of under 8 bytes.
    expect(fresh[0]).toBe(parts[0]);
    const perBuffer = new Map<ArrayBufferLike, Uint8Array[]>();
    for (const p of fresh.slice(1)) perBuffer.set(p.buffer, [...(perBuffer.get(p.buffer) ?? []), p]);
    const [paddings, ...copies] = [...perBuffer.values()].sort((a, b) => b.length - a.length);
    for (const p of paddings!) expect(p.byteLength).toBeLessThan(8);
    for (const c of copies) expect(c.length).toBe(1);
    expect(copies.length).toBe([...narrowedNames].filter((name) => sections[name]![2] > 0).length);
    expect(joined(parts)).toEqual(encodeModelSnapshot(model));
  });

  it("of a decoded model view its snapshot's buffer", () => {
    const bytes = encodeModelSnapshot(loadModel(sample("worker-pool-results")).model);
    const parts = encodeModelSnapshotParts(decodeModelSnapshot(bytes));
    const narrowed = Object.values(sectionsOf(bytes)).filter(([type, , n]) => (type === "i8" || type === "i16") && n > 0).length;
    expect(parts.filter((p) => p.buffer === bytes.buffer).length).toBeGreaterThanOrEqual(5);
    // Past the head, every part views the snapshot but the narrowed copies and the paddings (under 8 bytes each).
    expect(parts.slice(1).filter((p) => p.buffer !== bytes.buffer && p.byteLength >= 8).length).toBeLessThanOrEqual(narrowed);
    expect(joined(parts)).toEqual(bytes);
  });

  it("sum as the one-shot checksum however the sections' arrays split words and blocks, aligned or not", () => {
    const types: Record<ElementType, typeof Uint8Array | typeof Int32Array | typeof Float64Array> = { u8: Uint8Array, i32: Int32Array, f64: Float64Array };
    const arrayArb = fc.record({ type: fc.constantFrom<ElementType>("u8", "i32", "f64"), length: fc.nat(40), shift: fc.nat(3), seed: fc.integer() });
    fc.assert(
      fc.property(fc.array(fc.array(arrayArb, { maxLength: 4 }), { maxLength: 8 }), (sections) => {
        const writer = new SnapshotWriter();
        sections.forEach((arrays, i) => {
          const type = arrays[0]?.type ?? "u8";
          // A section's arrays share its type; a u8 array may start anywhere in its buffer.
          const columns = arrays.map(({ length, shift, seed }) => {
            const ctor = types[type];
            const offset = type === "u8" ? shift : 0;
            const column = new ctor(new ArrayBuffer(offset + length * ctor.BYTES_PER_ELEMENT), offset, length);
            for (let j = 0; j < length; j++) column[j] = (Math.imul(seed, j + 1) ^ (seed >>> 7)) & 0xff;
            return column;
          });
          writer.add(`s${i}`, type, columns);
        });
        const bytes = joined(writer.finish(JSON.stringify({ sections: writer.sections })));
        expect(storedChecksum(bytes)).toBe(referenceChecksum(bytes));
        expect(() => new SnapshotReader(bytes)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe("i32 sections", () => {
  const stored = (values: number[]) => {
    const writer = new SnapshotWriter();
    writer.add("s", "i32", [Int32Array.from(values.slice(0, 3)), Int32Array.from(values.slice(3))]);
    const bytes = joined(writer.finish(JSON.stringify({ sections: writer.sections })));
    return { type: writer.sections.s![0], back: new SnapshotReader(bytes).get("s", "i32", values.length), bytes };
  };

  it("are stored in the narrowest of i8, i16 and i32 that holds every value", () => {
    expect(stored([0, 1, -128, 127]).type).toBe("i8");
    expect(stored([0, 128]).type).toBe("i16");
    expect(stored([-129, 5]).type).toBe("i16");
    expect(stored([-32768, 32767, 0]).type).toBe("i16");
    expect(stored([1, 2, 3, 32768]).type).toBe("i32");
    expect(stored([1, 2, 3, -32769]).type).toBe("i32");
    expect(stored([]).type).toBe("i8");
    expect(stored([7, 200, -3, 40000]).bytes.length).toBeGreaterThan(stored([7, 200, -3, 4000]).bytes.length);
  });

  it("read back as the Int32Array written, whatever their range", () => {
    const range = fc.constantFrom(100, 30_000, 2 ** 31 - 1);
    fc.assert(
      fc.property(range.chain((r) => fc.array(fc.integer({ min: -r - 1, max: r }), { maxLength: 60 })), (values) => {
        const { back } = stored(values);
        expect(back).toBeInstanceOf(Int32Array);
        expect([...back]).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });

  const withKeys = (values: number[], keys: number[], mask = 63) => {
    const writer = new SnapshotWriter();
    const k = Uint8Array.from(keys);
    writer.add("k", "u8", k);
    writer.add("s", "i32", Int32Array.from(values), { section: "k", keys: k, mask });
    const bytes = joined(writer.finish(JSON.stringify({ sections: writer.sections })));
    return { ref: writer.sections.s!, back: new SnapshotReader(bytes).get("s", "i32", values.length), bytes };
  };

  it("of references growing within each key are stored as narrowed keyed deltas", () => {
    // Two interleaved kinds, each counting up in steps of a few, past what 16 bits hold.
    const keys = Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? 1 : 2) | (i % 7 === 0 ? 64 : 0));
    const values = keys.map((k, i) => ((k & 63) === 1 ? 100_000 + 5 * i : 200_000 + 3 * i));
    const { ref, back } = withKeys(values, keys);
    expect(ref).toEqual(["i8", expect.any(Number), 2000, "k", 63, expect.any(Array)]);
    expect((ref[5] as number[]).slice(0, 3)).toEqual([0, 100_000, 200_003]);
    expect([...back]).toEqual(values);
    // Values that fit 8 bits as they are stay plain; deltas that are no narrower are not used.
    expect(withKeys([1, 2, 3], [1, 1, 1]).ref).toHaveLength(3);
    expect(withKeys([40_000, -40_000, 40_000, -40_000], [1, 1, 1, 1]).ref).toEqual(["i32", expect.any(Number), 4]);
  });

  it("read back as written through keyed deltas, overflow included", () => {
    const arb = fc.array(fc.tuple(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.nat(255)), { maxLength: 80 });
    fc.assert(
      fc.property(arb, fc.constantFrom(0, 3, 63, 255), (pairs, mask) => {
        const { back } = withKeys(pairs.map(([v]) => v), pairs.map(([, k]) => k), mask);
        expect([...back]).toEqual(pairs.map(([v]) => v));
      }),
      { numRuns: 300 },
    );
    const steps = Array.from({ length: 100 }, (_, i) => 2 ** 31 - 50 + i * 3); // wraps past 2^31
    const { ref, back } = withKeys(steps.map((v) => v | 0), steps.map(() => 5));
    expect(ref[3]).toBe("k");
    expect([...back]).toEqual(steps.map((v) => v | 0));
  });

  it("refuse delta keys that are not a u8 section of the same length, or a bad mask", () => {
    const { bytes } = withKeys([100_000, 100_001, 100_002], [1, 1, 1]);
    const edits: [(s: Record<string, any[]>) => void, RegExp][] = [
      [(s) => (s.s![3] = "s"), /section s has bad delta keys/],
      [(s) => (s.s![3] = "nope"), /section nope is missing/],
      [(s) => (s.s![4] = 256), /section s has a bad delta key mask/],
      [(s) => (s.s![4] = 1.5), /section s has a bad delta key mask/],
      [(s) => s.s![5].pop(), /section s has bad delta bases/],
      [(s) => (s.s![5][0] = 2 ** 31), /section s has bad delta bases/],
      [(s) => (s.k![2] = 2), /section k holds 2 elements, expected 3/],
    ];
    for (const [edit, message] of edits) {
      const broken = withJson(bytes, (j) => edit(j.sections));
      expect(() => new SnapshotReader(broken).get("s", "i32", 3)).toThrow(message);
    }
  });

  it("are only widened to i32: a narrowed section asked for as another type is refused", () => {
    const writer = new SnapshotWriter();
    writer.add("s", "i32", Int32Array.of(1, 2, 3));
    const reader = new SnapshotReader(joined(writer.finish(JSON.stringify({ sections: writer.sections }))));
    expect(() => reader.get("s", "f64", 3)).toThrow(/section s holds i8, expected f64/);
    expect(() => reader.get("s", "u8", 3)).toThrow(/section s holds i8, expected u8/);
  });
});

describe("decoded models", () => {
  it("view the snapshot's buffer rather than copying it", () => {
    const bytes = encodeModelSnapshot(loadModel(sample("worker-pools")).model);
    const { parts, eventLists, closedAt } = modelInternals(decodeModelSnapshot(bytes))!;
    const { store } = parts;
    const sections = sectionsOf(bytes);
    // Sections stored at their own width are views, and so are the 16-bit columns (g, loc, a, b,
    // y: the model holds those in 16 bits); other narrowed sections are widened copies.
    const columns = [
      ["k", store.k], ["g", store.g], ["loc", store.loc!], ["a", store.a], ["b", store.b], ["x", store.x], ["y", store.y], ["runT", store.runT],
      ["nums", store.nums], ["textArena", store.texts.saved().arena], ["checkpointInts", parts.checkpoints[0]!.ints], ["checkpointFloats", parts.checkpoints[0]!.floats],
      ["byGoroutine.items", eventLists().byGoroutine.items], ["byObject.offsets", eventLists().byObject.offsets], ["closedAt", closedAt],
    ] as const;
    let views = 0;
    let copies = 0;
    const ids = new Set(["g", "loc", "a", "b", "y"]);
    for (const [name, column] of columns) {
      const stored = sections[name]![0];
      if (ids.has(name) && stored === "i16") {
        expect(column, name).toBeInstanceOf(Int16Array);
        expect(column.buffer, name).toBe(bytes.buffer);
        views++;
      } else if (/^i(8|16)$/.test(stored)) {
        expect(column, name).toBeInstanceOf(ids.has(name) ? Int16Array : Int32Array);
        expect(column.buffer, name).not.toBe(bytes.buffer);
        copies++;
      } else {
        expect(column.buffer, name).toBe(bytes.buffer);
        views++;
      }
    }
    expect(views).toBeGreaterThanOrEqual(4);
    expect(copies).toBeGreaterThanOrEqual(3);
  });

  it("decode from a snapshot that is not 8-aligned in its buffer (one copy)", () => {
    const model = loadModel(sample("deadlock")).model;
    const bytes = encodeModelSnapshot(model);
    const shifted = new Uint8Array(bytes.length + 3).subarray(3);
    shifted.set(bytes);
    expectSameModel(model, decodeModelSnapshot(shifted), true);
  });
});

/** Re-frames `bytes` around an edited JSON section, keeping the binary area (and so its checksum). */
/** The section table of a snapshot's JSON. */
function sectionsOf(bytes: Uint8Array): Record<string, [string, number, number]> {
  const jsonBytes = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(24, 24 + jsonBytes))).sections;
}

function withJson(bytes: Uint8Array, edit: (json: Record<string, any>) => void): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const jsonBytes = view.getUint32(12, true);
  const binStart = (24 + jsonBytes + 7) & ~7;
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(24, 24 + jsonBytes)));
  edit(json);
  const text = new TextEncoder().encode(JSON.stringify(json));
  const start = (24 + text.length + 7) & ~7;
  const out = new Uint8Array(start + bytes.length - binStart);
  out.set(bytes.subarray(0, 24));
  new DataView(out.buffer).setUint32(12, text.length, true);
  out.set(text, 24);
  out.set(bytes.subarray(binStart), start);
  return out;
}

describe("bad snapshots fail with a clear Error", () => {
  const good = encodeModelSnapshot(loadModel(sample("worker-pool-results"), { checkpointInterval: 16 }).model);
  const expectBad = (bytes: Uint8Array, message: RegExp) => expect(() => decodeModelSnapshot(bytes)).toThrow(message);

  it("decodes the untouched bytes, and re-framed ones", () => {
    expect(decodeModelSnapshot(good).eventCount).toBeGreaterThan(100);
    expect(decodeModelSnapshot(withJson(good, () => {})).eventCount).toBeGreaterThan(100);
  });

  it("wrong magic, wrong version, not bytes", () => {
    const magic = good.slice();
    magic[0] = 0x7b;
    expectBad(magic, /invalid model snapshot: no GOROSNAP magic/);
    const version = good.slice();
    new DataView(version.buffer).setUint32(8, SNAPSHOT_VERSION + 1, true);
    expectBad(version, new RegExp(`invalid model snapshot: version ${SNAPSHOT_VERSION + 1}, but this build reads version ${SNAPSHOT_VERSION}`));
    expectBad(new TextEncoder().encode(sample("deadlock")), /no GOROSNAP magic/);
    expectBad([1, 2, 3] as unknown as Uint8Array, /not a Uint8Array/);
  });

  it("truncated anywhere", () => {
    const jsonEnd = 24 + new DataView(good.buffer).getUint32(12, true);
    for (const length of [0, 7, 8, 23, 24, 100, jsonEnd - 1, jsonEnd + 8, good.length >> 1, good.length - 8, good.length - 4, good.length - 1]) {
      expectBad(good.subarray(0, length), /invalid model snapshot: .*(shorter than|truncated)/);
    }
  });

  it("a flipped bit in the binary area", () => {
    const flipped = good.slice();
    flipped[flipped.length - 200]! ^= 4;
    expectBad(flipped, /checksum mismatch/);
  });

  it("a JSON section that lies about lengths or shapes", () => {
    const lies: [(json: Record<string, any>) => void, RegExp][] = [
      [(j) => (j.store.n += 1), /section t|section k holds/],
      [(j) => (j.store.runs += 1), /section runStart holds/],
      [(j) => (j.sections.k[2] += 8), /section k holds/],
      [(j) => (j.sections.ints[1] = 1 << 30), /section ints runs past the end/],
      [(j) => (j.sections.a[1] = 4), /section a has a bad offset/],
      [(j) => (j.sections.g[0] = "f64"), /section g holds f64, expected i32/],
      [(j) => delete j.sections.closedAt, /section closedAt is missing/],
      [(j) => (j.checkpoints.ints[0] += 1), /section checkpointInts holds/],
      [(j) => (j.checkpoints.floats = []), /floats has 0 entries/],
      [(j) => j.ent.gName.pop(), /gName has \d+ entries/],
      [(j) => j.ent.oId.push(99), /oKind has \d+ entries/],
      [(j) => (j.ent.gId[1] = 7), /goroutines 0 and 1/],
      [(j) => (j.ent.oKind[0] = "spoon"), /oKind\[0\] is not an object kind/],
      [(j) => j.store.irregular.push([j.store.n, {}]), /irregular\[0\]/],
      [(j) => (j.interval = 0), /interval is not a positive integer/],
      [(j) => (j.negativeZeros = [["ent", "gId", 1]]), /negative zero at ent.gId.1 names no zero/],
      [(j) => (j.sections = 3), /no section table/],
    ];
    for (const [edit, message] of lies) expectBad(withJson(good, edit), message);
    const broken = withJson(good, () => {});
    broken[24] = 0x5b; // "[" where "{" was: still JSON-ish, no longer the object
    expectBad(broken, /invalid model snapshot: JSON section/);
  });

  it("refuses to encode a model it did not make", () => {
    const model = loadModel(sample("deadlock")).model;
    expect(() => encodeModelSnapshot({ ...model })).toThrow(/not made by createTraceModel/);
  });
});
