/**
 * A context that is never canceled — goroutine leak (context).
 *
 * Real-world pattern: `ctx, cancel := context.WithCancel(parent)` without `defer cancel()`
 * (go vet's lostcancel check): a goroutine that cleans up on `<-ctx.Done()` never runs its
 * cleanup, and waits forever.
 *
 * What goes wrong: `janitor` waits on the context's done channel; main does its work and returns
 * without calling `cancel`, so the janitor is left waiting (a leak).
 * Correct twin: ok-context-never-canceled.ts cancels on the way out and waits for the janitor.
 * Schedule: none — every seed leaks.
 */
import { context, go, println } from "goroscope/runtime";

export default async function main() {
  const [ctx, cancel] = context.withCancel(context.background());
  void cancel; // BUG: never called (Go: missing `defer cancel()`)
  go(async function janitor() {
    await ctx.done().recv();
    println("cleaning up:", ctx.err());
  });
  println("serving");
}
