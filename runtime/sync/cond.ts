/**
 * sync.Cond: Wait atomically unlocks L and parks; after being woken it re-locks L before
 * returning. Signal wakes the longest-waiting goroutine, Broadcast all of them, in the order they
 * began waiting (Go's notifyList tickets). A signal with no waiter is lost, as in Go.
 */
import { WaitQueue } from "../queue";
import { RuntimeObject } from "../object";
import type { Named } from "../named";
import { waiter, type LockWaiter, type Mutex } from "./mutex";
import type { RWMutex } from "./rwmutex";

export class Cond extends RuntimeObject {
  private readonly waiters = new WaitQueue<LockWaiter>();

  constructor(
    readonly L: Mutex | RWMutex,
    opts?: Named,
  ) {
    super("cond", opts?.name);
    this.attachIfRunning();
  }

  protected override reset(): void {
    this.waiters.clear();
  }

  protected override makeFields(): string {
    (this.L as unknown as { bind(): void }).bind();
    return `,"lock":${this.L.id}`;
  }

  async wait(): Promise<void> {
    const s = this.bind();
    const g = s.g();
    this.waiters.push(waiter(g));
    this.L.unlock();
    await s.park("cond.wait", [this.id]);
    if (s.tr) s.emit(g.id, "cond.wait", `,"id":${this.id}`);
    await this.L.lock();
  }

  signal(): void {
    const s = this.bind();
    const g = s.g();
    const w = this.waiters.shift();
    if (s.tr) s.emit(g.id, "cond.signal", `,"id":${this.id},"woken":[${w ? w.g.id : ""}]`);
    if (w) s.wake(w.g, undefined);
  }

  broadcast(): void {
    const s = this.bind();
    const g = s.g();
    const all = [...this.waiters];
    for (const w of all) this.waiters.remove(w);
    if (s.tr) s.emit(g.id, "cond.broadcast", `,"id":${this.id},"woken":[${all.map((w) => w.g.id).join(",")}]`);
    for (const w of all) s.wake(w.g, undefined);
  }
}
