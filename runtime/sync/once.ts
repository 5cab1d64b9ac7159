/**
 * sync.Once: `do(fn)` runs fn exactly once; concurrent callers wait (on the Once's internal
 * mutex, as in Go) until that first call has returned, and then pass through that mutex one at a
 * time — each one's Unlock wakes the next, so they resume in the order they arrived. If fn
 * panics, the Once still counts as done, as Go's does.
 */
import type { G } from "../goroutine";
import { WaitQueue } from "../queue";
import { RuntimeObject } from "../object";
import type { Named } from "../named";
import { waiter, type LockWaiter } from "./mutex";

export class Once extends RuntimeObject {
  private done = false;
  private running: G | undefined;
  private readonly waiters = new WaitQueue<LockWaiter>();

  constructor(opts?: Named) {
    super("once", opts?.name);
    this.attachIfRunning();
  }

  protected override reset(): void {
    this.done = false;
    this.running = undefined;
    this.waiters.clear();
  }

  async do(fn: () => unknown): Promise<void> {
    const s = this.bind();
    const g = s.g();
    if (!this.done && this.running) {
      this.waiters.push(waiter(g));
      await s.park("mutex.lock", [this.id]);
      this.wakeNext(); // our pass through the Once's mutex ends with an Unlock
    }
    if (this.done) {
      if (s.tr) s.emit(g.id, "once.do", `,"id":${this.id},"ran":false`);
      return;
    }
    this.running = g;
    if (s.tr) s.emit(g.id, "once.do", `,"id":${this.id},"ran":true`);
    try {
      await fn();
    } finally {
      this.done = true;
      this.running = undefined;
      this.wakeNext();
    }
  }

  private wakeNext(): void {
    const s = this.bind();
    const w = this.waiters.shift();
    if (w && !s.ended) s.wake(w.g, undefined);
  }
}
