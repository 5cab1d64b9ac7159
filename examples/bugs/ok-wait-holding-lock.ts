/**
 * Correct twin of wait-holding-lock.ts: main resets the table under `stats.mu`, unlocks, starts
 * the workers, waits, and only then locks again to read the totals.
 * Schedule: none — every seed returns cleanly.
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
  statsMu.unlock();
  wg.go(worker);
  wg.go(worker);
  await wg.wait();
  await statsMu.lock();
  println(stats);
  statsMu.unlock();
}
