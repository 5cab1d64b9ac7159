/**
 * Correct twin of rwmutex-reread.ts: `reader` read-locks `config.mu` once and calls
 * `lookupLocked`, which assumes the read lock is held; the waiting writer gets the lock as soon as
 * the reader leaves.
 * Schedule: none — every seed returns cleanly.
 */
import { println, RWMutex, sleep, time, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const configMu = new RWMutex({ name: "config.mu" });
  const config = new Map([["region", "eu"]]);

  /** The caller holds `config.mu` (read or write). */
  function lookupLocked(key: string): string | undefined {
    return config.get(key);
  }

  async function reader(): Promise<void> {
    await configMu.rlock();
    try {
      await sleep(time.Millisecond);
      println("region", lookupLocked("region"));
    } finally {
      configMu.runlock();
    }
  }

  async function reloader(): Promise<void> {
    await sleep(500 * time.Microsecond);
    await configMu.lock();
    config.set("region", "us");
    configMu.unlock();
  }

  const wg = new WaitGroup({ name: "wg" });
  wg.go(reader);
  wg.go(reloader);
  await wg.wait();
}
