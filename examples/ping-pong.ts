/**
 * Port of "Ping pong with two goroutines" of seeds/004: `pinger` waits for a ball on `ping`, prints
 * "ping", holds it a second and sends it on `pong`; `ponger` does the reverse; main serves the
 * first ball.
 *
 * Differences: the seed's listing is cut short (the loop bodies); they are restored from the
 * playground program it links to (receive, print, sleep a second, send). In Go, main then sleeps
 * in a loop forever ("until an interrupt"); the port bounds the run: main plays for 5.5 s of
 * virtual time and returns, so the players hit six times (t = 0 … 5 s). They are still playing
 * when main returns (Goroscope reports them as leaks, as they would be in Go).
 */
import { type Chan, chan, go, println, sleep, time } from "goroscope/runtime";

// The pinger prints a ping and waits for a pong.
async function pinger(pinger: Chan<number>, ponger: Chan<number>): Promise<void> {
  for (;;) {
    await pinger.recv();
    println("ping");
    await sleep(time.Second);
    await ponger.send(1);
  }
}

// The ponger prints a pong and waits for a ping.
async function ponger(pinger: Chan<number>, ponger: Chan<number>): Promise<void> {
  for (;;) {
    await ponger.recv();
    println("pong");
    await sleep(time.Second);
    await pinger.send(1);
  }
}

export default async function main() {
  const ping = chan<number>(0, { name: "ping" });
  const pong = chan<number>(0, { name: "pong" });

  go(pinger, ping, pong);
  go(ponger, ping, pong);

  // main starts the game by sending into the ping channel.
  await ping.send(1);

  // Go blocks here until an interrupt (`for { time.Sleep(time.Second) }`); the port stops after 5.5 s.
  await sleep(5500 * time.Millisecond);
}
