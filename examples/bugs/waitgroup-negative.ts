/**
 * Done called twice — panic: negative WaitGroup counter (WaitGroup misuse).
 *
 * Real-world pattern: a worker that defers `wg.Done()` and also calls `wg.Done()` on an error path
 * written later (or a caller that `Add`s fewer than it starts).
 *
 * What goes wrong: the failing `upload` counts down twice; the counter goes below zero and the
 * program panics with `sync: negative WaitGroup counter`, exit code 2.
 * Correct twin: ok-waitgroup-missing-done.ts (one `done`, in a `finally`).
 * Schedule: none — every seed panics.
 */
import { go, println, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const uploads = new WaitGroup({ name: "uploads" });

  async function upload(file: string): Promise<void> {
    try {
      if (file.endsWith(".tmp")) {
        println("skipping", file);
        uploads.done(); // BUG: the finally counts down too
        return;
      }
      println("uploaded", file);
    } finally {
      uploads.done();
    }
  }

  const files = ["a.txt", "b.tmp"];
  uploads.add(files.length);
  for (const f of files) go(upload, f);
  await uploads.wait();
}
