/**
 * A ticker loop with no way out — goroutine leak (channel + timer).
 *
 * Real-world pattern: a background `reporter` started with `for range time.Tick(d)` (or a Ticker
 * that is never stopped) and no quit channel: it outlives the component that started it.
 *
 * What goes wrong: main runs for 350 ms and returns; `reporter` is still waiting for its next tick
 * at the end of the grace period, and always will be (a leak: Go would keep it forever).
 * Correct twin: ok-ticker-goroutine-leak.ts selects on a `quit` channel as well, and stops the
 * ticker when told to.
 * Schedule: none — virtual time decides; every seed leaks.
 */
import { go, println, sleep, time } from "goroscope/runtime";

export default async function main() {
  go(async function reporter() {
    const ticker = time.newTicker(100 * time.Millisecond);
    for await (const _ of ticker.c) println("tick"); // BUG: no quit case, ticker never stopped
  });
  await sleep(350 * time.Millisecond);
  println("shutting down");
}
