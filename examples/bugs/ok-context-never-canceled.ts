/**
 * Correct twin of context-never-canceled.ts: main cancels the context on the way out (Go:
 * `defer cancel()`) and waits for the janitor to finish its cleanup.
 * Schedule: none — every seed returns cleanly with no goroutine left.
 */
import { context, println, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const [ctx, cancel] = context.withCancel(context.background());
  const wg = new WaitGroup({ name: "wg" });
  wg.go(async function janitor() {
    await ctx.done().recv();
    println("cleaning up:", ctx.err());
  });
  try {
    println("serving");
  } finally {
    cancel();
  }
  await wg.wait();
}
