/**
 * How a program is run, and what a run reports. `run()` (runtime/index.ts) takes these; the CLI's
 * worker fills them from the command line and the loader.
 */
import type { TraceSink } from "../traces/writer/sink";
import type { Clock, EndReason, EndGoroutine } from "../traces/format/schema";
import type { PctOptions, PolicyName } from "./policy";

/** A source location known at load time: the loader numbers every call site of the user's code. */
export interface SourceLoc {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Enclosing function, Go style (`main`, `worker`, `main.func1`). */
  readonly fn: string;
  /** When the call's first argument is a function literal (`go(async () => ...)`), that closure's Go name: it names the goroutine. */
  readonly closure?: string;
}

/**
 * Where the loader's instrumentation writes the id of the call site about to run. The loader
 * rewrites every call in user code `f(a, b)` to `f(a, (__gs.l = 17, b))` (or `(__gs.l = 17, f())`
 * without arguments), so the id is set after the arguments are evaluated and just before the call.
 * Index 0 of `RunOptions.locs` is unused: 0 means "unknown".
 */
export interface LocCursor {
  l: number;
}

export interface RunOptions {
  /** Seed of the run's random source. 0 (the default) schedules as Go does with GOMAXPROCS=1; any other seed randomizes the choice of the next goroutine and adds preemption points. Select is always uniform over ready cases, drawn from this seed. */
  readonly seed?: number;
  /** Scheduling policy (policy.ts): default "go" for seed 0 and "random" for any other seed; "pct" for priority-based exploration. */
  readonly schedule?: PolicyName;
  /** Replace `Math.random` during the run with a source drawn from the seed (the CLI does), so programs that use it replay exactly. */
  readonly seedMathRandom?: boolean;
  /** Parameters of the "pct" policy. */
  readonly pct?: PctOptions;
  readonly clock?: Clock;
  /** Stop after this many scheduling steps (default 20 million). */
  readonly maxSteps?: number;
  /** Stop when virtual time would pass this many ns (default: no limit). */
  readonly maxTime?: number;
  /** After `main` returns, keep scheduling survivors this long in virtual ns to tell leaks from late finishers (default 10 s). */
  readonly grace?: number;
  /** The grace period also ends after this many scheduling steps (default 100,000): survivors that busy are alive. */
  readonly graceSteps?: number;
  /** Trace destination; tracing is off when absent. */
  readonly trace?: TraceSink;
  /** Program output (what `println` prints). Default: discarded. */
  readonly stdout?: (text: string) => void;
  /** Where the Go-style crash report (panic, deadlock) goes. Default: discarded. */
  readonly stderr?: (text: string) => void;
  /** The program's path for the trace header. */
  readonly program?: string;
  /** Call-site table from the loader (index = loc id). */
  readonly locs?: readonly SourceLoc[];
  /** The cursor the loader's instrumentation writes; the runtime reads it at every operation. */
  readonly locCursor?: LocCursor;
  /** Monotonic wall-clock source in ms for `clock: "real"` and the watchdog (default `performance.now`). The runtime itself never reads the wall clock otherwise. */
  readonly wallNow?: () => number;
  /** Wall-clock budget in ms, checked at scheduling points; a goroutine that never yields is the host's to kill (run programs in a worker). */
  readonly wallTimeout?: number;
  /** Timers for the real clock and for noticing goroutines that went outside the runtime. Default: the host's `setTimeout`/`setImmediate`. */
  readonly host?: HostTimers;
}

export interface HostTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs `fn` once the microtask queue is empty (Node's setImmediate, a MessageChannel in browsers). */
  setImmediate(fn: () => void): unknown;
}

export interface RunResult {
  readonly end: EndReason;
  /** 0 when main returned; 2 on panic, deadlock, a budget running out or a kill, as Go exits 2 on a crash. */
  readonly exitCode: number;
  /** Panic message, or what ran out. */
  readonly msg?: string;
  /** Virtual (or real) ns since the start. */
  readonly t: number;
  readonly steps: number;
  /** Goroutines alive at the end, as in the trace's end record (after the grace period: leaks). */
  readonly goroutines: readonly EndGoroutine[];
}
