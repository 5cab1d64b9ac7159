/**
 * Per goroutine, the `select.begin` still waiting for its `select.end`: how many cases it has
 * and whether it has a default, so that `chosen` can be checked.
 *
 * Goroutine ids below `DENSE_LIMIT` live in a typed array (a select per few events makes a `Map`
 * entry and an object per select a measurable cost); others in a `Map`. Both hold the same
 * encoding: `cases * 2 + (default ? 1 : 0) + 1`, 0 = no pending select.
 */

const DENSE_LIMIT = 1 << 20;
const isDense = (g: number): boolean => g >= 0 && g < DENSE_LIMIT;

export class PendingSelects {
  private dense = new Float64Array(64);
  private readonly sparse = new Map<number, number>();

  /** Goroutine `g` entered a select (replacing any pending one: a caught panic can abandon a select). */
  begin(g: number, cases: number, hasDefault: boolean): void {
    const code = cases * 2 + (hasDefault ? 1 : 0) + 1;
    if (!isDense(g)) {
      this.sparse.set(g, code);
      return;
    }
    if (g >= this.dense.length) {
      let n = this.dense.length;
      while (n <= g) n *= 2;
      const next = new Float64Array(n);
      next.set(this.dense);
      this.dense = next;
    }
    this.dense[g] = code;
  }

  end(g: number): void {
    if (isDense(g)) {
      if (g < this.dense.length) this.dense[g] = 0;
    } else this.sparse.delete(g);
  }

  /** Cases of `g`'s pending select, -1 when it has none. */
  casesOf(g: number): number {
    const code = this.codeOf(g);
    return code === 0 ? -1 : Math.floor((code - 1) / 2);
  }

  /** Whether `g`'s pending select has a default case (false when it has none pending). */
  hasDefault(g: number): boolean {
    const code = this.codeOf(g);
    return code !== 0 && (code - 1) % 2 === 1;
  }

  private codeOf(g: number): number {
    if (isDense(g)) return g < this.dense.length ? this.dense[g]! : 0;
    return this.sparse.get(g) ?? 0;
  }
}
