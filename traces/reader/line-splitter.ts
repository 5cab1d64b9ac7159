/**
 * Cuts a stream of chunks into `\n`-terminated lines of UTF-8 bytes, whatever the chunk
 * boundaries. Text chunks are encoded to UTF-8 first, so text and bytes behave alike; a high
 * surrogate ending a text chunk is held back until the next chunk so that a split surrogate pair
 * is not turned into two replacement characters.
 *
 * Invariants: lines are numbered from 1 and emitted in order; the `\n` is not part of a line; a
 * pending (unterminated) line never holds more than `maxLineBytes` bytes: past that the splitter
 * reports the line as too long and stops; bytes are copied only when a line spans chunks, so the
 * total work is linear in the input. Searching for byte 0x0A is safe in UTF-8, where it never
 * occurs inside a multibyte sequence.
 */

export interface LineSplitterOptions {
  readonly maxLineBytes: number;
  /** `terminated` is false only for a last line the input ended without a `\n`. */
  readonly onLine: (line: number, bytes: Uint8Array, terminated: boolean) => void;
  readonly onTooLong: (line: number) => void;
}

export interface LineSplitter {
  push(chunk: string | Uint8Array): void;
  /** Emits the unterminated last line, if any. */
  finish(): void;
  /** Drops pending input and ignores all further input (after an error). */
  stop(): void;
  /** UTF-8 bytes received so far (text chunks counted as encoded). */
  readonly bytesConsumed: number;
}

const encoder = new TextEncoder();

export function createLineSplitter(options: LineSplitterOptions): LineSplitter {
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

  function emit(last: Uint8Array, terminated: boolean): void {
    let bytes = last;
    if (parts.length > 0) {
      bytes = new Uint8Array(pendingBytes + last.length);
      let at = 0;
      for (const p of parts) {
        bytes.set(p, at);
        at += p.length;
      }
      bytes.set(last, at);
    }
    parts = [];
    pendingBytes = 0;
    options.onLine(line++, bytes, terminated);
  }

  function pushBytes(bytes: Uint8Array): void {
    consumed += bytes.length;
    let start = 0;
    while (!stopped) {
      const nl = bytes.indexOf(10, start);
      const end = nl < 0 ? bytes.length : nl;
      if (pendingBytes + (end - start) > options.maxLineBytes) {
        const n = line;
        stop();
        options.onTooLong(n);
        return;
      }
      if (nl >= 0) {
        emit(bytes.subarray(start, nl), true);
        start = nl + 1;
      } else {
        // A copy: the caller may reuse its buffer once push returns.
        // A copy, not a view: a Node Buffer's slice() shares memory, and callers reuse their read buffers.
        if (end > start) parts.push(Uint8Array.prototype.slice.call(bytes, start));
        pendingBytes += end - start;
        return;
      }
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
        consumed += typeof chunk === "string" ? utf8Length(chunk) : chunk.length;
        return;
      }
      if (typeof chunk === "string") {
        pushBytes(encodeText(chunk));
      } else {
        flushCarry();
        pushBytes(chunk);
      }
    },
    finish() {
      flushCarry();
      if (!stopped && pendingBytes > 0) emit(new Uint8Array(0), false);
    },
    stop,
    get bytesConsumed() {
      return consumed;
    },
  };
}

/** The UTF-8 length of `s` as `TextEncoder` would encode it (a lone surrogate becomes 3 bytes). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
