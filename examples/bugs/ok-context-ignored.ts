/**
 * Correct twin of context-ignored.ts: `query` sends its rows in a select that also watches
 * `ctx.done()`, so it returns once the handler's deadline has passed.
 * Schedule: none — every seed returns cleanly with no goroutine left.
 */
import { type Chan, chan, context, go, println, recv, select, send, sleep, time } from "goroscope/runtime";

async function query(ctx: context.Context, rows: Chan<string>): Promise<void> {
  await sleep(100 * time.Millisecond);
  await select(
    send(rows, "3 rows"),
    recv(ctx.done()),
  );
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
