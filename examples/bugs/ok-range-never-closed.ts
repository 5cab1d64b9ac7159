/**
 * Correct twin of range-never-closed.ts: the producer closes `lines` when it is done (Go:
 * `defer close(out)`), which ends main's range loop.
 * Schedule: none — every seed returns cleanly.
 */
import { chan, go, println } from "goroscope/runtime";

export default async function main() {
  const lines = chan<string>(0, { name: "lines" });
  go(async function producer() {
    try {
      for (const l of ["a", "b", "c"]) await lines.send(l);
    } finally {
      lines.close();
    }
  });
  for await (const l of lines) println(l);
  println("done");
}
