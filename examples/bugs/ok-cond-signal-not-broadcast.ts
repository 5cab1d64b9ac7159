/**
 * Correct twin of cond-signal-not-broadcast.ts: the gate opens with `broadcast`, waking every
 * runner waiting on `gate.open`.
 * Schedule: none — every seed returns cleanly.
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
  await sleep(time.Millisecond);

  await gateMu.lock();
  opened = true;
  gateOpen.broadcast();
  gateMu.unlock();
  await wg.wait();
}
