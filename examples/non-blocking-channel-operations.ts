/**
 * Port of seeds/000 "Non-blocking Channel Operation": `select` with a `default` case makes a
 * receive, a send and a multi-way receive non-blocking. Nothing is ever ready here (unbuffered
 * channels, no other goroutine), so every select takes its default.
 */
import { chan, defaultCase, println, recv, select, send } from "goroscope/runtime";

export default async function main() {
  const message = chan<string>(0, { name: "message" });
  const signals = chan<string>(0, { name: "signals" });

  // Non-blocking receive.
  await select(
    recv(message, (msg) => println("Received: ", msg)),
    defaultCase(() => println("No message available")),
  );

  const msg = "from msg";
  // Non-blocking send: no buffer and no receiver, so the default case is taken.
  await select(
    send(signals, msg, () => println("Msg is sent")),
    defaultCase(() => println("No message sent")),
  );

  // Multi-way non-blocking receive.
  await select(
    recv(signals, (sig) => println("Received from signals: ", sig)),
    recv(message, (m) => println("Received from message: ", m)),
    defaultCase(() => println("Nothing Happend")), // sic: the seed's spelling
  );
}
