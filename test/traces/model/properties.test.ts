/**
 * Properties: the model accepts and rejects exactly what the reader does (same error line and
 * message, same warnings, same events), whatever the chunking; and a state reached through a
 * checkpoint equals the state replayed from the start.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AtomicInt, Cond, Mutex, RWMutex, WaitGroup, chan, context, go, recv, run, select, send, sleep, time } from "goroscope/runtime";
import type { TraceEvent } from "../../../traces/format/schema";
import { readTrace } from "../../../traces/reader";
import { createMemorySink } from "../../../traces/writer/sink";
import { createModelBuilder, loadModel, type LoadResult } from "../../../traces/model";
import { validTraceArb } from "../arbitraries";

const encode = (s: string) => new TextEncoder().encode(s);

/** Reader events may carry unknown extra fields, which the model drops. */
function sameEvent(model: TraceEvent, read: TraceEvent): void {
  const known = Object.fromEntries(Object.keys(model).map((k) => [k, (read as unknown as Record<string, unknown>)[k]]));
  expect(model).toEqual(known);
}

function expectParity(input: string | Uint8Array, loaded: LoadResult = loadModel(input)): void {
  const read = readTrace(input);
  expect(loaded.ok).toBe(read.ok);
  if (!read.ok && !loaded.ok) expect(loaded.error).toEqual(read.error);
  expect(loaded.warnings).toEqual(read.warnings);
  const m = loaded.model;
  expect(m.header).toEqual(read.header);
  expect(m.locs).toEqual(read.locs);
  expect(m.end).toEqual(read.end);
  expect(m.eventCount).toBe(read.events.length);
  for (let i = 0; i < read.events.length; i++) sameEvent(m.event(i), read.events[i]!);
}

/** A trace from the runtime exercising every hot kind, with `n` rounds. */
async function runtimeTrace(n: number): Promise<string> {
  const sink = createMemorySink();
  await run(async () => {
    const jobs = chan<number>(2, { name: "jobs" });
    const results = chan<string>(0, { name: "results" });
    const mu = new Mutex({ name: "mu" });
    const rw = new RWMutex({ name: "rw" });
    const wg = new WaitGroup({ name: "wg" });
    const count = new AtomicInt();
    const cond = new Cond(mu);
    const ctx = context.withTimeout(context.background(), time.Second);
    for (let w = 0; w < 3; w++) {
      wg.go(async function worker() {
        for await (const j of jobs) {
          await mu.lock();
          count.add(j);
          mu.unlock();
          await rw.rlock();
          rw.runlock();
          await select(send(results, `r${j} "q"`), recv(ctx[0].done()));
        }
      });
    }
    go(async function feeder() {
      for (let i = 0; i < n; i++) {
        await jobs.send(i);
        if (i % 3 === 0) await sleep(7);
      }
      jobs.close();
    });
    for (let i = 0; i < n; i++) {
      await results.recv();
      if (i % 4 === 0) {
        await rw.lock();
        rw.unlock();
      }
    }
    await wg.wait();
    await mu.lock();
    cond.broadcast();
    mu.unlock();
    ctx[1]();
  }, { trace: sink, program: "props", seed: 3 });
  return sink.text();
}

describe("parity with the reader", () => {
  it("generated valid traces load exactly as the reader reads them", () => {
    fc.assert(fc.property(validTraceArb(), (t) => expectParity(t.text)), { numRuns: 300 });
  });

  it("damaged generated traces: same verdict, error and prefix", () => {
    const damaged = validTraceArb().chain((t) => {
      const bytes = encode(t.text);
      return fc.tuple(fc.constant(t), fc.nat(Math.max(0, bytes.length - 1)), fc.integer({ min: 1, max: 255 }), fc.nat(t.lines.length - 1));
    });
    fc.assert(
      fc.property(damaged, ([t, i, x, line]) => {
        const bytes = encode(t.text);
        bytes[i] = bytes[i]! ^ x;
        expectParity(bytes);
        expectParity(bytes.slice(0, i));
        expectParity(t.lines.filter((_, j) => j !== line).map((l) => `${l}\n`).join(""));
      }),
      { numRuns: 400 },
    );
  });

  it("damaged runtime traces (the fast scanner's input): same verdict, error and prefix", async () => {
    const text = await runtimeTrace(12);
    expectParity(text);
    const bytes = encode(text);
    const lines = text.split("\n").slice(0, -1);
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), fc.nat(lines.length - 1), fc.nat(lines.length - 1), (i, x, a, b) => {
        const flipped = bytes.slice();
        flipped[i] = flipped[i]! ^ x;
        expectParity(flipped);
        expectParity(bytes.slice(0, i));
        const swapped = [...lines];
        [swapped[a], swapped[b]] = [swapped[b]!, swapped[a]!];
        expectParity(swapped.map((l) => `${l}\n`).join(""));
      }),
      { numRuns: 500 },
    );
  });

  it("textual edits to runtime traces: digits, keys and values", async () => {
    const text = await runtimeTrace(6);
    const edits: readonly [RegExp, string][] = [
      [/"len":\d/, '"len":9'], [/"from":\d+/, '"from":1'], [/"seq":\d+/, '"seq":1'], [/"t":\d+/, '"t":-1'],
      [/"g":\d+/, '"g":99'], [/"loc":\d+/, '"loc":999'], [/"id":\d+/, '"id":999'], [/"ch":\d+/, '"ch":2'],
      [/"count":\d+/, '"count":5'], [/"target":\d+/, '"target":77'], [/"chosen":\d+/, '"chosen":9'],
      [/"reason":"[a-z.]+"/, '"reason":"nap"'], [/"read":(true|false)/, '"read":1'], [/"k":"[a-z.]+"/, '"k":"chan.sendx"'],
      [/"val":"[^"]*"/, '"val":5'], [/"on":\[\d*/, '"on":[0'], [/"seq":(\d+)/, '"seq":$1.5'], [/"t":(\d+)/, '"t":$1.0'],
      [/"g":(\d+)/, '"g":0$1'], [/"id":(\d+)/, '"id":$1 '], [/"try":true/, '"try":null'], [/"delta":-?\d+/, '"delta":1e0'],
    ];
    const lines = text.split("\n").slice(0, -1);
    fc.assert(
      fc.property(fc.nat(edits.length - 1), fc.nat(lines.length - 1), (e, at) => {
        const [re, to] = edits[e]!;
        const edited = lines.map((l, j) => (j === at ? l.replace(re, to) : l));
        expectParity(edited.map((l) => `${l}\n`).join(""));
      }),
      { numRuns: 600 },
    );
  });

  it("any chunking gives the same result and reports progress", async () => {
    const text = await runtimeTrace(8);
    const bytes = encode(text);
    fc.assert(
      fc.property(fc.array(fc.nat(bytes.length), { maxLength: 8 }), fc.boolean(), (cuts, asText) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), bytes.length];
        const progress: number[] = [];
        const b = createModelBuilder({ onProgress: (n) => progress.push(n) });
        for (let j = 0; j + 1 < points.length; j++) {
          const part = bytes.subarray(points[j], points[j + 1]);
          b.push(asText ? new TextDecoder().decode(part) : part);
        }
        const r = b.finish();
        expectParity(bytes, r);
        expect(progress.at(-1)).toBe(bytes.length);
      }),
      { numRuns: 50 },
    );
  });

  it("a reused Node Buffer as the chunk source does not corrupt lines that span chunks", async () => {
    const bytes = encode(await runtimeTrace(8));
    const chunk = Buffer.alloc(97);
    const b = createModelBuilder();
    for (let at = 0; at < bytes.length; at += chunk.length) {
      const n = Math.min(chunk.length, bytes.length - at);
      chunk.set(bytes.subarray(at, at + n));
      b.push(chunk.subarray(0, n));
    }
    expectParity(bytes, b.finish());
  });
});

describe("checkpoints", () => {
  const statesAgree = (text: string, interval: number) => {
    const a = loadModel(text, { checkpointInterval: interval });
    const b = loadModel(text, { checkpointInterval: 1e9 });
    const m = a.model;
    const last = m.eventCount === 0 ? 0 : m.seqOf(m.eventCount - 1);
    return (seq: number): void => {
      expect(m.stateAt(Math.min(seq, last + 1))).toEqual(b.model.stateAt(Math.min(seq, last + 1)));
    };
  };

  it("stateAt through a checkpoint equals a replay from the start (generated traces)", () => {
    fc.assert(
      fc.property(validTraceArb({ maxSteps: 60 }), fc.integer({ min: 1, max: 7 }), fc.array(fc.nat(70), { maxLength: 10 }), (t, k, seqs) => {
        const check = statesAgree(t.text, k);
        for (const s of seqs) check(s);
      }),
      { numRuns: 300 },
    );
  });

  it("stateAt through a checkpoint equals a replay from the start (runtime traces)", async () => {
    const text = await runtimeTrace(40);
    const check = statesAgree(text, 16);
    fc.assert(fc.property(fc.nat(2000), (seq) => {
      check(seq);
    }), { numRuns: 200 });
  });
});

void [AtomicInt, Cond, go, recv, select, send];
