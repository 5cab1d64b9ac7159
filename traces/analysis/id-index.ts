/**
 * Ids to entries, for the analyzer's pass, which looks up a goroutine and an object or two per
 * event: a `Map` kept whole (the detectors iterate it, in insertion order) plus a dense array
 * mirroring it for small integer ids, so the per-event lookups skip the hash.
 *
 * Invariant: for every integer `0 <= id < dense.length`, `dense[id] === map.get(id)`; ids outside
 * it (negative, fractional, or far past the ids seen so far) are in the map alone.
 */
export class IdIndex<T> {
  readonly dense: (T | undefined)[] = [];
  constructor(readonly map: Map<number, T>) {}

  get(id: number): T | undefined {
    return id >= 0 && id < this.dense.length && (id | 0) === id ? this.dense[id] : this.map.get(id);
  }

  set(id: number, v: T): void {
    this.map.set(id, v);
    const dense = this.dense;
    if ((id | 0) !== id || id < 0) return;
    if (id < dense.length) dense[id] = v;
    // Grow only while ids stay dense-ish: a huge id stays in the map alone, and growing later fills from the map.
    else if (id <= 2 * dense.length + 1024) {
      while (dense.length < id) dense.push(this.map.get(dense.length));
      dense.push(v);
    }
  }
}
