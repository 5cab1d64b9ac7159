/**
 * AB-BA deadlock — resource deadlock on two Mutexes.
 *
 * Real-world pattern: Kubernetes-style controller code where one path locks a cache and then the
 * store behind it (`syncer`: cache.mu → store.mu) while another path, written elsewhere, locks the
 * store and then the cache to evict (`evictor`: store.mu → cache.mu).
 *
 * What goes wrong: each goroutine holds its first lock across some work (a 1 ms sleep standing in
 * for I/O), so each reaches its second lock while the other holds it: `syncer` waits for
 * `store.mu`, `evictor` for `cache.mu`, and main for the WaitGroup — every goroutine is asleep.
 * Correct twin: ok-ab-ba-lock.ts takes the locks in one global order (cache.mu, then store.mu).
 * Schedule: none — the sleeps force the interleaving; every seed deadlocks. See ab-ba-lock-race.ts
 * for the same cycle without the sleeps, which only some schedules hit.
 */
import { Mutex, sleep, time, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const cacheMu = new Mutex({ name: "cache.mu" });
  const storeMu = new Mutex({ name: "store.mu" });

  async function syncer(): Promise<void> {
    await cacheMu.lock();
    await sleep(time.Millisecond); // read the cache entry
    await storeMu.lock();
    storeMu.unlock();
    cacheMu.unlock();
  }

  async function evictor(): Promise<void> {
    await storeMu.lock();
    await sleep(time.Millisecond); // pick a victim in the store
    await cacheMu.lock();
    cacheMu.unlock();
    storeMu.unlock();
  }

  const wg = new WaitGroup({ name: "wg" });
  wg.go(syncer);
  wg.go(evictor);
  await wg.wait();
}
