/**
 * Port of "Example: Worker Reporting Results" of seeds/003: the worker sends "done" on an
 * unbuffered channel; main waits for it and prints it.
 */
import { type Chan, chan, go, println } from "goroscope/runtime";

async function worker(ch: Chan<string>): Promise<void> {
  await ch.send("done");
}

export default async function main() {
  const ch = chan<string>(0, { name: "ch" });
  go(worker, ch);
  const msg = await ch.recv();
  println(msg);
}
