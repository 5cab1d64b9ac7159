/**
 * Port of seeds/000 "Channel Synchronization": main blocks on `<-done` until `work` signals it has
 * finished. `done` has a buffer of 1 so the worker never blocks on its final send, even if nobody
 * were left to receive it.
 */
import { type Chan, chan, go, println, sleep, time } from "goroscope/runtime";

async function work(done: Chan<boolean>): Promise<void> {
  println("Do something");
  await sleep(time.Second);
  println("Done");

  await done.send(true);
}

export default async function main() {
  // Buffered, defensively: the worker cannot leak if main stopped waiting.
  const done = chan<boolean>(1, { name: "done" });

  go(work, done);

  await done.recv(); // Block until the worker's notification arrives.
}
