/**
 * Correct twin of send-without-receiver.ts: the consumer is started first, so the unbuffered send
 * finds (or waits for) a receiver; main waits for it to finish.
 * Schedule: none — every seed returns cleanly.
 */
import { chan, go, println } from "goroscope/runtime";

export default async function main() {
  const results = chan<string>(0, { name: "results" });
  const done = chan<boolean>(0, { name: "done" });
  go(async function consumer() {
    println("consumed", await results.recv());
    await done.send(true);
  });
  await results.send("ok");
  await done.recv();
}
