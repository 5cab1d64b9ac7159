/**
 * Cuts a stream of chunks into `\n`-terminated lines of UTF-8 bytes, whatever the chunk
 * boundaries, and hands each line over as `(bytes, start, end)` inside the chunk, so that the
 * common case — a line wholly inside one chunk — costs no copy and no view object. Text chunks are
 * encoded to UTF-8 first; a high surrogate ending a text chunk is held back until the next chunk
 * so that a split surrogate pair is not turned into two replacement characters.
 *
 * Invariants: lines are numbered from 1 and emitted in order; the `\n` is not part of a line; a
 * pending line never holds more than `maxLineBytes` bytes: past that the line is reported as too
 * long and scanning stops; a line spanning chunks is copied once into a new array, then passed
 * with start 0, so the total work is linear in the input. Searching for byte 0x0A is safe in
 * UTF-8, where it never occurs inside a multibyte sequence.
 */

export interface LineScannerOptions {
  readonly maxLineBytes: number;
  /** `terminated` is false only for a last line the input ended without a `\n`. */
  readonly onLine: (line: number, bytes: Uint8Array, start: number, end: number, terminated: boolean) => void;
  readonly onTooLong: (line: number) => void;
  /**
   * Tried first on every line after the first that starts inside a chunk: consumes the line at
   * `start` if it can and returns the index of its `\n` (before `lim`, which keeps the line
   * within `maxLineBytes`), else -1 and the line goes to `onLine`. Saves the search for `\n`.
   */
  readonly fastLine?: (bytes: Uint8Array, start: number, lim: number) => number;
}

export interface LineScanner {
  push(chunk: string | Uint8Array): void;
  finish(): void;
  stop(): void;
  readonly bytesConsumed: number;
}

const encoder = new TextEncoder();

export function createLineScanner(options: LineScannerOptions): LineScanner {
  const { maxLineBytes, onLine } = options;
  let parts: Uint8Array[] = [];
  let pendingBytes = 0;
  let line = 1;
  let carry = "";
  let stopped = false;
  let consumed = 0;

  function stop(): void {
    stopped = true;
    parts = [];
    pendingBytes = 0;
  }

  function joined(last: Uint8Array, start: number, end: number): Uint8Array {
    const bytes = new Uint8Array(pendingBytes + (end - start));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    bytes.set(last.subarray(start, end), at);
    parts = [];
    pendingBytes = 0;
    return bytes;
  }

  /**
   * The lines at `start` the fast path takes, one after another; returns where the first line it
   * does not take starts. Its own function, holding nothing but the hot loop, so that the rare
   * branches of `pushBytes` (a line split across chunks, a slow line) cannot throw away its
   * optimized code the first time they run: each such deoptimization cost a stretch of slow
   * lines while V8 optimized the loop again.
   */
  function fastLines(fast: NonNullable<LineScannerOptions["fastLine"]>, bytes: Uint8Array, start: number): number {
    const n = bytes.length;
    while (!stopped) {
      const nl = fast(bytes, start, Math.min(n, start + maxLineBytes + 1));
      if (nl < 0) break;
      line++;
      start = nl + 1;
    }
    return start;
  }

  function pushBytes(bytes: Uint8Array): void {
    consumed += bytes.length;
    let start = 0;
    const fast = options.fastLine;
    while (!stopped) {
      if (fast !== undefined && line > 1 && parts.length === 0) {
        start = fastLines(fast, bytes, start);
        if (stopped) return;
      }
      const nl = bytes.indexOf(10, start);
      const end = nl < 0 ? bytes.length : nl;
      if (pendingBytes + (end - start) > maxLineBytes) {
        const n = line;
        stop();
        options.onTooLong(n);
        return;
      }
      if (nl < 0) {
        // A copy: the caller may reuse its buffer once push returns. Through the prototype, since
        // a Node Buffer's own `slice` is a view, not a copy.
        if (end > start) parts.push(Uint8Array.prototype.slice.call(bytes, start));
        pendingBytes += end - start;
        return;
      }
      if (parts.length > 0) {
        const whole = joined(bytes, start, nl);
        onLine(line++, whole, 0, whole.length, true);
      } else onLine(line++, bytes, start, nl, true);
      start = nl + 1;
    }
  }

  function encodeText(text: string): Uint8Array {
    let s = carry + text;
    carry = "";
    const last = s.charCodeAt(s.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      carry = s.slice(-1);
      s = s.slice(0, -1);
    }
    return encoder.encode(s);
  }

  function flushCarry(): void {
    if (carry === "") return;
    const c = carry;
    carry = "";
    pushBytes(encoder.encode(c));
  }

  return {
    push(chunk) {
      if (stopped) {
        consumed += typeof chunk === "string" ? encoder.encode(chunk).length : chunk.length;
        return;
      }
      if (typeof chunk === "string") pushBytes(encodeText(chunk));
      else {
        flushCarry();
        pushBytes(chunk);
      }
    },
    finish() {
      flushCarry();
      if (!stopped && pendingBytes > 0) {
        const whole = joined(new Uint8Array(0), 0, 0);
        onLine(line++, whole, 0, whole.length, false);
      }
    },
    stop,
    get bytesConsumed() {
      return consumed;
    },
  };
}
