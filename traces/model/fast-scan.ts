/**
 * The fast path of loading: a byte scanner for the exact layout in which the runtime's writer
 * emits its most frequent events (`{"seq":N,"t":N,"g":N,"k":"K"[,"loc":N],...}`, keys in the
 * writer's order, no spaces), which stores the event straight into the columns.
 *
 * Contract: it returns true only for a line the reader would accept as an event, after making
 * every check `reader/check-event.ts` makes for that kind against the shared validation state,
 * and only then touches any state. Anything else — another layout, a number with a fraction,
 * exponent or more than 9 digits where an Int32 goes, non-ASCII or escaped text other than
 * `\"` and `\\`, a failed check — returns false with nothing changed, and the line takes the slow
 * path (record-checker.ts), which gives the reader's verdict and message.
 */
import { BLOCK_REASONS, EVENT_KINDS } from "../format/schema";
import type { ValidationState } from "../reader/state";
import type { EventStore } from "./event-store";
import { F1, F2, Kind } from "./kinds";
import { createByteInterner, type ByteInterner } from "./byte-interner";
import { sendChannel } from "./record-checker";

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
const KEY_DEFAULT = enc('],"default":');
const KEY_MSG = enc(',"msg":');
const TRUE = enc("true");
const FALSE = enc("false");
const KIND_BYTES = EVENT_KINDS.map(enc);
const REASON_BYTES = BLOCK_REASONS.map(enc);

/** Indices of `words` grouped by byte length. */
function byLength(words: readonly Uint8Array[]): number[][] {
  const out: number[][] = [];
  words.forEach((w, i) => (out[w.length] ??= []).push(i));
  return out;
}
const KINDS_BY_LEN = byLength(KIND_BYTES);
const REASONS_BY_LEN = byLength(REASON_BYTES);

/** What a scan needs from its loader; the scanner's cursor itself is module state (see below). */
export interface FastScanContext {
  readonly store: EventStore;
  readonly st: ValidationState;
  readonly strings: ByteInterner;
  readonly onEvent: (i: number) => void;
}

export function createFastScanContext(store: EventStore, st: ValidationState, onEvent: (i: number) => void): FastScanContext {
  return { store, st, strings: createByteInterner(store), onEvent };
}

// The cursor: the line being scanned is b[p, lim). Module state rather than per-loader closures so
// that every loader shares one set of optimised functions; safe because a scan runs to completion
// synchronously and sets all three first.
let b: Uint8Array = new Uint8Array(0);
let p = 0;
let lim = 0;
const onScratch: number[] = [];

function lit(codes: Uint8Array): boolean {
  const n = codes.length;
  if (p + n > lim) return false;
  for (let j = 0; j < n; j++) if (b[p + j] !== codes[j]) return false;
  p += n;
  return true;
}

/** A JSON non-negative integer of at most `maxDigits` digits; -1 when there is none. */
function uint(maxDigits: number): number {
  const start = p;
  let v = 0;
  while (p < lim) {
    const c = b[p]! - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    p++;
  }
  const n = p - start;
  if (n === 0 || n > maxDigits || (n > 1 && b[start] === 48)) return -1;
  return v;
}

/** An Int32-sized JSON integer, possibly negative (not -0); NaN when there is none. */
function sint(): number {
  const neg = b[p] === 45;
  if (neg) p++;
  const v = uint(9);
  if (v < 0 || (neg && v === 0)) return NaN;
  return neg ? -v : v;
}

function bool(): number {
  if (lit(TRUE)) return 1;
  if (lit(FALSE)) return 0;
  return -1;
}

/** The index in `list` of the word from p up to the byte `close`, via `byLen`; -1 when none. */
function match(list: readonly Uint8Array[], byLen: readonly (readonly number[])[], close: number): number {
  let e = p;
  while (e < lim && b[e] !== close) e++;
  const n = e - p;
  const candidates = byLen[n];
  if (candidates === undefined) return -1;
  outer: for (let j = 0; j < candidates.length; j++) {
    const idx = candidates[j]!;
    const w = list[idx]!;
    for (let q = 0; q < n; q++) if (b[p + q] !== w[q]) continue outer;
    p = e;
    return idx;
  }
  return -1;
}

function str(strings: ByteInterner): number {
  const r = strings.scan(b, p, lim);
  if (r < 0) return -1;
  p = strings.end;
  return r;
}

function isKind(st: ValidationState, id: number, kind: string): boolean {
  return st.objects.get(id)?.kind === kind;
}

/** True when the line `bytes[start, end)` was an event it fully checked and stored (see the header). */
export function scanLine(c: FastScanContext, bytes: Uint8Array, start: number, end: number): boolean {
  const { store, st, strings } = c;
  b = bytes;
  p = start;
  lim = end;
  if (!lit(HEAD_SEQ)) return false;
  const seq = uint(15);
  if (seq < 1 || seq <= st.lastSeq || !lit(HEAD_T)) return false;
  const t = uint(15);
  if (t < 0 || t < st.lastT || !lit(HEAD_G)) return false;
  const g = uint(9);
  if (g < 0 || !st.goroutines.has(g) || !lit(HEAD_K)) return false;
  const kind = match(KIND_BYTES, KINDS_BY_LEN, 34);
  if (kind < 0) return false;
  p++; // the closing quote
  let loc = 0;
  if (lit(KEY_LOC)) {
    loc = uint(9);
    if (loc < 1 || !st.locs.has(loc)) return false;
  }
  let flags = 0;
  let a = 0;
  let bb = 0;
  let x = 0;
  let y = 0;
  switch (kind) {
    case Kind.ChanSend: {
      if (!lit(KEY_CH)) return false;
      a = uint(9);
      if (a < 1 || !isKind(st, a, "chan") || !lit(KEY_LEN)) return false;
      bb = uint(9);
      if (bb < 0 || bb > (st.chanCap.get(a) ?? 0) || !lit(KEY_VAL)) return false;
      x = str(strings);
      if (x < 0) return false;
      break;
    }
    case Kind.ChanRecv: {
      if (!lit(KEY_CH)) return false;
      a = uint(9);
      if (a < 1 || !isKind(st, a, "chan") || !lit(KEY_LEN)) return false;
      bb = uint(9);
      if (bb < 0 || bb > (st.chanCap.get(a) ?? 0)) return false;
      if (lit(KEY_OK_FROM)) {
        flags = F1;
        y = uint(9);
        if (y < 1 || sendChannel(store, y) !== a) return false;
      } else if (!lit(KEY_NOT_OK)) return false;
      if (!lit(KEY_VAL)) return false;
      x = str(strings);
      if (x < 0) return false;
      break;
    }
    case Kind.GoBlock: {
      if (!lit(KEY_REASON)) return false;
      a = match(REASON_BYTES, REASONS_BY_LEN, 34);
      if (a < 0 || !lit(KEY_ON)) return false;
      onScratch.length = 0;
      if (b[p] !== 93) {
        for (;;) {
          const id = uint(9);
          if (id < 1 || !st.objects.has(id)) return false;
          onScratch.push(id);
          if (b[p] !== 44) break;
          p++;
        }
      }
      if (b[p] !== 93) return false;
      p++;
      let until = -1;
      if (lit(KEY_UNTIL)) {
        until = uint(15);
        if (until < 0) return false;
      }
      if (p !== lim - 1 || b[p] !== 125) return false;
      x = store.pushInts(onScratch);
      bb = until < 0 ? 0 : store.pushNum(until) + 1;
      break;
    }
    case Kind.GoUnblock:
      if (!lit(KEY_TARGET)) return false;
      a = uint(9);
      if (a < 0 || !st.goroutines.has(a)) return false;
      break;
    case Kind.GoEnd: case Kind.GoYield: case Kind.MainReturn:
      break;
    case Kind.MutexLock: case Kind.MutexUnlock: case Kind.WgWait: case Kind.TimerFire: {
      if (!lit(KEY_ID)) return false;
      a = uint(9);
      const want = kind === Kind.WgWait ? "wg" : kind === Kind.TimerFire ? "timer" : "mutex";
      if (a < 1 || !isKind(st, a, want)) return false;
      const opt = kind === Kind.MutexLock ? KEY_TRY : kind === Kind.TimerFire ? KEY_DROPPED : undefined;
      if (opt && lit(opt)) {
        const v = bool();
        if (v < 0) return false;
        flags = v ? F1 | F2 : F1;
      }
      break;
    }
    case Kind.RwmutexLock: case Kind.RwmutexUnlock: {
      if (!lit(KEY_ID)) return false;
      a = uint(9);
      if (a < 1 || !isKind(st, a, "rwmutex") || !lit(KEY_READ)) return false;
      const v = bool();
      if (v < 0) return false;
      flags = v ? F1 : 0;
      break;
    }
    case Kind.WgAdd: {
      if (!lit(KEY_ID)) return false;
      a = uint(9);
      if (a < 1 || !isKind(st, a, "wg") || !lit(KEY_DELTA)) return false;
      bb = sint();
      if (Number.isNaN(bb) || !lit(KEY_COUNT)) return false;
      y = sint();
      if (Number.isNaN(y) || y !== (st.wgCount.get(a) ?? 0) + bb) return false;
      break;
    }
    case Kind.ChanClose:
      if (!lit(KEY_CH)) return false;
      a = uint(9);
      if (a < 1 || !isKind(st, a, "chan")) return false;
      break;
    case Kind.SelectBegin:
      if (!scanCases(st)) return false;
      a = onScratch.length >> 1;
      flags = b[p - 1] === 101 && b[p - 2] === 117 ? F1 : 0; // ...true vs ...false
      if (p !== lim - 1 || b[p] !== 125) return false;
      x = store.pushInts(onScratch);
      break;
    case Kind.SelectEnd: {
      if (!lit(KEY_CHOSEN)) return false;
      a = sint();
      const pending = st.selects.get(g);
      if (Number.isNaN(a) || a < -1 || !pending || (a === -1 && !pending.hasDefault) || a >= pending.cases) return false;
      break;
    }
    case Kind.Log:
      if (!lit(KEY_MSG)) return false;
      x = str(strings);
      if (x < 0) return false;
      break;
    default:
      return false;
  }
  if (p !== lim - 1 || b[p] !== 125) return false;
  // Accepted: now, and only now, change state.
  st.lastSeq = seq;
  st.lastT = t;
  if (kind === Kind.WgAdd) st.wgCount.set(a, y);
  else if (kind === Kind.SelectBegin) st.selects.set(g, { cases: a, hasDefault: flags !== 0 });
  else if (kind === Kind.SelectEnd) st.selects.delete(g);
  c.onEvent(store.push(seq, t, kind | flags, g, loc, a, bb, x, y));
  return true;
}

/** `,"cases":[{"ch":N,"dir":"send"|"recv"},...],"default":true|false` into onScratch as [ch, dir] pairs. */
function scanCases(st: ValidationState): boolean {
  if (!lit(KEY_CASES)) return false;
  onScratch.length = 0;
  if (b[p] !== 93) {
    for (;;) {
      if (!lit(CASE_CH)) return false;
      const ch = uint(9);
      if (ch < 1 || st.objects.get(ch)?.kind !== "chan" || !lit(CASE_DIR)) return false;
      const dir = b[p] === 115 ? 1 : 0;
      if (!lit(dir ? SEND_Q : RECV_Q)) return false;
      onScratch.push(ch, dir);
      if (b[p] !== 44) break;
      p++;
    }
  }
  if (!lit(KEY_DEFAULT)) return false;
  return bool() >= 0;
}

const SEND_Q = enc('send"}');
const RECV_Q = enc('recv"}');
