/**
 * Port of "Using closures with goroutines in a loop" of seeds/004: the two ways the seed gives to
 * hand each loop value to its goroutine — as an argument (`go func(val interface{}) {...}(val)`),
 * or by copying it (`val := val`) before a closure captures it.
 *
 * Completed: the seed shows fragments. Here the values are "a", "b", "c" (ranged as `for _, val`:
 * the seed's `for val := range values` would give a slice's indices), each goroutine prints its
 * value, and a WaitGroup waits for each batch. In TypeScript a `for...of` binding is per iteration
 * already, as Go's loop variables are since Go 1.22. Output on one P: the last goroutine created
 * runs first, then the others in order: c, a, b.
 */
import { go, println, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const values = ["a", "b", "c"];
  const wg = new WaitGroup({ name: "wg" });

  for (const val of values) {
    wg.add(1);
    go((val: unknown) => {
      try {
        println("passed as an argument:", val);
      } finally {
        wg.done();
      }
    }, val);
  }
  await wg.wait();

  for (const v of values) {
    const val = v; // Go: `val := val`, a new variable per iteration.
    wg.add(1);
    go(() => {
      try {
        println("copied before the closure:", val);
      } finally {
        wg.done();
      }
    });
  }
  await wg.wait();
}
