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
import { LineEncoder } from "./line-encoder";
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

export class TraceWriter {
  private seq = 0;
  private ended = false;
  private readonly defined: Uint8Array;
  private readonly enc = new LineEncoder();

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
        `"clock":"${h.clock}","seed":${h.seed},"timeUnit":"ns","epoch":${h.epoch}}\n`,
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
    this.head(t, g, k, loc);
    if (fields.length > 0) this.enc.raw(fields);
    return this.finish();
  }

  /** `chan.send`: a value entered channel `ch`, leaving `len` buffered. */
  chanSend(t: number, g: number, loc: number, ch: number, len: number, v: unknown): number {
    if (this.ended) return this.seq;
    const e = this.enc;
    this.head(t, g, "chan.send", loc);
    e.lit(',"ch":');
    e.num(ch);
    e.lit(',"len":');
    e.num(len);
    this.val(v);
    return this.finish();
  }

  /** `chan.recv`: a value left channel `ch` (`from` = its send's seq; 0 when ok is false). */
  chanRecv(t: number, g: number, loc: number, ch: number, len: number, ok: boolean, from: number, v: unknown): number {
    if (this.ended) return this.seq;
    const e = this.enc;
    this.head(t, g, "chan.recv", loc);
    e.lit(',"ch":');
    e.num(ch);
    e.lit(',"len":');
    e.num(len);
    if (ok) {
      e.lit(',"ok":true,"from":');
      e.num(from);
      this.val(v);
    } else e.lit(',"ok":false,"val":"<nil>"');
    return this.finish();
  }

  block(t: number, g: number, loc: number, reason: string, on: readonly number[], until: number): number {
    if (this.ended) return this.seq;
    const e = this.enc;
    this.head(t, g, "go.block", loc);
    e.lit(',"reason":"');
    e.lit(reason);
    e.lit('","on":[');
    for (let i = 0; i < on.length; i++) {
      if (i > 0) e.byte(44);
      e.num(on[i]);
    }
    e.byte(93);
    if (until >= 0) {
      e.lit(',"until":');
      e.num(until);
    }
    return this.finish();
  }

  unblock(t: number, g: number, loc: number, target: number): number {
    if (this.ended) return this.seq;
    this.head(t, g, "go.unblock", loc);
    this.enc.lit(',"target":');
    this.enc.num(target);
    return this.finish();
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

  private head(t: number, g: number, k: string, loc: number): void {
    const useLoc = loc > 0 && loc < this.defined.length && (this.defined[loc] === 1 || (this.defined[loc] === 0 && this.define(loc) === 1));
    const e = this.enc;
    e.begin();
    e.lit('{"seq":');
    e.num(++this.seq);
    e.lit(',"t":');
    e.num(t);
    e.lit(',"g":');
    e.num(g);
    e.lit(',"k":"');
    e.lit(k);
    e.byte(34);
    if (useLoc) {
      e.lit(',"loc":');
      e.num(loc);
    }
  }

  private finish(): number {
    this.enc.byte(125);
    this.bytes(this.enc.line());
    return this.seq;
  }

  /** `"val":` and the preview as a JSON string; integers and plain ASCII strings skip the general path. */
  private val(v: unknown): void {
    const e = this.enc;
    if (typeof v === "number" && v >= 0 && Number.isSafeInteger(v)) {
      e.lit(',"val":"');
      e.num(v);
      e.byte(34);
      return;
    }
    e.lit(',"val":');
    if (typeof v === "string" && v.length <= MAX_PREVIEW - 2 && /^[ !#-[\]-~]*$/.test(v)) {
      e.lit('"\\"');
      e.raw(v);
      e.lit('\\""');
      return;
    }
    e.str(this.preview(v));
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
