/**
 * What every program under examples/bugs/ must do, and what the analyzer must say about it.
 *
 * One row per (program, seed). For each: how the run ends (`end`, `exitCode`, the panic message),
 * the goroutines alive at the end with their block reasons — facts the runtime alone decides, so
 * they are exact for every row — and `findings`, the diagnostics `analyze` must return for the
 * run's trace, each reduced to its kind and the sorted names of its goroutines and objects,
 * compared exactly as a multiset. Correct programs (`ok-*`) return cleanly and have no finding.
 *
 * `analyzerPending` marks a row where the analyzer's output differs from `findings` (or the
 * analyzer cannot run yet): its comment states both, and the test then checks only the run-level
 * facts. Schedule-dependent bugs have a row for seed 0 and one for a seed with the other outcome;
 * docs/bugs.md lists which seeds in 1..200 show each.
 */
import type { RunOptions } from "goroscope/runtime";
import type { BlockReason, EndReason, GoroutineState } from "../../traces/format/schema";
import type { DiagnosticKind } from "../../traces/analysis";

export interface ExpectedFinding {
  readonly kind: DiagnosticKind;
  /** Goroutine names, sorted (repeated when several goroutines share a name). */
  readonly goroutines: readonly string[];
  /** Object names, sorted. */
  readonly objects: readonly string[];
}

export interface AliveGoroutine {
  readonly name: string;
  readonly state: GoroutineState;
  readonly reason?: BlockReason;
}

export interface BugCase {
  /** examples/bugs/<program>.ts */
  readonly program: string;
  readonly load: () => Promise<{ default: () => unknown }>;
  readonly seed: number;
  readonly end: EndReason;
  readonly exitCode: number;
  /** The panic message, for `end: "panic"`. */
  readonly msg?: string;
  /** Goroutines alive when the run ends (for main-returned: after the grace period — the leaks). */
  readonly alive: readonly AliveGoroutine[];
  readonly findings: readonly ExpectedFinding[];
  readonly analyzerPending?: true;
  /** Whether the outcome depends on the schedule: absent, every seed ends and is diagnosed alike. */
  readonly scheduleDependent?: true;
  readonly opts?: RunOptions;
}

const sortedNames = (names: readonly string[]): string[] => [...names].sort();

const finding = (kind: DiagnosticKind, goroutines: readonly string[], objects: readonly string[]): ExpectedFinding => ({
  kind,
  goroutines: sortedNames(goroutines),
  objects: sortedNames(objects),
});
const deadlock = (g: readonly string[], o: readonly string[]) => finding("deadlock", g, o);
const partialDeadlock = (g: readonly string[], o: readonly string[]) => finding("partial-deadlock", g, o);
const leak = (g: string, o: readonly string[]) => finding("leak", [g], o);
const lockOrder = (g: readonly string[], o: readonly string[]) => finding("lock-order", g, o);
const panicked = (g: string, o: readonly string[]) => finding("panic", [g], o);

const blocked = (name: string, reason: BlockReason): AliveGoroutine => ({ name, state: "blocked", reason });
const running = (name: string): AliveGoroutine => ({ name, state: "running" });

type Load = BugCase["load"];

/** A buggy program's row. */
function bug(program: string, load: Load, row: Omit<BugCase, "program" | "load" | "seed"> & { readonly seed?: number }): BugCase {
  return { program, load, seed: 0, ...row };
}

/** A correct program's row: returns from main, leaves no goroutine, and has no finding. */
function ok(program: string, load: Load): BugCase {
  return { program, load, seed: 0, end: "main-returned", exitCode: 0, alive: [], findings: [] };
}

/** A buggy program under a seed whose schedule avoids the bug: it behaves like its twin. */
function avoided(program: string, load: Load, seed: number): BugCase {
  return { ...ok(program, load), seed, scheduleDependent: true };
}

const DEADLOCK = { end: "deadlock", exitCode: 2 } as const;
const RETURNED = { end: "main-returned", exitCode: 0 } as const;
const PANIC = { end: "panic", exitCode: 2 } as const;

export const bugCases: readonly BugCase[] = [
  // ---- resource deadlocks: Mutex, RWMutex --------------------------------------------------
  bug("double-lock", () => import("../../examples/bugs/double-lock"), {
    ...DEADLOCK,
    alive: [blocked("main", "mutex.lock")],
    findings: [deadlock(["main"], ["registry.mu"])],
  }),
  bug("ab-ba-lock", () => import("../../examples/bugs/ab-ba-lock"), {
    ...DEADLOCK,
    alive: [blocked("evictor", "mutex.lock"), blocked("main", "wg.wait"), blocked("syncer", "mutex.lock")],
    findings: [deadlock(["evictor", "main", "syncer"], ["cache.mu", "store.mu", "wg"]), lockOrder(["evictor", "syncer"], ["cache.mu", "store.mu"])],
  }),
  // Seed 0 runs each critical section to the end: no deadlock, but the inverted order is a finding.
  bug("ab-ba-lock-race", () => import("../../examples/bugs/ab-ba-lock-race"), {
    scheduleDependent: true,
    ...RETURNED,
    alive: [],
    findings: [lockOrder(["evictor", "syncer"], ["cache.mu", "store.mu"])],
  }),
  // Seed 16 preempts syncer between its two locks: the cycle closes.
  bug("ab-ba-lock-race", () => import("../../examples/bugs/ab-ba-lock-race"), {
    scheduleDependent: true,
    seed: 16,
    ...DEADLOCK,
    alive: [blocked("evictor", "mutex.lock"), blocked("main", "wg.wait"), blocked("syncer", "mutex.lock")],
    findings: [deadlock(["evictor", "main", "syncer"], ["cache.mu", "store.mu", "wg"]), lockOrder(["evictor", "syncer"], ["cache.mu", "store.mu"])],
  }),
  bug("missing-unlock", () => import("../../examples/bugs/missing-unlock"), {
    ...DEADLOCK,
    alive: [blocked("main", "wg.wait"), blocked("teller", "mutex.lock")],
    findings: [deadlock(["main", "teller"], ["account.mu", "wg"])],
  }),
  bug("rwmutex-reread", () => import("../../examples/bugs/rwmutex-reread"), {
    ...DEADLOCK,
    alive: [blocked("main", "wg.wait"), blocked("reader", "rwmutex.rlock"), blocked("reloader", "rwmutex.lock")],
    findings: [deadlock(["main", "reader", "reloader"], ["config.mu", "wg"]), lockOrder(["reader"], ["config.mu"])],
  }),
  bug("rwmutex-upgrade", () => import("../../examples/bugs/rwmutex-upgrade"), {
    ...DEADLOCK,
    alive: [blocked("main", "rwmutex.lock")],
    findings: [deadlock(["main"], ["cache.mu"])],
  }),

  // ---- communication deadlocks: WaitGroup, Cond ----------------------------------------------
  bug("waitgroup-missing-done", () => import("../../examples/bugs/waitgroup-missing-done"), {
    ...DEADLOCK,
    alive: [blocked("main", "wg.wait")],
    findings: [deadlock(["main"], ["pending"])],
  }),
  bug("waitgroup-wait-in-loop", () => import("../../examples/bugs/waitgroup-wait-in-loop"), {
    ...DEADLOCK,
    alive: [blocked("main", "wg.wait")],
    findings: [deadlock(["main"], ["group"])],
  }),
  bug("cond-missed-signal", () => import("../../examples/bugs/cond-missed-signal"), {
    scheduleDependent: true,
    ...DEADLOCK,
    alive: [blocked("consumer", "cond.wait"), blocked("main", "chan.recv")],
    findings: [deadlock(["consumer", "main"], ["done", "queue.ready"])],
  }),
  // Seed 36 preempts main at its inbox receive; the consumer is waiting before the signal.
  avoided("cond-missed-signal", () => import("../../examples/bugs/cond-missed-signal"), 36),
  bug("cond-signal-not-broadcast", () => import("../../examples/bugs/cond-signal-not-broadcast"), {
    ...DEADLOCK,
    alive: [blocked("main", "wg.wait"), blocked("runner", "cond.wait")],
    findings: [deadlock(["main", "runner"], ["gate.open", "wg"])],
  }),

  // ---- communication deadlocks and leaks: channels -------------------------------------------
  bug("send-without-receiver", () => import("../../examples/bugs/send-without-receiver"), {
    ...DEADLOCK,
    alive: [blocked("main", "chan.send")],
    findings: [deadlock(["main"], ["results"])],
  }),
  bug("range-never-closed", () => import("../../examples/bugs/range-never-closed"), {
    ...DEADLOCK,
    alive: [blocked("main", "chan.recv")],
    findings: [deadlock(["main"], ["lines"])],
  }),
  // A nil channel is no object: only the WaitGroup is named.
  bug("nil-channel-send", () => import("../../examples/bugs/nil-channel-send"), {
    ...DEADLOCK,
    alive: [blocked("main", "wg.wait"), blocked("notifier", "nil-chan")],
    findings: [deadlock(["main", "notifier"], ["wg"])],
  }),
  bug("dropped-signal", () => import("../../examples/bugs/dropped-signal"), {
    scheduleDependent: true,
    ...DEADLOCK,
    alive: [blocked("main", "wg.wait"), blocked("sleeper", "chan.recv")],
    findings: [deadlock(["main", "sleeper"], ["wake", "wg"])],
  }),
  // Seed 36 preempts main at its events receive; the sleeper is parked in <-wake before the poke.
  avoided("dropped-signal", () => import("../../examples/bugs/dropped-signal"), 36),
  bug("first-error-return", () => import("../../examples/bugs/first-error-return"), {
    ...RETURNED,
    alive: [blocked("check", "chan.send"), blocked("check", "chan.send")],
    findings: [leak("check", ["errs"]), leak("check", ["errs"])],
  }),
  bug("worker-never-stopped", () => import("../../examples/bugs/worker-never-stopped"), {
    ...RETURNED,
    alive: [blocked("worker", "chan.recv"), blocked("worker", "chan.recv")],
    findings: [leak("worker", ["jobs"]), leak("worker", ["jobs"])],
  }),
  bug("send-send-exchange", () => import("../../examples/bugs/send-send-exchange"), {
    ...RETURNED,
    alive: [blocked("left", "chan.send"), blocked("right", "chan.send")],
    findings: [partialDeadlock(["left", "right"], ["toLeft", "toRight"])],
  }),

  // ---- channel + timer -------------------------------------------------------------------------
  bug("timeout-strands-sender", () => import("../../examples/bugs/timeout-strands-sender"), {
    ...RETURNED,
    alive: [blocked("fetch", "chan.send")],
    findings: [leak("fetch", ["result"])],
  }),
  bug("ticker-goroutine-leak", () => import("../../examples/bugs/ticker-goroutine-leak"), {
    ...RETURNED,
    alive: [blocked("reporter", "chan.recv")],
    findings: [leak("reporter", ["ticker.C"])],
  }),
  bug("timer-stop-drain", () => import("../../examples/bugs/timer-stop-drain"), {
    ...DEADLOCK,
    alive: [blocked("main", "chan.recv")],
    findings: [deadlock(["main"], ["timer.C"])],
  }),

  // ---- channel + context -----------------------------------------------------------------------
  bug("context-ignored", () => import("../../examples/bugs/context-ignored"), {
    ...RETURNED,
    alive: [blocked("query", "chan.send")],
    findings: [leak("query", ["rows"])],
  }),
  // The context's done channel is named after the context by the analyzer: ctx1.Done.
  bug("context-never-canceled", () => import("../../examples/bugs/context-never-canceled"), {
    ...RETURNED,
    alive: [blocked("janitor", "chan.recv")],
    findings: [leak("janitor", ["ctx1.Done"])],
  }),

  // ---- mixed deadlocks: channel + lock, WaitGroup + lock ---------------------------------------
  bug("chan-send-holding-lock", () => import("../../examples/bugs/chan-send-holding-lock"), {
    scheduleDependent: true,
    ...DEADLOCK,
    alive: [blocked("main", "chan.send"), blocked("subscriber", "mutex.lock")],
    findings: [deadlock(["main", "subscriber"], ["events", "hub.mu"])],
  }),
  // Seed 36 preempts main at its updates receive; the subscriber is parked in <-events first.
  avoided("chan-send-holding-lock", () => import("../../examples/bugs/chan-send-holding-lock"), 36),
  bug("wait-holding-lock", () => import("../../examples/bugs/wait-holding-lock"), {
    ...DEADLOCK,
    alive: [blocked("main", "wg.wait"), blocked("worker", "mutex.lock"), blocked("worker", "mutex.lock")],
    findings: [deadlock(["main", "worker", "worker"], ["stats.mu", "wg"])],
  }),

  // ---- non-blocking misuse that ends in a panic ------------------------------------------------
  bug("double-close", () => import("../../examples/bugs/double-close"), {
    ...PANIC,
    msg: "send on closed channel",
    alive: [running("producer")],
    findings: [panicked("producer", ["out"])],
  }),
  bug("waitgroup-negative", () => import("../../examples/bugs/waitgroup-negative"), {
    ...PANIC,
    msg: "sync: negative WaitGroup counter",
    alive: [running("upload")],
    findings: [panicked("upload", ["uploads"])],
  }),

  // ---- correct twins -----------------------------------------------------------------------------
  ok("ok-double-lock", () => import("../../examples/bugs/ok-double-lock")),
  ok("ok-ab-ba-lock", () => import("../../examples/bugs/ok-ab-ba-lock")),
  ok("ok-missing-unlock", () => import("../../examples/bugs/ok-missing-unlock")),
  ok("ok-rwmutex-reread", () => import("../../examples/bugs/ok-rwmutex-reread")),
  ok("ok-rwmutex-upgrade", () => import("../../examples/bugs/ok-rwmutex-upgrade")),
  ok("ok-waitgroup-missing-done", () => import("../../examples/bugs/ok-waitgroup-missing-done")),
  ok("ok-waitgroup-wait-in-loop", () => import("../../examples/bugs/ok-waitgroup-wait-in-loop")),
  ok("ok-cond-missed-signal", () => import("../../examples/bugs/ok-cond-missed-signal")),
  ok("ok-cond-signal-not-broadcast", () => import("../../examples/bugs/ok-cond-signal-not-broadcast")),
  ok("ok-send-without-receiver", () => import("../../examples/bugs/ok-send-without-receiver")),
  ok("ok-range-never-closed", () => import("../../examples/bugs/ok-range-never-closed")),
  ok("ok-nil-channel-send", () => import("../../examples/bugs/ok-nil-channel-send")),
  ok("ok-dropped-signal", () => import("../../examples/bugs/ok-dropped-signal")),
  ok("ok-first-error-return", () => import("../../examples/bugs/ok-first-error-return")),
  ok("ok-worker-never-stopped", () => import("../../examples/bugs/ok-worker-never-stopped")),
  ok("ok-send-send-exchange", () => import("../../examples/bugs/ok-send-send-exchange")),
  ok("ok-timeout-strands-sender", () => import("../../examples/bugs/ok-timeout-strands-sender")),
  ok("ok-ticker-goroutine-leak", () => import("../../examples/bugs/ok-ticker-goroutine-leak")),
  ok("ok-timer-stop-drain", () => import("../../examples/bugs/ok-timer-stop-drain")),
  ok("ok-context-ignored", () => import("../../examples/bugs/ok-context-ignored")),
  ok("ok-context-never-canceled", () => import("../../examples/bugs/ok-context-never-canceled")),
  ok("ok-chan-send-holding-lock", () => import("../../examples/bugs/ok-chan-send-holding-lock")),
  ok("ok-wait-holding-lock", () => import("../../examples/bugs/ok-wait-holding-lock")),
  ok("ok-double-close", () => import("../../examples/bugs/ok-double-close")),
];

/** Correct programs must also stay clean under randomized schedules (seeds 1..OK_SEEDS). */
export const OK_SEEDS = 20;

/** Buggy programs that are not schedule-dependent must fail alike under seeds 1..BUG_SEEDS. */
export const BUG_SEEDS = 10;
