/**
 * Workers ranging over a job queue nobody closes — goroutine leak on a channel.
 *
 * Real-world pattern: a worker pool whose owner collects the results it expects and returns,
 * but never closes the jobs channel, so the workers' `for job := range jobs` never ends.
 *
 * What goes wrong: main sends four jobs, receives four results and returns; both `worker`
 * goroutines stay blocked in `range jobs` forever (leaks).
 * Correct twin: ok-worker-never-stopped.ts closes `jobs` after the last job and waits for the
 * workers.
 * Schedule: none — every seed leaks both workers.
 */
import { type Chan, chan, go, println } from "goroscope/runtime";

async function worker(jobs: Chan<number>, results: Chan<number>): Promise<void> {
  for await (const j of jobs) await results.send(j * j);
}

export default async function main() {
  const jobs = chan<number>(0, { name: "jobs" });
  const results = chan<number>(4, { name: "results" });
  go(worker, jobs, results);
  go(worker, jobs, results);
  for (let j = 1; j <= 4; j++) await jobs.send(j);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += (await results.recv()) ?? 0;
  println("sum", sum);
  // BUG: jobs is never closed
}
