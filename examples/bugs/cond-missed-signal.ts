/**
 * Missed signal — communication deadlock on a Cond.
 *
 * Real-world pattern: a consumer calls `cond.Wait()` without a predicate loop, trusting that the
 * producer will signal after it starts waiting. A `Signal` with nobody waiting is lost, so when
 * the producer gets there first the consumer sleeps forever.
 *
 * What goes wrong: under Go's one-P order (seed 0) main starts `consumer` but runs on: it takes
 * the job from `inbox`, queues it and signals `queue.ready` before the consumer has run, then
 * waits on `done`. The consumer then waits on `queue.ready` with the job already queued, and
 * nobody will signal again.
 * Correct twin: ok-cond-missed-signal.ts waits in `while (queue.length === 0)`, so a signal that
 * came early is not needed.
 * Schedule: seed 0 deadlocks; seeds that preempt main at its `inbox` receive and run the
 * consumer into its wait first do not (see docs/bugs.md for which).
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
    await ready.wait(); // BUG: no `while (queue.length === 0)` around the wait
    println("got", queue.shift());
    queueMu.unlock();
    await done.send(true);
  });

  const job = (await inbox.recv()) ?? "";
  await queueMu.lock();
  queue.push(job);
  ready.signal(); // lost if the consumer is not waiting yet
  queueMu.unlock();
  await done.recv();
}
