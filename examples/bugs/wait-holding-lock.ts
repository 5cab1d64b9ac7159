/**
 * Waiting for workers while holding the lock they need — mixed deadlock (Mutex + WaitGroup).
 *
 * Real-world pattern: a "flush" that locks the stats table, fans out workers that each record
 * into the table, and waits for them before unlocking (Kubernetes-style: a lock held across
 * `wg.Wait()`).
 *
 * What goes wrong: main holds `stats.mu` in `wg.wait()`; every `worker` blocks in `stats.mu.lock()`
 * and never reaches `done`. Main waits for the workers, the workers wait for main's lock.
 * Correct twin: ok-wait-holding-lock.ts unlocks before waiting (or locks only to read the totals
 * after the wait).
 * Schedule: none — every seed deadlocks.
 */
import { Mutex, println, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const statsMu = new Mutex({ name: "stats.mu" });
  const stats = new Map<string, number>();

  async function worker(): Promise<void> {
    await statsMu.lock();
    stats.set("processed", (stats.get("processed") ?? 0) + 1);
    statsMu.unlock();
  }

  const wg = new WaitGroup({ name: "wg" });
  await statsMu.lock();
  stats.clear();
  wg.go(worker);
  wg.go(worker);
  await wg.wait(); // BUG: still holding stats.mu
  println(stats);
  statsMu.unlock();
}
