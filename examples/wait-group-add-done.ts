/**
 * Port of the WaitGroup program of seeds/001: `wg.Add(1)` before each `go`, `defer wg.Done()` in
 * the goroutine, `wg.Wait()` in main. The seed shows no output.
 *
 * Difference: no `defer`; the goroutine calls `wg.done()` in a `finally`.
 * Output on one P: the last goroutine created runs first (it sits in runnext), then the others in
 * creation order: worker 4, 0, 1, 2, 3.
 */
import { go, println, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const wg = new WaitGroup({ name: "wg" });
  for (let i = 0; i < 5; i++) {
    wg.add(1); // Before `go`, never inside the goroutine: Wait could otherwise win the race.
    go((n: number) => {
      try {
        println("worker", n);
      } finally {
        wg.done();
      }
    }, i);
  }
  await wg.wait(); // Blocks until every goroutine has called Done.
}
