/**
 * Signal where Broadcast was needed — communication deadlock on a Cond.
 *
 * Real-world pattern: a "start gate" that several goroutines wait on, opened with `Signal` (wakes
 * one waiter) instead of `Broadcast` (wakes all); every waiter checks its predicate correctly.
 *
 * What goes wrong: both `runner` goroutines wait on `gate.open`; main sets `opened` and signals
 * once, so one runner starts and the other waits forever; main waits for both in `wg.wait()`.
 * Correct twin: ok-cond-signal-not-broadcast.ts opens the gate with `broadcast`.
 * Schedule: none — main sleeps until both runners wait; every seed deadlocks.
 */
import { Cond, Mutex, println, sleep, time, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const gateMu = new Mutex({ name: "gate.mu" });
  const gateOpen = new Cond(gateMu, { name: "gate.open" });
  let opened = false;

  async function runner(): Promise<void> {
    await gateMu.lock();
    while (!opened) await gateOpen.wait();
    gateMu.unlock();
    println("running");
  }

  const wg = new WaitGroup({ name: "wg" });
  wg.go(runner);
  wg.go(runner);
  await sleep(time.Millisecond); // both runners are at the gate

  await gateMu.lock();
  opened = true;
  gateOpen.signal(); // BUG: wakes one runner; needs broadcast()
  gateMu.unlock();
  await wg.wait();
}
