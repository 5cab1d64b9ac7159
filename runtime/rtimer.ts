/**
 * A runtime timer: what the scheduler keeps in its heap for sleeps, `time.after`/`newTimer`,
 * tickers and context deadlines. `fire` runs on the runtime's behalf (goroutine 0) when the clock
 * reaches `when`; a periodic timer is re-armed by the scheduler at `when + period`.
 */
import type { HeapTimer } from "./timers";

export interface RTimer extends HeapTimer {
  /** Object id in the trace (0 for a plain sleep, which has no object of its own). */
  readonly id: number;
  period: number;
  /** Periodic timers whose firing can wake nobody are ignored by deadlock detection. */
  readonly kind: "sleep" | "chan" | "ctx";
  fire(now: number): void;
  /** True when firing could make some goroutine runnable (used to tell a stuck program from one waiting on time). */
  canWake(): boolean;
}
