/**
 * Port of the context program of seeds/003: `context.WithTimeout(context.Background(),
 * time.Second)`, `defer cancel()`, and a select on `ctx.Done()` that prints "timeout" once the
 * second has passed.
 *
 * Difference: no `defer`; cancel runs in a `finally`.
 */
import { context, println, recv, select, time } from "goroscope/runtime";

export default async function main() {
  const [ctx, cancel] = context.withTimeout(context.background(), time.Second);
  try {
    await select(recv(ctx.done(), () => println("timeout")));
  } finally {
    cancel();
  }
}
