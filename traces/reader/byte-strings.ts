/**
 * JSON string literals read straight from UTF-8 bytes, for the byte scanner (`fast-scan.ts`). Only
 * printable ASCII with the escapes `\"` and `\\` is handled (what the writer emits for plain
 * previews); anything else is refused (-1) so that the caller falls back to `JSON.parse`.
 *
 * Two tables behind one interface: `ByteInterner` (the model) keeps each distinct literal once as
 * bytes and makes its JavaScript string only when asked; `ByteDecoder` (the streaming reader)
 * keeps nothing but the last string it read.
 */

/** Reads the literal whose opening quote is at `at`. */
export interface ByteStrings {
  /** An id for the literal (resolve it with `text`), or -1 when refused; `end` is then past its closing quote. */
  scan(b: Uint8Array, at: number, lim: number): number;
  readonly end: number;
  text(id: number): string;
}

/** Longest literal handled here, in bytes; longer ones take the slow path. */
const MAX_BYTES = 512;

/** Index of the closing quote of the literal opened at `at`, or -1 (see the header). */
export function literalEnd(b: Uint8Array, at: number, lim: number): number {
  if (b[at] !== 34) return -1;
  const s = at + 1;
  const stop = Math.min(lim, s + MAX_BYTES);
  for (let q = s; q < stop; ) {
    const c = b[q]!;
    if (c === 34) return q;
    if (c < 0x20 || c > 0x7e) return -1;
    if (c === 92) {
      const d = b[q + 1];
      if (d !== 34 && d !== 92) return -1;
      q += 2;
    } else q++;
  }
  return -1;
}

const ascii = new TextDecoder();

/** The text of the literal body b[s, e), which `literalEnd` accepted (printable ASCII, `\"`, `\\`). */
export function decodeLiteral(b: Uint8Array, s: number, e: number): string {
  let escaped = false;
  for (let q = s; q < e; q++) if (b[q] === 92) escaped = true;
  if (!escaped && e - s > 12) {
    // A plain view, not `subarray`: on a Node Buffer that makes a Buffer, which is slow.
    return ascii.decode(new Uint8Array(b.buffer, b.byteOffset + s, e - s));
  }
  // Short strings (the usual previews): V8 keeps concatenations under 13 characters flat.
  let out = "";
  for (let q = s; q < e; q++) out += String.fromCharCode(b[q] === 92 ? b[++q]! : b[q]!);
  return out;
}

/** Keeps only the last literal read (id 0): for consumers that turn each event into an object at once. */
export class ByteDecoder implements ByteStrings {
  end = 0;
  private last = "";

  scan(b: Uint8Array, at: number, lim: number): number {
    const q = literalEnd(b, at, lim);
    if (q < 0) return -1;
    this.last = decodeLiteral(b, at + 1, q);
    this.end = q + 1;
    return 0;
  }

  text(): string {
    return this.last;
  }
}

/**
 * Interns literals as bytes: a literal seen before costs a hash and a byte comparison; a new one
 * a copy into the arena. Invariant: ids count up from 0 in first-seen order; the hash table's
 * load factor stays at most 1/2.
 */
export class ByteInterner implements ByteStrings {
  end = 0;
  private arena = new Uint8Array(1 << 16);
  private arenaLen = 0;
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private count = 0;
  private table = new Int32Array(4096); // id + 1, 0 = empty
  private readonly decoded: string[] = [];

  scan(b: Uint8Array, at: number, lim: number): number {
    const q = literalEnd(b, at, lim);
    if (q < 0) return -1;
    this.end = q + 1;
    const s = at + 1;
    const n = q - s;
    const table = this.table;
    const mask = table.length - 1;
    let slot = hashOf(b, s, q) & mask;
    for (;; slot = (slot + 1) & mask) {
      const id = table[slot]! - 1;
      if (id < 0) break;
      if (this.lengths[id] !== n) continue;
      const arena = this.arena;
      const from = this.starts[id]!;
      let j = 0;
      while (j < n && arena[from + j] === b[s + j]) j++;
      if (j === n) return id;
    }
    return this.add(b, s, q, slot);
  }

  /** The text of literal `id`, made on first use. */
  text(id: number): string {
    let t = this.decoded[id];
    if (t === undefined) {
      const from = this.starts[id]!;
      t = decodeLiteral(this.arena, from, from + this.lengths[id]!);
      this.decoded[id] = t;
    }
    return t;
  }

  /** Frees the hash table once no more literals will come (ids and `text` stay valid). */
  seal(): void {
    this.table = new Int32Array(1);
    this.arena = this.arena.slice(0, this.arenaLen);
  }

  private add(b: Uint8Array, s: number, e: number, slot: number): number {
    const n = e - s;
    if (this.arenaLen + n > this.arena.length) this.arena = grown(this.arena, this.arenaLen + n);
    const arena = this.arena;
    for (let j = 0; j < n; j++) arena[this.arenaLen + j] = b[s + j]!; // no subarray: slow on a Node Buffer
    const id = this.count++;
    if (id === this.starts.length) {
      this.starts = grown(this.starts, id + 1);
      this.lengths = grown(this.lengths, id + 1);
    }
    this.starts[id] = this.arenaLen;
    this.lengths[id] = n;
    this.arenaLen += n;
    this.table[slot] = id + 1;
    if (this.count * 2 > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.count; id++) {
      const from = this.starts[id]!;
      let slot = hashOf(this.arena, from, from + this.lengths[id]!) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }
}

function hashOf(b: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let q = s; q < e; q++) h = Math.imul(h ^ b[q]!, 0x01000193);
  return h >>> 0;
}

function grown<T extends Uint8Array | Int32Array>(a: T, need: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}
