/**
 * Streams format-v1 records to a sink, one line per record, as they happen.
 *
 * Invariants: the header is the first line; a `def` line is written before the first event that
 * names its location; `seq` starts at 1 and increases by one per event; `t` is whatever the
 * caller's clock says and the caller guarantees it never decreases; nothing follows `end`.
 * Lines are encoded straight to UTF-8 bytes (see LineEncoder) because the runtime writes one per
 * operation; strings are JSON-escaped, so any text stays data, never markup.
 */
import { FORMAT_NAME, FORMAT_VERSION, MAX_PREVIEW, type TraceEnd, type TraceHeader } from "../format/schema";
import { line, lit, putByte, putLit, putNum, putRaw, putStr, reserve, strBound } from "./line-encoder";
import type { TraceSink } from "./sink";

export interface LocSource {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly fn: string;
}

/** Renders a value as its bounded preview (Go `%v`, strings quoted). */
export type Previewer = (v: unknown) => string;

const DECODER = new TextDecoder();

/** Upper bound of the bytes `head` writes. */
const HEAD_MAX = 160;
/** Strings whose preview needs no escaping: printable ASCII without `"` and `\`. */
const PLAIN = /^[ !#-[\]-~]*$/;

const F_SEQ = lit('{"seq":');
const F_T = lit(',"t":');
const F_G = lit(',"g":');
const F_LOC = lit(',"loc":');
const F_LEN = lit(',"len":');
const F_OK_FROM = lit(',"ok":true,"from":');
const F_NOT_OK = lit(',"ok":false,"val":"<nil>"');
const F_UNTIL = lit(',"until":');
const F_VAL = lit(',"val":');
const F_VAL_Q = lit(',"val":"');
const F_VAL_QQ = lit(',"val":"\\"');
const F_QQ_END = lit('\\""');

/** A kind's literal: `lead` = `,"k":"K"` plus its first key (no loc); `bare` + loc + `after` otherwise. */
interface KindLit {
  readonly lead: Uint8Array;
  readonly bare: Uint8Array;
  readonly after: Uint8Array;
}

function makeKind(k: string, firstKey: string): KindLit {
  return { lead: lit(`,"k":"${k}"${firstKey}`), bare: lit(`,"k":"${k}"`), after: lit(firstKey) };
}

const K_CHAN_SEND = makeKind("chan.send", ',"ch":');
const K_CHAN_RECV = makeKind("chan.recv", ',"ch":');
const K_GO_BLOCK = makeKind("go.block", ',"reason":');
const K_GO_UNBLOCK = makeKind("go.unblock", ',"target":');
const KINDS = new Map<string, KindLit>();
const REASONS = new Map<string, Uint8Array>();

function kindLit(k: string): KindLit {
  let kl = KINDS.get(k);
  if (kl === undefined) KINDS.set(k, (kl = makeKind(k, "")));
  return kl;
}

/** `"reason","on":[` — the tail of the go.block literal. */
function reasonLit(reason: string): Uint8Array {
  let r = REASONS.get(reason);
  if (r === undefined) REASONS.set(reason, (r = lit(`"${reason}","on":[`)));
  return r;
}

export class TraceWriter {
  private seq = 0;
  private ended = false;
  private readonly defined: Uint8Array;

  constructor(
    private readonly sink: TraceSink,
    header: Omit<TraceHeader, "format" | "version" | "timeUnit">,
    private readonly locs: readonly (LocSource | undefined)[] = [],
    private readonly preview: Previewer = (v) => JSON.stringify(v) ?? "undefined",
  ) {
    this.defined = new Uint8Array(locs.length);
    const h: TraceHeader = { format: FORMAT_NAME, version: FORMAT_VERSION, timeUnit: "ns", ...header };
    this.text(
      `{"format":"${h.format}","version":${h.version},"program":${JSON.stringify(h.program)},` +
        `"clock":"${h.clock}","seed":${h.seed},"timeUnit":"ns","epoch":${h.epoch}${h.schedule ? `,"schedule":"${h.schedule}"` : ""}}\n`,
    );
  }

  get lastSeq(): number {
    return this.seq;
  }

  /**
   * Writes one event. `fields` is the kind-specific JSON fragment, starting with a comma
   * (`,"ch":1,"len":0`) or empty. Returns the event's `seq`.
   */
  event(t: number, g: number, k: string, loc: number, fields: string): number {
    if (this.ended) return this.seq;
    reserve(HEAD_MAX + k.length + fields.length * 3 + 2);
    let p = this.head(t, g, kindLit(k), loc);
    p = putRaw(p, fields);
    return this.finish(p);
  }

  /** `chan.send`: a value entered channel `ch`, leaving `len` buffered. */
  chanSend(t: number, g: number, loc: number, ch: number, len: number, v: unknown): number {
    if (this.ended) return this.seq;
    const pv = this.previewOf(v);
    reserve(HEAD_MAX + 64 + (pv === undefined ? 24 : strBound(pv)));
    let p = this.head(t, g, K_CHAN_SEND, loc);
    p = putNum(p, ch);
    p = putLit(p, F_LEN);
    p = putNum(p, len);
    p = this.val(p, v, pv);
    return this.finish(p);
  }

  /** `chan.recv`: a value left channel `ch` (`from` = its send's seq; 0 when ok is false). */
  chanRecv(t: number, g: number, loc: number, ch: number, len: number, ok: boolean, from: number, v: unknown): number {
    if (this.ended) return this.seq;
    const pv = ok ? this.previewOf(v) : undefined;
    reserve(HEAD_MAX + 96 + (pv === undefined ? 24 : strBound(pv)));
    let p = this.head(t, g, K_CHAN_RECV, loc);
    p = putNum(p, ch);
    p = putLit(p, F_LEN);
    p = putNum(p, len);
    if (ok) {
      p = putLit(p, F_OK_FROM);
      p = putNum(p, from);
      p = this.val(p, v, pv);
    } else p = putLit(p, F_NOT_OK);
    return this.finish(p);
  }

  block(t: number, g: number, loc: number, reason: string, on: readonly number[], until: number): number {
    if (this.ended) return this.seq;
    reserve(HEAD_MAX + 64 + on.length * 24);
    let p = this.head(t, g, K_GO_BLOCK, loc);
    p = putLit(p, reasonLit(reason));
    for (let i = 0; i < on.length; i++) {
      if (i > 0) p = putByte(p, 44);
      p = putNum(p, on[i]);
    }
    p = putByte(p, 93);
    if (until >= 0) {
      p = putLit(p, F_UNTIL);
      p = putNum(p, until);
    }
    return this.finish(p);
  }

  unblock(t: number, g: number, loc: number, target: number): number {
    if (this.ended) return this.seq;
    reserve(HEAD_MAX + 40);
    let p = this.head(t, g, K_GO_UNBLOCK, loc);
    p = putNum(p, target);
    return this.finish(p);
  }

  /** Makes sure a location's `def` line has been written; false when the id names no known site. */
  ensureLoc(loc: number): boolean {
    if (!(loc > 0 && loc < this.defined.length)) return false;
    return (this.defined[loc] === 0 ? this.define(loc) : this.defined[loc]) === 1;
  }

  end(record: TraceEnd): void {
    if (this.ended) return;
    const goroutines = record.goroutines.map((gr) =>
      gr.loc === undefined || this.ensureLoc(gr.loc) ? gr : { ...gr, loc: undefined },
    );
    this.ended = true;
    this.text(JSON.stringify({ ...record, seq: this.seq, goroutines }) + "\n");
    this.sink.close?.();
  }

  /** Writes `{"seq":..,"t":..,"g":..` then the kind literal (which ends with the kind's first key, if any) and `loc`. */
  private head(t: number, g: number, kind: KindLit, loc: number): number {
    const useLoc = loc > 0 && loc < this.defined.length && (this.defined[loc] === 1 || (this.defined[loc] === 0 && this.define(loc) === 1));
    let p = putLit(0, F_SEQ);
    p = putNum(p, ++this.seq);
    p = putLit(p, F_T);
    p = putNum(p, t);
    p = putLit(p, F_G);
    p = putNum(p, g);
    if (useLoc) {
      p = putLit(p, kind.bare);
      p = putLit(p, F_LOC);
      p = putNum(p, loc);
      return putLit(p, kind.after);
    }
    return putLit(p, kind.lead);
  }

  private finish(p: number): number {
    p = putByte(p, 125);
    p = putByte(p, 10);
    this.bytes(line(p));
    return this.seq;
  }

  /** The preview text of a value, or undefined when `val` can write it directly (integers, plain short strings). */
  private previewOf(v: unknown): string | undefined {
    if (typeof v === "number" && v >= 0 && Number.isSafeInteger(v)) return undefined;
    if (typeof v === "string" && v.length <= MAX_PREVIEW - 2 && PLAIN.test(v)) return undefined;
    return this.preview(v);
  }

  /** `,"val":` and the preview as a JSON string. */
  private val(p: number, v: unknown, pv: string | undefined): number {
    if (pv !== undefined) {
      p = putLit(p, F_VAL);
      return putStr(p, pv);
    }
    if (typeof v === "number") {
      p = putLit(p, F_VAL_Q);
      p = putNum(p, v);
      return putByte(p, 34);
    }
    // A plain string's preview is itself in quotes: "val":"\"ping\""
    p = putLit(p, F_VAL_QQ);
    for (let i = 0; i < (v as string).length; i++) p = putByte(p, (v as string).charCodeAt(i));
    return putLit(p, F_QQ_END);
  }

  /** Writes the def line; 1 when written, 2 when the id names no known site. */
  private define(loc: number): number {
    const s = this.locs[loc];
    if (!s) return (this.defined[loc] = 2);
    this.defined[loc] = 1;
    this.text(`{"def":"loc","id":${loc},"file":${JSON.stringify(s.file)},"line":${s.line},"col":${s.col},"fn":${JSON.stringify(s.fn)}}\n`);
    return 1;
  }

  private text(line: string): void {
    if (this.sink.writeBytes) this.sink.writeBytes(new TextEncoder().encode(line));
    else this.sink.write(line);
  }

  private bytes(line: Uint8Array): void {
    if (this.sink.writeBytes) this.sink.writeBytes(line);
    else this.sink.write(DECODER.decode(line));
  }
}
