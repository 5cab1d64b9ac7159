/**
 * Port of seeds/000 "Worker Pools": three workers take five one-second jobs from `jobs` and send
 * doubled results on `results`; main sends the jobs, closes `jobs`, and collects five results.
 *
 * Output differs from the seed in the last two lines. The seed's run ended with
 * `worker id:  0  finished job:  4` before `worker id:  2  finished job:  3`; on one P, worker 2
 * started job 3 before worker 0 started job 4 (at the same instant, t = 1 s), so its sleep ends
 * first and it finishes first. The seed's order comes from a multi-core run.
 */
import { type Chan, chan, go, println, sleep, time } from "goroscope/runtime";

async function worker(id: number, jobs: Chan<number>, results: Chan<number>): Promise<void> {
  for await (const j of jobs) {
    println("worker id: ", id, " started job: ", j);
    await sleep(time.Second);
    println("worker id: ", id, " finished job: ", j);
    await results.send(j * 2);
  }
}

export default async function main() {
  const jobNum = 5;
  const jobs = chan<number>(jobNum, { name: "jobs" });
  const results = chan<number>(jobNum, { name: "results" });

  for (let w = 0; w < 3; w++) {
    go(worker, w, jobs, results);
  }

  for (let j = 0; j < jobNum; j++) {
    await jobs.send(j);
  }

  jobs.close();
  for (let i = 0; i < jobNum; i++) {
    await results.recv();
  }
}
