/**
 * Non-blocking send drops the only wake-up — communication deadlock on an unbuffered channel.
 *
 * Real-world pattern: a "poke" written as `select { case wake <- struct{}{}: default: }` on an
 * unbuffered channel, so that the notifier never blocks. It works only if the receiver is already
 * parked in `<-wake`; otherwise the notification silently vanishes.
 *
 * What goes wrong: under Go's one-P order (seed 0) main starts `sleeper`, takes an event from
 * `events` and pokes `wake` before the sleeper has run, so the default case drops the poke; the sleeper then waits on `wake`
 * forever and main waits for it in `wg.wait()`.
 * Correct twin: ok-dropped-signal.ts gives `wake` a buffer of 1, the Go idiom for a coalescing
 * notification: the poke is kept until the sleeper takes it.
 * Schedule: seed 0 deadlocks; seeds that preempt main at its `events` receive and park the
 * sleeper in `<-wake` before the poke do not (see docs/bugs.md for which).
 */
import { chan, defaultCase, println, select, send, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const wake = chan<boolean>(0, { name: "wake" });
  const wg = new WaitGroup({ name: "wg" });
  const events = chan<string>(1, { name: "events" });
  await events.send("config changed"); // an event arrives from elsewhere
  wg.go(async function sleeper() {
    await wake.recv();
    println("woken");
  });
  println("event:", await events.recv());
  await select(
    send(wake, true),
    defaultCase(() => println("nobody listening: poke dropped")), // BUG: the only wake-up is lost
  );
  await wg.wait();
}
