/**
 * fast-check arbitraries for format-v1 traces, for any test that needs realistic valid input.
 *
 * `validTraceArb` draws a list of steps (an event kind plus a few random choices each) and a
 * deterministic builder turns them into a trace that satisfies every rule the reader checks:
 * objects are made before use (the builder emits the make event on demand), goroutines are created
 * before they act, `def` lines precede the first use of a loc, `seq` counts up from 1, `t` never
 * decreases, `chan.recv` `from` names an earlier send on the same channel, `wg.add` counts add up,
 * `select.end` follows its goroutine's `select.begin`. Every kind in `EVENT_KINDS` can be drawn.
 * Previews use arbitrary Unicode (astral, control characters, quotes) to exercise UTF-8 handling.
 */
import fc from "fast-check";
import {
  BLOCK_REASONS, END_REASONS, EVENT_KINDS, FORMAT_NAME, FORMAT_VERSION,
  type EventKind, type GoroutineState, type ObjectKind, type TraceEnd, type TraceHeader, type TraceRecord,
} from "../../traces/format/schema";

export interface GeneratedTrace {
  readonly records: readonly TraceRecord[];
  /** One JSON line per record, each ending in `\n`. */
  readonly text: string;
  readonly lines: readonly string[];
}

interface Step {
  readonly kind: EventKind;
  readonly a: number;
  readonly b: number;
  readonly dt: number;
  readonly text: string;
  readonly flag: boolean;
  readonly loc: number | undefined;
}

export const previewArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.string({ maxLength: 8 }),
);

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(...EVENT_KINDS),
  a: fc.nat(1000),
  b: fc.nat(1000),
  dt: fc.oneof(fc.constant(0), fc.nat(5000)),
  text: previewArb,
  flag: fc.boolean(),
  loc: fc.option(fc.nat(4), { nil: undefined }),
});

export const headerArb: fc.Arbitrary<TraceHeader> = fc.record({
  format: fc.constant(FORMAT_NAME),
  version: fc.constant(FORMAT_VERSION),
  program: fc.oneof(fc.constant("examples/ping.ts"), previewArb),
  clock: fc.constantFrom("virtual", "real"),
  seed: fc.nat(),
  timeUnit: fc.constant("ns"),
  epoch: fc.constant(1257894000000),
});

export interface TraceArbOptions {
  readonly maxSteps?: number;
  /** Whether the trace ends with an end record: always, never, or either (default). */
  readonly end?: "always" | "never" | "maybe";
}

export function validTraceArb(options: TraceArbOptions = {}): fc.Arbitrary<GeneratedTrace> {
  const end = options.end ?? "maybe";
  return fc
    .record({
      header: headerArb,
      steps: fc.array(stepArb, { maxLength: options.maxSteps ?? 40 }),
      end: end === "maybe" ? fc.boolean() : fc.constant(end === "always"),
      endStep: stepArb,
    })
    .map(({ header, steps, end: withEnd, endStep }) => buildTrace(header, steps, withEnd ? endStep : undefined));
}

export function toText(records: readonly TraceRecord[]): { text: string; lines: string[] } {
  const lines = records.map((r) => JSON.stringify(r));
  return { lines, text: lines.map((l) => `${l}\n`).join("") };
}

type Fields = Record<string, unknown>;

function buildTrace(header: TraceHeader, steps: readonly Step[], endStep: Step | undefined): GeneratedTrace {
  const out: TraceRecord[] = [header];
  const goroutines = [0, 1];
  const objects: Record<ObjectKind, number[]> = {
    chan: [], mutex: [], rwmutex: [], wg: [], cond: [], once: [], atomic: [], timer: [], ctx: [],
  };
  const allObjects: number[] = [];
  const chans = new Map<number, { cap: number; len: number; unmatched: number[] }>();
  const wgCount = new Map<number, number>();
  const selects = new Map<number, { cases: number; hasDefault: boolean }>();
  const locs = new Set<number>();
  let seq = 0;
  let t = 0;
  let nextId = 1;

  const pick = <T>(xs: readonly T[], n: number): T => xs[n % xs.length] as T;
  const emit = (g: number, k: EventKind, fields: Fields, loc?: number): number => {
    const e: Fields = { seq: ++seq, t, g, k };
    if (loc !== undefined) e.loc = loc;
    out.push({ ...e, ...fields } as unknown as TraceRecord);
    return seq;
  };
  const newObject = (kind: ObjectKind): number => {
    const id = nextId++;
    objects[kind].push(id);
    allObjects.push(id);
    return id;
  };
  /** An existing object of `kind`, or a new one announced by its make event right now. */
  const ensure = (kind: ObjectKind, n: number): number => {
    if (objects[kind].length > 0 && n % 4 !== 0) return pick(objects[kind], n);
    return make(kind, n, "obj");
  };
  const make = (kind: ObjectKind, n: number, name: string): number => {
    switch (kind) {
      case "chan": {
        const cap = n % 3;
        const ch = newObject("chan");
        chans.set(ch, { cap, len: 0, unmatched: [] });
        emit(1, "chan.make", { ch, cap, name });
        return ch;
      }
      case "cond": {
        const lock = n % 2 === 0 ? ensure("mutex", n >> 1) : ensure("rwmutex", n >> 1);
        const id = newObject("cond");
        emit(1, "cond.make", { id, name, lock });
        return id;
      }
      case "timer": {
        const ch = n % 2 === 0 ? ensure("chan", n >> 1) : undefined;
        const id = newObject("timer");
        emit(1, "timer.make", { id, when: t + n, period: n % 3 === 0 ? 0 : n, ...(ch ? { ch } : {}), name });
        return id;
      }
      case "ctx": {
        const parent = n % 3 === 0 || objects.ctx.length === 0 ? 0 : pick(objects.ctx, n);
        const done = make("chan", 0, "ctx.done");
        const ctx = newObject("ctx");
        const kinds = ["background", "cancel", "deadline"] as const;
        const kind = pick(kinds, n);
        emit(1, "ctx.make", { ctx, parent, kind, done, ...(kind === "deadline" ? { deadline: t + n } : {}) });
        return ctx;
      }
      case "atomic": {
        const id = newObject("atomic");
        emit(1, "atomic.make", { id, name, val: n });
        return id;
      }
      default: {
        const id = newObject(kind);
        if (kind === "wg") wgCount.set(id, 0);
        emit(1, `${kind}.make` as EventKind, { id, name });
        return id;
      }
    }
  };

  const step = (s: Step): void => {
    t += s.dt;
    let loc: number | undefined;
    if (s.loc !== undefined) {
      loc = s.loc + 1;
      if (!locs.has(loc)) {
        locs.add(loc);
        out.push({ def: "loc", id: loc, file: "examples/gen.ts", line: loc * 3, col: s.a % 9, fn: s.flag ? "main" : "worker" });
      }
    }
    const g = pick(goroutines, s.a);
    const k = s.kind;
    const { a, b, text, flag } = s;
    const ev = (fields: Fields): void => void emit(g, k, fields, loc);
    switch (k) {
      case "go.create": return ev({ child: pushG(goroutines), name: text });
      case "go.block": {
        const on = allObjects.length === 0 ? [] : [pick(allObjects, b)];
        return ev({ reason: pick(BLOCK_REASONS, a), on });
      }
      case "go.unblock": return ev({ target: pick(goroutines, b) });
      case "go.end": case "go.yield": case "main.return": return ev({});
      case "go.panic": return ev({ msg: text, stack: [text, "main"], ...(flag ? { fatal: true } : {}) });
      case "chan.make": case "mutex.make": case "rwmutex.make": case "wg.make": case "cond.make":
      case "once.make": case "atomic.make": case "timer.make": case "ctx.make": {
        make(k.slice(0, k.indexOf(".")) as ObjectKind, b, text);
        return;
      }
      case "chan.send": {
        const ch = ensure("chan", b);
        const c = chans.get(ch)!;
        if (c.len < c.cap) c.len++;
        c.unmatched.push(emit(g, k, { ch, len: c.len, val: text }, loc));
        return;
      }
      case "chan.recv": {
        const ch = ensure("chan", b);
        const c = chans.get(ch)!;
        const from = c.unmatched.shift();
        if (from !== undefined && c.len > 0) c.len--;
        return ev(from === undefined ? { ch, len: c.len, ok: false, val: "0" } : { ch, len: c.len, ok: true, from, val: text });
      }
      case "chan.close": return ev({ ch: ensure("chan", b) });
      case "select.begin": {
        const cases = Array.from({ length: b % 3 }, (_, i) => ({ ch: ensure("chan", b + i), dir: (a + i) % 2 ? "send" : "recv" }));
        selects.set(g, { cases: cases.length, hasDefault: flag || cases.length === 0 });
        return ev({ cases, default: flag || cases.length === 0 });
      }
      case "select.end": {
        let sel = selects.get(g);
        if (!sel) {
          const ch = ensure("chan", b);
          emit(g, "select.begin", { cases: [{ ch, dir: "recv" }], default: flag });
          sel = { cases: 1, hasDefault: flag };
        }
        selects.delete(g);
        return ev({ chosen: sel.cases === 0 || (sel.hasDefault && a % 2 === 0) ? -1 : a % sel.cases });
      }
      case "mutex.lock": return ev({ id: ensure("mutex", b), ...(flag ? { try: true } : {}) });
      case "mutex.unlock": return ev({ id: ensure("mutex", b) });
      case "mutex.trylock": return ev({ id: ensure("mutex", b), ok: false });
      case "rwmutex.lock": case "rwmutex.unlock": return ev({ id: ensure("rwmutex", b), read: flag });
      case "wg.add": {
        const id = ensure("wg", b);
        const delta = (a % 5) - 2;
        const count = wgCount.get(id)! + delta;
        wgCount.set(id, count);
        return ev({ id, delta, count });
      }
      case "wg.wait": return ev({ id: ensure("wg", b) });
      case "cond.wait": return ev({ id: ensure("cond", b) });
      case "cond.signal": return ev({ id: ensure("cond", b), woken: flag ? [pick(goroutines, a)] : [] });
      case "cond.broadcast": return ev({ id: ensure("cond", b), woken: goroutines.slice(0, a % 3) });
      case "once.do": return ev({ id: ensure("once", b), ran: flag });
      case "atomic.op": {
        const op = pick(["add", "load", "store", "cas"] as const, a);
        return ev({ id: ensure("atomic", b), op, val: a - 500, ...(op === "cas" ? { ok: flag } : {}) });
      }
      case "timer.fire": return ev({ id: ensure("timer", b), ...(flag ? { dropped: true } : {}) });
      case "timer.stop": return ev({ id: ensure("timer", b), ok: flag });
      case "timer.reset": return ev({ id: ensure("timer", b), when: t + a, ok: flag });
      case "ctx.cancel": return ev({ ctx: ensure("ctx", b), err: flag ? "context canceled" : "context deadline exceeded" });
      case "log": return ev({ msg: text });
      default: {
        const never: never = k;
        throw new Error(`no generator for ${String(never)}`);
      }
    }
  };

  for (const s of steps) step(s);
  if (endStep) out.push(endRecord(endStep, t, seq, goroutines, allObjects, [...locs]));
  const { text, lines } = toText(out);
  return { records: out, text, lines };
}

function pushG(goroutines: number[]): number {
  const g = goroutines.length;
  goroutines.push(g);
  return g;
}

function endRecord(
  s: Step, t: number, seq: number, goroutines: readonly number[], objects: readonly number[], locs: readonly number[],
): TraceEnd {
  const states: readonly GoroutineState[] = ["running", "runnable", "blocked", "sleeping", "external"];
  const alive = goroutines.filter((g, i) => g !== 0 && (i + s.a) % 2 === 0);
  return {
    end: END_REASONS[s.a % END_REASONS.length]!,
    t: t + s.dt,
    seq,
    exitCode: s.flag ? 0 : 2,
    ...(s.text ? { msg: s.text } : {}),
    goroutines: alive.map((g, i) => ({
      g,
      name: g === 1 ? "main" : `g${g}`,
      state: states[(s.b + i) % states.length]!,
      ...(i % 2 === 0 ? { reason: BLOCK_REASONS[(s.b + i) % BLOCK_REASONS.length]!, on: objects.slice(0, 1) } : {}),
      ...(locs.length > 0 && i % 3 === 0 ? { loc: locs[i % locs.length]! } : {}),
    })),
  };
}
