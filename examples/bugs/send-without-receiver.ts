/**
 * Send with no partner yet — communication deadlock on an unbuffered channel.
 *
 * Real-world pattern: a function sends its result on an unbuffered channel from the same
 * goroutine that was meant to start the reader afterwards (a refactor moved `go consume()` below
 * the send).
 *
 * What goes wrong: main blocks in `results <- "ok"` before any receiver exists; `consumer` is
 * never started. An unbuffered send needs a receiver at that moment.
 * Correct twin: ok-send-without-receiver.ts starts the consumer before sending.
 * Schedule: none — every seed deadlocks.
 */
import { chan, go, println } from "goroscope/runtime";

export default async function main() {
  const results = chan<string>(0, { name: "results" });
  await results.send("ok"); // BUG: nobody receives yet
  go(async function consumer() {
    println("consumed", await results.recv());
  });
}
