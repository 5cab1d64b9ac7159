/**
 * Return on the first error — goroutine leak on an unbuffered channel.
 *
 * Real-world pattern: a fan-out of checks reports on an unbuffered `errs` channel and the caller
 * returns as soon as one check fails (Docker/Kubernetes "first error wins" loops).
 *
 * What goes wrong: all three `check` goroutines fail; main receives the first error and returns,
 * and the other two stay blocked in `errs <- err` forever.
 * Correct twin: ok-first-error-return.ts gives `errs` one slot per check.
 * Schedule: none — every seed leaks two checks.
 */
import { chan, go, println, sleep, time } from "goroscope/runtime";

export default async function main() {
  const hosts = ["db", "cache", "queue"];
  const errs = chan<string>(0, { name: "errs" });
  for (const h of hosts) {
    go(async function check(host: string) {
      await sleep(10 * time.Millisecond);
      await errs.send(`${host}: unreachable`);
    }, h);
  }
  for (let i = 0; i < hosts.length; i++) {
    const err = await errs.recv();
    if (err !== undefined) {
      println("health check failed:", err);
      return; // BUG: the remaining checks can never send
    }
  }
}
