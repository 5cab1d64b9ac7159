/**
 * Correct twin of rwmutex-upgrade.ts: on a miss, release the read lock, take the write lock and
 * look again before loading (another goroutine may have filled the entry in between).
 * Schedule: none — every seed returns cleanly.
 */
import { println, RWMutex } from "goroscope/runtime";

export default async function main() {
  const cacheMu = new RWMutex({ name: "cache.mu" });
  const cache = new Map<string, string>();

  async function getOrLoad(key: string): Promise<string> {
    await cacheMu.rlock();
    const hit = cache.get(key);
    cacheMu.runlock();
    if (hit !== undefined) return hit;

    await cacheMu.lock();
    try {
      let v = cache.get(key); // double-checked: someone may have loaded it meanwhile
      if (v === undefined) {
        v = `loaded:${key}`;
        cache.set(key, v);
      }
      return v;
    } finally {
      cacheMu.unlock();
    }
  }

  println(await getOrLoad("user/42"));
  println(await getOrLoad("user/42"));
}
