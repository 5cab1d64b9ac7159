/**
 * Correct twin of nil-channel-send.ts: `start()` makes `updates` before the notifier uses it, and
 * main receives the update.
 * Schedule: none — every seed returns cleanly.
 */
import { type Chan, chan, println, WaitGroup } from "goroscope/runtime";

class Watcher {
  updates: Chan<string> = chan.nil<string>();

  start(): void {
    this.updates = chan<string>(1, { name: "updates" });
  }
}

export default async function main() {
  const watcher = new Watcher();
  watcher.start();
  const wg = new WaitGroup({ name: "wg" });
  wg.go(async function notifier() {
    await watcher.updates.send("config changed");
  });
  await wg.wait();
  println("notified:", await watcher.updates.recv());
}
