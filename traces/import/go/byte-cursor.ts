/**
 * A cursor over bytes held in memory, for the binary Go trace formats: unsigned LEB128 varints and
 * raw byte runs. Offsets are absolute file offsets (`base` is the file offset of `bytes[0]`), so
 * every error can name the byte where the problem is.
 *
 * Running out of input throws `TruncatedInput`; a malformed varint throws `CorruptInput`. Both are
 * caught by the parsers, which turn them into results: nothing escapes `importGoTrace`.
 */

/** The input ended inside a record. `offset` is where the record started. */
export class TruncatedInput extends Error {
  constructor(readonly offset: number) {
    super(`trace cut short at byte ${offset}`);
  }
}

/** The bytes cannot be a Go trace. `offset` is the byte at fault. */
export class CorruptInput extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

const TEXT = new TextDecoder("utf-8", { fatal: false });

export class ByteCursor {
  /** Index into `bytes` of the next byte to read. */
  pos = 0;

  constructor(readonly bytes: Uint8Array, readonly base = 0, readonly end = bytes.length) {}

  /** The absolute file offset of the next byte. */
  get offset(): number {
    return this.base + this.pos;
  }

  get atEnd(): boolean {
    return this.pos >= this.end;
  }

  byte(): number {
    if (this.pos >= this.end) throw new TruncatedInput(this.offset);
    return this.bytes[this.pos++]!;
  }

  /**
   * An unsigned LEB128 varint (at most 10 bytes), as a number: exact below 2^53, rounded above
   * (only P and M sentinels such as 2^64-1 get that large; `isNoId` recognises them).
   */
  uvarint(): number {
    const start = this.pos;
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new TruncatedInput(this.base + start);
      const b = this.bytes[this.pos++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
    throw new CorruptInput(this.base + start, `varint longer than 10 bytes at byte ${this.base + start}`);
  }

  /** `n` raw bytes as text (Go strings are UTF-8; invalid sequences become U+FFFD). */
  text(n: number): string {
    if (this.pos + n > this.end) throw new TruncatedInput(this.offset);
    const s = TEXT.decode(this.bytes.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }

  skip(n: number): void {
    if (this.pos + n > this.end) throw new TruncatedInput(this.offset);
    this.pos += n;
  }
}

/** A P, M or G id written as 2^64-1 ("none"): any varint at or above 2^63. */
export const isNoId = (v: number): boolean => v >= 2 ** 63;
