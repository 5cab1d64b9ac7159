/**
 * Range over a channel nobody closes — communication deadlock on a channel.
 *
 * Real-world pattern: a producer that forgets `close(out)` (or closes only on its success path),
 * and a consumer that drains with `for v := range out`.
 *
 * What goes wrong: `producer` sends three lines and returns without closing `lines`; main's range
 * loop receives them and then waits for a fourth value or a close that never comes.
 * Correct twin: ok-range-never-closed.ts closes `lines` when the producer is done.
 * Schedule: none — every seed deadlocks.
 */
import { chan, go, println } from "goroscope/runtime";

export default async function main() {
  const lines = chan<string>(0, { name: "lines" });
  go(async function producer() {
    for (const l of ["a", "b", "c"]) await lines.send(l);
    // BUG: missing lines.close()
  });
  for await (const l of lines) println(l);
  println("done");
}
