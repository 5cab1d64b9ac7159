/**
 * Port of seeds/000 "Atomic Counter": 50 goroutines each add 1 a thousand times to an atomic
 * counter; after `wg.Wait` it holds exactly 50000.
 *
 * Difference: Go's `atomic.Uint64` is `AtomicInt` here (a JavaScript number, exact up to 2^53).
 */
import { AtomicInt, println, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const ops = new AtomicInt(0, { name: "ops" });
  const wg = new WaitGroup({ name: "wg" });

  for (let i = 0; i < 50; i++) {
    wg.go(() => {
      for (let j = 0; j < 1000; j++) {
        ops.add(1);
      }
    });
  }

  await wg.wait();
  // Load reads the value atomically, even while other goroutines update it.
  println("Ops: ", ops.load());
}
