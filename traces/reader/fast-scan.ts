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
 * keys and kind names are compared four bytes at a time (`byte-literals.ts`); ids are checked
 * against dense caches (`known-ids.ts`).
 */
import { BLOCK_REASONS } from "../format/schema";
import type { ValidationState } from "./state";
import { F1, F2, Kind } from "./event-kinds";
import { KnownIds, OBJECT_CODE } from "./known-ids";
import type { ByteStrings } from "./byte-strings";
import { Literal, ShortLiteral, WordTable, lit, short } from "./byte-literals";

const HEAD_SEQ = new ShortLiteral('{"seq":');
const HEAD_T = new ShortLiteral(',"t":');
const HEAD_G = new ShortLiteral(',"g":');
const HEAD_K = new ShortLiteral(',"k":"');
const KEY_LOC = new ShortLiteral(',"loc":');
const KEY_CH = new ShortLiteral(',"ch":');
const KEY_LEN = new ShortLiteral(',"len":');
const KEY_VAL = new ShortLiteral(',"val":');
const KEY_OK = new ShortLiteral(',"ok":');
const TRUE_FROM = new Literal('true,"from":');
const KEY_REASON = new Literal(',"reason":"');
const KEY_ON = new ShortLiteral(',"on":[');
const KEY_UNTIL = new Literal(',"until":');
const KEY_TARGET = new Literal(',"target":');
const KEY_ID = new ShortLiteral(',"id":');
const KEY_TRY = new ShortLiteral(',"try":');
const KEY_READ = new ShortLiteral(',"read":');
const KEY_DELTA = new Literal(',"delta":');
const KEY_COUNT = new Literal(',"count":');
const KEY_DROPPED = new Literal(',"dropped":');
const KEY_CHOSEN = new Literal(',"chosen":');
const KEY_CASES = new Literal(',"cases":[');
const CASE_CH = new ShortLiteral('{"ch":');
const CASE_DIR = new ShortLiteral(',"dir":"');
const SEND_Q = new ShortLiteral('send"}');
const RECV_Q = new ShortLiteral('recv"}');
const KEY_DEFAULT = new Literal('],"default":');
const KEY_MSG = new ShortLiteral(',"msg":');
const TRUE = new ShortLiteral("true");
const FALSE = new ShortLiteral("false");
const REASONS = new WordTable(BLOCK_REASONS);

const CHAN = OBJECT_CODE.chan;
const MUTEX = OBJECT_CODE.mutex;
const RWMUTEX = OBJECT_CODE.rwmutex;
const WG = OBJECT_CODE.wg;
const TIMER = OBJECT_CODE.timer;

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
  /** `on` ids, or select cases as [ch, dir] pairs: the first `listLen` entries. */
  list = new Int32Array(64);
  listLen = 0;
  readonly known: KnownIds;
  /** The array last scanned, and a view of it for word loads. */
  private bytes: Uint8Array = new Uint8Array(0);
  view = new DataView(this.bytes.buffer);

  constructor(readonly st: ValidationState, readonly strings: ByteStrings) {
    this.known = new KnownIds(st);
  }

  /** Appends to `list` (ids have at most 9 digits: they fit). */
  listAdd(v: number): void {
    if (this.listLen === this.list.length) {
      const next = new Int32Array(this.list.length * 2);
      next.set(this.list);
      this.list = next;
    }
    this.list[this.listLen++] = v;
  }

  use(b: Uint8Array): void {
    if (b === this.bytes) return;
    this.bytes = b;
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
}

/** Scratch of the number readers: the end of the last number read. */
let numEnd = 0;

/**
 * The JSON non-negative integer at p of at most `max` digits; -1 if none (no digit, too many,
 * leading zero). Sets `numEnd` to the end of the run of digits.
 */
function uint(b: Uint8Array, p: number, lim: number, max: number): number {
  let q = p;
  let v = 0;
  for (; q < lim; q++) {
    const d = b[q]! - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
  }
  numEnd = q;
  const n = q - p;
  return n === 0 || n > max || (n > 1 && b[p] === 48) ? -1 : v;
}

/** An Int32-sized JSON integer at p, possibly negative (not -0); NaN when none. Sets `numEnd`. */
function int(b: Uint8Array, p: number, lim: number): number {
  const neg = b[p] === 45;
  const v = uint(b, neg ? p + 1 : p, lim, 9);
  if (v < 0 || (neg && v === 0)) return NaN;
  return neg ? -v : v;
}

/** `true` → 1, `false` → 0 at p (p may be -1); -1 when neither. */
function boolAt(v: DataView, p: number, lim: number): number {
  if (short(v, p, lim, TRUE) >= 0) return 1;
  if (short(v, p, lim, FALSE) >= 0) return 0;
  return -1;
}

/**
 * Scans the line starting at `start`; returns the index of its `\n` (which must be before `lim`)
 * when it is an event of a known layout that passes every check, else -1 (see the header).
 */
export function scanEvent(s: FastScanner, b: Uint8Array, start: number, lim: number): number {
  if (lim > b.length) lim = b.length; // word loads must stay inside `b`
  s.use(b);
  const v = s.view;
  const st = s.st;
  const known = s.known;
  let p = short(v, start, lim, HEAD_SEQ);
  if (p < 0) return -1;
  const seq = uint(b, p, lim, 15);
  if (seq < 1 || seq <= st.lastSeq) return -1;
  p = short(v, numEnd, lim, HEAD_T);
  if (p < 0) return -1;
  const t = uint(b, p, lim, 15);
  if (t < 0 || t < st.lastT) return -1;
  p = short(v, numEnd, lim, HEAD_G);
  if (p < 0) return -1;
  const g = uint(b, p, lim, 9);
  if (g < 0 || !known.hasGoroutine(g)) return -1;
  p = short(v, numEnd, lim, HEAD_K);
  if (p < 0) return -1;
  const kind = kindAt(v, p, lim);
  if (kind < 0) return -1;
  p = wordEnd;
  let loc = 0;
  const q = short(v, p, lim, KEY_LOC);
  if (q >= 0) {
    loc = uint(b, q, lim, 9);
    if (loc < 1 || !known.hasLoc(loc)) return -1;
    p = numEnd;
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
  else if (kind === Kind.SelectBegin) st.selects.begin(g, s.a, s.flags !== 0);
  else if (kind === Kind.SelectEnd) st.selects.end(g);
  s.kind = kind;
  s.seq = seq;
  s.t = t;
  s.g = g;
  s.loc = loc;
  return p + 1;
}

/** Scratch of `kindAt`: the end of the kind's name and closing quote. */
let wordEnd = 0;

/** `kind` if the quoted name `w` is at p (setting `wordEnd`), else -1. */
function named(v: DataView, p: number, lim: number, w: Literal, kind: number): number {
  wordEnd = lit(v, p, lim, w);
  return wordEnd < 0 ? -1 : kind;
}

/**
 * Of two names sharing their first four bytes, the one picked by the byte at `at` (`byte`: the
 * first, anything else: the second), then matched whole.
 */
function either(v: DataView, p: number, lim: number, at: number, byte: number, first: Literal, firstKind: number, second: Literal, secondKind: number): number {
  if (p + at >= lim) return -1;
  return v.getUint8(p + at) === byte ? named(v, p, lim, first, firstKind) : named(v, p, lim, second, secondKind);
}

const GO_BLOCK = lit1("go.block");
const GO_UNBLOCK = lit1("go.unblock");
const GO_END = lit1("go.end");
const GO_YIELD = lit1("go.yield");
const MAIN_RETURN = lit1("main.return");
const CHAN_SEND = lit1("chan.send");
const CHAN_RECV = lit1("chan.recv");
const CHAN_CLOSE = lit1("chan.close");
const SELECT_BEGIN = lit1("select.begin");
const SELECT_END = lit1("select.end");
const MUTEX_LOCK = lit1("mutex.lock");
const MUTEX_UNLOCK = lit1("mutex.unlock");
const RWMUTEX_LOCK = lit1("rwmutex.lock");
const RWMUTEX_UNLOCK = lit1("rwmutex.unlock");
const WG_ADD = lit1("wg.add");
const WG_WAIT = lit1("wg.wait");
const TIMER_FIRE = lit1("timer.fire");

function lit1(kind: string): Literal {
  return new Literal(`${kind}"`);
}

/**
 * The kind at p among those `scanOperands` takes (the quoted name, e.g. `chan.send"`), or -1 for
 * any other text, whatever kind it names: such a line takes the slow path either way.
 *
 * Why a switch on the name's first four bytes (then one byte that tells a family's members apart)
 * rather than `WordTable.find`: the table's lookups were a tenth of the scanner's time. The case
 * labels are those four bytes as a little-endian Int32 (a literal, so the switch compiles to
 * compares of constants); test/traces/reader/fast-scan.test.ts checks them against the names.
 */
export function kindAt(v: DataView, p: number, lim: number): number {
  if (p + 4 > lim) return -1;
  switch (v.getInt32(p, true)) {
    case 0x622e6f67: return named(v, p, lim, GO_BLOCK, Kind.GoBlock); // "go.b"
    case 0x752e6f67: return named(v, p, lim, GO_UNBLOCK, Kind.GoUnblock); // "go.u"
    case 0x652e6f67: return named(v, p, lim, GO_END, Kind.GoEnd); // "go.e"
    case 0x792e6f67: return named(v, p, lim, GO_YIELD, Kind.GoYield); // "go.y"
    case 0x6e69616d: return named(v, p, lim, MAIN_RETURN, Kind.MainReturn); // "main"
    case 0x6e616863: // "chan", then "chan.s", "chan.r", "chan.c"
      if (p + 10 > lim) return -1; // the family's shortest name with its quote
      switch (v.getUint8(p + 5)) {
        case 0x73: return named(v, p, lim, CHAN_SEND, Kind.ChanSend);
        case 0x72: return named(v, p, lim, CHAN_RECV, Kind.ChanRecv);
        case 0x63: return named(v, p, lim, CHAN_CLOSE, Kind.ChanClose);
        default: return -1;
      }
    case 0x656c6573: return either(v, p, lim, 7, 0x62, SELECT_BEGIN, Kind.SelectBegin, SELECT_END, Kind.SelectEnd); // "sele", then b/e
    case 0x6574756d: return either(v, p, lim, 6, 0x6c, MUTEX_LOCK, Kind.MutexLock, MUTEX_UNLOCK, Kind.MutexUnlock); // "mute", then l/u
    case 0x756d7772: return either(v, p, lim, 8, 0x6c, RWMUTEX_LOCK, Kind.RwmutexLock, RWMUTEX_UNLOCK, Kind.RwmutexUnlock); // "rwmu", then l/u
    case 0x612e6777: return named(v, p, lim, WG_ADD, Kind.WgAdd); // "wg.a"
    case 0x772e6777: return named(v, p, lim, WG_WAIT, Kind.WgWait); // "wg.w"
    case 0x656d6974: return named(v, p, lim, TIMER_FIRE, Kind.TimerFire); // "time"
    case 0x22676f6c: // 'log"'
      wordEnd = p + 4;
      return Kind.Log;
    default:
      return -1;
  }
}

/** The kind-specific fields after the head; returns the position of the closing `}` or -1. */
function scanOperands(s: FastScanner, kind: number, g: number, b: Uint8Array, p: number, lim: number): number {
  const v = s.view;
  switch (kind) {
    case Kind.ChanSend:
    case Kind.ChanRecv:
      return chanOp(s, kind === Kind.ChanSend, b, p, lim);
    case Kind.GoBlock:
      return goBlock(s, b, p, lim);
    case Kind.GoUnblock: {
      p = lit(v, p, lim, KEY_TARGET);
      if (p < 0) return -1;
      s.a = uint(b, p, lim, 9);
      return s.a >= 0 && s.known.hasGoroutine(s.a) ? numEnd : -1;
    }
    case Kind.GoEnd: case Kind.GoYield: case Kind.MainReturn:
      return p;
    case Kind.MutexLock: case Kind.MutexUnlock: case Kind.WgWait: case Kind.TimerFire:
      return idOp(s, kind, b, p, lim);
    case Kind.RwmutexLock: case Kind.RwmutexUnlock: {
      p = objectId(s, b, short(v, p, lim, KEY_ID), lim, RWMUTEX);
      const read = boolAt(v, short(v, p, lim, KEY_READ), lim);
      if (p < 0 || read < 0) return -1;
      s.flags = read ? F1 : 0;
      return p + KEY_READ.n + (read ? 4 : 5);
    }
    case Kind.WgAdd:
      return wgAdd(s, b, p, lim);
    case Kind.ChanClose:
      return objectId(s, b, short(v, p, lim, KEY_CH), lim, CHAN);
    case Kind.SelectBegin:
      return selectBegin(s, b, p, lim);
    case Kind.SelectEnd: {
      p = lit(v, p, lim, KEY_CHOSEN);
      if (p < 0) return -1;
      const chosen = int(b, p, lim);
      const cases = s.st.selects.casesOf(g);
      if (Number.isNaN(chosen) || chosen < -1 || cases < 0 || (chosen === -1 && !s.st.selects.hasDefault(g)) || chosen >= cases) return -1;
      s.a = chosen;
      return numEnd;
    }
    case Kind.Log:
      p = short(v, p, lim, KEY_MSG);
      return p < 0 ? -1 : text(s, b, p, lim);
    default:
      return -1;
  }
}

/** An object id at p (p may be -1) announced as `code`, into `s.a`; returns its end or -1. */
function objectId(s: FastScanner, b: Uint8Array, p: number, lim: number, code: number): number {
  if (p < 0) return -1;
  const id = uint(b, p, lim, 9);
  if (id < 1 || s.known.kindOf(id) !== code) return -1;
  s.a = id;
  return numEnd;
}

/** A string literal at p into `s.x`; returns its end or -1. */
function text(s: FastScanner, b: Uint8Array, p: number, lim: number): number {
  const id = s.strings.scan(b, p, lim);
  if (id === -1) return -1;
  s.x = id;
  return s.strings.end;
}

/** `,"ch":N,"len":N` then `,"val":S` (send) or `,"ok":true,"from":N,"val":S` / `,"ok":false,"val":S` (recv). */
function chanOp(s: FastScanner, send: boolean, b: Uint8Array, p: number, lim: number): number {
  const v = s.view;
  p = short(v, objectId(s, b, short(v, p, lim, KEY_CH), lim, CHAN), lim, KEY_LEN);
  if (p < 0) return -1;
  const len = uint(b, p, lim, 9);
  if (len < 0 || len > s.known.capOf(s.a)) return -1;
  s.b = len;
  p = numEnd;
  if (!send) {
    p = short(v, p, lim, KEY_OK);
    const q = lit(v, p, lim, TRUE_FROM);
    if (q >= 0) {
      const from = uint(b, q, lim, 9);
      if (from < 1 || !s.st.sends.has(s.a, from)) return -1;
      s.flags = F1;
      s.y = from;
      p = numEnd;
    } else p = short(v, p, lim, FALSE);
  }
  p = short(v, p, lim, KEY_VAL);
  return p < 0 ? -1 : text(s, b, p, lim);
}

/** `,"reason":"R","on":[ids][,"until":N]`. */
function goBlock(s: FastScanner, b: Uint8Array, p: number, lim: number): number {
  const v = s.view;
  p = lit(v, p, lim, KEY_REASON);
  if (p < 0) return -1;
  const reason = REASONS.find(v, p, lim);
  if (reason < 0) return -1;
  p = short(v, p + REASONS.wordLength(reason), lim, KEY_ON);
  if (p < 0) return -1;
  s.a = reason;
  s.listLen = 0;
  if (b[p] !== 93) {
    for (;;) {
      const id = uint(b, p, lim, 9);
      if (id < 1 || s.known.kindOf(id) === 0) return -1;
      s.listAdd(id);
      p = numEnd;
      if (b[p] !== 44) break;
      p++;
    }
  }
  if (b[p] !== 93) return -1;
  p++;
  const q = lit(v, p, lim, KEY_UNTIL);
  if (q < 0) return p;
  s.until = uint(b, q, lim, 15);
  return s.until < 0 ? -1 : numEnd;
}

/** `,"id":N` of a mutex, WaitGroup or timer, then `try` (mutex.lock) or `dropped` (timer.fire), optional. */
function idOp(s: FastScanner, kind: number, b: Uint8Array, p: number, lim: number): number {
  const v = s.view;
  const code = kind === Kind.WgWait ? WG : kind === Kind.TimerFire ? TIMER : MUTEX;
  p = objectId(s, b, short(v, p, lim, KEY_ID), lim, code);
  if (p < 0) return -1;
  const opt = kind === Kind.MutexLock ? KEY_TRY : kind === Kind.TimerFire ? KEY_DROPPED : undefined;
  const q = opt ? lit(v, p, lim, opt) : -1;
  if (q < 0) return p;
  const flag = boolAt(v, q, lim);
  if (flag < 0) return -1;
  s.flags = flag ? F1 | F2 : F1;
  return q + (flag ? 4 : 5);
}

/** `,"id":N,"delta":N,"count":N` with count = previous count + delta. */
function wgAdd(s: FastScanner, b: Uint8Array, p: number, lim: number): number {
  const v = s.view;
  p = lit(v, objectId(s, b, short(v, p, lim, KEY_ID), lim, WG), lim, KEY_DELTA);
  if (p < 0) return -1;
  const delta = int(b, p, lim);
  p = lit(v, numEnd, lim, KEY_COUNT);
  if (Number.isNaN(delta) || p < 0) return -1;
  const count = int(b, p, lim);
  if (Number.isNaN(count) || count !== (s.st.wgCount.get(s.a) ?? 0) + delta) return -1;
  s.b = delta;
  s.y = count;
  return numEnd;
}

/** `,"cases":[{"ch":N,"dir":"send"|"recv"},...],"default":B` into `list` as [ch, dir] pairs. */
function selectBegin(s: FastScanner, b: Uint8Array, p: number, lim: number): number {
  const v = s.view;
  p = lit(v, p, lim, KEY_CASES);
  if (p < 0) return -1;
  s.listLen = 0;
  if (b[p] !== 93) {
    for (;;) {
      p = short(v, p, lim, CASE_CH);
      if (p < 0) return -1;
      const ch = uint(b, p, lim, 9);
      p = short(v, numEnd, lim, CASE_DIR);
      if (ch < 1 || p < 0 || s.known.kindOf(ch) !== CHAN) return -1;
      const dir = b[p] === 115 ? 1 : 0;
      p = short(v, p, lim, dir ? SEND_Q : RECV_Q);
      if (p < 0) return -1;
      s.listAdd(ch);
      s.listAdd(dir);
      if (b[p] !== 44) break;
      p++;
    }
  }
  p = lit(v, p, lim, KEY_DEFAULT);
  const flag = p < 0 ? -1 : boolAt(v, p, lim);
  if (flag < 0) return -1;
  s.a = s.listLen >> 1;
  s.flags = flag ? F1 : 0;
  return p + (flag ? 4 : 5);
}
