/**
 * Lock upgrade — resource deadlock on an RWMutex, one goroutine.
 *
 * Real-world pattern: a read-mostly cache (`getOrLoad`) takes `RLock`, misses, and calls `Lock`
 * to fill the entry without releasing the read lock first — as if Go's RWMutex could upgrade.
 *
 * What goes wrong: `Lock` waits for every reader to leave, including the caller itself.
 * Correct twin: ok-rwmutex-upgrade.ts releases the read lock, takes the write lock and checks the
 * entry again (another goroutine may have filled it in between).
 * Schedule: none — every seed deadlocks.
 */
import { println, RWMutex } from "goroscope/runtime";

export default async function main() {
  const cacheMu = new RWMutex({ name: "cache.mu" });
  const cache = new Map<string, string>();

  async function getOrLoad(key: string): Promise<string> {
    await cacheMu.rlock();
    try {
      let v = cache.get(key);
      if (v === undefined) {
        await cacheMu.lock(); // BUG: waits for all readers to leave, the caller included
        v = `loaded:${key}`;
        cache.set(key, v);
        cacheMu.unlock();
      }
      return v;
    } finally {
      cacheMu.runlock();
    }
  }

  println(await getOrLoad("user/42"));
}
