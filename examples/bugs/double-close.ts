/**
 * Every producer closes the shared channel — panic (a non-blocking channel bug).
 *
 * Real-world pattern: several producers write to one output channel and each closes it when it
 * is done, instead of one owner closing it after all producers finished.
 *
 * What goes wrong: the first `producer` to finish closes `out` while the other still sends:
 * `panic: send on closed channel`, exit code 2 (had both finished sending first, the second
 * `close` would panic instead: `close of closed channel`).
 * Correct twin: ok-double-close.ts has a `closer` goroutine close `out` once, after a WaitGroup
 * says every producer is done.
 * Schedule: none — every seed panics.
 */
import { type Chan, chan, go, println } from "goroscope/runtime";

async function producer(out: Chan<number>, base: number): Promise<void> {
  for (let i = 0; i < 2; i++) await out.send(base + i);
  out.close(); // BUG: each producer closes the shared channel
}

export default async function main() {
  const out = chan<number>(0, { name: "out" });
  go(producer, out, 10);
  go(producer, out, 20);
  for await (const v of out) println(v);
}
