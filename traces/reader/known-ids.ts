/**
 * Dense caches of the validation state's id sets, for the byte scanner (`fast-scan.ts`): "is
 * goroutine 7 known", "what kind is object 12", "is loc 3 defined" and "what is channel 4's
 * capacity" as one typed-array load instead of a `Map` lookup.
 *
 * Invariant: a cache only ever holds facts the `ValidationState` holds. That is sound because
 * those facts never change once true (an id is announced once and never removed, a channel's
 * capacity is fixed at its make); a miss falls back to the `Map`s and fills the cache. Ids at or
 * above `DENSE_LIMIT` are never cached, so memory stays bounded whatever ids a trace uses.
 */
import type { ObjectKind } from "../format/schema";
import type { ValidationState } from "./state";

const DENSE_LIMIT = 1 << 20;

/** Object kinds as small codes (0 = unknown), in a fixed order. */
export const OBJECT_CODE: Readonly<Record<ObjectKind, number>> = {
  chan: 1, mutex: 2, rwmutex: 3, wg: 4, cond: 5, once: 6, atomic: 7, timer: 8, ctx: 9,
};

function grown<T extends Uint8Array | Int32Array>(a: T, id: number): T {
  let n = a.length;
  while (n <= id) n *= 2;
  const next = new (a.constructor as new (n: number) => T)(n);
  next.set(a);
  return next;
}

export class KnownIds {
  private goroutines = new Uint8Array(256);
  private locs = new Uint8Array(256);
  private kinds = new Uint8Array(256);
  private caps = new Int32Array(256);

  constructor(private readonly st: ValidationState) {}

  // Each question is a hit test in one expression, which V8 inlines into the scanner whatever the
  // scanner's inlining budget (its bytecode is under V8's "small function" size), and a miss that
  // fills the cache. An id past the array (or negative) reads undefined there: a miss too.

  hasGoroutine(id: number): boolean {
    return this.goroutines[id] ? true : this.learnGoroutine(id);
  }

  hasLoc(id: number): boolean {
    return this.locs[id] ? true : this.learnLoc(id);
  }

  /** The `OBJECT_CODE` of object `id`, 0 when it was never announced. */
  kindOf(id: number): number {
    return this.kinds[id] || this.learnKind(id);
  }

  private learnGoroutine(id: number): boolean {
    if (!this.st.goroutines.has(id)) return false;
    if (id < DENSE_LIMIT) {
      if (id >= this.goroutines.length) this.goroutines = grown(this.goroutines, id);
      this.goroutines[id] = 1;
    }
    return true;
  }

  private learnLoc(id: number): boolean {
    if (!this.st.locs.has(id)) return false;
    if (id < DENSE_LIMIT) {
      if (id >= this.locs.length) this.locs = grown(this.locs, id);
      this.locs[id] = 1;
    }
    return true;
  }

  private learnKind(id: number): number {
    const obj = this.st.objects.get(id);
    if (!obj) return 0;
    const code = OBJECT_CODE[obj.kind];
    if (id < DENSE_LIMIT) {
      if (id >= this.kinds.length) {
        this.kinds = grown(this.kinds, id);
        this.caps = grown(this.caps, id);
      }
      const cap = this.st.chanCap.get(id) ?? 0;
      if ((cap | 0) === cap) {
        this.kinds[id] = code;
        this.caps[id] = cap;
      }
    }
    return code;
  }

  /** The capacity of channel `id`; call after `kindOf(id)` said it is a channel. */
  capOf(id: number): number {
    // `kinds` and `caps` grow together, and a cached kind comes with its capacity.
    return this.kinds[id] ? this.caps[id]! : this.uncachedCap(id);
  }

  private uncachedCap(id: number): number {
    return this.st.chanCap.get(id) ?? 0;
  }
}
