/**
 * The sends a receive may still name as its `from`: per channel, the `seq`s of the `chan.send`s
 * not yet received, oldest first. A receive with `from` must name one of them and takes it out, so
 * each send is received at most once.
 *
 * Invariant (memory): a channel holds at most `cap + SLACK` pending sends; past that the oldest is
 * forgotten. A trace the runtime writes never comes near it — a send appears when its value enters
 * the buffer (at most `cap` waiting) or is handed to a receiver whose `chan.recv` follows at once —
 * so memory is bounded by the channels' capacities, not by the trace's length. A receive naming a
 * forgotten send is reported like one naming no send.
 */

/** Pending sends a channel may hold beyond its capacity (hand-offs in flight). */
export const SLACK = 64;

/** Channel ids below this find their queue in an array rather than a `Map` (one lookup per send and receive). */
const DENSE_LIMIT = 1 << 20;

/** A ring of seqs, oldest at `head`; its size is a power of two, grown up to the first one above `limit`. */
class Queue {
  seqs = new Float64Array(4);
  head = 0;
  count = 0;

  constructor(readonly limit: number) {}

  /** The seq `j` places after the oldest. */
  at(j: number): number {
    return this.seqs[(this.head + j) & (this.seqs.length - 1)]!;
  }

  push(seq: number): void {
    if (this.count === this.limit) this.drop();
    else if (this.count === this.seqs.length) this.grow();
    this.seqs[(this.head + this.count) & (this.seqs.length - 1)] = seq;
    this.count++;
  }

  drop(): void {
    this.head = (this.head + 1) & (this.seqs.length - 1);
    this.count--;
  }

  indexOf(seq: number): number {
    for (let j = 0; j < this.count; j++) if (this.at(j) === seq) return j;
    return -1;
  }

  /** Removes the seq `j` places after the oldest, keeping the others in order. */
  removeAt(j: number): void {
    if (j === 0) return this.drop();
    const mask = this.seqs.length - 1;
    for (; j + 1 < this.count; j++) this.seqs[(this.head + j) & mask] = this.at(j + 1);
    this.count--;
  }

  private grow(): void {
    const next = new Float64Array(this.seqs.length * 2);
    for (let j = 0; j < this.count; j++) next[j] = this.at(j);
    this.seqs = next;
    this.head = 0;
  }
}

export class PendingSends {
  private readonly dense: (Queue | undefined)[] = [];
  private readonly sparse = new Map<number, Queue>();

  /** Channel `ch` (capacity `cap`) exists from now on. */
  open(ch: number, cap: number): void {
    const q = new Queue(Math.min(cap, 1 << 24) + SLACK);
    if (ch < 0 || ch >= DENSE_LIMIT) {
      this.sparse.set(ch, q);
      return;
    }
    while (this.dense.length <= ch) this.dense.push(undefined);
    this.dense[ch] = q;
  }

  private queue(ch: number): Queue | undefined {
    if (ch < 0 || ch >= DENSE_LIMIT) return this.sparse.get(ch);
    return ch < this.dense.length ? this.dense[ch] : undefined;
  }

  add(ch: number, seq: number): void {
    this.queue(ch)?.push(seq);
  }

  /** True when `seq` is a pending send on `ch`. */
  has(ch: number, seq: number): boolean {
    const q = this.queue(ch);
    if (!q || q.count === 0) return false;
    return q.at(0) === seq || q.indexOf(seq) >= 0; // the usual case: FIFO
  }

  /** Removes `seq` from `ch`'s pending sends (a receive took it). */
  take(ch: number, seq: number): void {
    const q = this.queue(ch);
    if (!q || q.count === 0) return;
    const j = q.at(0) === seq ? 0 : q.indexOf(seq);
    if (j >= 0) q.removeAt(j);
  }

  /** Pending sends held, over all channels (for tests of the bound). */
  get size(): number {
    let n = 0;
    for (const q of this.dense) n += q?.count ?? 0;
    for (const q of this.sparse.values()) n += q.count;
    return n;
  }
}
