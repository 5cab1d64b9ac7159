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
 *   after every drain. The writer notifies `write` only when the ring was empty, which is the only
 *   state in which the reader may be asleep (it waits for `write` to differ from what it drained).
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
  pipe.data.set(bytes.subarray(0, first), pos);
  if (first < bytes.length) pipe.data.set(bytes.subarray(first), 0);
}

function copyOut(pipe: Pipe, at: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const pos = at & (pipe.capacity - 1);
  const first = Math.min(length, pipe.capacity - pos);
  out.set(pipe.data.subarray(pos, pos + first), 0);
  if (first < length) out.set(pipe.data.subarray(0, length - first), first);
  return out;
}

export interface PipeWriter {
  /** Writes one record (split into several of the same kind when larger than a quarter of the ring); blocks while the ring is full. */
  write(kind: RecordKind, payload: string | Uint8Array): void;
}

const encoder = new TextEncoder();

export function createPipeWriter(buffer: SharedArrayBuffer): PipeWriter {
  const pipe = openPipe(buffer);
  const maxPayload = (pipe.capacity >>> 2) - HEADER_BYTES;
  const header = new Uint8Array(HEADER_BYTES);
  const headerView = new DataView(header.buffer);

  function writeRecord(kind: RecordKind, chunk: Uint8Array): void {
    const need = HEADER_BYTES + chunk.length;
    const write = Atomics.load(pipe.ctl, WRITE);
    let read = Atomics.load(pipe.ctl, READ);
    while (pipe.capacity - ((write - read) >>> 0) < need) {
      // The timeout only bounds a missed wake-up; the reader notifies after every drain.
      Atomics.wait(pipe.ctl, READ, read, 100);
      read = Atomics.load(pipe.ctl, READ);
    }
    header[0] = kind;
    headerView.setUint32(1, chunk.length, true);
    copyIn(pipe, write, header);
    copyIn(pipe, write + HEADER_BYTES, chunk);
    Atomics.store(pipe.ctl, WRITE, (write + need) | 0);
    if (read === write) Atomics.notify(pipe.ctl, WRITE);
  }

  return {
    write(kind, payload) {
      const bytes = typeof payload === "string" ? encoder.encode(payload) : payload;
      if (bytes.length <= maxPayload) return writeRecord(kind, bytes);
      for (let at = 0; at < bytes.length; at += maxPayload) writeRecord(kind, bytes.subarray(at, at + maxPayload));
    },
  };
}

export interface PipeReader {
  /** Hands every published record to `onRecord`, in order, then frees their space. Returns how many there were. */
  drain(onRecord: (kind: RecordKind, payload: Uint8Array) => void): number;
  /** Resolves when a record may be waiting, or after `timeoutMs`. Never blocks the thread. */
  waitForData(timeoutMs: number): Promise<void>;
}

export function createPipeReader(buffer: SharedArrayBuffer): PipeReader {
  const pipe = openPipe(buffer);
  const headerView = new DataView(new ArrayBuffer(4));
  let drainedTo = Atomics.load(pipe.ctl, READ);

  function drain(onRecord: (kind: RecordKind, payload: Uint8Array) => void): number {
    const write = Atomics.load(pipe.ctl, WRITE);
    let read = drainedTo;
    let count = 0;
    while (read !== write) {
      const kind = pipe.data[read & (pipe.capacity - 1)] as RecordKind;
      new Uint8Array(headerView.buffer).set(copyOut(pipe, read + 1, 4));
      const length = headerView.getUint32(0, true);
      const payload = copyOut(pipe, read + HEADER_BYTES, length);
      read = (read + HEADER_BYTES + length) | 0;
      count++;
      onRecord(kind, payload);
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
