/**
 * Correct twin of ticker-goroutine-leak.ts: `reporter` selects on a `quit` channel next to the
 * ticker, stops the ticker and returns when main closes `quit`; main waits for it.
 * Schedule: none — every seed returns cleanly with no goroutine left.
 */
import { chan, println, recv, select, sleep, time, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const quit = chan<boolean>(0, { name: "quit" });
  const wg = new WaitGroup({ name: "wg" });
  wg.go(async function reporter() {
    const ticker = time.newTicker(100 * time.Millisecond);
    try {
      for (;;) {
        const more = await select(
          recv(ticker.c, () => {
            println("tick");
            return true;
          }),
          recv(quit, () => false),
        );
        if (!more) return;
      }
    } finally {
      ticker.stop();
    }
  });
  await sleep(350 * time.Millisecond);
  quit.close();
  await wg.wait();
  println("shutting down");
}
