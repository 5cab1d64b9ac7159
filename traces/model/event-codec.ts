/**
 * How each kind's fields map onto the operand columns `a b x y`, the flag bits and the pools of an
 * `EventStore` (`encode`), and back (`decode`). One table, read in both directions: a kind added to
 * the schema fails to compile here until it is mapped.
 */
import { BLOCK_REASONS, type EventKind, type TraceEvent } from "../format/schema";
import type { EventStore } from "./event-store";
import { F1, F2, REASON_INDEX, fits } from "./kinds";

const ATOMIC_OPS = ["add", "load", "store", "cas"] as const;
const CTX_KINDS = ["background", "cancel", "deadline"] as const;
/** A `ctx.make`'s kind, as its index in `CTX_KINDS`, is in the flag bits (F1, F2) of its kind byte. */
const CTX_KIND_SHIFT = 6;

export type Enc = [flags: number, a: number, b: number, x: number, y: number];

const flag = (v: boolean | undefined): number => (v === undefined ? 0 : v ? F1 | F2 : F1);
const flagValue = (kb: number): boolean | undefined => ((kb & F1) === 0 ? undefined : (kb & F2) !== 0);

/**
 * Operands per kind (`s()` = string id, `[..]` = Int32 pool offset, `#` = Float64 pool offset,
 * `f` = flag bits): returns undefined when a value does not fit, so the event is kept whole.
 * Values that grow with the trace's length stay out of the 16-bit columns where they can, so
 * those stay narrow (see `NarrowColumn`): a receive's `from` is stored as its distance back
 * (`seq - from`, sends come shortly before their receives), a block's `until` goes to the pool
 * after its `on` list (flag F1 says it is there), a context's kind to the flag bits.
 */
export function encode(st: EventStore, e: TraceEvent): Enc | undefined {
  const s = (v: string) => st.intern(v);
  const allFit = (...vs: number[]) => vs.every(fits);
  switch (e.k) {
    case "go.create": return allFit(e.child) ? [0, e.child, 0, s(e.name), 0] : undefined;
    case "go.block":
      // The reader does not check `until`, so it may be anything: keep such an event whole.
      if (!allFit(...e.on) || (e.until !== undefined && typeof e.until !== "number")) return undefined;
      if (e.until === undefined) return [0, REASON_INDEX.get(e.reason)!, 0, st.pushInts(e.on), 0];
      return [F1, REASON_INDEX.get(e.reason)!, 0, st.pushInts(e.on, e.on.length, st.pushNum(e.until)), 0];
    case "go.unblock": return allFit(e.target) ? [0, e.target, 0, 0, 0] : undefined;
    case "go.end": case "go.yield": case "main.return": return [0, 0, 0, 0, 0];
    case "go.panic": return undefined;
    case "chan.make": return allFit(e.ch, e.cap) ? [0, e.ch, e.cap, s(e.name), 0] : undefined;
    case "chan.send": return allFit(e.ch, e.len) ? [0, e.ch, e.len, s(e.val), 0] : undefined;
    case "chan.recv":
      if (!allFit(e.ch, e.len, e.from ?? 0) || (e.from !== undefined && !(e.from < e.seq && fits(e.seq - e.from)))) return undefined;
      return [e.ok ? F1 : 0, e.ch, e.len, s(e.val), e.from === undefined ? 0 : e.seq - e.from];
    case "chan.close": return allFit(e.ch) ? [0, e.ch, 0, 0, 0] : undefined;
    case "select.begin": {
      const flat = e.cases.flatMap((c) => [c.ch, c.dir === "send" ? 1 : 0]);
      return allFit(...flat) ? [e.default ? F1 : 0, e.cases.length, 0, st.pushInts(flat), 0] : undefined;
    }
    case "select.end": return allFit(e.chosen) ? [0, e.chosen, 0, 0, 0] : undefined;
    case "mutex.make": case "rwmutex.make": case "wg.make": case "once.make":
      return allFit(e.id) ? [0, e.id, 0, s(e.name), 0] : undefined;
    case "mutex.lock": return allFit(e.id) ? [flag(e.try), e.id, 0, 0, 0] : undefined;
    case "mutex.unlock": case "mutex.trylock": case "wg.wait": case "cond.wait":
      return allFit(e.id) ? [0, e.id, 0, 0, 0] : undefined;
    case "rwmutex.lock": case "rwmutex.unlock": return allFit(e.id) ? [e.read ? F1 : 0, e.id, 0, 0, 0] : undefined;
    case "wg.add": return allFit(e.id, e.delta, e.count) ? [0, e.id, e.delta, 0, e.count] : undefined;
    case "cond.make": return allFit(e.id, e.lock) ? [0, e.id, e.lock, s(e.name), 0] : undefined;
    case "cond.signal": case "cond.broadcast":
      return allFit(e.id, ...e.woken) ? [0, e.id, 0, st.pushInts(e.woken), 0] : undefined;
    case "once.do": return allFit(e.id) ? [e.ran ? F1 : 0, e.id, 0, 0, 0] : undefined;
    case "atomic.make": return allFit(e.id) ? [0, e.id, 0, s(e.name), st.pushNum(e.val)] : undefined;
    case "atomic.op":
      return allFit(e.id) ? [flag(e.ok), e.id, ATOMIC_OPS.indexOf(e.op), 0, st.pushNum(e.val)] : undefined;
    case "timer.make": {
      if (!allFit(e.id, e.ch ?? 0)) return undefined;
      const at = st.pushNum(e.when);
      st.pushNum(e.period);
      return [0, e.id, e.ch ?? 0, s(e.name), at];
    }
    case "timer.fire": return allFit(e.id) ? [flag(e.dropped), e.id, 0, 0, 0] : undefined;
    case "timer.stop": return allFit(e.id) ? [e.ok ? F1 : 0, e.id, 0, 0, 0] : undefined;
    case "timer.reset": return allFit(e.id) ? [e.ok ? F1 : 0, e.id, 0, 0, st.pushNum(e.when)] : undefined;
    case "ctx.make":
      if (!allFit(e.ctx, e.parent, e.done)) return undefined;
      return [CTX_KINDS.indexOf(e.kind) << CTX_KIND_SHIFT, e.ctx, e.parent, e.done, e.deadline === undefined ? 0 : st.pushNum(e.deadline) + 1];
    case "ctx.cancel": return allFit(e.ctx) ? [0, e.ctx, 0, s(e.err), 0] : undefined;
    case "log": return [0, 0, 0, s(e.msg), 0];
  }
}

/** The fields after the head of event `seq` (its kind byte `kb` and operands), per the table above. */
export function decode(st: EventStore, k: EventKind, kb: number, a: number, b: number, x: number, y: number, seq: number): Record<string, unknown> {
  const s = st.strings;
  switch (k) {
    case "go.create": return { child: a, name: s[x] };
    case "go.block": {
      const on = st.intList(x);
      return { reason: BLOCK_REASONS[a], on, ...((kb & F1) === 0 ? {} : { until: st.nums[st.ints[x + 1 + on.length]!] }) };
    }
    case "go.unblock": return { target: a };
    case "go.end": case "go.yield": case "main.return": case "go.panic": return {};
    case "chan.make": return { ch: a, cap: b, name: s[x] };
    case "chan.send": return { ch: a, len: b, val: text(st, kb, x) };
    case "chan.recv": {
      const ok = (kb & F1) !== 0;
      const val = text(st, kb, x);
      return y === 0 ? { ch: a, len: b, ok, val } : { ch: a, len: b, ok, from: seq - y, val };
    }
    case "chan.close": return { ch: a };
    case "select.begin": {
      const flat = st.intList(x);
      const cases = [];
      for (let j = 0; j < flat.length; j += 2) cases.push({ ch: flat[j], dir: flat[j + 1] === 1 ? "send" : "recv" });
      return { cases, default: (kb & F1) !== 0 };
    }
    case "select.end": return { chosen: a };
    case "mutex.make": case "rwmutex.make": case "wg.make": case "once.make": return { id: a, name: s[x] };
    case "mutex.lock": {
      const t = flagValue(kb);
      return t === undefined ? { id: a } : { id: a, try: t };
    }
    case "mutex.unlock": case "wg.wait": case "cond.wait": return { id: a };
    case "mutex.trylock": return { id: a, ok: false };
    case "rwmutex.lock": case "rwmutex.unlock": return { id: a, read: (kb & F1) !== 0 };
    case "wg.add": return { id: a, delta: b, count: y };
    case "cond.make": return { id: a, name: s[x], lock: b };
    case "cond.signal": case "cond.broadcast": return { id: a, woken: st.intList(x) };
    case "once.do": return { id: a, ran: (kb & F1) !== 0 };
    case "atomic.make": return { id: a, name: s[x], val: st.nums[y] };
    case "atomic.op": {
      const ok = flagValue(kb);
      return { id: a, op: ATOMIC_OPS[b], val: st.nums[y], ...(ok === undefined ? {} : { ok }) };
    }
    case "timer.make": return { id: a, when: st.nums[y], period: st.nums[y + 1], ...(b === 0 ? {} : { ch: b }), name: s[x] };
    case "timer.fire": {
      const d = flagValue(kb);
      return d === undefined ? { id: a } : { id: a, dropped: d };
    }
    case "timer.stop": return { id: a, ok: (kb & F1) !== 0 };
    case "timer.reset": return { id: a, when: st.nums[y], ok: (kb & F1) !== 0 };
    case "ctx.make": {
      return { ctx: a, parent: b, kind: CTX_KINDS[kb >> CTX_KIND_SHIFT], done: x, ...(y === 0 ? {} : { deadline: st.nums[y - 1] }) };
    }
    case "ctx.cancel": return { ctx: a, err: s[x] };
    case "log": return { msg: text(st, kb, x) };
  }
}

/** `val`/`msg` of a send, receive or log: from the byte interner when F2 says the fast path stored it. */
function text(st: EventStore, kb: number, x: number): string {
  return (kb & F2) !== 0 ? st.texts.text(x) : st.strings[x]!;
}
