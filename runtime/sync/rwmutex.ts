/**
 * sync.RWMutex, after Go's sync/rwmutex.go.
 *
 * Writer preference: once a writer calls Lock, new readers block (even while other readers hold
 * the lock), so a writer cannot starve; the writer waits for the readers already inside to leave.
 * Unlock admits every reader that arrived during the write at once (they hold the lock from that
 * moment), then lets the next writer in, which again waits for those readers. Writers queue FIFO.
 *
 * Go's rules: RUnlock without a read lock is a fatal error ("sync: RUnlock of unlocked RWMutex"),
 * as is Unlock without the write lock ("sync: Unlock of unlocked RWMutex"). A goroutine that
 * read-locks twice while a writer waits deadlocks, as in Go.
 *
 * Trace: `rwmutex.lock` (read or write) is written when the lock is granted — for a goroutine
 * admitted by someone else's unlock, at that moment and with the admitted goroutine's id.
 */
import type { G } from "../goroutine";
import { MSG } from "../panic";
import { WaitQueue } from "../queue";
import { RuntimeObject } from "../object";
import type { Named } from "../named";
import { waiter, type LockWaiter } from "./mutex";

const RESOLVED: Promise<void> = Promise.resolve();

export class RWMutex extends RuntimeObject {
  /** Goroutines holding a read lock (with repetitions: Go counts, it does not track owners). */
  readers = 0;
  readonly readerIds: number[] = [];
  writer = 0;
  /** A writer has taken the writer slot and waits for `readerWait` readers to leave. */
  private pending: G | undefined;
  private readerWait = 0;
  private writerSlotTaken = false;
  readonly readerq = new WaitQueue<LockWaiter>();
  readonly writerq = new WaitQueue<LockWaiter>();

  constructor(opts?: Named) {
    super("rwmutex", opts?.name);
    this.attachIfRunning();
  }

  protected override reset(): void {
    this.readers = this.writer = this.readerWait = 0;
    this.readerIds.length = 0;
    this.pending = undefined;
    this.writerSlotTaken = false;
    this.readerq.clear();
    this.writerq.clear();
  }

  rlock(): Promise<void> {
    const s = this.bind();
    const g = s.g();
    if (!this.writerSlotTaken) {
      this.grantRead(g);
      return s.yieldPoint() ?? RESOLVED;
    }
    this.readerq.push(waiter(g));
    return s.park("rwmutex.rlock", [this.id]);
  }

  runlock(): void {
    const s = this.bind();
    const g = s.g();
    if (this.readers <= 0) throw s.fatal(MSG.runlockOfUnlockedRWMutex);
    this.readers--;
    const at = this.readerIds.indexOf(g.id);
    this.readerIds.splice(at >= 0 ? at : 0, 1);
    if (s.tr) s.emit(g.id, "rwmutex.unlock", `,"id":${this.id},"read":true`);
    if (this.pending && --this.readerWait === 0) {
      const w = this.pending;
      this.pending = undefined;
      this.grantWrite(w);
      s.wake(w, undefined);
    }
  }

  lock(): Promise<void> {
    const s = this.bind();
    const g = s.g();
    if (this.writerSlotTaken) {
      this.writerq.push(waiter(g));
      return s.park("rwmutex.lock", [this.id]);
    }
    this.writerSlotTaken = true;
    if (this.readers === 0) {
      this.grantWrite(g);
      return s.yieldPoint() ?? RESOLVED;
    }
    this.pending = g;
    this.readerWait = this.readers;
    return s.park("rwmutex.lock", [this.id]);
  }

  unlock(): void {
    const s = this.bind();
    const g = s.g();
    if (this.writer === 0) throw s.fatal(MSG.unlockOfUnlockedRWMutex);
    if (s.tr) s.emit(g.id, "rwmutex.unlock", `,"id":${this.id},"read":false`);
    this.writer = 0;
    this.writerSlotTaken = false;
    // Readers that arrived during the write hold the lock from now on.
    for (let w = this.readerq.shift(); w; w = this.readerq.shift()) {
      this.grantRead(w.g);
      s.wake(w.g, undefined);
    }
    const next = this.writerq.shift();
    if (next) {
      this.writerSlotTaken = true;
      if (this.readers === 0) {
        this.grantWrite(next.g);
        s.wake(next.g, undefined);
      } else {
        this.pending = next.g;
        this.readerWait = this.readers;
      }
    }
  }

  private grantRead(g: G): void {
    const s = this.bind();
    this.readers++;
    this.readerIds.push(g.id);
    if (s.tr) s.emit(g.id, "rwmutex.lock", `,"id":${this.id},"read":true`, g.loc);
  }

  private grantWrite(g: G): void {
    const s = this.bind();
    this.writer = g.id;
    if (s.tr) s.emit(g.id, "rwmutex.lock", `,"id":${this.id},"read":false`, g.loc);
  }
}
