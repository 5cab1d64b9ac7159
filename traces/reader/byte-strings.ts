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
  /** An id for the literal (resolve it with `text`; any integer but -1), or -1 when refused; `end` is then past its closing quote. */
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

/** The literals of a `ByteInterner` as plain arrays (see `ByteInterner.saved`). */
export interface SavedLiterals {
  readonly arena: Uint8Array<ArrayBuffer>;
  readonly starts: Int32Array<ArrayBuffer>;
  readonly lengths: Int32Array<ArrayBuffer>;
}

/**
 * Interns literals as bytes: a literal seen before costs a hash and a byte comparison; a new one
 * a copy into the arena. A canonical decimal of at most 9 digits (no sign, no leading zero: the
 * usual preview of a number) is not stored at all: its id is `-2 - value`, which spares the hash
 * table's cache misses on traces with many distinct numbers. Invariant: other ids count up from 0
 * in first-seen order; the hash table's load factor stays at most 1/2.
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
    if (b[at] !== 34) return -1;
    const s = at + 1;
    const number = inlineNumber(b, s, lim);
    if (number >= 0) {
      this.end = numberEnd + 1;
      return -2 - number;
    }
    // `literalEnd` and `hashOf` in one pass: the same checks, the same hash.
    const stop = Math.min(lim, s + MAX_BYTES);
    let h = FNV_BASIS;
    let q = s;
    for (;;) {
      if (q >= stop) return -1;
      const c = b[q]!;
      if (c === 34) break;
      if (c < 0x20 || c > 0x7e) return -1;
      h = Math.imul(h ^ c, FNV_PRIME);
      if (c === 92) {
        const d = b[q + 1];
        if (d !== 34 && d !== 92) return -1;
        h = Math.imul(h ^ d, FNV_PRIME);
        q += 2;
      } else q++;
    }
    this.end = q + 1;
    const n = q - s;
    const table = this.table;
    const mask = table.length - 1;
    let slot = (h >>> 0) & mask;
    let id = table[slot]! - 1;
    for (; id >= 0; slot = (slot + 1) & mask, id = table[slot]! - 1) if (this.equals(id, b, s, n)) break;
    return id >= 0 ? id : this.add(b, s, q, slot);
  }

  /** Whether literal `id` has the bytes b[s, s + n). */
  private equals(id: number, b: Uint8Array, s: number, n: number): boolean {
    if (this.lengths[id] !== n) return false;
    const arena = this.arena;
    const from = this.starts[id]!;
    let j = 0;
    while (j < n && arena[from + j] === b[s + j]) j++;
    return j === n;
  }

  /** The text of literal `id`, made on first use. */
  text(id: number): string {
    if (id < -1) return String(-2 - id);
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

  /** The literals, for a snapshot: literal `id` is `arena[starts[id], starts[id] + lengths[id])`. Views; do not mutate. */
  saved(): SavedLiterals {
    return { arena: this.arena.subarray(0, this.arenaLen), starts: this.starts.subarray(0, this.count), lengths: this.lengths.subarray(0, this.count) };
  }

  /**
   * Replaces the contents with literals `saved` returned (the caller checked that each lies within
   * `arena`). The result is sealed, as the interner of a loaded model is; the arrays are kept, not
   * copied, and never written: a later `scan` that adds a literal grows them into fresh ones.
   */
  load(saved: SavedLiterals): void {
    this.arena = saved.arena;
    this.arenaLen = saved.arena.length;
    this.starts = saved.starts;
    this.lengths = saved.lengths;
    this.count = saved.starts.length;
    this.table = new Int32Array(1);
    this.decoded.length = 0;
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

/** Scratch of `inlineNumber`: the index of the closing quote. */
let numberEnd = 0;

/**
 * The value of the literal body at s when it is a canonical decimal of 1 to 9 digits closed by `"`
 * before lim (`numberEnd` is then that quote's index), else -1.
 */
function inlineNumber(b: Uint8Array, s: number, lim: number): number {
  let v = 0;
  let q = s;
  for (; q < lim && q - s < 10; q++) {
    const d = b[q]! - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
  }
  const n = q - s;
  numberEnd = q;
  return q < lim && b[q] === 34 && n >= 1 && n <= 9 && (n === 1 || b[s] !== 48) ? v : -1;
}

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashOf(b: Uint8Array, s: number, e: number): number {
  let h = FNV_BASIS;
  for (let q = s; q < e; q++) h = Math.imul(h ^ b[q]!, FNV_PRIME);
  return h >>> 0;
}

function grown<T extends Uint8Array | Int32Array>(a: T, need: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}
