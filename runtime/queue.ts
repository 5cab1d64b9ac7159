/**
 * The two queue shapes the runtime needs.
 *
 * `Deque`: a growable ring buffer, O(1) at both ends — the run queue.
 * `WaitQueue`: an intrusive doubly-linked FIFO of waiters — a channel's `sendq`/`recvq`, a lock's
 * waiters. A select waiter sits in several queues at once and must leave all of them when one case
 * fires, so removal of an arbitrary node is O(1).
 */
export class Deque<T> {
  private buf: (T | undefined)[] = new Array(16);
  private head = 0;
  private n = 0;

  get length(): number {
    return this.n;
  }

  push(v: T): void {
    if (this.n === this.buf.length) this.grow();
    this.buf[(this.head + this.n) & (this.buf.length - 1)] = v;
    this.n++;
  }

  unshift(v: T): void {
    if (this.n === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = v;
    this.n++;
  }

  shift(): T | undefined {
    if (this.n === 0) return undefined;
    const v = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.n--;
    return v;
  }

  at(i: number): T {
    return this.buf[(this.head + i) & (this.buf.length - 1)] as T;
  }

  /** Removes the element at index i (0 = head), keeping the order of the rest. */
  removeAt(i: number): T {
    const v = this.at(i);
    for (let j = i; j < this.n - 1; j++) this.buf[(this.head + j) & (this.buf.length - 1)] = this.at(j + 1);
    this.buf[(this.head + this.n - 1) & (this.buf.length - 1)] = undefined;
    this.n--;
    return v;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.n; i++) yield this.at(i);
  }

  private grow(): void {
    const next: (T | undefined)[] = new Array(this.buf.length * 2);
    for (let i = 0; i < this.n; i++) next[i] = this.at(i);
    this.buf = next;
    this.head = 0;
  }
}

export interface WaitNode {
  prev: WaitNode | undefined;
  next: WaitNode | undefined;
  queue: WaitQueue<WaitNode> | undefined;
}

export class WaitQueue<N extends WaitNode> {
  first: N | undefined;
  last: N | undefined;
  length = 0;

  push(node: N): void {
    node.queue = this as unknown as WaitQueue<WaitNode>;
    node.next = undefined;
    node.prev = this.last;
    if (this.last) this.last.next = node;
    else this.first = node;
    this.last = node;
    this.length++;
  }

  unshift(node: N): void {
    node.queue = this as unknown as WaitQueue<WaitNode>;
    node.prev = undefined;
    node.next = this.first;
    if (this.first) this.first.prev = node;
    else this.last = node;
    this.first = node;
    this.length++;
  }

  /** Empties the queue (an object joining a new run drops the waiters of the last one). */
  clear(): void {
    while (this.first) this.remove(this.first);
  }

  shift(): N | undefined {
    const node = this.first;
    if (node) this.remove(node);
    return node;
  }

  remove(node: N): void {
    if (node.queue !== (this as unknown as WaitQueue<WaitNode>)) return;
    if (node.prev) node.prev.next = node.next;
    else this.first = node.next as N | undefined;
    if (node.next) node.next.prev = node.prev;
    else this.last = node.prev as N | undefined;
    node.prev = node.next = undefined;
    node.queue = undefined;
    this.length--;
  }

  *[Symbol.iterator](): IterableIterator<N> {
    for (let n = this.first; n; n = n.next as N | undefined) yield n;
  }
}
