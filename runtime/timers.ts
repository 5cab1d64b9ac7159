/**
 * The timer heap: a binary min-heap ordered by (when, seq), so timers due at the same instant fire
 * in the order they were set. A timer is in the heap iff `index >= 0`.
 */
export interface HeapTimer {
  when: number;
  seq: number;
  index: number;
}

export class TimerHeap<T extends HeapTimer> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  values(): readonly T[] {
    return this.items;
  }

  push(t: T): void {
    t.index = this.items.length;
    this.items.push(t);
    this.up(t.index);
  }

  pop(): T | undefined {
    const top = this.items[0];
    if (top) this.remove(top);
    return top;
  }

  remove(t: T): boolean {
    const i = t.index;
    if (i < 0 || this.items[i] !== t) return false;
    const last = this.items.pop() as T;
    t.index = -1;
    if (i < this.items.length) {
      this.items[i] = last;
      last.index = i;
      this.down(i);
      this.up(last.index);
    }
    return true;
  }

  private less(a: T, b: T): boolean {
    return a.when < b.when || (a.when === b.when && a.seq < b.seq);
  }

  private up(i: number): void {
    const items = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(items[i], items[p])) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const items = this.items;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < items.length && this.less(items[l], items[m])) m = l;
      if (r < items.length && this.less(items[r], items[m])) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(i: number, j: number): void {
    const a = this.items[i], b = this.items[j];
    this.items[i] = b;
    b.index = i;
    this.items[j] = a;
    a.index = j;
  }
}
