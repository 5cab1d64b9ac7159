/**
 * Port of seeds/000 "Wait Groups": five workers launched with `wg.Go` (Go 1.25), main waits for
 * all of them with `wg.Wait`.
 *
 * Output differs from the seed in order only. The seed's multi-core run printed starts 4 2 3 0 1
 * and finishes 0 2 3 4 1. On one P the last goroutine created sits in runnext and runs first, the
 * others follow in creation order: starts 4 0 1 2 3; their one-second sleeps end in the order they
 * began, so the finishes come in the same order.
 */
import { printf, sleep, time, WaitGroup } from "goroscope/runtime";

async function worker(id: number): Promise<void> {
  printf("worker %v started\n", id);
  await sleep(time.Second);
  printf("worker %v finished\n", id);
}

export default async function main() {
  // The zero value of a WaitGroup is ready to use. Pass it by reference, never copy it.
  const wg = new WaitGroup({ name: "wg" });

  for (let i = 0; i < 5; i++) {
    wg.go(() => worker(i)); // `wg.Go` instead of `go`: Add(1), and Done when the function returns.
  }

  await wg.wait(); // Block until every goroutine started by wg.Go has finished.
}
