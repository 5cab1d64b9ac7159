/// <reference lib="es2024.sharedmemory" />
/**
 * A single-producer, single-consumer ring of framed records in a SharedArrayBuffer: how a
 * program's output, trace lines and result leave the worker thread that runs it.
 *
 * Why shared memory and not `postMessage`: a worker terminated by the watchdog (a goroutine in a
 * tight loop never returns to its event loop) loses every message it had not yet flushed. Here a
 * record is visible to the reader the moment the writer publishes it, so a kill loses at most the
 * record being written.
 *
 * Layout: `ctl` (Int32Array) holds the write and read cursors; `data` is the ring. A record is
 * `kind` (1 byte), `length` (4 bytes, little endian), then `length` payload bytes; it may wrap
 * around the end of the ring.
 *
 * Invariants:
 * - Cursors are free-running byte counts modulo 2^32; `capacity` is a power of two, so
 *   `cursor & (capacity - 1)` is the position and `(write - read) >>> 0` the bytes in use.
 * - Only the writer moves `write`, only the reader moves `read`, each with `Atomics.store` after
 *   the bytes it covers are complete: a reader never sees half a record.
 * - The writer blocks (`Atomics.wait`) while the ring is too full; the reader notifies `read`
 *   after every drain. The reader sleeps (`Atomics.waitAsync`) only while `write` still equals
 *   what it drained to; the writer notifies `write` when, after publishing, `read` shows the
 *   reader had drained everything before its record — the only case in which it may be asleep.
 */

export const RecordKind = {
  Stdout: 1,
  Stderr: 2,
  TraceLine: 3,
  /** One JSON `WorkerMessage` (worker-protocol.ts). */
  Message: 4,
} as const;
export type RecordKind = (typeof RecordKind)[keyof typeof RecordKind];

const WRITE = 0;
const READ = 1;
const HEADER_BYTES = 5;
const CONTROL_BYTES = 8;

export const DEFAULT_PIPE_CAPACITY = 1 << 20;

export interface Pipe {
  readonly ctl: Int32Array;
  readonly data: Uint8Array;
  readonly capacity: number;
}

/** Allocates a ring of `capacity` bytes (a power of two, at least 64). */
export function createPipeBuffer(capacity = DEFAULT_PIPE_CAPACITY): SharedArrayBuffer {
  if (capacity < 64 || (capacity & (capacity - 1)) !== 0) throw new RangeError(`pipe capacity ${capacity} is not a power of two >= 64`);
  return new SharedArrayBuffer(CONTROL_BYTES + capacity);
}

export function openPipe(buffer: SharedArrayBuffer): Pipe {
  const capacity = buffer.byteLength - CONTROL_BYTES;
  return { ctl: new Int32Array(buffer, 0, 2), data: new Uint8Array(buffer, CONTROL_BYTES), capacity };
}

function copyIn(pipe: Pipe, at: number, bytes: Uint8Array): void {
  const pos = at & (pipe.capacity - 1);
  const first = Math.min(bytes.length, pipe.capacity - pos);
  pipe.data.set(first === bytes.length ? bytes : bytes.subarray(0, first), pos);
  if (first < bytes.length) pipe.data.set(bytes.subarray(first), 0);
}

/** The payload at `at`: a view into the ring when contiguous, a copy when it wraps. */
function payloadAt(pipe: Pipe, at: number, length: number): Uint8Array {
  const pos = at & (pipe.capacity - 1);
  if (pos + length <= pipe.capacity) return pipe.data.subarray(pos, pos + length);
  const out = new Uint8Array(length);
  const first = pipe.capacity - pos;
  out.set(pipe.data.subarray(pos), 0);
  out.set(pipe.data.subarray(0, length - first), first);
  return out;
}

export interface PipeWriter {
  /** Writes one record (split into several of the same kind when larger than a quarter of the ring); blocks while the ring is full. */
  write(kind: RecordKind, payload: string | Uint8Array): void;
}

/** Encoding scratch space: most records are short lines, encoded here without an allocation. */
const SCRATCH_BYTES = 64 * 1024;

export function createPipeWriter(buffer: SharedArrayBuffer): PipeWriter {
  const pipe = openPipe(buffer);
  const mask = pipe.capacity - 1;
  const maxPayload = (pipe.capacity >>> 2) - HEADER_BYTES;
  const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);

  function writeRecord(kind: RecordKind, chunk: Uint8Array): void {
    const need = HEADER_BYTES + chunk.length;
    const write = Atomics.load(pipe.ctl, WRITE);
    let read = Atomics.load(pipe.ctl, READ);
    while (pipe.capacity - ((write - read) >>> 0) < need) {
      // The timeout only bounds a missed wake-up; the reader notifies after every drain.
      Atomics.wait(pipe.ctl, READ, read, 100);
      read = Atomics.load(pipe.ctl, READ);
    }
    const n = chunk.length;
    pipe.data[write & mask] = kind;
    pipe.data[(write + 1) & mask] = n & 0xff;
    pipe.data[(write + 2) & mask] = (n >>> 8) & 0xff;
    pipe.data[(write + 3) & mask] = (n >>> 16) & 0xff;
    pipe.data[(write + 4) & mask] = n >>> 24;
    copyIn(pipe, write + HEADER_BYTES, chunk);
    Atomics.store(pipe.ctl, WRITE, (write + need) | 0);
    // The reader sleeps only once it has drained everything before this record; reading `read`
    // after publishing (both sequentially consistent) cannot miss that moment.
    if (Atomics.load(pipe.ctl, READ) === write) Atomics.notify(pipe.ctl, WRITE);
  }

  function encode(text: string): Uint8Array {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (text.length * 3 <= SCRATCH_BYTES) return scratch.subarray(0, scratch.write(text, 0, "utf8"));
    return Buffer.from(text, "utf8");
  }

  return {
    write(kind, payload) {
      const bytes = typeof payload === "string" ? encode(payload) : payload;
      if (bytes.length <= maxPayload) return writeRecord(kind, bytes);
      for (let at = 0; at < bytes.length; at += maxPayload) writeRecord(kind, bytes.subarray(at, at + maxPayload));
    },
  };
}

export interface PipeReader {
  /**
   * Hands every published record to `onRecord`, in order, then frees their space; returns how many
   * there were. `payload` may be a view into the ring: it is valid only during the call.
   */
  drain(onRecord: (kind: RecordKind, payload: Uint8Array) => void): number;
  /** Resolves when a record may be waiting, or after `timeoutMs`. Never blocks the thread. */
  waitForData(timeoutMs: number): Promise<void>;
}

export function createPipeReader(buffer: SharedArrayBuffer): PipeReader {
  const pipe = openPipe(buffer);
  const mask = pipe.capacity - 1;
  let drainedTo = Atomics.load(pipe.ctl, READ);

  function drain(onRecord: (kind: RecordKind, payload: Uint8Array) => void): number {
    const write = Atomics.load(pipe.ctl, WRITE);
    let read = drainedTo;
    let count = 0;
    while (read !== write) {
      const d = pipe.data;
      const kind = d[read & mask] as RecordKind;
      const length = (d[(read + 1) & mask]! | (d[(read + 2) & mask]! << 8) | (d[(read + 3) & mask]! << 16) | (d[(read + 4) & mask]! << 24)) >>> 0;
      onRecord(kind, payloadAt(pipe, read + HEADER_BYTES, length));
      read = (read + HEADER_BYTES + length) | 0;
      count++;
    }
    drainedTo = read;
    if (count > 0) {
      Atomics.store(pipe.ctl, READ, read);
      Atomics.notify(pipe.ctl, READ);
    }
    return count;
  }

  async function waitForData(timeoutMs: number): Promise<void> {
    const result = Atomics.waitAsync(pipe.ctl, WRITE, drainedTo, timeoutMs);
    if (result.async) await result.value;
  }

  return { drain, waitForData };
}
