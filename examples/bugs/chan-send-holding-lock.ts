/**
 * Blocking send while holding a lock the receiver needs — mixed deadlock (channel + Mutex).
 *
 * Real-world pattern: Tu et al.'s "channel with lock" bugs (etcd, Kubernetes): a publisher
 * updates shared state under a mutex and, still holding it, sends the event on an unbuffered
 * channel; the subscriber takes the same mutex (to read the state) before it receives.
 *
 * What goes wrong: under Go's one-P order (seed 0) main starts `subscriber` and publishes first:
 * it takes an update from `updates`, locks `hub.mu` and blocks in `events <- ev` with no receiver yet; the subscriber then blocks
 * in `hub.mu.lock()` and never reaches `<-events`.
 * Correct twin: ok-chan-send-holding-lock.ts unlocks before sending.
 * Schedule: seed 0 deadlocks; seeds that preempt main at its `updates` receive and let the
 * subscriber read the state and park in `<-events` before main locks do not (see docs/bugs.md).
 */
import { chan, go, Mutex, println } from "goroscope/runtime";

export default async function main() {
  const hubMu = new Mutex({ name: "hub.mu" });
  let version = 0;

  const events = chan<string>(0, { name: "events" });
  const done = chan<boolean>(0, { name: "done" });
  const updates = chan<number>(1, { name: "updates" });
  await updates.send(1); // an update arrives from elsewhere
  go(async function subscriber() {
    await hubMu.lock();
    const seen = version;
    hubMu.unlock();
    println("subscribed at version", seen, "got", await events.recv());
    await done.send(true);
  });

  const delta = (await updates.recv()) ?? 0;
  await hubMu.lock();
  version += delta;
  await events.send(`v${version}`); // BUG: sends while holding hub.mu
  hubMu.unlock();
  await done.recv();
}
