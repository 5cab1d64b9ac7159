/**
 * Correct twin of timeout-strands-sender.ts: `result` has a buffer of 1, so `fetch` can deliver
 * its late result without a receiver and exit (the value is garbage-collected with the channel).
 * Schedule: none — every seed returns cleanly with no goroutine left.
 */
import { chan, go, println, recv, select, sleep, time } from "goroscope/runtime";

export default async function main() {
  const result = chan<string>(1, { name: "result" });
  go(async function fetch() {
    await sleep(2 * time.Second);
    await result.send("<html>");
  });
  const page = await select(
    recv(result, (v) => v),
    recv(time.after(time.Second), () => "timeout"),
  );
  println(page);
}
