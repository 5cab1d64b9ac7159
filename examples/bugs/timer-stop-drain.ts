/**
 * Draining a timer whose value was already received — communication deadlock on a timer channel.
 *
 * Real-world pattern: the pre-Go-1.23 idiom `if !t.Stop() { <-t.C }`, applied after a select
 * that may already have taken the timer's value: `Stop` reports false (the timer had fired) and
 * the drain waits for a second value that never comes.
 *
 * What goes wrong: the 10 ms timer fires before the 50 ms `work` result, the select receives its
 * value, and the cleanup's `<-t.c` then blocks main forever.
 * Correct twin: ok-timer-stop-drain.ts just calls `t.stop()` (since Go 1.23 a stopped timer's
 * channel holds no stale value), or drains with a non-blocking select.
 * Schedule: none — virtual time decides; every seed deadlocks.
 */
import { chan, go, println, recv, select, sleep, time } from "goroscope/runtime";

export default async function main() {
  const work = chan<string>(1, { name: "work" });
  go(async function compute() {
    await sleep(50 * time.Millisecond);
    await work.send("result");
  });
  const t = time.newTimer(10 * time.Millisecond);
  await select(
    recv(work, (v) => println(v)),
    recv(t.c, () => println("slow: still waiting")),
  );
  if (!t.stop()) await t.c.recv(); // BUG: the value was received by the select above
  println(await work.recv());
}
