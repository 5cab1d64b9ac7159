/**
 * The scheduler of the run in progress. One run at a time per JavaScript realm: the API functions
 * (`go`, `chan`, ...) act on it, and objects made before the run (Go's package-level `var mu
 * sync.Mutex`) attach to it at their first use.
 */
import type { Scheduler } from "./scheduler";

let active: Scheduler | undefined;

export function setActive(s: Scheduler | undefined): void {
  active = s;
}

export function sched(): Scheduler {
  if (active === undefined) throw new Error("goroscope: runtime operation outside run(): start the program with `goroscope run` or run(main)");
  return active;
}

export function activeOrUndefined(): Scheduler | undefined {
  return active;
}
