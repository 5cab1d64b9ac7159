/**
 * Goroscope trace format, version 1: the one definition of every record that the runtime's
 * writer emits and the reader accepts. JSON Lines, UTF-8, one record per `\n`-terminated line:
 *
 *   line 1        the header
 *   then          definitions (`def`) and events (`seq`), definitions always before their first use
 *   last line     the end record (absent when the writer was killed before it could write it)
 *
 * Invariants the reader checks: `seq` strictly increases; `t` never decreases; every `loc` id was
 * defined by an earlier `def` record; every object id (`ch`, `id`, `ctx`, entries of `on`) was
 * announced by an earlier make event; every goroutine id (`g`, `child`, `target`) was created
 * earlier (1 is main, 0 is the runtime itself); `k` is one of `EVENT_KINDS`.
 *
 * Times are nanoseconds since the start of the run (`t = 0` at the first event). Object ids share
 * one space across channels, locks, WaitGroups, conds, onces, atomics, timers and contexts.
 * Values appear only as previews (`val`), at most `MAX_PREVIEW` characters: never code to run.
 */

export const FORMAT_NAME = "goroscope";
export const FORMAT_VERSION = 1;
/** Maximum length, in UTF-16 code units, of a value preview (`val`) or a name. */
export const MAX_PREVIEW = 80;

export type Clock = "virtual" | "real";

export interface TraceHeader {
  readonly format: typeof FORMAT_NAME;
  readonly version: typeof FORMAT_VERSION;
  /** The program's path as given on the command line (or a label for in-process runs). */
  readonly program: string;
  readonly clock: Clock;
  readonly seed: number;
  readonly timeUnit: "ns";
  /** Wall-clock time of t = 0, in ms since the Unix epoch (virtual clocks start at 2009-11-10 23:00 UTC, as Go's playground does). */
  readonly epoch: number;
  /** The scheduling policy when it is not the seed's default ("go" for seed 0, "random" otherwise): "pct" replays only with it. */
  readonly schedule?: "go" | "random" | "pct";
  /** Set when the trace was imported from another tool's format: `go1.19`, `go1.22`, ... (the Go trace header's version). */
  readonly source?: string;
}

/** A source location in the user's TypeScript, announced once before the first event that uses it. */
export interface LocDef {
  readonly def: "loc";
  readonly id: number;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** The enclosing function, Go style: `main`, `worker`, `main.func1`. */
  readonly fn: string;
}

export type Definition = LocDef;

/** Why a goroutine is blocked (`go.block` `reason`). */
export const BLOCK_REASONS = [
  "chan.send",
  "chan.recv",
  "select",
  "mutex.lock",
  "rwmutex.rlock",
  "rwmutex.lock",
  "wg.wait",
  "cond.wait",
  "sleep",
  "nil-chan",
  "external",
  // Added for traces imported from Go (traces/import): Go's tracer records a category, not an object.
  /** A wait in package sync whose primitive the blocking stack does not reveal. */
  "sync",
  /** Waiting on the network poller. */
  "network",
  /** In a system call that blocked (its P was handed off). */
  "syscall",
  /** Parked inside Go's runtime: GC waits, system goroutines, debugger calls. */
  "runtime",
  /** Already waiting when the trace began, for a reason the trace does not record. */
  "unknown",
] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

export type ObjectKind = "chan" | "mutex" | "rwmutex" | "wg" | "cond" | "once" | "atomic" | "timer" | "ctx";

interface EventBase<K extends string> {
  readonly seq: number;
  readonly t: number;
  /** The goroutine that acted: 1 is main, 0 is the runtime itself (a timer firing). */
  readonly g: number;
  readonly k: K;
  /** Source location id (a `LocDef`), absent for the runtime's own events and unknown sites. */
  readonly loc?: number;
}

export interface GoCreate extends EventBase<"go.create"> { readonly child: number; readonly name: string }
/** `until`: for sleeps, the run time (ns) the goroutine is due to wake. */
export interface GoBlock extends EventBase<"go.block"> { readonly reason: BlockReason; readonly on: readonly number[]; readonly until?: number }
/** `g` woke `target`: the target is runnable from this event on. */
export interface GoUnblock extends EventBase<"go.unblock"> { readonly target: number }
export interface GoEnd extends EventBase<"go.end"> {}
export interface GoPanic extends EventBase<"go.panic"> { readonly msg: string; readonly stack: readonly string[]; readonly fatal?: boolean }
/** The goroutine yielded without blocking (a preemption point under a randomized schedule). */
export interface GoYield extends EventBase<"go.yield"> {}
export interface MainReturn extends EventBase<"main.return"> {}

export interface ChanMake extends EventBase<"chan.make"> { readonly ch: number; readonly cap: number; readonly name: string }
/** A value entered the channel: into the buffer, or handed straight to a waiting receiver. `len` is after the send. */
export interface ChanSend extends EventBase<"chan.send"> { readonly ch: number; readonly len: number; readonly val: string }
/** `from` is the `seq` of the matching send; absent when `ok` is false (closed and drained). `len` is after the receive. */
export interface ChanRecv extends EventBase<"chan.recv"> {
  readonly ch: number;
  readonly len: number;
  readonly ok: boolean;
  readonly from?: number;
  readonly val: string;
}
export interface ChanClose extends EventBase<"chan.close"> { readonly ch: number }

export interface SelectCase { readonly ch: number; readonly dir: "send" | "recv" }
export interface SelectBegin extends EventBase<"select.begin"> { readonly cases: readonly SelectCase[]; readonly default: boolean }
/** `chosen` indexes `cases` of the matching `select.begin`; -1 is the default case. */
export interface SelectEnd extends EventBase<"select.end"> { readonly chosen: number }

export interface MutexMake extends EventBase<"mutex.make"> { readonly id: number; readonly name: string }
/** The lock was acquired (`try: true` for a successful `tryLock`). */
export interface MutexLock extends EventBase<"mutex.lock"> { readonly id: number; readonly try?: boolean }
export interface MutexUnlock extends EventBase<"mutex.unlock"> { readonly id: number }
/** A failed `tryLock` (a successful one is a `mutex.lock` with `try: true`). */
export interface MutexTryLockFail extends EventBase<"mutex.trylock"> { readonly id: number; readonly ok: false }

export interface RWMutexMake extends EventBase<"rwmutex.make"> { readonly id: number; readonly name: string }
export interface RWMutexLock extends EventBase<"rwmutex.lock"> { readonly id: number; readonly read: boolean }
export interface RWMutexUnlock extends EventBase<"rwmutex.unlock"> { readonly id: number; readonly read: boolean }

export interface WgMake extends EventBase<"wg.make"> { readonly id: number; readonly name: string }
export interface WgAdd extends EventBase<"wg.add"> { readonly id: number; readonly delta: number; readonly count: number }
/** `wg.wait` returned (the counter was zero). */
export interface WgWait extends EventBase<"wg.wait"> { readonly id: number }

export interface CondMake extends EventBase<"cond.make"> { readonly id: number; readonly name: string; readonly lock: number }
/** The goroutine woke from `Cond.Wait` (it still has to re-acquire the lock). */
export interface CondWait extends EventBase<"cond.wait"> { readonly id: number }
export interface CondSignal extends EventBase<"cond.signal"> { readonly id: number; readonly woken: readonly number[] }
export interface CondBroadcast extends EventBase<"cond.broadcast"> { readonly id: number; readonly woken: readonly number[] }

export interface OnceMake extends EventBase<"once.make"> { readonly id: number; readonly name: string }
/** `ran` is true for the call that ran the function. */
export interface OnceDo extends EventBase<"once.do"> { readonly id: number; readonly ran: boolean }

export interface AtomicMake extends EventBase<"atomic.make"> { readonly id: number; readonly name: string; readonly val: number }
export interface AtomicOp extends EventBase<"atomic.op"> {
  readonly id: number;
  readonly op: "add" | "load" | "store" | "cas";
  readonly val: number;
  readonly ok?: boolean;
}

/** A runtime timer: a sleep, `time.after`/`newTimer`/`newTicker`/`tick`, or a context deadline. `when` is absolute ns. */
export interface TimerMake extends EventBase<"timer.make"> {
  readonly id: number;
  readonly when: number;
  readonly period: number;
  readonly ch?: number;
  readonly name: string;
}
export interface TimerFire extends EventBase<"timer.fire"> { readonly id: number; readonly dropped?: boolean }
export interface TimerStop extends EventBase<"timer.stop"> { readonly id: number; readonly ok: boolean }
export interface TimerReset extends EventBase<"timer.reset"> { readonly id: number; readonly when: number; readonly ok: boolean }

export interface CtxMake extends EventBase<"ctx.make"> {
  readonly ctx: number;
  readonly parent: number;
  readonly kind: "background" | "cancel" | "deadline";
  readonly done: number;
  readonly deadline?: number;
}
export interface CtxCancel extends EventBase<"ctx.cancel"> { readonly ctx: number; readonly err: string }

export interface Log extends EventBase<"log"> { readonly msg: string }

export type TraceEvent =
  | GoCreate | GoBlock | GoUnblock | GoEnd | GoPanic | GoYield | MainReturn
  | ChanMake | ChanSend | ChanRecv | ChanClose
  | SelectBegin | SelectEnd
  | MutexMake | MutexLock | MutexUnlock | MutexTryLockFail
  | RWMutexMake | RWMutexLock | RWMutexUnlock
  | WgMake | WgAdd | WgWait
  | CondMake | CondWait | CondSignal | CondBroadcast
  | OnceMake | OnceDo
  | AtomicMake | AtomicOp
  | TimerMake | TimerFire | TimerStop | TimerReset
  | CtxMake | CtxCancel
  | Log;

export type EventKind = TraceEvent["k"];

export const EVENT_KINDS: readonly EventKind[] = [
  "go.create", "go.block", "go.unblock", "go.end", "go.panic", "go.yield", "main.return",
  "chan.make", "chan.send", "chan.recv", "chan.close",
  "select.begin", "select.end",
  "mutex.make", "mutex.lock", "mutex.unlock", "mutex.trylock",
  "rwmutex.make", "rwmutex.lock", "rwmutex.unlock",
  "wg.make", "wg.add", "wg.wait",
  "cond.make", "cond.wait", "cond.signal", "cond.broadcast",
  "once.make", "once.do",
  "atomic.make", "atomic.op",
  "timer.make", "timer.fire", "timer.stop", "timer.reset",
  "ctx.make", "ctx.cancel",
  "log",
];

/** Kinds that announce a new object, and the field holding its id. */
export const MAKE_KINDS: Readonly<Partial<Record<EventKind, { readonly field: "ch" | "id" | "ctx"; readonly kind: ObjectKind }>>> = {
  "chan.make": { field: "ch", kind: "chan" },
  "mutex.make": { field: "id", kind: "mutex" },
  "rwmutex.make": { field: "id", kind: "rwmutex" },
  "wg.make": { field: "id", kind: "wg" },
  "cond.make": { field: "id", kind: "cond" },
  "once.make": { field: "id", kind: "once" },
  "atomic.make": { field: "id", kind: "atomic" },
  "timer.make": { field: "id", kind: "timer" },
  "ctx.make": { field: "ctx", kind: "ctx" },
};

export type EndReason = "main-returned" | "deadlock" | "panic" | "step-limit" | "time-limit" | "killed";
export const END_REASONS: readonly EndReason[] = ["main-returned", "deadlock", "panic", "step-limit", "time-limit", "killed"];

export type GoroutineState = "running" | "runnable" | "blocked" | "sleeping" | "external";

export interface EndGoroutine {
  readonly g: number;
  readonly name: string;
  readonly state: GoroutineState;
  readonly reason?: BlockReason;
  readonly on?: readonly number[];
  readonly loc?: number;
}

/** The last line: why the run ended and every goroutine still alive at that moment. */
export interface TraceEnd {
  readonly end: EndReason;
  readonly t: number;
  /** The last `seq` written before this record (0 when there were no events). */
  readonly seq: number;
  readonly exitCode: number;
  /** A one-line explanation: the panic message, which budget ran out, why the run was killed. */
  readonly msg?: string;
  readonly goroutines: readonly EndGoroutine[];
}

export type TraceRecord = TraceHeader | Definition | TraceEvent | TraceEnd;
