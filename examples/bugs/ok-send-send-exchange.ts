/**
 * Correct twin of send-send-exchange.ts: the handshake has an order — `left` sends first and
 * `right` receives first — so each unbuffered send meets a receiver.
 * Schedule: none — every seed returns cleanly with no goroutine left.
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
    println("right got", await toRight.recv());
    await toLeft.send("hello from right");
  });
  await sleep(time.Second);
  println("server stopped");
}
