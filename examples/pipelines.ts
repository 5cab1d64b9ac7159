/**
 * Port of "Pipelines" of seeds/003 (`stage1 -> stage2 -> stage3`, each stage a goroutine
 * connected by channels).
 *
 * Completed: the seed names the stages only. Here, as in the Go blog's pipeline example, stage 1
 * (`gen`) emits numbers, stages 2 and 3 (`sq`) square what they receive, each stage closes its
 * output when its input is drained, and main ranges over the last stage: 1, 2, 3, 4 come out as
 * their fourth powers, in order (a pipeline of single goroutines keeps the order).
 */
import { type Chan, chan, go, println } from "goroscope/runtime";

/** Stage 1: emits `nums`, then closes its output. */
function gen(...nums: number[]): Chan<number> {
  const out = chan<number>(0, { name: "gen.out" });
  go(async () => {
    for (const n of nums) {
      await out.send(n);
    }
    out.close();
  });
  return out;
}

/** Stages 2 and 3: square every value of `input` until it is closed. */
function sq(input: Chan<number>, name: string): Chan<number> {
  const out = chan<number>(0, { name });
  go(async () => {
    for await (const n of input) {
      await out.send(n * n);
    }
    out.close();
  });
  return out;
}

export default async function main() {
  // Set up the pipeline and consume its output.
  for await (const n of sq(sq(gen(1, 2, 3, 4), "stage2.out"), "stage3.out")) {
    println(n);
  }
}
