/**
 * The importer's internal model of a Go trace, shared by both formats: goroutine state
 * transitions in Go's own vocabulary, in a consistent global order, with times in ns from the
 * first event. Both parsers produce it; `convert.ts` turns it into Goroscope events.
 *
 * Invariants: `ts` never decreases along the array; `g` is the goroutine the event belongs to in
 * Go's attribution (the creator of a `create`, the waker of an `unblock`, 0 for none/the runtime).
 */

/** One stack frame, innermost first in a stack. */
export interface GoFrame {
  readonly fn: string;
  readonly file: string;
  readonly line: number;
}

export type GoStack = readonly GoFrame[];

/** Go's goroutine status where a trace first describes a goroutine it did not see created. */
export type GoStatus = "runnable" | "running" | "syscall" | "waiting";

export type GoEventType =
  | "create" // target created by g (0 at trace start); start = its start function frame
  | "status" // target already existed when the trace (or generation) began, in `status`
  | "start" // g starts running
  | "stop" // g stops running but stays runnable (Gosched, preemption): reason
  | "block" // g blocks: reason is Go's v2 reason string ("chan receive", "sync", ...)
  | "unblock" // g (0: timer, netpoller or runtime) makes target runnable
  | "syscall" // g enters a syscall (v1: instant; v2: until syscall-end)
  | "syscall-block" // g's syscall blocked: it no longer runs (v1 GoSysBlock; v2 a syscall that lost its P)
  | "syscall-exit" // target left a blocking syscall and is runnable again
  | "syscall-end" // g left a syscall without losing its P (v2)
  | "end" // g returned
  | "task-begin" | "task-end" | "region-begin" | "region-end" | "log"
  | "gc-begin" | "gc-end" | "stw-begin" | "stw-end";

export interface GoEvent {
  /** ns since the trace's first event (after `finishTimes`); raw clock units while parsing. */
  ts: number;
  readonly type: GoEventType;
  readonly g: number;
  /** Byte offset of the record in the file, for messages. */
  readonly off: number;
  /** Go's name of the wire event (`GoBlockRecv`, `GoUnblock`, ...): what `go tool trace -d` prints. */
  readonly raw: string;
  readonly target?: number;
  /** `block`/`stop`: Go's reason string; `stw-begin`: the STW kind. */
  readonly reason?: string;
  readonly status?: GoStatus;
  readonly stack?: GoStack;
  /** `create`: the new goroutine's start function. */
  readonly start?: GoFrame;
  /** Task id for task/region/log events. */
  readonly task?: number;
  readonly parentTask?: number;
  /** Task or region name, log key. */
  readonly name?: string;
  /** Log value. */
  readonly text?: string;
}

/**
 * Builds an event with every field present (undefined when not given), so that all events share
 * one shape: a million of them stay fast to build and to read.
 */
export function makeEvent(
  ts: number, type: GoEventType, g: number, off: number, raw: string, stack: GoStack | undefined, extra?: Partial<GoEvent>,
): GoEvent {
  return {
    ts, type, g, off, raw,
    target: extra?.target,
    reason: extra?.reason,
    status: extra?.status,
    stack: stack !== undefined && stack.length > 0 ? stack : undefined,
    start: extra?.start,
    task: extra?.task,
    parentTask: extra?.parentTask,
    name: extra?.name,
    text: extra?.text,
  };
}

/** The v1 block event types and the v2 reason strings Go itself maps them to (as oldtrace.go does). */
export const V1_BLOCK_REASONS: Readonly<Record<string, string>> = {
  GoStop: "forever",
  GoSleep: "sleep",
  GoBlock: "unspecified",
  GoBlockSend: "chan send",
  GoBlockRecv: "chan receive",
  GoBlockSelect: "select",
  GoBlockSync: "sync",
  GoBlockCond: "sync.(*Cond).Wait",
  GoBlockNet: "network",
  GoBlockGC: "GC mark assist wait for work",
};
