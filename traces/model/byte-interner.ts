/**
 * Interns JSON string literals straight from UTF-8 bytes: a string seen before costs a hash and
 * a byte comparison, no JavaScript string. Only printable ASCII with the escapes `\"` and `\\` is
 * handled (what the writer emits for plain previews); anything else is refused (-1) so that the
 * caller can fall back to `JSON.parse`.
 *
 * Invariant: an id indexes `EventStore.strings`; the table's load factor stays at most 1/2.
 */
import type { EventStore } from "./event-store";

export interface ByteInterner {
  /** The string id of the literal whose opening quote is at `at`, or -1; `end` is then past its closing quote. */
  scan(b: Uint8Array, at: number, lim: number): number;
  readonly end: number;
}

/** Longest literal interned here, in bytes; longer ones take the slow path. */
const MAX_BYTES = 512;

export function createByteInterner(store: EventStore): ByteInterner {
  let arena = new Uint8Array(1 << 16);
  let arenaLen = 0;
  let starts = new Int32Array(1024);
  let lengths = new Int32Array(1024);
  let ids = new Int32Array(1024);
  let count = 0;
  let table = new Int32Array(4096); // entry + 1, 0 = empty
  let end = 0;
  const codes: number[] = [];

  function hashOf(b: Uint8Array, s: number, e: number): number {
    let h = 0x811c9dc5;
    for (let q = s; q < e; q++) h = Math.imul(h ^ b[q]!, 0x01000193);
    return h >>> 0;
  }

  function find(b: Uint8Array, s: number, e: number, h: number): number {
    const mask = table.length - 1;
    const n = e - s;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot]! - 1;
      if (entry < 0) return -1 - slot;
      if (lengths[entry] !== n) continue;
      const at = starts[entry]!;
      let q = 0;
      while (q < n && arena[at + q] === b[s + q]) q++;
      if (q === n) return ids[entry]!;
    }
  }

  function add(b: Uint8Array, s: number, e: number, slot: number, id: number): void {
    const n = e - s;
    if (arenaLen + n > arena.length) {
      const next = new Uint8Array(Math.max(arena.length * 2, arenaLen + n));
      next.set(arena.subarray(0, arenaLen));
      arena = next;
    }
    arena.set(b.subarray(s, e), arenaLen);
    if (count === starts.length) {
      const grow = (a: Int32Array) => {
        const x = new Int32Array(a.length * 2);
        x.set(a);
        return x;
      };
      starts = grow(starts);
      lengths = grow(lengths);
      ids = grow(ids);
    }
    starts[count] = arenaLen;
    lengths[count] = n;
    ids[count] = id;
    arenaLen += n;
    table[slot] = ++count;
    if (count * 2 > table.length) rehash();
  }

  function rehash(): void {
    table = new Int32Array(table.length * 2);
    const mask = table.length - 1;
    for (let entry = 0; entry < count; entry++) {
      let slot = hashOf(arena, starts[entry]!, starts[entry]! + lengths[entry]!) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = entry + 1;
    }
  }

  return {
    scan(b, at, lim) {
      if (b[at] !== 34) return -1;
      const s = at + 1;
      let q = s;
      let escaped = false;
      for (;;) {
        if (q >= lim || q - s > MAX_BYTES) return -1;
        const c = b[q]!;
        if (c === 34) break;
        if (c < 0x20 || c > 0x7e) return -1;
        if (c === 92) {
          const d = b[q + 1];
          if (d !== 34 && d !== 92) return -1;
          escaped = true;
          q += 2;
        } else q++;
      }
      end = q + 1;
      const h = hashOf(b, s, q);
      const found = find(b, s, q, h);
      if (found >= 0) return found;
      codes.length = 0;
      for (let r = s; r < q; r++) {
        const c = b[r]!;
        if (escaped && c === 92) r++;
        codes.push(b[r]!);
      }
      // Not through `store.intern`'s Map: a string the slow path also met gets a second id, which
      // costs a little memory, never correctness (ids are only ever resolved, not compared).
      const id = store.strings.push(String.fromCharCode(...codes)) - 1;
      add(b, s, q, -1 - found, id);
      return id;
    },
    get end() {
      return end;
    },
  };
}
