/**
 * sync.Once: `do(fn)` runs fn exactly once; concurrent callers wait (on the Once's internal
 * mutex, as in Go) until that first call has returned. If fn panics, the Once still counts as
 * done, as Go's does.
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
  }

  protected override reset(): void {
    this.done = false;
    this.running = undefined;
  }

  async do(fn: () => unknown): Promise<void> {
    const s = this.bind();
    const g = s.g();
    if (!this.done && this.running) {
      this.waiters.push(waiter(g));
      await s.park("mutex.lock", [this.id]);
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
      if (!s.ended) for (let w = this.waiters.shift(); w; w = this.waiters.shift()) s.wake(w.g, undefined);
    }
  }
}
