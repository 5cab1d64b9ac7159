/** Goroutine states as small integers, for typed arrays; the order is the legend's. */
import { BLOCK_REASONS, type BlockReason } from "../format/schema";
import type { GoroutineStatus } from "../model";

export const RUNNING = 0;
export const RUNNABLE = 1;
export const BLOCKED = 2;
export const SLEEPING = 3;
export const DONE = 4;
export const STATE_COUNT = 5;

export const STATUS_NAMES: readonly GoroutineStatus[] = ["running", "runnable", "blocked", "sleeping", "done"];

/** BLOCK_REASONS index of a reason; -1 for none. */
export const reasonCode = (reason: BlockReason | undefined): number => (reason === undefined ? -1 : BLOCK_REASONS.indexOf(reason));
export const reasonName = (code: number): BlockReason | undefined => (code >= 0 ? BLOCK_REASONS[code] : undefined);
