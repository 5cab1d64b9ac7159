/** Aligning the program's output with the timeline: which line the cursor is at. */
import type { OutputLine } from "../load/load-trace";

/**
 * Index of the last output line printed at or before the event with `cursorSeq`; -1 when none is
 * (or there is no cursor). `lines` are in `seq` order.
 */
export function outputLineAt(lines: readonly OutputLine[], cursorSeq: number | undefined): number {
  if (cursorSeq === undefined) return -1;
  let lo = 0;
  let hi = lines.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.seq <= cursorSeq) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
