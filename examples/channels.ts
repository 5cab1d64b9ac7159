/**
 * Port of seeds/000 "Channels": an anonymous goroutine sends "ping" on an unbuffered channel and
 * main receives it — the receive is what makes main wait for the goroutine.
 */
import { chan, go, println } from "goroscope/runtime";

export default async function main() {
  // Channels are typed by the value they convey.
  const message = chan<string>(0, { name: "message" });

  // Send a message into the channel: `message <- "ping"`.
  go(async () => {
    await message.send("ping");
  });

  // Receive it: `msg := <-message`.
  const msg = await message.recv();
  println(msg);
}
