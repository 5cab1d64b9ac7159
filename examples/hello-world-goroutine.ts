/**
 * Port of "Hello World Goroutine" of seeds/004: one unbuffered channel, one goroutine, one write,
 * one read; main blocks on the comma-ok receive until the goroutine sends.
 *
 * Completed: the seed's listing is cut short, but imports "time" and its text says a
 * `time.Sleep` shows that main waits on the channel; the goroutine sleeps a second before sending,
 * as in the playground program it links to.
 */
import { chan, go, printf, sleep, time } from "goroscope/runtime";

export default async function main() {
  // Create a new channel of type string.
  const ch = chan<string>(0, { name: "ch" });

  // Start a new anonymous goroutine.
  go(async () => {
    await sleep(time.Second);
    // Send "Hello World" to the channel.
    await ch.send("Hello World");
  });

  // Read from the channel.
  const [msg, ok] = await ch.recv2();
  printf("msg='%s', ok='%v'\n", msg, ok);
}
