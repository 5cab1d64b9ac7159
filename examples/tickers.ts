/**
 * Port of seeds/000 "Tickers": a 500 ms ticker, read by a goroutine in a select loop, ticks three
 * times in 1600 ms; main then stops it and tells the goroutine to return.
 *
 * Differences: Go prints a tick's time.Time with its String(); here a tick is a `time.now()`
 * number, printed with `time.format`, which renders Go's format from the virtual clock's epoch
 * (the playground's 2009-11-10 23:00:00 UTC). So the ticks show at exactly +0.5 s, +1 s and +1.5 s
 * (the seed's real run shows its wall clock in CST and a few µs of drift).
 */
import { chan, go, println, recv, select, sleep, time } from "goroscope/runtime";

export default async function main() {
  // A ticker sends the current time on its channel at every interval.
  const ticker = time.newTicker(500 * time.Millisecond);
  const done = chan<boolean>(0, { name: "done" });

  go(async () => {
    // A select in a loop: a tick or the signal to stop, whichever comes first.
    for (;;) {
      const stop = await select(
        recv(done, () => true),
        recv(ticker.c, (t) => {
          println("Ticked at ", time.format(t as number));
          return false;
        }),
      );
      if (stop) return;
    }
  });

  await sleep(1600 * time.Millisecond);
  ticker.stop(); // A ticker can be stopped too.
  await done.send(true);
  println("Ticker stopped");
}
