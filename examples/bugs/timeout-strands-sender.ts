/**
 * A timeout strands the sender — goroutine leak on an unbuffered channel (channel + timer).
 *
 * Real-world pattern: the most common leak in Tu et al.'s study (Kubernetes, gRPC): a request
 * runs in a goroutine that reports on an unbuffered channel, and the caller selects between that
 * channel and `time.After`. When the timeout wins, nobody will ever receive the late result.
 *
 * What goes wrong: `fetch` takes 2 s, the timeout is 1 s; main prints "timeout" and returns, and
 * `fetch` stays blocked in `result <- page` forever (a leak: alive after main returned).
 * Correct twin: ok-timeout-strands-sender.ts gives `result` a buffer of 1, so the late send
 * completes and `fetch` exits.
 * Schedule: none — virtual time decides; every seed leaks.
 */
import { chan, go, println, recv, select, sleep, time } from "goroscope/runtime";

export default async function main() {
  const result = chan<string>(0, { name: "result" });
  go(async function fetch() {
    await sleep(2 * time.Second);
    await result.send("<html>"); // blocks forever once main has given up
  });
  const page = await select(
    recv(result, (v) => v),
    recv(time.after(time.Second), () => "timeout"),
  );
  println(page);
}
