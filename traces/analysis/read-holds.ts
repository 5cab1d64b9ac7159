/**
 * The read holders of an RWMutex, with how many read locks each holds, listed in the order a Map
 * keyed by goroutine would list them (the order they came in since they last held none): the
 * wait-for graph and the explanations name them in that order.
 *
 * Why not a Map: nearly always one goroutine reads at a time, and a Map's delete and re-insert for
 * every RLock/RUnlock pair was the pass's costliest line. The first holder lives in two fields, any
 * others in a Map after it. Invariants: a goroutine is in at most one of the two; `soloN === 0`
 * (no first holder) only while the Map is empty or after the first holder left, and a newcomer
 * goes to the Map whenever it is not empty, so "first holder, then the Map's order" is the order.
 */
export class ReadHolds {
  private soloG = 0;
  private soloN = 0;
  private rest: Map<number, number> | undefined = undefined;

  get size(): number {
    return (this.soloN > 0 ? 1 : 0) + (this.rest?.size ?? 0);
  }

  /** Read locks `g` holds (0 when none). */
  count(g: number): number {
    if (this.soloN > 0 && this.soloG === g) return this.soloN;
    return this.rest?.get(g) ?? 0;
  }

  keys(): number[] {
    const out = this.soloN > 0 ? [this.soloG] : [];
    if (this.rest) for (const g of this.rest.keys()) out.push(g);
    return out;
  }

  add(g: number): void {
    if (this.soloN > 0 && this.soloG === g) this.soloN++;
    else if (this.rest !== undefined && this.rest.size > 0) this.rest.set(g, (this.rest.get(g) ?? 0) + 1);
    else if (this.soloN === 0) {
      this.soloG = g;
      this.soloN = 1;
    } else (this.rest ??= new Map()).set(g, 1);
  }

  /**
   * Drops one read lock of `actor`, or, when it holds none, of the first holder (Go lets another
   * goroutine RUnlock); returns whose (`actor` when nobody holds one).
   */
  release(actor: number): number {
    let owner = actor;
    if (this.count(actor) === 0) owner = this.soloN > 0 ? this.soloG : (this.rest?.keys().next().value ?? actor);
    if (this.soloN > 0 && this.soloG === owner) {
      this.soloN--;
      return owner;
    }
    const n = this.rest?.get(owner);
    if (n === undefined) return owner;
    if (n > 1) this.rest!.set(owner, n - 1);
    else this.rest!.delete(owner);
    return owner;
  }
}
