/**
 * Port of "Step 4: Rate Limiter" of seeds/002: `rateLimitedFetch(ctx, urls, rps)` waits for a
 * ticker at `rps` per second before each fetch, and returns what it has fetched so far when the
 * context is done.
 *
 * Completed without a network: `fetch` stands in for an HTTP GET (50 ms of simulated latency,
 * honouring the context) and records when it finished; main asks for five URLs at 5 per second
 * under a 700 ms timeout. Expected (Go semantics): ticks at 200, 400 and 600 ms, fetches done at
 * 250, 450 and 650 ms; at 700 ms the context ends before the fourth tick (800 ms), so three of
 * the five URLs are fetched.
 */
import { context, printf, recv, select, time } from "goroscope/runtime";

interface Result {
  readonly url: string;
  /** When the fetch finished, as `time.now()`. */
  readonly at: number;
}

/** Stands in for an HTTP GET: 50 ms of latency, cut short if the context ends. */
async function fetch(ctx: context.Context, url: string): Promise<Result> {
  await select(recv(time.after(50 * time.Millisecond)), recv(ctx.done()));
  return { url, at: time.now() };
}

async function rateLimitedFetch(ctx: context.Context, urls: readonly string[], rps: number): Promise<Result[]> {
  const limiter = time.newTicker(time.Second / rps);
  try {
    const results: Result[] = [];
    for (const [i, url] of urls.entries()) {
      const fetched = await select(
        recv(limiter.c, async () => {
          results[i] = await fetch(ctx, url);
          return true;
        }),
        recv(ctx.done(), () => false),
      );
      if (!fetched) return results.slice(0, i);
    }
    return results;
  } finally {
    limiter.stop(); // Go: `defer limiter.Stop()`.
  }
}

export default async function main() {
  const start = time.now();
  const [ctx, cancel] = context.withTimeout(context.background(), 700 * time.Millisecond);
  try {
    const urls = ["https://example.com/a", "https://example.com/b", "https://example.com/c", "https://example.com/d", "https://example.com/e"];
    const results = await rateLimitedFetch(ctx, urls, 5);
    for (const r of results) {
      printf("%s fetched at %v\n", r.url, time.formatDuration(r.at - start));
    }
    printf("%d of %d fetched before the deadline\n", results.length, urls.length);
  } finally {
    cancel();
  }
}
