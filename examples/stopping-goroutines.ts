/**
 * Port of "Stopping goroutines" of seeds/004: five goroutines log that they started and block in a
 * select on `stopCh`; after 5 s main logs "stopping goroutines", closes `stopCh` — a receive from a
 * closed channel never blocks, so every goroutine wakes — waits for them and logs that all stopped.
 *
 * Completed: the seed's listing is cut short; the missing `wg.Add(1)` before each `go`, the
 * `close(stopCh)` and the `wg.Wait()` are restored as its comments describe them. `log.Printf`
 * becomes `logPrintf` below: log's default prefix (date and time of the run's clock, which starts
 * at the playground's 2009/11/10 23:00:00), written to stdout rather than Go's stderr.
 * Output on one P: the goroutines start 4, 0, 1, 2, 3 (the last created runs first). Close readies
 * its waiters as Go's closechan does — popping a list, in reverse queue order, each taking runnext —
 * so the first waiter (4) runs first, then the others in reverse: 3, 2, 1, 0.
 */
import { type Chan, chan, go, println, recv, select, sleep, sprintf, time, WaitGroup } from "goroscope/runtime";

/** log.Printf with log's default flags: `2009/11/10 23:00:00 message`. */
function logPrintf(format: string, ...args: unknown[]): void {
  // time.format gives "2009-11-10 23:00:05 +0000 UTC m=+5.000000001"; log prints "2009/11/10 23:00:05".
  const stamp = time.format(time.now()).slice(0, 19).replaceAll("-", "/");
  println(`${stamp} ${sprintf(format, ...args)}`);
}

export default async function main() {
  // The WaitGroup lets main wait for the other goroutines. It must be incremented before each
  // `go` and decremented when each goroutine ends.
  const wg = new WaitGroup({ name: "wg" });

  // Closed when main wants every goroutine to stop (there is no way to interrupt a goroutine in
  // Go): each one multiplexes its work with this channel.
  const stopCh = chan<void>(0, { name: "stopCh" });

  for (let i = 0; i < 5; i++) {
    wg.add(1); // Before `go`: the goroutine might not start before main reaches wg.Wait().
    go(
      async (i: number, stopCh: Chan<void>) => {
        try {
          logPrintf("started goroutine %d", i);

          // Nothing is ever sent on stopCh, so a receive means it was closed.
          await select(recv(stopCh, () => logPrintf("stopped goroutine %d", i)));
        } finally {
          wg.done();
        }
      },
      i,
      stopCh,
    );
  }

  await sleep(time.Second * 5);
  logPrintf("stopping goroutines");
  stopCh.close();
  await wg.wait();
  logPrintf("all goroutines stopped");
}
