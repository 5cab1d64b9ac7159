/**
 * A worker that ignores its context — goroutine leak (channel + context).
 *
 * Real-world pattern: a request handler passes a `ctx` with a deadline to a query goroutine that
 * does its work and then sends the rows with a bare `out <- rows` instead of a select that also
 * watches `ctx.Done()`. When the deadline passes, the handler returns and the send never completes.
 *
 * What goes wrong: the deadline (50 ms) passes before `query` (100 ms) finishes; main prints the
 * context's error and returns; `query` stays blocked in `rows <- ...` forever.
 * Correct twin: ok-context-ignored.ts sends in a select with a `ctx.done()` case.
 * Schedule: none — virtual time decides; every seed leaks.
 */
import { type Chan, chan, context, go, println, recv, select, sleep, time } from "goroscope/runtime";

async function query(_ctx: context.Context, rows: Chan<string>): Promise<void> {
  await sleep(100 * time.Millisecond);
  await rows.send("3 rows"); // BUG: does not watch ctx.done()
}

export default async function main() {
  const [ctx, cancel] = context.withTimeout(context.background(), 50 * time.Millisecond);
  try {
    const rows = chan<string>(0, { name: "rows" });
    go(query, ctx, rows);
    await select(
      recv(rows, (r) => println(r)),
      recv(ctx.done(), () => println(ctx.err())),
    );
  } finally {
    cancel();
  }
}
