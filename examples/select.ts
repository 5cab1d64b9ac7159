/**
 * Port of seeds/000 "Select": main waits on two channels at once; the goroutines deliver after 1 s
 * and 2 s, so the whole program takes 2 s rather than 3.
 *
 * Differences: Go's `%v` of a time.Duration is its String(); here a Duration is a plain number of
 * nanoseconds, so the port formats it with `time.formatDuration`. On the virtual clock the elapsed
 * time is exactly `2s` (the seed's real run shows `2.001103981s`). Like the seed, the last line
 * has no trailing newline.
 */
import { chan, go, printf, println, recv, select, sleep, time } from "goroscope/runtime";

export default async function main() {
  const c1 = chan<string>(0, { name: "c1" });
  const c2 = chan<string>(0, { name: "c2" });

  const startTime = time.now();

  go(async () => {
    await sleep(time.Second);
    await c1.send("The first is done");
  });

  go(async () => {
    await sleep(2 * time.Second);
    await c2.send("The second is done");
  });

  // `select` awaits both channels at once, rather than one then the other.
  for (let i = 0; i < 2; i++) {
    await select(
      recv(c1, (msg) => println("Received:", msg)),
      recv(c2, (msg) => println("Received:", msg)),
    );
  }

  const elapsed = time.since(startTime);
  printf("Total time cost: %v", time.formatDuration(elapsed));
}
