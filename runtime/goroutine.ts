/**
 * A goroutine: an async function the scheduler starts and resumes one at a time.
 *
 * Invariants: at most one goroutine is `running`; a `blocked`/`sleeping` goroutine holds exactly
 * one pending park (`resume`/`fail` set) and sits in the wait queue(s) of what it waits on; a
 * `runnable` goroutine sits in the run queue or the runnext slot, never in a wait queue.
 */
import type { BlockReason, GoroutineState } from "../traces/format/schema";

export type GState = GoroutineState | "done";

export class G {
  state: GState = "runnable";
  /** The call site the goroutine is at (its last runtime operation), 0 when unknown. */
  loc = 0;
  reason: BlockReason | undefined;
  on: readonly number[] = [];
  /** For sleeps and timed waits: when the goroutine is due to wake, in run ns. */
  until = -1;
  started = false;
  resume: ((v: unknown) => void) | undefined;
  fail: ((e: unknown) => void) | undefined;
  wakeVal: unknown;
  wakeErr: unknown;
  /** Select bookkeeping: set while the goroutine is parked in a select. */
  selectDone = false;

  constructor(
    readonly id: number,
    readonly name: string,
    readonly fn: (...args: never[]) => unknown,
    readonly args: readonly unknown[],
    /** The goroutine that ran `go`, 0 for main. */
    readonly parent: number,
    /** Where `go` was called (for "created by ... in goroutine N"). */
    readonly createLoc: number,
  ) {}
}

/** The runtime itself acting (a timer sending on its channel): goroutine 0 in the trace. Never scheduled. */
export const RUNTIME_G = new G(0, "runtime", () => undefined, [], 0, 0);
