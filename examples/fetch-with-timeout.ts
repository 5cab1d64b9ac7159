/**
 * Port of "Step 3: Context for Cancellation" of seeds/002: `fetchWithTimeout(url)` gives a request
 * 5 s under `context.WithTimeout`, always cancels the context (Go: `defer cancel()`) and wraps a
 * failure as `fetching <url>: <err>`.
 *
 * Completed without a network: `doRequest` stands in for `http.NewRequestWithContext` +
 * `http.DefaultClient.Do` + `io.ReadAll`. Each URL has a simulated latency; the request returns
 * its body after that long, or fails as net/http does when the context ends first
 * (`Get "<url>": context deadline exceeded`). main fetches a fast URL (1 s) and a slow one (8 s)
 * and prints what it got, with the elapsed virtual time.
 */
import { context, printf, recv, select, sprintf, time } from "goroscope/runtime";

/** Simulated server latency per URL. */
const latency = new Map<string, number>([
  ["https://example.com", 1 * time.Second],
  ["https://slow.example.com", 8 * time.Second],
]);

type Response = [body: string | undefined, err: string | undefined];

/** Stands in for an HTTP GET honouring its context. */
async function doRequest(ctx: context.Context, url: string): Promise<Response> {
  return select<Response>(
    recv(time.after(latency.get(url) ?? 0), () => [`<html>${url}</html>`, undefined]),
    recv(ctx.done(), () => [undefined, sprintf("Get %q: %s", url, ctx.err())]),
  );
}

async function fetchWithTimeout(url: string): Promise<Response> {
  const [ctx, cancel] = context.withTimeout(context.background(), 5 * time.Second);
  try {
    const [body, err] = await doRequest(ctx, url);
    if (err !== undefined) {
      return [undefined, sprintf("fetching %s: %s", url, err)];
    }
    return [body, undefined];
  } finally {
    cancel();
  }
}

export default async function main() {
  const start = time.now();
  for (const url of ["https://example.com", "https://slow.example.com"]) {
    const [body, err] = await fetchWithTimeout(url);
    if (err !== undefined) {
      printf("error: %s (after %v)\n", err, time.formatDuration(time.since(start)));
      continue;
    }
    printf("%s: %d bytes (after %v)\n", url, (body as string).length, time.formatDuration(time.since(start)));
  }
}
