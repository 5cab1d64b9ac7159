/**
 * Port of "Cancellation with context" of seeds/001: three goroutines each wait for their work's
 * result or for the context to be done, under a 5 s timeout; main waits for all three and always
 * cancels the context (Go: `defer cancel()`).
 *
 * Completed: the seed leaves `doWork(ctx)` undefined. Here `doWork(ctx, n)` starts a goroutine that
 * simulates (n + 1) × 2 s of work (2 s, 4 s, 6 s — the seed's loop gives all three the same work;
 * the index is passed so that the timeout catches one of them) and delivers its result on a
 * buffered channel, or gives up when the context is done, so it never leaks. Expected (Go
 * semantics): tasks 0 and 1 finish at 2 s and 4 s; at 5 s the deadline cancels the third.
 */
import { type Chan, chan, context, go, println, recv, select, sprintf, time, WaitGroup } from "goroscope/runtime";

function doWork(ctx: context.Context, n: number): Chan<string> {
  const out = chan<string>(1, { name: `work${n}` });
  go(async () => {
    await select(
      recv(time.after((n + 1) * 2 * time.Second), () => out.send(sprintf("task %d", n))),
      recv(ctx.done()), // Cancelled: drop the work.
    );
  });
  return out;
}

export default async function main() {
  const [ctx, cancel] = context.withTimeout(context.background(), 5 * time.Second);
  try {
    const wg = new WaitGroup({ name: "wg" });
    for (let i = 0; i < 3; i++) {
      wg.add(1);
      go(async () => {
        try {
          await select(
            recv(ctx.done(), () => println("cancelled:", ctx.err())),
            recv(doWork(ctx, i), (result) => println("done:", result)),
          );
        } finally {
          wg.done();
        }
      });
    }
    await wg.wait();
  } finally {
    cancel(); // Always cancel, even when the context expires on its own.
  }
}
