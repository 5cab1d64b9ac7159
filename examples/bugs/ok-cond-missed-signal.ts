/**
 * Correct twin of cond-missed-signal.ts: the consumer waits only while the queue is empty, so a
 * signal sent before it started waiting does not matter — it finds the job already queued.
 * Schedule: none — every seed returns cleanly.
 */
import { chan, Cond, go, Mutex, println } from "goroscope/runtime";

export default async function main() {
  const queueMu = new Mutex({ name: "queue.mu" });
  const ready = new Cond(queueMu, { name: "queue.ready" });
  const queue: string[] = [];

  const inbox = chan<string>(1, { name: "inbox" });
  const done = chan<boolean>(0, { name: "done" });
  await inbox.send("job-1"); // the job arrives from elsewhere (a request, a file)
  go(async function consumer() {
    await queueMu.lock();
    while (queue.length === 0) await ready.wait();
    println("got", queue.shift());
    queueMu.unlock();
    await done.send(true);
  });

  const job = (await inbox.recv()) ?? "";
  await queueMu.lock();
  queue.push(job);
  ready.signal();
  queueMu.unlock();
  await done.recv();
}
