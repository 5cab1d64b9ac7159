/**
 * Correct twin of first-error-return.ts: `errs` has one slot per check, so every check can send
 * its result and exit even after main has returned on the first error.
 * Schedule: none — every seed returns cleanly with no goroutine left.
 */
import { chan, go, println, sleep, time } from "goroscope/runtime";

export default async function main() {
  const hosts = ["db", "cache", "queue"];
  const errs = chan<string>(hosts.length, { name: "errs" });
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
      return;
    }
  }
}
