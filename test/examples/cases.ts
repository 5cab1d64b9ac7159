/**
 * What every example under examples/ must print, and what its seed documents.
 *
 * `want` is what Go prints for the program at GOMAXPROCS=1 on a virtual clock — Goroscope's
 * schedule for seed 0 — in full. `seed` is the output the seed's comment shows (copied from
 * ../shared/seeds, which tests must not read), given wherever the seed shows one:
 * - `differs` absent: `want` is exactly the seed's output;
 * - `differs: "order"`: the seed's output comes from a multi-core run; same lines, other order;
 * - `differs: "timing"`: durations, timestamps or counts that depend on the machine; every line of
 *   `want` and of `seed` matches the pattern at its index in `patterns`, and `want` holds the exact
 *   virtual-time value.
 * Examples whose seed shows no output (fragments completed into programs) state Go's output from
 * the language's semantics; see each example's header comment.
 */
import type { RunOptions } from "goroscope/runtime";

export interface ExampleCase {
  /** examples/<name>.ts */
  readonly name: string;
  readonly load: () => Promise<{ default: () => unknown }>;
  readonly want: readonly string[];
  /** Go's output ends in a newline (false for a final Printf without `\n`). */
  readonly finalNewline?: boolean;
  readonly seed?: readonly string[];
  readonly differs?: "order" | "timing";
  readonly patterns?: readonly RegExp[];
  /** Names of the goroutines still alive when the run ends (leaks in Go too); none by default. */
  readonly leaks?: readonly string[];
  readonly opts?: RunOptions;
  /**
   * What other schedules (seeds ≠ 0: random choice of the next goroutine, preemption points) keep:
   * "same" output, the "same-lines" in another order, or — absent — only a clean end (the lines
   * themselves depend on who ran first, e.g. which worker took which job).
   */
  readonly otherSeeds?: "same" | "same-lines";
}

/** Go's Time.String() as the seeds print it: date, time, optional fraction, zone, monotonic reading. */
const TIME = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,9})? [+-]\d{4} [A-Z]+ m=\+\d+\.\d{9}`;
/** Go's Duration.String() for durations under a minute. */
const SECONDS = String.raw`\d+(\.\d{1,9})?s`;

const range = <T = string>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

export const cases: readonly ExampleCase[] = [
  // ---- seeds/000 -------------------------------------------------------------------------
  {
    name: "goroutines",
    otherSeeds: "same-lines",
    load: () => import("../../examples/goroutines"),
    want: ["directly :  0", "directly :  1", "directly :  2", "going", "goroutine :  0", "goroutine :  1", "goroutine :  2", "Done."],
    seed: ["directly :  0", "directly :  1", "directly :  2", "going", "goroutine :  0", "goroutine :  1", "goroutine :  2", "Done."],
  },
  {
    name: "channels",
    otherSeeds: "same",
    load: () => import("../../examples/channels"),
    want: ["ping"],
    seed: ["ping"],
  },
  {
    name: "channel-buffering",
    otherSeeds: "same",
    load: () => import("../../examples/channel-buffering"),
    want: ["something", "not blocked"],
    seed: ["something", "not blocked"],
  },
  {
    name: "channel-synchronization",
    otherSeeds: "same",
    load: () => import("../../examples/channel-synchronization"),
    want: ["Do something", "Done"],
    seed: ["Do something", "Done"],
  },
  {
    name: "channel-directions",
    otherSeeds: "same",
    load: () => import("../../examples/channel-directions"),
    want: ["Hello"],
    seed: ["Hello"],
  },
  {
    name: "select",
    otherSeeds: "same",
    load: () => import("../../examples/select"),
    // Exactly 2 s of virtual time; Printf without "\n", as in the seed.
    want: ["Received: The first is done", "Received: The second is done", "Total time cost: 2s"],
    finalNewline: false,
    seed: ["Received: The first is done", "Received: The second is done", "Total time cost: 2.001103981s"],
    differs: "timing",
    patterns: [/^Received: The first is done$/, /^Received: The second is done$/, new RegExp(`^Total time cost: ${SECONDS}$`)],
  },
  {
    name: "timeouts",
    otherSeeds: "same",
    load: () => import("../../examples/timeouts"),
    want: ["Task 1 is timeout", "Received:  The second is done"],
    seed: ["Task 1 is timeout", "Received:  The second is done"],
  },
  {
    name: "non-blocking-channel-operations",
    otherSeeds: "same",
    load: () => import("../../examples/non-blocking-channel-operations"),
    want: ["No message available", "No message sent", "Nothing Happend"],
    seed: ["No message available", "No message sent", "Nothing Happend"],
  },
  {
    name: "closing-channels",
    otherSeeds: "same-lines",
    load: () => import("../../examples/closing-channels"),
    want: [
      "Send job:  0",
      "Send job:  1",
      "Send job:  2",
      "Sent all jobs",
      "Received Job:  0",
      "Received Job:  1",
      "Received Job:  2",
      "Received all jobs",
      "Can receive more jobs:  false",
    ],
    seed: [
      "Send job:  0",
      "Send job:  1",
      "Send job:  2",
      "Sent all jobs",
      "Received Job:  0",
      "Received Job:  1",
      "Received Job:  2",
      "Received all jobs",
      "Can receive more jobs:  false",
    ],
  },
  {
    name: "range-over-channels",
    otherSeeds: "same",
    load: () => import("../../examples/range-over-channels"),
    want: ["Received:  1", "Received:  2"],
    seed: ["Received:  1", "Received:  2"],
  },
  {
    name: "timers",
    otherSeeds: "same",
    load: () => import("../../examples/timers"),
    // The seed's "%v/n" is printed as "%v\n" (see the example); exactly 2 s of virtual time.
    want: ["It takes 2s", "Timer2 is stopped"],
    seed: ["It takes 2.000502648s", "Timer2 is stopped"],
    differs: "timing",
    patterns: [new RegExp(`^It takes ${SECONDS}$`), /^Timer2 is stopped$/],
    // Blocked on the stopped timer2's channel forever, in Go as here.
    leaks: ["main.func1"],
  },
  {
    name: "tickers",
    otherSeeds: "same",
    load: () => import("../../examples/tickers"),
    // Ticks at exactly +0.5 s, +1 s, +1.5 s from the virtual epoch (Go playground's).
    want: [
      "Ticked at  2009-11-10 23:00:00.5 +0000 UTC m=+0.500000001",
      "Ticked at  2009-11-10 23:00:01 +0000 UTC m=+1.000000001",
      "Ticked at  2009-11-10 23:00:01.5 +0000 UTC m=+1.500000001",
      "Ticker stopped",
    ],
    seed: [
      "Ticked at  2026-05-28 11:29:40.615295791 +0800 CST m=+0.500022420",
      "Ticked at  2026-05-28 11:29:41.115297187 +0800 CST m=+1.000024306",
      "Ticked at  2026-05-28 11:29:41.615297816 +0800 CST m=+1.500024516",
      "Ticker stopped",
    ],
    differs: "timing",
    patterns: [...range(3, () => new RegExp(`^Ticked at  ${TIME}$`)), /^Ticker stopped$/],
  },
  {
    name: "worker-pools",
    load: () => import("../../examples/worker-pools"),
    // On one P worker 2 starts job 3 before worker 0 starts job 4, so it finishes first.
    want: [
      "worker id:  2  started job:  0",
      "worker id:  0  started job:  1",
      "worker id:  1  started job:  2",
      "worker id:  2  finished job:  0",
      "worker id:  2  started job:  3",
      "worker id:  0  finished job:  1",
      "worker id:  0  started job:  4",
      "worker id:  1  finished job:  2",
      "worker id:  2  finished job:  3",
      "worker id:  0  finished job:  4",
    ],
    seed: [
      "worker id:  2  started job:  0",
      "worker id:  0  started job:  1",
      "worker id:  1  started job:  2",
      "worker id:  2  finished job:  0",
      "worker id:  2  started job:  3",
      "worker id:  0  finished job:  1",
      "worker id:  0  started job:  4",
      "worker id:  1  finished job:  2",
      "worker id:  0  finished job:  4",
      "worker id:  2  finished job:  3",
    ],
    differs: "order",
  },
  {
    name: "wait-groups",
    otherSeeds: "same-lines",
    load: () => import("../../examples/wait-groups"),
    // One P: the last goroutine created (runnext) first, then creation order; sleeps end in the same order.
    want: [
      "worker 4 started",
      "worker 0 started",
      "worker 1 started",
      "worker 2 started",
      "worker 3 started",
      "worker 4 finished",
      "worker 0 finished",
      "worker 1 finished",
      "worker 2 finished",
      "worker 3 finished",
    ],
    seed: [
      "worker 4 started",
      "worker 2 started",
      "worker 3 started",
      "worker 0 started",
      "worker 1 started",
      "worker 0 finished",
      "worker 2 finished",
      "worker 3 finished",
      "worker 4 finished",
      "worker 1 finished",
    ],
    differs: "order",
  },
  {
    name: "rate-limiting",
    otherSeeds: "same",
    load: () => import("../../examples/rate-limiting"),
    // Exact virtual times: one request per 200 ms tick, then a burst of three at 1 s and two more at the ticker's rate.
    want: [
      "Request:  0 2009-11-10 23:00:00.2 +0000 UTC m=+0.200000001",
      "Request:  1 2009-11-10 23:00:00.4 +0000 UTC m=+0.400000001",
      "Request:  2 2009-11-10 23:00:00.6 +0000 UTC m=+0.600000001",
      "Request:  3 2009-11-10 23:00:00.8 +0000 UTC m=+0.800000001",
      "Request:  4 2009-11-10 23:00:01 +0000 UTC m=+1.000000001",
      "request 1 2009-11-10 23:00:01 +0000 UTC m=+1.000000001",
      "request 2 2009-11-10 23:00:01 +0000 UTC m=+1.000000001",
      "request 3 2009-11-10 23:00:01 +0000 UTC m=+1.000000001",
      "request 4 2009-11-10 23:00:01.2 +0000 UTC m=+1.200000001",
      "request 5 2009-11-10 23:00:01.4 +0000 UTC m=+1.400000001",
    ],
    seed: [
      "Request:  0 2026-05-28 12:22:17.038991947 +0800 CST m=+0.200381055",
      "Request:  1 2026-05-28 12:22:17.239389833 +0800 CST m=+0.400779988",
      "Request:  2 2026-05-28 12:22:17.438724804 +0800 CST m=+0.600114959",
      "Request:  3 2026-05-28 12:22:17.639326836 +0800 CST m=+0.800716921",
      "Request:  4 2026-05-28 12:22:17.838851775 +0800 CST m=+1.000241372",
      "request 1 2026-05-28 12:22:17.838971064 +0800 CST m=+1.000360731",
      "request 2 2026-05-28 12:22:17.838983496 +0800 CST m=+1.000373582",
      "request 3 2026-05-28 12:22:17.838994042 +0800 CST m=+1.000383709",
      "request 4 2026-05-28 12:22:18.039238766 +0800 CST m=+1.200628921",
      "request 5 2026-05-28 12:22:18.239595445 +0800 CST m=+1.400985531",
    ],
    differs: "timing",
    patterns: [
      ...range(5, (i) => `^Request:  ${i} ${TIME}$`).map((p) => new RegExp(p)),
      ...range(5, (i) => `^request ${i + 1} ${TIME}$`).map((p) => new RegExp(p)),
    ],
    // The goroutine refilling burstyLimiter, blocked on it once it is full, in Go as here.
    leaks: ["main.func1"],
  },
  {
    name: "atomic-counters",
    otherSeeds: "same",
    load: () => import("../../examples/atomic-counters"),
    want: ["Ops:  50000"],
    seed: ["Ops:  50000"],
  },
  {
    name: "mutexes",
    otherSeeds: "same",
    load: () => import("../../examples/mutexes"),
    want: ["map[a:20000 b:10000]"],
    seed: ["map[a:20000 b:10000]"],
  },
  {
    name: "stateful-goroutines",
    load: () => import("../../examples/stateful-goroutines"),
    // Virtual time: each of 100 readers and 10 writers completes one operation per ms at t = 0 … 999 ms,
    // and main's 1 s timer (set first) fires before theirs at t = 1 s.
    want: ["readOps: 100000", "writeOps: 10000"],
    seed: ["readOps: 69740", "writeOps: 7366"],
    differs: "timing",
    patterns: [/^readOps: \d+$/, /^writeOps: \d+$/],
    // The state owner, 100 readers and 10 writers loop forever, in Go as here. A short grace
    // period: 10 s more of 110 goroutines working every millisecond is 11 times the program.
    leaks: range(111, (i) => `main.func${i === 0 ? 1 : i <= 100 ? 2 : 3}`),
    opts: { grace: 10 * 1_000_000 },
  },

  // ---- seeds/001 -------------------------------------------------------------------------
  {
    name: "wait-group-add-done",
    otherSeeds: "same-lines",
    load: () => import("../../examples/wait-group-add-done"),
    want: ["worker 4", "worker 0", "worker 1", "worker 2", "worker 3"],
  },
  {
    name: "worker-pool-results",
    otherSeeds: "same-lines",
    load: () => import("../../examples/worker-pool-results"),
    want: range(20, (i) => String(2 * i)),
  },
  {
    name: "fan-out-items",
    otherSeeds: "same",
    load: () => import("../../examples/fan-out-items"),
    want: ["[ALPHA BETA GAMMA]"],
  },
  {
    name: "context-cancellation",
    otherSeeds: "same",
    load: () => import("../../examples/context-cancellation"),
    want: ["done: task 0", "done: task 1", "cancelled: context deadline exceeded"],
  },

  // ---- seeds/002 -------------------------------------------------------------------------
  {
    name: "worker-pool-context",
    otherSeeds: "same-lines",
    load: () => import("../../examples/worker-pool-context"),
    want: range(6, (i) => `job ${i + 1} -> ${(i + 1) ** 2}`),
  },
  {
    name: "fan-out-fan-in",
    otherSeeds: "same-lines",
    load: () => import("../../examples/fan-out-fan-in"),
    want: ["1", "4", "9", "16", "25", "36", "sum: 91"],
  },
  {
    name: "fetch-with-timeout",
    otherSeeds: "same",
    load: () => import("../../examples/fetch-with-timeout"),
    want: [
      "https://example.com: 32 bytes (after 1s)",
      'error: fetching https://slow.example.com: Get "https://slow.example.com": context deadline exceeded (after 6s)',
    ],
  },
  {
    name: "rate-limited-fetch",
    otherSeeds: "same",
    load: () => import("../../examples/rate-limited-fetch"),
    want: [
      "https://example.com/a fetched at 250ms",
      "https://example.com/b fetched at 450ms",
      "https://example.com/c fetched at 650ms",
      "3 of 5 fetched before the deadline",
    ],
  },

  // ---- seeds/003 -------------------------------------------------------------------------
  {
    name: "fetch-without-waiting",
    otherSeeds: "same",
    load: () => import("../../examples/fetch-without-waiting"),
    // main returns at once: Go prints nothing. The fetches finish in the grace period (no leak).
    want: [],
  },
  {
    name: "worker-result",
    otherSeeds: "same",
    load: () => import("../../examples/worker-result"),
    want: ["done"],
  },
  {
    name: "pipelines",
    otherSeeds: "same",
    load: () => import("../../examples/pipelines"),
    want: ["1", "16", "81", "256"],
  },
  {
    name: "context-timeout",
    otherSeeds: "same",
    load: () => import("../../examples/context-timeout"),
    want: ["timeout"],
  },

  // ---- seeds/004 -------------------------------------------------------------------------
  {
    name: "do-multiply",
    otherSeeds: "same-lines",
    load: () => import("../../examples/do-multiply"),
    // The seed's comment lists "Result: 2" first; on one P the second goroutine (runnext) runs and finishes first.
    want: ["Result: 12", "Result: 2"],
    seed: ["Result: 2", "Result: 12"],
    differs: "order",
  },
  {
    name: "hello-world-goroutine",
    otherSeeds: "same",
    load: () => import("../../examples/hello-world-goroutine"),
    want: ["msg='Hello World', ok='true'"],
  },
  {
    name: "waiting-for-goroutines",
    otherSeeds: "same-lines",
    load: () => import("../../examples/waiting-for-goroutines"),
    want: [...["9", "0", "1", "2", "3", "4", "5", "6", "7", "8"].map((i) => `routine ${i} finished`), "main finished"],
  },
  {
    name: "closures-in-loop",
    otherSeeds: "same-lines",
    load: () => import("../../examples/closures-in-loop"),
    want: [
      "passed as an argument: c",
      "passed as an argument: a",
      "passed as an argument: b",
      "copied before the closure: c",
      "copied before the closure: a",
      "copied before the closure: b",
    ],
  },
  {
    name: "stopping-goroutines",
    otherSeeds: "same-lines",
    load: () => import("../../examples/stopping-goroutines"),
    // Close readies its waiters as Go's closechan does (reverse queue order, each into runnext):
    // the first waiter (4) runs first, then 3, 2, 1, 0.
    want: [
      "2009/11/10 23:00:00 started goroutine 4",
      "2009/11/10 23:00:00 started goroutine 0",
      "2009/11/10 23:00:00 started goroutine 1",
      "2009/11/10 23:00:00 started goroutine 2",
      "2009/11/10 23:00:00 started goroutine 3",
      "2009/11/10 23:00:05 stopping goroutines",
      "2009/11/10 23:00:05 stopped goroutine 4",
      "2009/11/10 23:00:05 stopped goroutine 3",
      "2009/11/10 23:00:05 stopped goroutine 2",
      "2009/11/10 23:00:05 stopped goroutine 1",
      "2009/11/10 23:00:05 stopped goroutine 0",
      "2009/11/10 23:00:05 all goroutines stopped",
    ],
  },
  {
    name: "ping-pong",
    otherSeeds: "same",
    load: () => import("../../examples/ping-pong"),
    // Bounded: main returns after 5.5 s of virtual time; one hit per second from t = 0.
    want: ["ping", "pong", "ping", "pong", "ping", "pong"],
    // Still playing, in Go as here.
    leaks: ["pinger", "ponger"],
  },
];
