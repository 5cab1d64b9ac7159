/**
 * Runs cases the way a noisy, shared 2-core machine needs: `warmups` untimed rounds, then `rounds`
 * timed rounds; in every round each case runs once, interleaved, with the starting case rotated
 * each round so no case always follows the same neighbour. A GC before each run keeps one case's
 * garbage out of the next one's time. Times are wall-clock ns per round trip.
 *
 * A case is `{ id, setup?(): ctx, run(n, ctx): Promise<extras | void>, teardown?(ctx) }`; only `run`
 * is timed (setup opens a trace file, teardown removes it). `extras` (e.g. trace size) of the last
 * round are kept.
 */
import v8 from "node:v8";
import vm from "node:vm";

/** `gc()` without requiring `node --expose-gc` on the command line. */
function exposeGc() {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc");
}
const gc = exposeGc();

async function timeOnce(benchCase, n) {
  const ctx = benchCase.setup?.();
  try {
    gc();
    const start = process.hrtime.bigint();
    const extras = await benchCase.run(n, ctx);
    const ns = Number(process.hrtime.bigint() - start);
    return { nsPerRoundTrip: ns / n, extras: extras ?? {} };
  } finally {
    benchCase.teardown?.(ctx);
  }
}

/**
 * @param cases the cases to run
 * @param opts `{ n, rounds, warmups, onProgress(done, total) }`; warm-up rounds are whole rounds of
 *   `n` round trips whose times are dropped (JIT tiering and young-generation sizing take several
 *   runs to settle: a first run is often 1.5-2x slower than the tenth).
 * @returns Map id → `{ samples: ns per round trip by timed round, extras }`
 */
export async function measure(cases, { n, rounds, warmups, onProgress }) {
  const results = new Map(cases.map((c) => [c.id, { samples: [], extras: {} }]));
  const total = warmups + rounds;
  for (let r = 0; r < total; r++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + r) % cases.length];
      const { nsPerRoundTrip, extras } = await timeOnce(c, n);
      if (r < warmups) continue;
      const entry = results.get(c.id);
      entry.samples[r - warmups] = nsPerRoundTrip;
      entry.extras = extras;
    }
    onProgress?.(r + 1, total);
  }
  return results;
}
