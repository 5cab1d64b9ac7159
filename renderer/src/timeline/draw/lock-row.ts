/**
 * A lock track: who holds it, as bars coloured by goroutine (a stable colour per goroutine, its
 * name written in bars wide enough), RWMutex read holds as a reader-count area, and the number
 * of goroutines waiting as an area in the blocked colour along the bottom.
 */
import { firstAtOrAfter } from "../../../../traces/timeline/growable";
import { tOf, xOf } from "../data/lod";
import type { HolderIntervals, LockTrack } from "../../../../traces/timeline/object-tracks";
import type { RowFrame } from "./row-frame";
import { drawStepArea } from "./step-area";

export function drawLockRow(f: RowFrame, lock: LockTrack): void {
  const { dpr, p } = f;
  const top = f.y + Math.round(3 * dpr);
  const bottom = f.y + f.h - Math.round(3 * dpr);
  const inner = bottom - top;
  const rw = lock.kind === "rwmutex";
  const holdH = Math.round(inner * (rw ? 0.45 : 0.62));
  drawHolders(f, lock.writers, top, holdH, p.kinds[lock.kind]);
  let y = top + holdH + Math.round(dpr);
  if (rw) {
    const readH = Math.round(inner * 0.3);
    drawStepArea(f, lock.readers, Number.POSITIVE_INFINITY, y, readH, Math.max(1, lock.readers.max), p.kinds.rwmutex, 0.45);
    y += readH + Math.round(dpr);
  }
  drawStepArea(f, lock.waiters, Number.POSITIVE_INFINITY, y, bottom - y, Math.max(2, lock.waiters.max), p.states.blocked, 0.5);
}

/**
 * Non-overlapping holder bars, at most one per pixel column. A column where several holds start
 * shows "busy" in the lock's colour (merged with its busy neighbours) rather than a rainbow of
 * holders too narrow to tell apart; holder names are written in bars wide enough.
 */
function drawHolders(f: RowFrame, iv: HolderIntervals, top: number, height: number, busyColor: string): void {
  const { sc } = f;
  const minLabel = 44 * f.dpr;
  const narrow = Math.round(3 * f.dpr);
  const tEnd = tOf(sc, sc.width);
  let busy0 = -1;
  let busy1 = -1;
  const flushBusy = () => {
    if (busy1 > busy0) f.batch.add(busyColor, f.alpha, busy0, top, busy1 - busy0, height);
    busy0 = busy1 = -1;
  };
  let k = firstAtOrAfter(iv.t1, iv.n, sc.start);
  while (k < iv.n && iv.t0[k]! <= tEnd) {
    const x0 = Math.max(0, Math.floor(xOf(sc, iv.t0[k]!)));
    const nextColumn = tOf(sc, x0 + 1);
    const later = firstAtOrAfter(iv.t0, iv.n, nextColumn, k + 1);
    if (later - k > 1 && iv.t1[later - 1]! < nextColumn) {
      if (busy1 < x0) flushBusy();
      if (busy0 < 0) busy0 = x0;
      busy1 = Math.max(busy1, x0 + 1);
      k = later;
      continue;
    }
    const x1 = Math.min(sc.width, Math.max(x0 + 1, Math.ceil(xOf(sc, iv.t1[k]!)))); // t1 = +∞: never released
    const g = iv.g[k]!;
    if (x1 - x0 < narrow) {
      // Too narrow to tell one holder's colour from the next: part of a busy run.
      if (busy1 < x0) flushBusy();
      if (busy0 < 0) busy0 = x0;
      busy1 = Math.max(busy1, x1);
      k = Math.max(k + 1, firstAtOrAfter(iv.t1, iv.n, tOf(sc, x1), k + 1));
      continue;
    }
    flushBusy();
    f.batch.add(f.p.goroutine(g), f.alpha, x0, top, x1 - x0, height);
    if (x1 - x0 >= minLabel) {
      const name = f.data.model.goroutine(g)?.name ?? "";
      f.labels.push({ text: `${name} #${g}`, x: x0 + 4 * f.dpr, y: top + height / 2, maxWidth: x1 - x0 - 8 * f.dpr, color: f.p.textOnBar, alpha: f.alpha });
    }
    // Skip every later hold that ends inside the columns just drawn.
    k = Math.max(k + 1, firstAtOrAfter(iv.t1, iv.n, tOf(sc, x1), k + 1));
  }
  flushBusy();
}
