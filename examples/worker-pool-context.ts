/**
 * Port of "Step 1: Worker Pool" of seeds/002: `workerPool(ctx, jobs, results, numWorkers)` — each
 * worker selects between the next job (returning when `jobs` is closed) and the context being
 * done; the pool waits for its workers and closes `results`.
 *
 * Completed: the seed leaves `Job`, `Result`, `process` and main undefined. Here a Job has an id,
 * `process` simulates 100 ms of work and squares it, and main runs the pool on six jobs under a
 * context it cancels on the way out (Go: `defer cancel()`). The context is never done while
 * there is work, so every select has one ready case and the run is the same for every seed.
 * Expected (Go semantics, one P): results are handed to main as they complete, in job order.
 */
import { type Chan, chan, context, go, printf, recv, select, sleep, time, WaitGroup } from "goroscope/runtime";

interface Job {
  readonly id: number;
}

interface Result {
  readonly job: Job;
  readonly value: number;
}

/** Stands in for real work: 100 ms, then the job's id squared. */
async function process(job: Job): Promise<Result> {
  await sleep(100 * time.Millisecond);
  return { job, value: job.id * job.id };
}

async function workerPool(ctx: context.Context, jobs: Chan<Job>, results: Chan<Result>, numWorkers: number): Promise<void> {
  const wg = new WaitGroup({ name: "wg" });
  for (let i = 0; i < numWorkers; i++) {
    wg.add(1);
    go(async (id: number) => {
      try {
        for (;;) {
          const more = await select(
            recv(jobs, async (job, ok) => {
              if (!ok) return false;
              await results.send(await process(job as Job));
              return true;
            }),
            recv(ctx.done(), () => false),
          );
          if (!more) return;
        }
      } finally {
        wg.done();
      }
    }, i);
  }
  await wg.wait();
  results.close();
}

export default async function main() {
  const [ctx, cancel] = context.withCancel(context.background());
  try {
    const jobs = chan<Job>(10, { name: "jobs" });
    const results = chan<Result>(10, { name: "results" });

    go(workerPool, ctx, jobs, results, 3);

    for (let id = 1; id <= 6; id++) {
      await jobs.send({ id });
    }
    jobs.close();

    for await (const r of results) {
      printf("job %d -> %d\n", r.job.id, r.value);
    }
  } finally {
    cancel();
  }
}
