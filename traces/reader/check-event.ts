/**
 * Checks one event record against format v1 and the state built from the lines before it, then
 * applies its effect on that state (new goroutines, objects, pending selects, WaitGroup counters).
 *
 * Invariant: either the whole event is accepted and the state updated, or a `RecordProblem` is
 * thrown; a thrown problem may leave the state partly updated, which is harmless because the
 * reader stops at the first error. Unknown extra fields are allowed (they are ignored).
 */
import { BLOCK_REASONS, EVENT_KINDS, MAKE_KINDS, type EventKind, type ObjectKind, type TraceEvent } from "../format/schema";
import {
  array, assertNever, bool, describe, fail, int, intArray, isRecord, num, oneOf, optional, str, strArray, type Rec,
} from "./fields";
import { announce, createGoroutine, goroutineRef, locRef, objectRef, type ValidationState } from "./state";

const KINDS: ReadonlySet<string> = new Set(EVENT_KINDS);

export function checkEvent(r: Rec, st: ValidationState, line: number): TraceEvent {
  const seq = int(r, "seq", "event", 1);
  if (seq <= st.lastSeq) fail(`seq ${seq} does not increase (previous ${st.lastSeq})`);
  const t = num(r, "t", "event", 0);
  if (t < st.lastT) fail(`t ${t} goes back in time (previous ${st.lastT})`);
  const k = r.k;
  if (typeof k !== "string" || !KINDS.has(k)) fail(`unknown event kind ${describe(k)}`);
  const kind = k as EventKind;
  const g = int(r, "g", kind);
  goroutineRef(st, g, kind, "g");
  const loc = optional(r, "loc", () => int(r, "loc", kind, 1));
  if (loc !== undefined) locRef(st, loc, kind);
  checkKind(kind, r, st, { seq, g, line });
  st.lastSeq = seq;
  st.lastT = t;
  return r as unknown as TraceEvent;
}

/** The event being checked: its `seq`, acting goroutine and line. */
interface EventSite {
  readonly seq: number;
  readonly g: number;
  readonly line: number;
}

/**
 * One case per kind, exhaustive (a kind added to the schema fails to compile here until it is
 * handled). Long on purpose: each case is the whole field list of its kind, read top to bottom.
 */
function checkKind(k: EventKind, r: Rec, st: ValidationState, c: EventSite): void {
  const chan = (field: string) => ref(r, st, k, field, "chan");
  const id = (kind: ObjectKind) => ref(r, st, k, "id", kind);
  const make = () => announceMade(r, st, k, c.line);
  switch (k) {
    case "go.create":
      str(r, "name", k);
      return createGoroutine(st, int(r, "child", k), c.line, k);
    case "go.block": {
      oneOf(r, "reason", k, BLOCK_REASONS);
      for (const on of intArray(r, "on", k, 1)) objectRef(st, on, [], k, "on");
      return;
    }
    case "go.unblock":
      return goroutineRef(st, int(r, "target", k), k, "target");
    case "go.end":
    case "go.yield":
    case "main.return":
      return;
    case "go.panic":
      str(r, "msg", k);
      strArray(r, "stack", k);
      optional(r, "fatal", () => bool(r, "fatal", k));
      return;
    case "chan.make": {
      const cap = int(r, "cap", k);
      str(r, "name", k);
      const ch = make();
      st.chanCap.set(ch, cap);
      st.sends.open(ch, cap);
      return;
    }
    case "chan.send": {
      const ch = checkLen(r, st, k, chan("ch"));
      str(r, "val", k);
      st.sends.add(ch, c.seq);
      return;
    }
    case "chan.recv":
      return checkRecv(r, st, checkLen(r, st, k, chan("ch")));
    case "chan.close":
      chan("ch");
      return;
    case "select.begin":
      return checkSelectBegin(r, st, c.g);
    case "select.end":
      return checkSelectEnd(r, st, c.g);
    case "mutex.make":
    case "rwmutex.make":
    case "wg.make":
    case "once.make":
      str(r, "name", k);
      if (k === "wg.make") st.wgCount.set(make(), 0);
      else make();
      return;
    case "mutex.lock":
      id("mutex");
      optional(r, "try", () => bool(r, "try", k));
      return;
    case "mutex.unlock":
      id("mutex");
      return;
    case "mutex.trylock":
      id("mutex");
      if (bool(r, "ok", k)) fail(`${k} "ok" must be false (a successful tryLock is a mutex.lock with "try")`);
      return;
    case "rwmutex.lock":
    case "rwmutex.unlock":
      id("rwmutex");
      bool(r, "read", k);
      return;
    case "wg.add":
      return checkWgAdd(r, st, id("wg"));
    case "wg.wait":
      id("wg");
      return;
    case "cond.make":
      str(r, "name", k);
      ref(r, st, k, "lock", "mutex", "rwmutex");
      make();
      return;
    case "cond.wait":
      id("cond");
      return;
    case "cond.signal":
    case "cond.broadcast": {
      id("cond");
      const woken = intArray(r, "woken", k);
      if (k === "cond.signal" && woken.length > 1) fail(`${k} "woken" names ${woken.length} goroutines (at most 1)`);
      for (const w of woken) goroutineRef(st, w, k, "woken");
      return;
    }
    case "once.do":
      id("once");
      bool(r, "ran", k);
      return;
    case "atomic.make":
      str(r, "name", k);
      num(r, "val", k);
      make();
      return;
    case "atomic.op":
      id("atomic");
      oneOf(r, "op", k, ["add", "load", "store", "cas"] as const);
      num(r, "val", k);
      optional(r, "ok", () => bool(r, "ok", k));
      return;
    case "timer.make":
      num(r, "when", k, 0);
      num(r, "period", k, 0);
      optional(r, "ch", () => chan("ch"));
      str(r, "name", k);
      make();
      return;
    case "timer.fire":
      id("timer");
      optional(r, "dropped", () => bool(r, "dropped", k));
      return;
    case "timer.stop":
      id("timer");
      bool(r, "ok", k);
      return;
    case "timer.reset":
      id("timer");
      num(r, "when", k, 0);
      bool(r, "ok", k);
      return;
    case "ctx.make": {
      const parent = int(r, "parent", k);
      if (parent !== 0) objectRef(st, parent, ["ctx"], k, "parent");
      oneOf(r, "kind", k, ["background", "cancel", "deadline"] as const);
      chan("done");
      optional(r, "deadline", () => num(r, "deadline", k, 0));
      make();
      return;
    }
    case "ctx.cancel":
      ref(r, st, k, "ctx", "ctx");
      str(r, "err", k);
      return;
    case "log":
      str(r, "msg", k);
      return;
    default:
      return assertNever(k);
  }
}

/** Reads an object id field and checks it names an earlier object of one of `kinds`. */
function ref(r: Rec, st: ValidationState, what: string, field: string, ...kinds: ObjectKind[]): number {
  const value = int(r, field, what, 1);
  objectRef(st, value, kinds, what, field);
  return value;
}

/** Announces the object a make event creates, in the field and kind `MAKE_KINDS` gives; returns its id. */
function announceMade(r: Rec, st: ValidationState, k: EventKind, line: number): number {
  const spec = MAKE_KINDS[k];
  if (!spec) throw new Error(`unreachable: ${k} is not a make kind`);
  const value = int(r, spec.field, k, 1);
  announce(st, value, spec.kind, line, k, spec.field);
  return value;
}

/** `len` is the channel's length after the operation, 0 ≤ len ≤ cap; returns the channel. */
function checkLen(r: Rec, st: ValidationState, k: string, ch: number): number {
  const len = int(r, "len", k);
  const cap = st.chanCap.get(ch) ?? 0;
  if (len > cap) fail(`${k} "len" ${len} exceeds the capacity ${cap} of channel ${ch}`);
  return ch;
}

function checkRecv(r: Rec, st: ValidationState, ch: number): void {
  const k = "chan.recv";
  const ok = bool(r, "ok", k);
  str(r, "val", k);
  const from = optional(r, "from", () => int(r, "from", k, 1));
  if (from === undefined) return;
  if (!ok) fail(`${k} has "from" ${from} but "ok" is false (a receive from a closed channel matches no send)`);
  if (!st.sends.has(ch, from)) fail(`${k} "from" ${from} is not the seq of an earlier chan.send on channel ${ch} still waiting to be received`);
  st.sends.take(ch, from);
}

function checkSelectBegin(r: Rec, st: ValidationState, g: number): void {
  const k = "select.begin";
  const cases = array(r, "cases", k);
  cases.forEach((c, i) => {
    if (!isRecord(c)) fail(`${k} "cases[${i}]" must be an object, got ${describe(c)}`);
    ref(c, st, `${k} cases[${i}]`, "ch", "chan");
    oneOf(c, "dir", `${k} cases[${i}]`, ["send", "recv"] as const);
  });
  // A select.begin replaces a pending one: a panic caught by user code can abandon a select.
  st.selects.begin(g, cases.length, bool(r, "default", k));
}

function checkSelectEnd(r: Rec, st: ValidationState, g: number): void {
  const k = "select.end";
  const chosen = int(r, "chosen", k, -1);
  const cases = st.selects.casesOf(g);
  if (cases < 0) fail(`${k} without a select.begin by goroutine ${g}`);
  if (chosen === -1 && !st.selects.hasDefault(g)) fail(`${k} "chosen" is -1 but the select has no default case`);
  if (chosen >= cases) fail(`${k} "chosen" ${chosen} is out of range (the select has ${cases} cases)`);
  st.selects.end(g);
}

/** The counter moves by exactly `delta`: `count` = previous count + `delta`. */
function checkWgAdd(r: Rec, st: ValidationState, wg: number): void {
  const k = "wg.add";
  const delta = int(r, "delta", k, Number.MIN_SAFE_INTEGER);
  const count = int(r, "count", k, Number.MIN_SAFE_INTEGER);
  const prev = st.wgCount.get(wg) ?? 0;
  if (count !== prev + delta) fail(`${k} "count" ${count} is not the previous count ${prev} plus "delta" ${delta}`);
  st.wgCount.set(wg, count);
}
