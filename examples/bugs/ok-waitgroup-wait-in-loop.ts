/**
 * Correct twin of waitgroup-wait-in-loop.ts: every `enable` goroutine is started, then main waits
 * once, after the loop.
 * Schedule: none — every seed returns cleanly.
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
  }
  await group.wait();
}
