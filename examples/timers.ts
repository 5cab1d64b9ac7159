/**
 * Port of seeds/000 "Timers": timer1 fires after 2 s (main sleeps 1 s first, then waits the other
 * second on `timer1.C`); timer2 is stopped before it fires, so its goroutine never prints.
 *
 * Differences: the seed's format string is `"It takes %v/n"` — a typo for `\n` (the seed shows the
 * lines apart); the port prints `\n`, so its output is what the seed shows. Go's `%v` of a Duration
 * is its String(); here a Duration is a number of ns, formatted with `time.formatDuration`: exactly
 * `2s` on the virtual clock (the seed's real run shows `2.000502648s`). As in Go, the goroutine
 * waiting on the stopped timer2 is still blocked when main returns (Goroscope reports it as a leak).
 */
import { go, printf, println, sleep, time } from "goroscope/runtime";

export default async function main() {
  const startTime = time.now();

  // A timer delivers a value on its channel `C` once, at the given time.
  const timer1 = time.newTimer(2 * time.Second);

  await sleep(time.Second);

  await timer1.c.recv(); // Blocks until the timer fires.

  const duration = time.since(startTime);
  printf("It takes %v\n", time.formatDuration(duration));

  const timer2 = time.newTimer(2 * time.Second);
  go(async () => {
    await timer2.c.recv();
    println("Timer2 is fired");
  });

  // Unlike a sleep, a timer can be cancelled before it fires; Stop reports true if it did.
  const stopped = timer2.stop();
  if (stopped) {
    println("Timer2 is stopped");
  }
  await sleep(2 * time.Second);
}
