/**
 * Streams format-v1 records to a sink, one line per record, as they happen.
 *
 * Invariants: the header is the first line; a `def` line is written before the first event that
 * names its location; `seq` starts at 1 and increases by one per event; `t` is whatever the
 * caller's clock says and the caller guarantees it never decreases; nothing follows `end`.
 * Lines are built as strings directly (no intermediate objects) because the runtime calls this on
 * every operation; string fields go through JSON.stringify, so any text is escaped, never markup.
 */
import { FORMAT_NAME, FORMAT_VERSION, type TraceEnd, type TraceHeader } from "../format/schema";
import type { TraceSink } from "./sink";

export interface LocSource {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly fn: string;
}

export class TraceWriter {
  private seq = 0;
  private lastT = 0;
  private ended = false;
  private readonly defined: Uint8Array;

  constructor(
    private readonly sink: TraceSink,
    header: Omit<TraceHeader, "format" | "version" | "timeUnit">,
    private readonly locs: readonly (LocSource | undefined)[] = [],
  ) {
    this.defined = new Uint8Array(locs.length);
    const h: TraceHeader = { format: FORMAT_NAME, version: FORMAT_VERSION, timeUnit: "ns", ...header };
    sink.write(
      `{"format":"${h.format}","version":${h.version},"program":${JSON.stringify(h.program)},` +
        `"clock":"${h.clock}","seed":${h.seed},"timeUnit":"ns","epoch":${h.epoch}}\n`,
    );
  }

  /** The `seq` the next event will get. */
  get nextSeq(): number {
    return this.seq + 1;
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
    const seq = ++this.seq;
    this.lastT = t;
    if (loc > 0 && loc < this.defined.length && (this.defined[loc] === 1 || (this.defined[loc] === 0 && this.define(loc) === 1))) {
      this.sink.write(`{"seq":${seq},"t":${t},"g":${g},"k":"${k}","loc":${loc}${fields}}\n`);
    } else {
      this.sink.write(`{"seq":${seq},"t":${t},"g":${g},"k":"${k}"${fields}}\n`);
    }
    return seq;
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
    record = { ...record, seq: this.seq, goroutines };
    this.ended = true;
    this.sink.write(JSON.stringify(record) + "\n");
    this.sink.close?.();
  }

  get lastTime(): number {
    return this.lastT;
  }

  /** Writes the def line; 1 when written, 2 when the id names no known site. */
  private define(loc: number): number {
    const s = this.locs[loc];
    if (!s) return (this.defined[loc] = 2);
    this.defined[loc] = 1;
    this.sink.write(
      `{"def":"loc","id":${loc},"file":${JSON.stringify(s.file)},"line":${s.line},"col":${s.col},"fn":${JSON.stringify(s.fn)}}\n`,
    );
    return 1;
  }
}

/** JSON fragment helpers for the kind-specific fields. */
export const q = JSON.stringify;
