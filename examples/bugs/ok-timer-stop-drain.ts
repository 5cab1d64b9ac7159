/**
 * Correct twin of timer-stop-drain.ts: after the select, `t.stop()` alone is enough (since Go
 * 1.23 a stopped timer's channel never delivers a stale value); no blocking drain.
 * Schedule: none — every seed returns cleanly.
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
  t.stop();
  println(await work.recv());
}
