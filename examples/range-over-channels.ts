/**
 * Port of seeds/000 "Iterate over Channels": `for await ... of` is Go's `for msg := range c1`; it
 * ends after the two buffered values because the channel was closed (without the close it would
 * block forever: a deadlock here).
 */
import { chan, println } from "goroscope/runtime";

export default async function main() {
  const c1 = chan<string>(2, { name: "c1" });
  await c1.send("1");
  await c1.send("2");
  c1.close();

  for await (const msg of c1) {
    println("Received: ", msg);
  }
}
