/**
 * Streams a Go 1.22+ trace: bytes in, one decoded generation at a time out. Batches are framed
 * (`EventBatch gen m time size` + `size` bytes), and all batches of a generation are contiguous,
 * so a generation is complete once a batch of a later one begins (or the input ends cleanly); its
 * bytes are then decoded and dropped, keeping memory bounded by one generation.
 *
 * Error rules: a malformed record stops reading with its byte offset, keeping the generations
 * before it; input that ends inside a batch, or a last generation that lacks its tables, drops
 * that generation with a warning (the flight-recorder case: a trace cut short keeps every
 * complete generation).
 */
import { ByteCursor, CorruptInput, TruncatedInput, isNoId } from "./byte-cursor";
import type { GoEvent } from "./events";
import { HEADER_BYTES } from "./header";
import { createCarry, decodeGeneration, type V2Batch, type V2Carry } from "./v2-generation";
import { EV_EVENT_BATCH, EV_EXPERIMENTAL_BATCH } from "./v2-spec";

export interface V2Problem {
  readonly offset: number;
  readonly message: string;
}

export interface V2ReaderSink {
  onGeneration(gen: number, events: readonly GoEvent[]): void;
  onWarning(message: string): void;
}

export interface V2Reader {
  push(chunk: Uint8Array): void;
  finish(): void;
  readonly error: V2Problem | undefined;
  readonly generations: number;
  readonly rawEventCount: number;
}

const MAX_BATCH = 64 << 20; // far above the runtime's 64 KiB, small enough to catch garbage sizes

export function createV2Reader(minor: number, sink: V2ReaderSink): V2Reader {
  let buf = new Uint8Array(1 << 16);
  let len = 0; // bytes held in buf
  let base = 0; // file offset of buf[0]
  let pos = HEADER_BYTES; // index in buf of the next unread batch
  let gen = -1;
  let batches: V2Batch[] = [];
  let error: V2Problem | undefined;
  let generations = 0;
  let rawEventCount = 0;
  let finished = false;
  const carry: V2Carry = createCarry();

  function append(chunk: Uint8Array): void {
    if (len + chunk.length > buf.length) {
      // Keep only the unread bytes; batches already framed keep views of the old buffer.
      const keep = len - pos;
      const next = new Uint8Array(Math.max(buf.length * 2, keep + chunk.length));
      next.set(buf.subarray(pos, len));
      base += pos;
      len = keep;
      pos = 0;
      buf = next;
    }
    buf.set(chunk, len);
    len += chunk.length;
  }

  /** Frames every complete batch in the buffer; stops at the first incomplete one. */
  function frame(): void {
    while (!error && pos < len) {
      const cur = new ByteCursor(buf, base, len);
      cur.pos = pos;
      const off = cur.offset;
      let b: V2Batch;
      try {
        const kind = cur.byte();
        if (kind !== EV_EVENT_BATCH && kind !== EV_EXPERIMENTAL_BATCH) throw new CorruptInput(off, `expected a batch at byte ${off}, found byte 0x${kind.toString(16)}`);
        if (kind === EV_EXPERIMENTAL_BATCH) cur.byte();
        const g = cur.uvarint();
        const m = cur.uvarint();
        const time = cur.uvarint();
        const size = cur.uvarint();
        if (size > MAX_BATCH) throw new CorruptInput(off, `batch at byte ${off} claims ${size} bytes`);
        const dataOff = cur.offset;
        cur.skip(size);
        if (kind === EV_EXPERIMENTAL_BATCH) {
          pos = cur.pos;
          continue; // experimental data (alloc/free events): not goroutine transitions
        }
        if (size === 0) throw new CorruptInput(off, `empty batch at byte ${off}`);
        b = { gen: g, m: isNoId(m) ? -1 : m, time, off, dataOff, data: buf.subarray(dataOff - base, dataOff - base + size) };
      } catch (e) {
        if (e instanceof TruncatedInput) return; // wait for more input
        if (e instanceof CorruptInput) error = { offset: e.offset, message: e.message };
        else throw e;
        return;
      }
      if (b.gen < gen || b.gen === 0) {
        error = { offset: b.off, message: `batch at byte ${b.off} belongs to generation ${b.gen}, after generation ${gen}` };
        return;
      }
      if (b.gen > gen && batches.length > 0) flush(false);
      gen = b.gen;
      batches.push(b);
      pos = cur.pos;
    }
  }

  function flush(last: boolean): void {
    const those = batches;
    batches = [];
    try {
      const decoded = decodeGeneration(those, minor, carry);
      if (decoded.incomplete !== undefined) {
        if (last) sink.onWarning(`generation ${gen} is incomplete (${decoded.incomplete}): dropped`);
        else error = { offset: those[0]!.off, message: `generation ${gen} at byte ${those[0]!.off} is incomplete: ${decoded.incomplete}` };
        return;
      }
      if (decoded.disorder > 0) sink.onWarning(`generation ${gen}: ${decoded.disorder} events out of causal order (kept in time order)`);
      generations++;
      rawEventCount += decoded.rawEventCount;
      sink.onGeneration(gen, decoded.events);
    } catch (e) {
      // Records never straddle batches: running out of bytes inside one means a bad length.
      if (e instanceof CorruptInput) error = { offset: e.offset, message: e.message };
      else if (e instanceof TruncatedInput) error = { offset: e.offset, message: `record at byte ${e.offset} overruns its batch` };
      else throw e;
    }
  }

  return {
    push(chunk) {
      if (finished || error) return;
      append(chunk);
      frame();
    },
    finish() {
      if (finished) return;
      finished = true;
      if (error) return;
      frame();
      if (error) return;
      // Input that ends inside a batch loses that batch. The generation before it is kept if it
      // is whole (the partial batch may begin the next one); a generation cut in its middle lacks
      // the string and stack tables written at its end, and is dropped by flush.
      if (pos < len) sink.onWarning(`trace cut short at byte ${base + len}, inside the batch at byte ${base + pos}: that batch is lost`);
      if (batches.length > 0) flush(true);
    },
    get error() { return error; },
    get generations() { return generations; },
    get rawEventCount() { return rawEventCount; },
  };
}
