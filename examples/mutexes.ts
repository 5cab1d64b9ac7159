/**
 * Port of seeds/000 "Mutex": a Container guards a map of counters with a mutex; three goroutines
 * increment "a", "b" and "a" ten thousand times each.
 *
 * Differences: there is no `defer`, so `inc` unlocks in a `finally`; Go's `map[string]int` is a
 * `Map`, which prints as Go prints maps (sorted keys).
 */
import { Mutex, println, WaitGroup } from "goroscope/runtime";

// A mutex must not be copied: a Container is passed around by reference.
class Container {
  readonly mu = new Mutex({ name: "c.mu" });

  constructor(readonly counter: Map<string, number>) {}

  async inc(name: string): Promise<void> {
    await this.mu.lock(); // Lock before touching the counters,
    try {
      this.counter.set(name, (this.counter.get(name) ?? 0) + 1);
    } finally {
      this.mu.unlock(); // and unlock on the way out (Go: `defer c.mu.Unlock()`).
    }
  }
}

export default async function main() {
  // The zero value of a mutex is usable as is: only the map needs initializing.
  const c = new Container(
    new Map([
      ["a", 0],
      ["b", 0],
    ]),
  );

  const wg = new WaitGroup({ name: "wg" });

  const doIncrease = async (name: string, times: number): Promise<void> => {
    for (let i = 0; i < times; i++) {
      await c.inc(name);
    }
  };

  wg.go(() => doIncrease("a", 10000));
  wg.go(() => doIncrease("b", 10000));
  wg.go(() => doIncrease("a", 10000));

  await wg.wait();
  println(c.counter);
}
