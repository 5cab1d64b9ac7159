/**
 * Correct twin of dropped-signal.ts: `wake` has a buffer of 1, so the non-blocking poke is kept
 * until the sleeper receives it (and further pokes coalesce while one is pending).
 * Schedule: none — every seed returns cleanly.
 */
import { chan, defaultCase, println, select, send, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const wake = chan<boolean>(1, { name: "wake" });
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
    defaultCase(() => println("already poked")),
  );
  await wg.wait();
}
