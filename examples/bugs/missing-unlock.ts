/**
 * Missing unlock on an early return — resource deadlock on a Mutex.
 *
 * Real-world pattern: an error path added later returns from the middle of a critical section
 * that unlocks by hand at its end instead of with `defer mu.Unlock()` (Tu et al. report several
 * in Docker and etcd).
 *
 * What goes wrong: the first `teller` finds the balance too low and returns while holding
 * `account.mu`; the lock outlives its holder. The second `teller` waits for it forever, and main
 * waits for the tellers: every goroutine is asleep.
 * Correct twin: ok-missing-unlock.ts unlocks in a `finally` (Go: `defer`).
 * Schedule: none — both tellers withdraw more than the balance, so whichever runs first keeps the
 * lock forever; every seed deadlocks.
 */
import { Mutex, println, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const accountMu = new Mutex({ name: "account.mu" });
  let balance = 100;

  async function teller(): Promise<void> {
    const amount = 500;
    await accountMu.lock();
    if (amount > balance) {
      println("insufficient funds for", amount);
      return; // BUG: returns holding account.mu
    }
    balance -= amount;
    accountMu.unlock();
  }

  const wg = new WaitGroup({ name: "wg" });
  wg.go(teller);
  wg.go(teller);
  await wg.wait();
}
