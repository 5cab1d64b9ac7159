/**
 * Recursive read lock with a waiting writer — resource deadlock on an RWMutex.
 *
 * Real-world pattern: etcd/Kubernetes-style code where a method holding `RLock` calls a helper
 * that takes `RLock` again. Harmless while no writer shows up; but Go's RWMutex prefers writers:
 * once a writer waits in `Lock`, new `RLock` calls block — including the second one of a
 * goroutine that already holds a read lock, which the writer is waiting for.
 *
 * What goes wrong: `reader` read-locks `config.mu` and spends 1 ms on the entry; meanwhile
 * `reloader` calls `Lock` and waits for the reader to leave; the reader's nested `RLock` (inside
 * `lookup`) now waits behind the writer. Reader waits for writer, writer for reader, main for both.
 * Correct twin: ok-rwmutex-reread.ts read-locks once and calls an unlocked `lookupLocked` helper.
 * Schedule: none — the sleeps place the writer inside the reader's window; every seed deadlocks.
 */
import { println, RWMutex, sleep, time, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const configMu = new RWMutex({ name: "config.mu" });
  const config = new Map([["region", "eu"]]);

  async function lookup(key: string): Promise<string | undefined> {
    await configMu.rlock(); // nested read lock: blocks once a writer waits
    try {
      return config.get(key);
    } finally {
      configMu.runlock();
    }
  }

  async function reader(): Promise<void> {
    await configMu.rlock();
    try {
      await sleep(time.Millisecond); // work on the snapshot
      println("region", await lookup("region"));
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
