/**
 * Fixed byte strings matched four bytes at a time, for the byte scanner (`fast-scan.ts`): keys such
 * as `,"ch":`, and words out of a closed list (event kinds, block reasons) found by a hash.
 *
 * Why: one unaligned little-endian Int32 load from a `DataView` and one compare cost about a
 * quarter of comparing byte by byte, which was the scanner's largest cost.
 *
 * Invariant: a `Literal` of n bytes (4 ≤ n ≤ 16) holds the words at four offsets that together
 * cover every byte (consecutive offsets at most 4 apart, the last at n - 4), so `lit` matches
 * exactly when all n bytes are equal. Every load is inside `[p, p + n)` and `p + n ≤ lim`, which
 * callers keep within the view.
 */

const encoder = new TextEncoder();

export class Literal {
  readonly n: number;
  readonly o1: number;
  readonly o2: number;
  readonly w0: number;
  readonly w1: number;
  readonly w2: number;
  readonly w3: number;

  constructor(readonly text: string) {
    const bytes = encoder.encode(text);
    const n = bytes.length;
    if (n < 4 || n > 16) throw new RangeError(`a Literal has 4 to 16 bytes, not ${n} (${text})`);
    const v = new DataView(bytes.buffer);
    this.n = n;
    this.o1 = Math.round((n - 4) / 3);
    this.o2 = Math.round((2 * (n - 4)) / 3);
    this.w0 = v.getInt32(0, true);
    this.w1 = v.getInt32(this.o1, true);
    this.w2 = v.getInt32(this.o2, true);
    this.w3 = v.getInt32(n - 4, true);
  }
}

/**
 * A literal of at most 8 bytes, which its first and last words cover: `short` matches it with two
 * loads. Why a class of its own: the scanner matches one at nearly every step, and the two-load
 * body is about half the bytecode of `lit`'s, which is what V8 counts against a function's
 * inlining budget (with `lit` the scanner ran out of it and called the rest).
 */
export class ShortLiteral extends Literal {
  constructor(text: string) {
    super(text);
    if (this.n > 8) throw new RangeError(`a ShortLiteral has at most 8 bytes, not ${this.n} (${text})`);
  }
}

/** p past the short literal `w` at p (p may be -1), or -1. */
export function short(v: DataView, p: number, lim: number, w: ShortLiteral): number {
  const n = w.n;
  return p >= 0 && p + n <= lim && v.getInt32(p, true) === w.w0 && v.getInt32(p + n - 4, true) === w.w3 ? p + n : -1;
}

/** p past the literal `w` at p (p may be -1), or -1. */
export function lit(v: DataView, p: number, lim: number, w: Literal): number {
  const n = w.n;
  if (p < 0 || p + n > lim) return -1;
  if (v.getInt32(p, true) !== w.w0 || v.getInt32(p + n - 4, true) !== w.w3) return -1;
  // Up to 8 bytes the first and last words cover everything.
  if (n > 8 && (v.getInt32(p + w.o1, true) !== w.w1 || v.getInt32(p + w.o2, true) !== w.w2)) return -1;
  return p + n;
}

function slotOf(first: number, mask: number): number {
  return (Math.imul(first, 0x9e3779b1) >>> 16) & mask;
}

/**
 * A closed list of words, each matched with its closing quote (`chan.send"`): `find` gives the
 * index in the list of the word at p. Words are grouped by their first four bytes (`chan`,
 * `go.b`), found by a hash of those; then one byte picks the only member that can match (the
 * group's `disc` offset, where all its members differ: `chan.` + m/s/r/c), which is compared
 * whole. A group whose members share every byte offset (none among the event kinds) compares
 * each member instead. Words with their quote must be 4 to 16 bytes long. Since no word holds a
 * quote, at most one can match.
 *
 * Why the picking byte: `find` runs on every line, and comparing the members of `chan` or
 * `mutex` one by one was most of its cost.
 */
export class WordTable {
  private readonly words: readonly Literal[];
  /** Group index + 1 per hash slot, 0 = empty. */
  private readonly slots: Int16Array;
  /** Per group: its first four bytes, and its words' indices at `members[starts[g], starts[g + 1])`. */
  private readonly keys: Int32Array;
  private readonly starts: Int16Array;
  private readonly members: Int16Array;
  /** Per group: an offset below every member's length where the members' bytes all differ, or -1. */
  private readonly disc: Int8Array;
  /** At `(g << 8) | byte`: the member of group g with that byte at `disc[g]`, or -1. */
  private readonly pick: Int16Array;

  constructor(list: readonly string[]) {
    this.words = list.map((w) => new Literal(`${w}"`));
    const groups = new Map<number, number[]>();
    this.words.forEach((w, i) => {
      const group = groups.get(w.w0);
      if (group) group.push(i);
      else groups.set(w.w0, [i]);
    });
    this.keys = Int32Array.from(groups.keys());
    const lists = [...groups.values()];
    const starts = [0];
    for (const members of lists) starts.push(starts.at(-1)! + members.length);
    this.starts = Int16Array.from(starts);
    this.members = Int16Array.from(lists.flat());
    let size = 16;
    while (size < lists.length * 4) size *= 2;
    this.slots = new Int16Array(size);
    this.keys.forEach((key, g) => {
      let s = slotOf(key, size - 1);
      while (this.slots[s] !== 0) s = (s + 1) & (size - 1);
      this.slots[s] = g + 1;
    });
    this.disc = new Int8Array(lists.length).fill(-1);
    this.pick = new Int16Array(lists.length << 8).fill(-1);
    lists.forEach((members, g) => {
      const bytes = members.map((id) => encoder.encode(`${list[id]}"`));
      const shortest = Math.min(...bytes.map((w) => w.length));
      for (let d = 0; d < shortest; d++) {
        if (new Set(bytes.map((w) => w[d])).size < members.length) continue;
        this.disc[g] = d;
        members.forEach((id, j) => (this.pick[(g << 8) | bytes[j]![d]!] = id));
        return;
      }
    });
  }

  /** Index of the word at p closed by `"` before lim, or -1; the match is `wordLength(index)` bytes with the quote. */
  find(v: DataView, p: number, lim: number): number {
    if (p < 0 || p + 4 > lim) return -1;
    const first = v.getInt32(p, true);
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let s = slotOf(first, mask); ; s = (s + 1) & mask) {
      const g = slots[s]! - 1;
      if (g < 0) return -1;
      if (this.keys[g] !== first) continue;
      const d = this.disc[g]!;
      if (d >= 0) {
        // Every member is longer than d: past lim none fits.
        if (p + d >= lim) return -1;
        const id = this.pick[(g << 8) | v.getUint8(p + d)]!;
        return id >= 0 && lit(v, p, lim, this.words[id]!) >= 0 ? id : -1;
      }
      for (let j = this.starts[g]!; j < this.starts[g + 1]!; j++) {
        const id = this.members[j]!;
        if (lit(v, p, lim, this.words[id]!) >= 0) return id;
      }
      return -1;
    }
  }

  /** Bytes of word `id` with its closing quote. */
  wordLength(id: number): number {
    return this.words[id]!.n;
  }
}
