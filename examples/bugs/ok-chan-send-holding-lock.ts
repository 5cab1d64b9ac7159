/**
 * Correct twin of chan-send-holding-lock.ts: the publisher updates the state under `hub.mu`,
 * unlocks, and only then sends the event.
 * Schedule: none — every seed returns cleanly.
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
  const ev = `v${version}`;
  hubMu.unlock();
  await events.send(ev);
  await done.recv();
}
