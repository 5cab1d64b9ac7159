/**
 * Correct twin of worker-never-stopped.ts: main closes `jobs` after the last job, which ends each
 * worker's range loop, and waits for the workers before returning.
 * Schedule: none — every seed returns cleanly with no goroutine left.
 */
import { type Chan, chan, println, WaitGroup } from "goroscope/runtime";

async function worker(jobs: Chan<number>, results: Chan<number>): Promise<void> {
  for await (const j of jobs) await results.send(j * j);
}

export default async function main() {
  const jobs = chan<number>(0, { name: "jobs" });
  const results = chan<number>(4, { name: "results" });
  const wg = new WaitGroup({ name: "wg" });
  wg.go(async function workerA() {
    await worker(jobs, results);
  });
  wg.go(async function workerB() {
    await worker(jobs, results);
  });
  for (let j = 1; j <= 4; j++) await jobs.send(j);
  jobs.close();
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += (await results.recv()) ?? 0;
  await wg.wait();
  println("sum", sum);
}
