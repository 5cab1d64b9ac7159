/**
 * Send on a nil channel — communication deadlock (a channel never made).
 *
 * Real-world pattern: a struct's channel field is initialized in `Start()`, and a code path that
 * skips `Start()` uses the zero value: a nil channel, on which send and receive block forever
 * (Tu et al. count several such bugs in Docker and Kubernetes).
 *
 * What goes wrong: `notifier` sends on `watcher.updates`, which is still nil because `start()` was
 * never called; main waits for the notifier in `wg.wait()` forever.
 * Correct twin: ok-nil-channel-send.ts calls `start()` (makes the channel) and receives.
 * Schedule: none — every seed deadlocks.
 */
import { type Chan, chan, println, WaitGroup } from "goroscope/runtime";

class Watcher {
  updates: Chan<string> = chan.nil<string>(); // Go's zero value for `updates chan string`

  start(): void {
    this.updates = chan<string>(1, { name: "updates" });
  }
}

export default async function main() {
  const watcher = new Watcher(); // BUG: watcher.start() is never called
  const wg = new WaitGroup({ name: "wg" });
  wg.go(async function notifier() {
    await watcher.updates.send("config changed"); // blocks forever on a nil channel
  });
  await wg.wait();
  println("notified");
}
