/**
 * Goroscope's runtime: Go's concurrency API for TypeScript programs, run on a deterministic
 * scheduler that writes every goroutine, channel and lock event to a trace.
 *
 * A program is a module whose default export is `async function main()`; `goroscope run` loads
 * it and calls `run(main, options)`. This file is the only public surface of `runtime/`.
 */
import { FORMAT_NAME } from "../traces/format/schema";
import { TraceWriter } from "../traces/writer/writer";
import { activeOrUndefined, sched, setActive } from "./active";
import { chan, ChanImpl } from "./chan";
import { GoPanic } from "./panic";
import { createRand } from "./rand";
import type { RunOptions, RunResult } from "./run-options";
import { Scheduler } from "./scheduler";
import { formatValue, preview, sprint, sprintf as fmtSprintf, sprintln } from "./fmt";
import { VIRTUAL_EPOCH_MS } from "./time";

export { chan };
export type Chan<T> = ChanImpl<T>;
export { select, recv, send, defaultCase, type Case } from "./select";
export { Mutex } from "./sync/mutex";
export { RWMutex } from "./sync/rwmutex";
export { WaitGroup } from "./sync/waitgroup";
export { Once } from "./sync/once";
export { Cond } from "./sync/cond";
export { AtomicInt } from "./sync/atomic";
export { time, sleep, Timer, Ticker, type Duration } from "./time";
export * as context from "./context-api";
export { GoPanic } from "./panic";
export type { Named } from "./named";
export type { RunOptions, RunResult, SourceLoc, LocCursor, HostTimers } from "./run-options";
export type { PolicyName, PctOptions } from "./policy";

/** `go fn(args...)`: starts a goroutine. Its lane is named after `fn.name`, or `main.funcN` when anonymous. */
export function go<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): void {
  const s = sched();
  s.g();
  s.spawn(fn as (...a: never[]) => unknown, args);
}

function write(text: string): void {
  const s = sched();
  const g = s.g();
  if (s.tr) s.emit(g.id, "log", `,"msg":${JSON.stringify(text.endsWith("\n") ? text.slice(0, -1) : text)}`);
  s.print(text);
}

/** fmt.Println: the arguments formatted as Go's %v, separated by single spaces, and a newline. */
export function println(...args: unknown[]): void {
  write(sprintln(args));
}

/** fmt.Print. */
export function print(...args: unknown[]): void {
  write(sprint(args));
}

/** fmt.Printf (%v %+v %d %s %q %t %f %g %e %x %c %b %o %T %%). */
export function printf(format: string, ...args: unknown[]): void {
  write(fmtSprintf(format, args));
}

/** fmt.Sprintf. */
export function sprintf(format: string, ...args: unknown[]): string {
  return fmtSprintf(format, args);
}

/** fmt.Sprint. */
export function sprintString(...args: unknown[]): string {
  return sprint(args);
}

/** Go's `panic(v)`: unwinds the goroutine; uncaught, it ends the program with exit code 2. A try/catch is `recover`. */
export function panic(msg: unknown): never {
  throw new GoPanic(typeof msg === "string" ? msg : formatValue(msg));
}

/** math/rand on the run's seed: deterministic for a given seed. */
export const rand = {
  intn(n: number): number {
    if (!(n > 0)) throw new GoPanic("invalid argument to Intn");
    return sched().rand.intn(Math.floor(n));
  },
  float64(): number {
    return sched().rand.float();
  },
};

/**
 * Awaits something outside the runtime (I/O, a foreign promise) as an `external` wait: the
 * goroutine leaves the scheduler, others run meanwhile, and it rejoins when `p` settles.
 * Awaiting a foreign promise directly works too, but is only noticed once the runtime stalls.
 */
export async function external<T>(p: PromiseLike<T>): Promise<T> {
  const s = sched();
  const g = s.g();
  s.enterExternal(g);
  try {
    return await p;
  } finally {
    await s.leaveExternal(g);
  }
}

/**
 * Runs a program: `main` is goroutine 1. Resolves when the run ends — main returned (after the
 * leak-check grace period), a panic, a deadlock or a budget — never rejects for the program's
 * own failures. One run at a time per JavaScript realm.
 */
export async function run(main: () => unknown, opts: RunOptions = {}): Promise<RunResult> {
  const prev = activeOrUndefined();
  if (prev !== undefined && !prev.ended) throw new Error("goroscope: a run is already in progress in this realm");
  const clock = opts.clock ?? "virtual";
  const epoch = clock === "real" ? Date.now() : VIRTUAL_EPOCH_MS;
  const tr = opts.trace
    ? new TraceWriter(
        opts.trace,
        { program: opts.program ?? FORMAT_NAME, clock, seed: opts.seed ?? 0, epoch, ...(opts.schedule ? { schedule: opts.schedule } : {}) },
        opts.locs ?? [],
        preview,
      )
    : undefined;
  const s = new Scheduler(opts, tr, epoch);
  setActive(s);
  const savedRandom = Math.random;
  if (opts.seedMathRandom) {
    const r = createRand((opts.seed ?? 0) ^ 0x5bd1e995);
    Math.random = () => r.float();
  }
  try {
    s.spawn(main as (...a: never[]) => unknown, [], "main");
    s.schedule();
    return await s.done;
  } finally {
    Math.random = savedRandom;
  }
}
