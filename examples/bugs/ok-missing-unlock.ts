/**
 * Correct twin of missing-unlock.ts: the critical section unlocks in a `finally` (Go:
 * `defer mu.Unlock()`), so the early return on insufficient funds releases `account.mu` too.
 * Schedule: none — every seed returns cleanly.
 */
import { Mutex, println, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const accountMu = new Mutex({ name: "account.mu" });
  let balance = 100;

  async function teller(): Promise<void> {
    const amount = 500;
    await accountMu.lock();
    try {
      if (amount > balance) {
        println("insufficient funds for", amount);
        return;
      }
      balance -= amount;
    } finally {
      accountMu.unlock();
    }
  }

  const wg = new WaitGroup({ name: "wg" });
  wg.go(teller);
  wg.go(teller);
  await wg.wait();
}
