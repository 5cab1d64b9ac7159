/**
 * WaitGroup counter never reaches zero — communication deadlock on a WaitGroup.
 *
 * Real-world pattern: a worker calls `wg.Done()` at the end of its body rather than with
 * `defer`, and a later change adds an early `return` on error (Tu et al. list WaitGroup misuse
 * among the "Wait" blocking bugs).
 *
 * What goes wrong: the `fetch` goroutine for the bad URL returns before `pending.done()`, so the
 * counter stays at 1 and main waits in `pending.wait()` forever, alone.
 * Correct twin: ok-waitgroup-missing-done.ts calls `done` in a `finally` (Go: `defer wg.Done()`).
 * Schedule: none — every seed deadlocks.
 */
import { go, println, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const pending = new WaitGroup({ name: "pending" });

  async function fetch(url: string): Promise<void> {
    if (!url.startsWith("https://")) {
      println("bad url", url);
      return; // BUG: skips pending.done()
    }
    println("fetched", url);
    pending.done();
  }

  for (const url of ["https://a.example", "ftp://b.example", "https://c.example"]) {
    pending.add(1);
    go(fetch, url);
  }
  await pending.wait();
}
