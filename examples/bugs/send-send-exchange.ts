/**
 * Two peers that both send first — partial deadlock on two unbuffered channels.
 *
 * Real-world pattern: a handshake between two goroutines (gRPC/etcd-style peers) where each
 * side sends its hello on an unbuffered channel and only then receives the other's; the rest of
 * the program carries on, so nothing crashes — two goroutines are simply stuck forever.
 *
 * What goes wrong: `left` blocks in `toRight <- hello` and `right` in `toLeft <- hello`; neither
 * ever receives. Main keeps serving for 1 s and returns, leaving both stuck in a cycle.
 * Correct twin: ok-send-send-exchange.ts lets one side (`right`) receive first.
 * Schedule: none — every seed leaves the two peers deadlocked.
 */
import { chan, go, println, sleep, time } from "goroscope/runtime";

export default async function main() {
  const toLeft = chan<string>(0, { name: "toLeft" });
  const toRight = chan<string>(0, { name: "toRight" });
  go(async function left() {
    await toRight.send("hello from left");
    println("left got", await toLeft.recv());
  });
  go(async function right() {
    await toLeft.send("hello from right"); // BUG: both sides send first
    println("right got", await toRight.recv());
  });
  await sleep(time.Second); // serving other requests
  println("server stopped");
}
