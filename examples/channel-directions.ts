/**
 * Port of seeds/000 "Channel with Direction": `ping` only sends, `pong` receives from one channel
 * and sends on another. Both are ordinary calls from main, as in the seed (no goroutines).
 *
 * Difference: TypeScript has no `chan<-`/`<-chan` types; `SendOnly` and `RecvOnly` below narrow a
 * `Chan` to the half a function may use, which the type checker then enforces as Go's would.
 */
import { type Chan, chan, println } from "goroscope/runtime";

/** `chan<- T`: may only send (and close). */
type SendOnly<T> = Pick<Chan<T>, "send" | "close">;
/** `<-chan T`: may only receive. */
type RecvOnly<T> = Pick<Chan<T>, "recv" | "recv2">;

// This function accepts a channel for sending a message.
async function ping(pings: SendOnly<string>, msg: string): Promise<void> {
  await pings.send(msg);
}

// This function accepts a channel for receiving (pings) and one for sending (pongs).
async function pong(pings: RecvOnly<string>, pongs: SendOnly<string>): Promise<void> {
  const msg = (await pings.recv()) as string;
  await pongs.send(msg);
}

export default async function main() {
  const pings = chan<string>(1, { name: "pings" });
  const pongs = chan<string>(1, { name: "pongs" });

  await ping(pings, "Hello");
  await pong(pings, pongs);

  println(await pongs.recv());
}
