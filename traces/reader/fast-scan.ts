/**
 * The fast path of reading: a byte scanner for the exact layout in which the runtime's writer
 * emits its most frequent events (`{"seq":N,"t":N,"g":N,"k":"K"[,"loc":N],...}\n`, keys in the
 * writer's order, no spaces), which leaves the event's fields in the scanner instead of building
 * a JSON value. Both the reader and the model's loader run it first on every line.
 *
 * Contract: `scanEvent` returns the index of the line's `\n` only for a line the reader would
 * accept as an event, after making every check `check-event.ts` makes for that kind against the
 * shared validation state, and only then updates that state. Anything else — another layout, a
 * number with a fraction, exponent or more than 9 digits where an Int32 goes, non-ASCII or escaped
 * text other than `\"` and `\\`, a `\r`, a failed check, a line not wholly inside `[start, lim)` —
 * returns -1 with nothing changed, and the caller takes the slow path (`JSON.parse` and the
 * reader's checks), which gives the verdict and the message.
 *
 * Why it looks the way it does: the cursor is a local passed through small pure functions that
 * return the next position (-1 for "not this layout"), which V8 inlines and keeps in registers;
 * ids are checked against dense caches (`known-ids.ts`).
 */
import { BLOCK_REASONS, EVENT_KINDS } from "../format/schema";
import type { ValidationState } from "./state";
import { F1, F2, Kind } from "./event-kinds";
import { KnownIds, OBJECT_CODE } from "./known-ids";
import type { ByteStrings } from "./byte-strings";

const enc = (s: string) => new TextEncoder().encode(s);
const HEAD_SEQ = enc('{"seq":');
const HEAD_T = enc(',"t":');
const HEAD_G = enc(',"g":');
const HEAD_K = enc(',"k":"');
const KEY_LOC = enc(',"loc":');
const KEY_CH = enc(',"ch":');
const KEY_LEN = enc(',"len":');
const KEY_VAL = enc(',"val":');
const KEY_OK_FROM = enc(',"ok":true,"from":');
const KEY_NOT_OK = enc(',"ok":false');
const KEY_REASON = enc(',"reason":"');
const KEY_ON = enc('","on":[');
const KEY_UNTIL = enc(',"until":');
const KEY_TARGET = enc(',"target":');
const KEY_ID = enc(',"id":');
const KEY_TRY = enc(',"try":');
const KEY_READ = enc(',"read":');
const KEY_DELTA = enc(',"delta":');
const KEY_COUNT = enc(',"count":');
const KEY_DROPPED = enc(',"dropped":');
const KEY_CHOSEN = enc(',"chosen":');
const KEY_CASES = enc(',"cases":[');
const CASE_CH = enc('{"ch":');
const CASE_DIR = enc(',"dir":"');
const SEND_Q = enc('send"}');
const RECV_Q = enc('recv"}');
const KEY_DEFAULT = enc('],"default":');
const KEY_MSG = enc(',"msg":');
const TRUE = enc("true");
const FALSE = enc("false");
const KIND_BYTES = EVENT_KINDS.map(enc);
const REASON_BYTES = BLOCK_REASONS.map(enc);

const CHAN = OBJECT_CODE.chan;
const MUTEX = OBJECT_CODE.mutex;
const RWMUTEX = OBJECT_CODE.rwmutex;
const WG = OBJECT_CODE.wg;
const TIMER = OBJECT_CODE.timer;

/** Indices of `words` grouped by byte length. */
function byLength(words: readonly Uint8Array[]): number[][] {
  const out: number[][] = [];
  words.forEach((w, i) => (out[w.length] ??= []).push(i));
  return out;
}
const KINDS_BY_LEN = byLength(KIND_BYTES);
const REASONS_BY_LEN = byLength(REASON_BYTES);


/**
 * One scanner per reader or loader: its validation state, its string table and, after a
 * successful `scanEvent`, the fields of the event it accepted. Operands `a b x y` as in the
 * model's columns (`model/event-codec.ts`): x is a string id (`val`, `msg`) in `strings`, `list`
 * holds `on` ids or select cases as [ch, dir] pairs (dir 1 = send).
 */
export class FastScanner {
  kind = 0;
  flags = 0;
  seq = 0;
  t = 0;
  g = 0;
  loc = 0;
  a = 0;
  b = 0;
  x = 0;
  y = 0;
  /** `go.block` `until`, -1 when absent. */
  until = -1;
  readonly list: number[] = [];
  readonly known: KnownIds;

  constructor(readonly st: ValidationState, readonly strings: ByteStrings) {
    this.known = new KnownIds(st);
  }
}

/** p past the literal `w` at p, or -1. */
function lit(b: Uint8Array, p: number, lim: number, w: Uint8Array): number {
  const n = w.length;
  if (p < 0 || p + n > lim) return -1;
  for (let j = 0; j < n; j++) if (b[p + j] !== w[j]) return -1;
  return p + n;
}

/** End of the run of ASCII digits at p. */
function digits(b: Uint8Array, p: number, lim: number): number {
  while (p < lim) {
    const c = b[p]!;
    if (c < 48 || c > 57) break;
    p++;
  }
  return p;
}

/** The JSON non-negative integer b[s, e) of at most `max` digits; -1 if none (empty, too long, leading zero). */
function uintIn(b: Uint8Array, s: number, e: number, max: number): number {
  const n = e - s;
  if (n === 0 || n > max || (n > 1 && b[s] === 48)) return -1;
  let v = 0;
  for (let q = s; q < e; q++) v = v * 10 + (b[q]! - 48);
  return v;
}

/** Index in `list` of the word at p closed by `"`, via `byLen`; -1 when none. */
function word(b: Uint8Array, p: number, lim: number, list: readonly Uint8Array[], byLen: readonly (readonly number[])[]): number {
  let e = p;
  while (e < lim && b[e] !== 34) e++;
  const candidates = byLen[e - p];
  if (e === lim || candidates === undefined) return -1;
  outer: for (let j = 0; j < candidates.length; j++) {
    const w = list[candidates[j]!]!;
    for (let q = 0; q < w.length; q++) if (b[p + q] !== w[q]) continue outer;
    return candidates[j]!;
  }
  return -1;
}

/** `true` → 1, `false` → 0 at p (p may be -1); -1 when neither. */
function boolAt(b: Uint8Array, p: number, lim: number): number {
  if (lit(b, p, lim, TRUE) >= 0) return 1;
  if (lit(b, p, lim, FALSE) >= 0) return 0;
  return -1;
}

/** Scratch for `int`: the end of the last integer read. */
let intEnd = 0;

/** An Int32-sized JSON integer at p, possibly negative (not -0); NaN when none. Sets `intEnd`. */
function int(b: Uint8Array, p: number, lim: number): number {
  const neg = b[p] === 45;
  const s = neg ? p + 1 : p;
  const e = digits(b, s, lim);
  const v = uintIn(b, s, e, 9);
  intEnd = e;
  if (v < 0 || (neg && v === 0)) return NaN;
  return neg ? -v : v;
}

/**
 * Scans the line starting at `start`; returns the index of its `\n` (which must be before `lim`)
 * when it is an event of a known layout that passes every check, else -1 (see the header).
 */
export function scanEvent(s: FastScanner, b: Uint8Array, start: number, lim: number): number {
  const st = s.st;
  const known = s.known;
  let p = lit(b, start, lim, HEAD_SEQ);
  if (p < 0) return -1;
  let e = digits(b, p, lim);
  const seq = uintIn(b, p, e, 15);
  if (seq < 1 || seq <= st.lastSeq) return -1;
  p = lit(b, e, lim, HEAD_T);
  if (p < 0) return -1;
  e = digits(b, p, lim);
  const t = uintIn(b, p, e, 15);
  if (t < 0 || t < st.lastT) return -1;
  p = lit(b, e, lim, HEAD_G);
  if (p < 0) return -1;
  e = digits(b, p, lim);
  const g = uintIn(b, p, e, 9);
  if (g < 0 || !known.hasGoroutine(g)) return -1;
  p = lit(b, e, lim, HEAD_K);
  if (p < 0) return -1;
  const kind = word(b, p, lim, KIND_BYTES, KINDS_BY_LEN);
  if (kind < 0) return -1;
  p += KIND_BYTES[kind]!.length + 1;
  let loc = 0;
  const q = lit(b, p, lim, KEY_LOC);
  if (q >= 0) {
    e = digits(b, q, lim);
    loc = uintIn(b, q, e, 9);
    if (loc < 1 || !known.hasLoc(loc)) return -1;
    p = e;
  }
  s.flags = 0;
  s.a = s.b = s.x = s.y = 0;
  s.until = -1;
  p = scanOperands(s, kind, g, b, p, lim);
  if (p < 0 || p + 1 >= lim || b[p] !== 125 || b[p + 1] !== 10) return -1;
  // Accepted: now, and only now, change state.
  st.lastSeq = seq;
  st.lastT = t;
  if (kind === Kind.ChanSend) st.sends.add(s.a, seq);
  else if (kind === Kind.ChanRecv) {
    if (s.flags !== 0) st.sends.take(s.a, s.y);
  } else if (kind === Kind.WgAdd) st.wgCount.set(s.a, s.y);
  else if (kind === Kind.SelectBegin) st.selects.set(g, { cases: s.a, hasDefault: s.flags !== 0 });
  else if (kind === Kind.SelectEnd) st.selects.delete(g);
  s.kind = kind;
  s.seq = seq;
  s.t = t;
  s.g = g;
  s.loc = loc;
  return p + 1;
}

/** The kind-specific fields after the head; returns the position of the closing `}` or -1. */
function scanOperands(s: FastScanner, kind: number, g: number, b: Uint8Array, p: number, lim: number): number {
  switch (kind) {
    case Kind.ChanSend:
    case Kind.ChanRecv:
      return chanOp(s, kind === Kind.ChanSend, b, p, lim);
    case Kind.GoBlock:
      return goBlock(s, b, p, lim);
    case Kind.GoUnblock: {
      p = lit(b, p, lim, KEY_TARGET);
      if (p < 0) return -1;
      const e = digits(b, p, lim);
      s.a = uintIn(b, p, e, 9);
      return s.a >= 0 && s.known.hasGoroutine(s.a) ? e : -1;
    }
    case Kind.GoEnd: case Kind.GoYield: case Kind.MainReturn:
      return p;
    case Kind.MutexLock: case Kind.MutexUnlock: case Kind.WgWait: case Kind.TimerFire:
      return idOp(s, kind, b, p, lim);
    case Kind.RwmutexLock: case Kind.RwmutexUnlock: {
      p = objectId(s, b, lit(b, p, lim, KEY_ID), lim, RWMUTEX);
      const v = boolAt(b, lit(b, p, lim, KEY_READ), lim);
      if (p < 0 || v < 0) return -1;
      s.flags = v ? F1 : 0;
      return p + KEY_READ.length + (v ? 4 : 5);
    }
    case Kind.WgAdd:
      return wgAdd(s, b, p, lim);
    case Kind.ChanClose:
      return objectId(s, b, lit(b, p, lim, KEY_CH), lim, CHAN);
    case Kind.SelectBegin:
      return selectBegin(s, b, p, lim);
    case Kind.SelectEnd: {
      p = lit(b, p, lim, KEY_CHOSEN);
      if (p < 0) return -1;
      const chosen = int(b, p, lim);
      const pending = s.st.selects.get(g);
      if (Number.isNaN(chosen) || chosen < -1 || !pending || (chosen === -1 && !pending.hasDefault) || chosen >= pending.cases) return -1;
      s.a = chosen;
      return intEnd;
    }
    case Kind.Log:
      p = lit(b, p, lim, KEY_MSG);
      return p < 0 ? -1 : text(s, b, p, lim);
    default:
      return -1;
  }
}

/** An object id at p (p may be -1) announced as `code`, into `s.a`; returns its end or -1. */
function objectId(s: FastScanner, b: Uint8Array, p: number, lim: number, code: number): number {
  if (p < 0) return -1;
  const e = digits(b, p, lim);
  const id = uintIn(b, p, e, 9);
  if (id < 1 || s.known.kindOf(id) !== code) return -1;
  s.a = id;
  return e;
}

/** A string literal at p into `s.x`; returns its end or -1. */
function text(s: FastScanner, b: Uint8Array, p: number, lim: number): number {
  const id = s.strings.scan(b, p, lim);
  if (id < 0) return -1;
  s.x = id;
  return s.strings.end;
}

/** `,"ch":N,"len":N` then `,"val":S` (send) or `,"ok":true,"from":N,"val":S` / `,"ok":false,"val":S` (recv). */
function chanOp(s: FastScanner, send: boolean, b: Uint8Array, p: number, lim: number): number {
  p = objectId(s, b, lit(b, p, lim, KEY_CH), lim, CHAN);
  p = lit(b, p, lim, KEY_LEN);
  if (p < 0) return -1;
  const e = digits(b, p, lim);
  const len = uintIn(b, p, e, 9);
  if (len < 0 || len > s.known.capOf(s.a)) return -1;
  s.b = len;
  p = e;
  if (!send) {
    const q = lit(b, p, lim, KEY_OK_FROM);
    if (q >= 0) {
      p = digits(b, q, lim);
      const from = uintIn(b, q, p, 9);
      if (from < 1 || !s.st.sends.has(s.a, from)) return -1;
      s.flags = F1;
      s.y = from;
    } else p = lit(b, p, lim, KEY_NOT_OK);
  }
  p = lit(b, p, lim, KEY_VAL);
  return p < 0 ? -1 : text(s, b, p, lim);
}

/** `,"reason":"R","on":[ids][,"until":N]`. */
function goBlock(s: FastScanner, b: Uint8Array, p: number, lim: number): number {
  p = lit(b, p, lim, KEY_REASON);
  if (p < 0) return -1;
  const reason = word(b, p, lim, REASON_BYTES, REASONS_BY_LEN);
  if (reason < 0) return -1;
  p = lit(b, p + REASON_BYTES[reason]!.length, lim, KEY_ON);
  if (p < 0) return -1;
  s.a = reason;
  const list = s.list;
  list.length = 0;
  if (b[p] !== 93) {
    for (;;) {
      const e = digits(b, p, lim);
      const id = uintIn(b, p, e, 9);
      if (id < 1 || s.known.kindOf(id) === 0) return -1;
      list.push(id);
      p = e;
      if (b[p] !== 44) break;
      p++;
    }
  }
  if (b[p] !== 93) return -1;
  p++;
  const q = lit(b, p, lim, KEY_UNTIL);
  if (q < 0) return p;
  p = digits(b, q, lim);
  s.until = uintIn(b, q, p, 15);
  return s.until < 0 ? -1 : p;
}

/** `,"id":N` of a mutex, WaitGroup or timer, then `try` (mutex.lock) or `dropped` (timer.fire), optional. */
function idOp(s: FastScanner, kind: number, b: Uint8Array, p: number, lim: number): number {
  const code = kind === Kind.WgWait ? WG : kind === Kind.TimerFire ? TIMER : MUTEX;
  p = objectId(s, b, lit(b, p, lim, KEY_ID), lim, code);
  if (p < 0) return -1;
  const opt = kind === Kind.MutexLock ? KEY_TRY : kind === Kind.TimerFire ? KEY_DROPPED : undefined;
  const q = opt ? lit(b, p, lim, opt) : -1;
  if (q < 0) return p;
  const v = boolAt(b, q, lim);
  if (v < 0) return -1;
  s.flags = v ? F1 | F2 : F1;
  return q + (v ? 4 : 5);
}

/** `,"id":N,"delta":N,"count":N` with count = previous count + delta. */
function wgAdd(s: FastScanner, b: Uint8Array, p: number, lim: number): number {
  p = lit(b, objectId(s, b, lit(b, p, lim, KEY_ID), lim, WG), lim, KEY_DELTA);
  if (p < 0) return -1;
  const delta = int(b, p, lim);
  p = lit(b, intEnd, lim, KEY_COUNT);
  if (Number.isNaN(delta) || p < 0) return -1;
  const count = int(b, p, lim);
  if (Number.isNaN(count) || count !== (s.st.wgCount.get(s.a) ?? 0) + delta) return -1;
  s.b = delta;
  s.y = count;
  return intEnd;
}

/** `,"cases":[{"ch":N,"dir":"send"|"recv"},...],"default":B` into `list` as [ch, dir] pairs. */
function selectBegin(s: FastScanner, b: Uint8Array, p: number, lim: number): number {
  p = lit(b, p, lim, KEY_CASES);
  if (p < 0) return -1;
  const list = s.list;
  list.length = 0;
  if (b[p] !== 93) {
    for (;;) {
      p = lit(b, p, lim, CASE_CH);
      if (p < 0) return -1;
      const e = digits(b, p, lim);
      const ch = uintIn(b, p, e, 9);
      p = lit(b, e, lim, CASE_DIR);
      if (ch < 1 || p < 0 || s.known.kindOf(ch) !== CHAN) return -1;
      const dir = b[p] === 115 ? 1 : 0;
      p = lit(b, p, lim, dir ? SEND_Q : RECV_Q);
      if (p < 0) return -1;
      list.push(ch, dir);
      if (b[p] !== 44) break;
      p++;
    }
  }
  p = lit(b, p, lim, KEY_DEFAULT);
  const v = p < 0 ? -1 : boolAt(b, p, lim);
  if (v < 0) return -1;
  s.a = list.length >> 1;
  s.flags = v ? F1 : 0;
  return p + (v ? 4 : 5);
}
