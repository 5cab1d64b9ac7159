/**
 * Builders by id for the one-pass derivation: a dense array while ids are small (they count up
 * from 1), so a lookup per event is an array read, not a hash; a Map for the rest and for the
 * order. `values()` is in first-insertion order, as a Map's, even when an id is set again.
 */
const DENSE_IDS = 1 << 20;

export class IdTable<T> {
  private readonly dense: (T | undefined)[] = [];
  private readonly byId = new Map<number, T>();

  get(id: number): T | undefined {
    return id >= 0 && id < DENSE_IDS ? this.dense[id] : this.byId.get(id);
  }

  set(id: number, value: T): void {
    this.byId.set(id, value);
    if (id >= 0 && id < DENSE_IDS) this.dense[id] = value;
  }

  values(): IterableIterator<T> {
    return this.byId.values();
  }
}
