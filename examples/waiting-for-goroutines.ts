/**
 * Port of "Waiting for goroutines" of seeds/004: a package-level WaitGroup, `wg.Add(10)` in main,
 * ten `routine(i)` goroutines that `defer wg.Done()`, `wg.Wait()`, then "main finished".
 *
 * Differences: the seed's listing is cut short (imports, closing braces); no `defer`, so `routine`
 * calls `wg.done()` in a `finally`. Output on one P: the last goroutine created runs first (it
 * sits in runnext), then the others in creation order: routine 9, 0, 1, …, 8.
 */
import { go, printf, println, WaitGroup } from "goroscope/runtime";

const wg = new WaitGroup({ name: "wg" }); // 1: a package-level variable, visible to every function

function routine(i: number): void {
  try {
    printf("routine %v finished\n", i);
  } finally {
    wg.done(); // 3
  }
}

export default async function main() {
  wg.add(10); // 2
  for (let i = 0; i < 10; i++) {
    go(routine, i); // the argument is evaluated before the goroutine starts
  }
  await wg.wait(); // 4
  println("main finished");
}
