/**
 * Port of seeds/000 "Goroutines": `f` called directly, then as a goroutine, then an anonymous
 * goroutine; main sleeps a second instead of waiting properly (as the seed says, a WaitGroup is
 * the recommended way).
 *
 * Output: as the seed shows. With one P, the last goroutine created ("going") sits in runnext and
 * runs first when main sleeps, then `f("goroutine")`.
 */
import { go, println, sleep, time } from "goroscope/runtime";

function f(from: string): void {
  for (let i = 0; i < 3; i++) {
    println(from, ": ", i);
  }
}

export default async function main() {
  // Call `f` in a common, synchronous way.
  f("directly");

  // Call `f` in a goroutine; it runs concurrently with main.
  go(f, "goroutine");

  // Starting a goroutine for an anonymous function is fine.
  go((msg: string) => {
    println(msg);
  }, "going");

  await sleep(time.Second); // A WaitGroup is the recommended way to wait.
  println("Done.");
}
