/**
 * Port of seeds/000 "Channel with Buffers" (also the buffered-channel fragment of seeds/001,
 * `ch <- "first"; ch <- "second"`): a channel of capacity 2 accepts two sends with no receiver,
 * and gives the values back in FIFO order.
 */
import { chan, println } from "goroscope/runtime";

export default async function main() {
  // `make(chan string, 2)`: two values fit without a receiver. `make(chan string)` is capacity 0.
  const message = chan<string>(2, { name: "message" });

  await message.send("something");
  await message.send("not blocked");

  // Received later, first in first out.
  println(await message.recv());
  println(await message.recv());
}
