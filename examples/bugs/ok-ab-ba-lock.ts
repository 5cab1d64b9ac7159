/**
 * Correct twin of ab-ba-lock.ts and ab-ba-lock-race.ts: both paths take cache.mu before store.mu
 * (one global lock order), so neither can hold the second lock while waiting for the first.
 * Each still holds its first lock across 1 ms of work, as in the buggy version.
 * Schedule: none — every seed returns cleanly.
 */
import { Mutex, sleep, time, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const cacheMu = new Mutex({ name: "cache.mu" });
  const storeMu = new Mutex({ name: "store.mu" });

  async function syncer(): Promise<void> {
    await cacheMu.lock();
    await sleep(time.Millisecond);
    await storeMu.lock();
    storeMu.unlock();
    cacheMu.unlock();
  }

  async function evictor(): Promise<void> {
    await cacheMu.lock(); // the global order: cache.mu, then store.mu
    await storeMu.lock();
    await sleep(time.Millisecond);
    storeMu.unlock();
    cacheMu.unlock();
  }

  const wg = new WaitGroup({ name: "wg" });
  wg.go(syncer);
  wg.go(evictor);
  await wg.wait();
}
