/**
 * Port of the "Worker pool" program of seeds/001: `workerPool` starts five workers that range
 * over `jobs` and send `process(job)` on `results`, waits for them, then closes `results`; main
 * feeds 20 jobs and prints results until `results` is closed.
 *
 * Completed: the seed leaves `process` undefined. Here it simulates 100 ms of work and doubles the
 * job. The seed shows no output. On one P the five workers take jobs in rounds of five, and each
 * result is handed straight to main, which is waiting: the results arrive in job order, 0 2 … 38.
 */
import { type Chan, chan, go, println, sleep, time, WaitGroup } from "goroscope/runtime";

/** Stands in for real work: 100 ms, then the job doubled. */
async function process(job: number): Promise<number> {
  await sleep(100 * time.Millisecond);
  return job * 2;
}

async function workerPool(numWorkers: number, jobs: Chan<number>, results: Chan<number>): Promise<void> {
  const wg = new WaitGroup({ name: "wg" });
  for (let i = 0; i < numWorkers; i++) {
    wg.add(1);
    go(async () => {
      try {
        for await (const job of jobs) {
          await results.send(await process(job));
        }
      } finally {
        wg.done();
      }
    });
  }
  await wg.wait();
  results.close();
}

export default async function main() {
  const jobs = chan<number>(100, { name: "jobs" });
  const results = chan<number>(100, { name: "results" });

  go(workerPool, 5, jobs, results);

  for (let i = 0; i < 20; i++) {
    await jobs.send(i);
  }
  jobs.close();

  // Workers range over jobs: once it is closed and drained they return, and the pool closes results.
  for await (const result of results) {
    println(result);
  }
}
