/** A WaitGroup track: its counter as a step area (scaled to its largest value) and its waiters along the bottom. */
import type { WaitGroupTrack } from "../../../../traces/timeline/object-tracks";
import type { RowFrame } from "./row-frame";
import { drawStepArea } from "./step-area";

export function drawWaitGroupRow(f: RowFrame, wg: WaitGroupTrack): void {
  const { dpr, p } = f;
  const top = f.y + Math.round(3 * dpr);
  const bottom = f.y + f.h - Math.round(3 * dpr);
  const waitH = Math.round((bottom - top) * 0.3);
  drawStepArea(f, wg.counter, Number.POSITIVE_INFINITY, top, bottom - top - waitH - Math.round(dpr), Math.max(1, wg.counter.max), p.kinds.wg, 0.4);
  drawStepArea(f, wg.waiters, Number.POSITIVE_INFINITY, bottom - waitH, waitH, Math.max(1, wg.waiters.max), p.states.blocked, 0.5);
}
