/**
 * Correct twin of double-close.ts: producers only send; a `closer` goroutine closes `out` once,
 * after the WaitGroup says every producer is done.
 * Schedule: none — every seed returns cleanly.
 */
import { type Chan, chan, go, println, WaitGroup } from "goroscope/runtime";

async function produce(out: Chan<number>, base: number): Promise<void> {
  for (let i = 0; i < 2; i++) await out.send(base + i);
}

export default async function main() {
  const out = chan<number>(0, { name: "out" });
  const producers = new WaitGroup({ name: "producers" });
  producers.go(async function producerA() {
    await produce(out, 10);
  });
  producers.go(async function producerB() {
    await produce(out, 20);
  });
  go(async function closer() {
    await producers.wait();
    out.close();
  });
  let sum = 0;
  for await (const v of out) sum += v;
  println("sum", sum);
}
