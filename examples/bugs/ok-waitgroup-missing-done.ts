/**
 * Correct twin of waitgroup-missing-done.ts: `fetch` calls `pending.done()` in a `finally`
 * (Go: `defer wg.Done()`), so the early return on a bad URL counts down too.
 * Schedule: none — every seed returns cleanly.
 */
import { go, println, WaitGroup } from "goroscope/runtime";

export default async function main() {
  const pending = new WaitGroup({ name: "pending" });

  async function fetch(url: string): Promise<void> {
    try {
      if (!url.startsWith("https://")) {
        println("bad url", url);
        return;
      }
      println("fetched", url);
    } finally {
      pending.done();
    }
  }

  for (const url of ["https://a.example", "ftp://b.example", "https://c.example"]) {
    pending.add(1);
    go(fetch, url);
  }
  await pending.wait();
}
