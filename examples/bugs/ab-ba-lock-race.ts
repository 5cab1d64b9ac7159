/**
 * AB-BA deadlock that needs a schedule — resource deadlock on two Mutexes.
 *
 * Real-world pattern: as ab-ba-lock.ts (a `syncer` locking cache.mu → store.mu and an `evictor`
 * locking store.mu → cache.mu), but with nothing held across I/O: the window is a few
 * instructions wide, which is why such bugs pass tests for years.
 *
 * What goes wrong: only when one goroutine is preempted between its two `lock` calls and the other
 * takes its first lock in that window. Under seed 0 (Go at GOMAXPROCS=1, no preemption) each
 * goroutine runs both critical sections to the end and the program returns; the inverted lock
 * order is still visible in the trace (a lock-order finding). Seeds that preempt at the right
 * point deadlock (see docs/bugs.md for the seeds the test uses).
 * Correct twin: ok-ab-ba-lock.ts takes the locks in one global order.
 * Schedule: seed 0 completes; deadlocks only under some randomized seeds.
 */
import { Mutex, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const cacheMu = new Mutex({ name: "cache.mu" });
  const storeMu = new Mutex({ name: "store.mu" });

  async function syncer(): Promise<void> {
    await cacheMu.lock();
    await storeMu.lock();
    storeMu.unlock();
    cacheMu.unlock();
  }

  async function evictor(): Promise<void> {
    await storeMu.lock();
    await cacheMu.lock();
    cacheMu.unlock();
    storeMu.unlock();
  }

  const wg = new WaitGroup({ name: "wg" });
  wg.go(syncer);
  wg.go(evictor);
  await wg.wait();
}
