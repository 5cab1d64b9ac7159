/**
 * Wait inside the spawning loop — communication deadlock on a WaitGroup.
 *
 * Real-world pattern: Docker's plugin manager (cited by Tu et al.): `group.Add(len(plugins))`
 * before a loop that starts one goroutine per plugin, with `group.Wait()` misplaced inside the
 * loop body instead of after it.
 *
 * What goes wrong: the first iteration starts one `enable` goroutine and waits for all three
 * `Done`s; the other two goroutines are never started, so the counter sticks at 2 and main waits
 * forever.
 * Correct twin: ok-waitgroup-wait-in-loop.ts waits once, after the loop.
 * Schedule: none — every seed deadlocks.
 */
import { go, println, WaitGroup } from "goroscope/runtime";

const plugins = ["authz", "volume", "network"];

export default async function main() {
  const group = new WaitGroup({ name: "group" });
  group.add(plugins.length);
  for (const p of plugins) {
    go(async function enable(name: string) {
      println("enabled", name);
      group.done();
    }, p);
    await group.wait(); // BUG: belongs after the loop
  }
}
