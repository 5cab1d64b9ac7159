/**
 * Port of "Step 2: Fan-Out / Fan-In" of seeds/002: `fanOut` starts `numWorkers` workers reading one
 * input channel; `fanIn` merges their output channels into one, each forwarder selecting on the
 * context so it can give up, and a last goroutine closes `merged` once every forwarder is done.
 *
 * Completed: the seed leaves `worker` and main undefined. Here `generate` feeds 1…6 into the
 * input, each `worker` squares what it reads (100 ms of simulated work per value) until the input
 * is closed, and main prints what arrives on the merged channel, then the sum. The context is
 * never done while values flow, so every select has one ready case. Expected (Go semantics, one
 * P): the three workers take 1, 2, 3 and then 4, 5, 6, finishing in the order they started, so
 * the squares arrive in order.
 */
import { type Chan, chan, context, go, println, recv, select, send, sleep, time, WaitGroup } from "goroscope/runtime";

/** The input stage: sends `nums` on a new channel, then closes it. */
function generate(ctx: context.Context, ...nums: number[]): Chan<number> {
  const out = chan<number>(0, { name: "input" });
  go(async () => {
    try {
      for (const n of nums) {
        const sent = await select(
          send(out, n, () => true),
          recv(ctx.done(), () => false),
        );
        if (!sent) return;
      }
    } finally {
      out.close();
    }
  });
  return out;
}

/** Squares every value of `input` (100 ms of simulated work each) until it is closed. */
function worker(ctx: context.Context, input: Chan<number>): Chan<number> {
  const out = chan<number>();
  go(async () => {
    try {
      for await (const n of input) {
        await sleep(100 * time.Millisecond);
        const sent = await select(
          send(out, n * n, () => true),
          recv(ctx.done(), () => false),
        );
        if (!sent) return;
      }
    } finally {
      out.close();
    }
  });
  return out;
}

// Fan-out: distribute work to multiple goroutines.
function fanOut(ctx: context.Context, input: Chan<number>, numWorkers: number): Chan<number>[] {
  const channels: Chan<number>[] = [];
  for (let i = 0; i < numWorkers; i++) {
    channels[i] = worker(ctx, input);
  }
  return channels;
}

// Fan-in: merge multiple channels into one.
function fanIn(ctx: context.Context, ...channels: Chan<number>[]): Chan<number> {
  const merged = chan<number>(0, { name: "merged" });
  const wg = new WaitGroup({ name: "wg" });
  for (const ch of channels) {
    wg.add(1);
    go(async (c: Chan<number>) => {
      try {
        for (;;) {
          const stop = await select(
            recv(c, async (v, ok) => {
              if (!ok) return true;
              return select(
                send(merged, v as number, () => false),
                recv(ctx.done(), () => true),
              );
            }),
            recv(ctx.done(), () => true),
          );
          if (stop) return;
        }
      } finally {
        wg.done();
      }
    }, ch);
  }
  go(async () => {
    await wg.wait();
    merged.close();
  });
  return merged;
}

export default async function main() {
  const [ctx, cancel] = context.withCancel(context.background());
  try {
    const input = generate(ctx, 1, 2, 3, 4, 5, 6);
    const channels = fanOut(ctx, input, 3);
    let sum = 0;
    for await (const v of fanIn(ctx, ...channels)) {
      println(v);
      sum += v;
    }
    println("sum:", sum);
  } finally {
    cancel();
  }
}
