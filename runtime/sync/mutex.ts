/**
 * sync.Mutex, after Go's sync/mutex.go.
 *
 * Normal mode: Unlock wakes the first waiter but does not hand it the lock; a goroutine that
 * calls Lock meanwhile may take it first (barging), and the woken waiter, finding it taken, goes
 * back to the front of the queue. Starvation mode: once a waiter has waited more than 1 ms (run
 * time), Unlock hands the lock straight to the first waiter and newcomers queue at the tail; the
 * mode ends when the handed-off waiter was the last or waited less than 1 ms.
 *
 * Go's rules: any goroutine may unlock (ownership is not tied to the locker); unlocking an
 * unlocked mutex is a fatal error ("sync: unlock of unlocked mutex").
 */
import type { G } from "../goroutine";
import { MSG } from "../panic";
import { WaitQueue, type WaitNode } from "../queue";
import { RuntimeObject } from "../object";
import type { Named } from "../named";

const STARVATION_THRESHOLD_NS = 1_000_000;
const RESOLVED: Promise<void> = Promise.resolve();

export interface LockWaiter extends WaitNode {
  readonly g: G;
}

export function waiter(g: G): LockWaiter {
  return { g, prev: undefined, next: undefined, queue: undefined };
}

export class Mutex extends RuntimeObject {
  locked = false;
  /** The goroutine that took it last (for the UI; Go does not tie a mutex to a goroutine). */
  holder = 0;
  private starving = false;
  private woken = false;
  readonly waiters = new WaitQueue<LockWaiter>();

  constructor(opts?: Named) {
    super("mutex", opts?.name);
    this.attachIfRunning();
  }

  protected override reset(): void {
    this.locked = this.starving = this.woken = false;
    this.holder = 0;
    this.waiters.clear();
  }

  lock(): Promise<void> {
    const s = this.bind();
    const g = s.g();
    if (!this.locked && !this.starving) {
      this.acquire(g.id);
      return s.yieldPoint() ?? RESOLVED;
    }
    return this.lockSlow(g);
  }

  private async lockSlow(g: G): Promise<void> {
    const s = this.bind();
    let waitStart = -1;
    for (;;) {
      const w = waiter(g);
      if (waitStart < 0) {
        waitStart = s.now;
        this.waiters.push(w);
      } else this.waiters.unshift(w); // a woken waiter that lost the race keeps its place at the front
      const handedOff = await s.park<boolean>("mutex.lock", [this.id]);
      if (handedOff) {
        // Starvation mode: Unlock gave us the lock.
        if (s.now - waitStart < STARVATION_THRESHOLD_NS || this.waiters.length === 0) this.starving = false;
        this.acquire(g.id, true);
        return;
      }
      this.woken = false;
      if (!this.locked) {
        this.acquire(g.id);
        return;
      }
      if (s.now - waitStart > STARVATION_THRESHOLD_NS) this.starving = true;
    }
  }

  /** Records the acquisition. `already` is true for a starvation hand-off, where `locked` never dropped. */
  private acquire(g: number, already = false): void {
    const s = this.bind();
    if (!already) this.locked = true;
    this.holder = g;
    if (s.tr) s.emit(g, "mutex.lock", `,"id":${this.id}`);
  }

  tryLock(): boolean {
    const s = this.bind();
    const g = s.g();
    if (this.locked || this.starving) {
      if (s.tr) s.emit(g.id, "mutex.trylock", `,"id":${this.id},"ok":false`);
      return false;
    }
    this.locked = true;
    this.holder = g.id;
    if (s.tr) s.emit(g.id, "mutex.lock", `,"id":${this.id},"try":true`);
    return true;
  }

  unlock(): void {
    const s = this.bind();
    const g = s.g();
    if (!this.locked) throw s.fatal(MSG.unlockOfUnlockedMutex);
    if (s.tr) s.emit(g.id, "mutex.unlock", `,"id":${this.id}`);
    this.holder = 0;
    if (this.starving) {
      const w = this.waiters.shift();
      if (w) {
        s.wake(w.g, true); // ownership passes directly; `locked` stays true
        return;
      }
      this.starving = false;
    }
    this.locked = false;
    if (this.waiters.length > 0 && !this.woken) {
      const w = this.waiters.shift() as LockWaiter;
      this.woken = true;
      s.wake(w.g, false);
    }
  }
}
