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

interface Queue {
  seqs: number[];
  head: number;
  readonly limit: number;
}

export class PendingSends {
  private readonly byChannel = new Map<number, Queue>();

  /** Channel `ch` (capacity `cap`) exists from now on. */
  open(ch: number, cap: number): void {
    this.byChannel.set(ch, { seqs: [], head: 0, limit: Math.min(cap, 1 << 24) + SLACK });
  }

  add(ch: number, seq: number): void {
    const q = this.byChannel.get(ch);
    if (!q) return;
    q.seqs.push(seq);
    if (q.seqs.length - q.head > q.limit) q.head++;
    if (q.head > 64 && q.head * 2 > q.seqs.length) {
      q.seqs = q.seqs.slice(q.head);
      q.head = 0;
    }
  }

  /** True when `seq` is a pending send on `ch`. */
  has(ch: number, seq: number): boolean {
    const q = this.byChannel.get(ch);
    if (!q) return false;
    if (q.seqs[q.head] === seq) return true; // the usual case: FIFO
    return q.seqs.indexOf(seq, q.head) >= 0;
  }

  /** Removes `seq` from `ch`'s pending sends (a receive took it). */
  take(ch: number, seq: number): void {
    const q = this.byChannel.get(ch);
    if (!q) return;
    if (q.seqs[q.head] === seq) {
      q.head++;
      if (q.head === q.seqs.length) {
        q.seqs.length = 0;
        q.head = 0;
      }
      return;
    }
    const at = q.seqs.indexOf(seq, q.head);
    if (at >= 0) q.seqs.splice(at, 1);
  }

  /** Pending sends held, over all channels (for tests of the bound). */
  get size(): number {
    let n = 0;
    for (const q of this.byChannel.values()) n += q.seqs.length - q.head;
    return n;
  }
}
