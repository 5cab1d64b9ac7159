/**
 * Port of the "Fan-out" function of seeds/001: one goroutine per item, each writing its own index
 * of `results` (distinct positions, so no mutex is needed); `wg.Wait` before returning them.
 *
 * Completed: the seed leaves `process` undefined and has no main. Here `process` simulates 100 ms
 * of work and upper-cases the item, and main fans out three items and prints the results. Their
 * order is the items' order whatever the scheduling, since each goroutine writes its own index.
 */
import { go, println, sleep, time, WaitGroup } from "goroscope/runtime";

/** Stands in for real work: 100 ms, then the item upper-cased. */
async function process(item: string): Promise<string> {
  await sleep(100 * time.Millisecond);
  return item.toUpperCase();
}

async function fanOut(items: readonly string[]): Promise<string[]> {
  const results = new Array<string>(items.length).fill("");
  const wg = new WaitGroup({ name: "wg" });
  for (const [i, item] of items.entries()) {
    wg.add(1);
    go(
      async (i: number, item: string) => {
        try {
          results[i] = await process(item);
        } finally {
          wg.done();
        }
      },
      i,
      item,
    );
  }
  await wg.wait();
  return results;
}

export default async function main() {
  println(await fanOut(["alpha", "beta", "gamma"]));
}
