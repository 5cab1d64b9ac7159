/**
 * The wall-clock watchdog of a run, seen from the CLI's main thread. The runtime enforces the
 * same budget itself at scheduling points (`RunOptions.wallTimeout`) and ends such runs cleanly;
 * the watchdog is for the goroutine that never reaches one (`while (true) {}`): it fires a little
 * after the budget, the worker is terminated, and the CLI writes the end record the runtime could
 * not, from what the trace said so far (goroutine-replay.ts).
 */
import type { TraceEnd } from "../../traces/format/schema";
import type { ReplaySnapshot } from "./goroutine-replay";

/** How long after the budget the watchdog fires, leaving the runtime the chance to end the run itself. */
export const WATCHDOG_MARGIN_MS = 500;

export interface Watchdog {
  cancel(): void;
}

export function startWatchdog(budgetMs: number, onExpire: () => void): Watchdog {
  const timer = setTimeout(onExpire, budgetMs + WATCHDOG_MARGIN_MS);
  return { cancel: () => clearTimeout(timer) };
}

/** `wall-clock timeout of 5s: goroutine 3 did not yield`. */
export function timeoutMessage(seconds: number, snapshot: ReplaySnapshot | undefined): string {
  const culprit = snapshot?.running !== undefined ? `goroutine ${snapshot.running}` : "a goroutine";
  return `wall-clock timeout of ${seconds}s: ${culprit} did not yield`;
}

/** The end record of a run the CLI killed: the last `t` and `seq` seen, and who was alive. */
export function killedEndRecord(snapshot: ReplaySnapshot, msg: string): TraceEnd {
  return { end: "killed", t: snapshot.t, seq: snapshot.seq, exitCode: 2, msg, goroutines: snapshot.goroutines };
}

/** Whether a trace needs the CLI's end record: it has a header and no end of its own. */
export function needsEndRecord(snapshot: ReplaySnapshot): boolean {
  return snapshot.sawHeader && !snapshot.sawEnd;
}
