/**
 * Hand-written trace pieces for the reader's table tests: a header, a prelude that announces one
 * object of every kind, and one valid sample event per kind that fits after the prelude.
 */
import type { EventKind } from "../../../traces/format/schema";

export const HEADER = {
  format: "goroscope",
  version: 1,
  program: "examples/ping.ts",
  clock: "virtual",
  seed: 42,
  timeUnit: "ns",
  epoch: 1257894000000,
} as const;

type Fields = Record<string, unknown>;

/** Lines 2.. of a trace: the objects are ch 1, mutex 2, rwmutex 3, wg 4, cond 5, once 6, atomic 7, timer 8, ctx 9. */
export const PRELUDE: readonly Fields[] = [
  { def: "loc", id: 1, file: "examples/ping.ts", line: 12, col: 5, fn: "main" },
  { seq: 1, t: 0, g: 1, k: "go.create", loc: 1, child: 2, name: "worker" },
  { seq: 2, t: 0, g: 1, k: "chan.make", ch: 1, cap: 1, name: "ch" },
  { seq: 3, t: 0, g: 1, k: "mutex.make", id: 2, name: "mu" },
  { seq: 4, t: 0, g: 1, k: "rwmutex.make", id: 3, name: "rw" },
  { seq: 5, t: 0, g: 1, k: "wg.make", id: 4, name: "wg" },
  { seq: 6, t: 0, g: 1, k: "cond.make", id: 5, name: "cond", lock: 2 },
  { seq: 7, t: 0, g: 1, k: "once.make", id: 6, name: "once" },
  { seq: 8, t: 0, g: 1, k: "atomic.make", id: 7, name: "n", val: 0 },
  { seq: 9, t: 0, g: 1, k: "timer.make", id: 8, when: 1000, period: 0, ch: 1, name: "time.after" },
  { seq: 10, t: 0, g: 1, k: "ctx.make", ctx: 9, parent: 0, kind: "background", done: 1 },
  { seq: 11, t: 10, g: 1, k: "chan.send", ch: 1, len: 1, val: '"ping"' },
  { seq: 12, t: 10, g: 2, k: "select.begin", cases: [{ ch: 1, dir: "recv" }], default: true },
];

/** The line number the first record after the prelude gets. */
export const AFTER_PRELUDE = PRELUDE.length + 2;

/** One valid event of every kind (without seq, t and k), valid right after `PRELUDE`. */
export const SAMPLES: Readonly<Record<EventKind, Fields>> = {
  "go.create": { g: 1, child: 3, name: "worker" },
  "go.block": { g: 2, reason: "chan.recv", on: [1] },
  "go.unblock": { g: 1, target: 2 },
  "go.end": { g: 2 },
  "go.panic": { g: 2, msg: "boom", stack: ["worker", "main"], fatal: true },
  "go.yield": { g: 1 },
  "main.return": { g: 1 },
  "chan.make": { g: 1, ch: 20, cap: 0, name: "done" },
  "chan.send": { g: 1, ch: 1, len: 1, val: "1" },
  "chan.recv": { g: 2, ch: 1, len: 0, ok: true, from: 11, val: '"ping"' },
  "chan.close": { g: 1, ch: 1 },
  "select.begin": { g: 1, cases: [{ ch: 1, dir: "send" }], default: false },
  "select.end": { g: 2, chosen: 0 },
  "mutex.make": { g: 1, id: 20, name: "mu2" },
  "mutex.lock": { g: 1, id: 2, try: true },
  "mutex.unlock": { g: 1, id: 2 },
  "mutex.trylock": { g: 1, id: 2, ok: false },
  "rwmutex.make": { g: 1, id: 20, name: "rw2" },
  "rwmutex.lock": { g: 1, id: 3, read: true },
  "rwmutex.unlock": { g: 1, id: 3, read: false },
  "wg.make": { g: 1, id: 20, name: "wg2" },
  "wg.add": { g: 1, id: 4, delta: 2, count: 2 },
  "wg.wait": { g: 1, id: 4 },
  "cond.make": { g: 1, id: 20, name: "c2", lock: 3 },
  "cond.wait": { g: 2, id: 5 },
  "cond.signal": { g: 1, id: 5, woken: [2] },
  "cond.broadcast": { g: 1, id: 5, woken: [1, 2] },
  "once.make": { g: 1, id: 20, name: "o2" },
  "once.do": { g: 1, id: 6, ran: true },
  "atomic.make": { g: 1, id: 20, name: "a2", val: -3 },
  "atomic.op": { g: 1, id: 7, op: "cas", val: 4, ok: true },
  "timer.make": { g: 0, id: 20, when: 500, period: 100, ch: 1, name: "ticker" },
  "timer.fire": { g: 0, id: 8, dropped: true },
  "timer.stop": { g: 1, id: 8, ok: true },
  "timer.reset": { g: 1, id: 8, when: 2000, ok: false },
  "ctx.make": { g: 1, ctx: 20, parent: 9, kind: "deadline", done: 1, deadline: 5000 },
  "ctx.cancel": { g: 1, ctx: 9, err: "context canceled" },
  log: { g: 1, msg: "hello <b>world</b>" },
};

/** Fields that may be absent (everything else in a sample is required). */
export const OPTIONAL_FIELDS: ReadonlySet<string> = new Set(["loc", "fatal", "from", "try", "dropped", "deadline", "ok@atomic.op", "ch@timer.make"]);

export function isOptional(kind: EventKind, field: string): boolean {
  return OPTIONAL_FIELDS.has(field) || OPTIONAL_FIELDS.has(`${field}@${kind}`);
}

/** A complete event record for `kind` with `seq` 100 and `t` 100. */
export function sampleEvent(kind: EventKind, overrides: Fields = {}): Fields {
  return { seq: 100, t: 100, k: kind, ...SAMPLES[kind], ...overrides };
}

/** Joins records into trace text: objects are JSON-encoded, strings are used as the raw line. */
export function traceText(...records: readonly unknown[]): string {
  return records.map((r) => `${typeof r === "string" ? r : JSON.stringify(r)}\n`).join("");
}

/** Header, prelude, then `records`. */
export function withPrelude(...records: readonly unknown[]): string {
  return traceText(HEADER, ...PRELUDE, ...records);
}

export const END = { end: "main-returned", t: 100, seq: 100, exitCode: 0, goroutines: [] } as const;
