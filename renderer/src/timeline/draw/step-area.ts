/**
 * A step series as a filled area with a crisp 1-px outline (device px), scaled so `max` fills
 * `height`: two paths per series (not a rectangle per column), drawn after the frame's rectangles.
 */
import { pixelPoints, stepRuns } from "../data/lod";
import type { StepSeries, Ticks } from "../../../../traces/timeline/object-tracks";
import type { RowFrame } from "./row-frame";

export function drawStepArea(f: RowFrame, s: StepSeries, until: number, top: number, height: number, max: number, color: string, fillAlpha: number): void {
  if (max <= 0 || s.max <= 0) return;
  const bottom = top + height;
  // Outline on pixel centres (+0.5) so the 1-px line is crisp; the fill below it on pixel edges.
  const half = f.dpr >= 2 ? 0 : 0.5;
  const fill = new Path2D();
  const outline = new Path2D();
  let open = false;
  let prevX = -1;
  let prevY = bottom;
  stepRuns(s, until, f.sc, (x0, x1, v) => {
    const y = bottom - Math.round((Math.min(v, max) / max) * height);
    if (v <= 0) {
      if (open) {
        fill.lineTo(prevX, bottom);
        fill.closePath();
        outline.lineTo(prevX + half, bottom - half);
        open = false;
      }
      prevX = x1;
      prevY = bottom;
      return;
    }
    if (!open || prevX !== x0) {
      if (open) {
        fill.lineTo(prevX, bottom);
        fill.closePath();
      }
      fill.moveTo(x0, bottom);
      outline.moveTo(x0 + half, bottom - half);
      open = true;
    } else if (prevY !== y) outline.lineTo(x0 + half, prevY + half);
    fill.lineTo(x0, y);
    fill.lineTo(x1, y);
    outline.lineTo(x0 + half, y + half);
    outline.lineTo(x1 + half, y + half);
    prevX = x1;
    prevY = y;
  });
  if (open) {
    fill.lineTo(prevX, bottom);
    fill.closePath();
  }
  f.shapes.push({ fill, outline, color, fillAlpha, alpha: f.alpha });
}

/** Point events as ticks of `height` at `top`, at most one per pixel column; adjacent ticks merge into one rectangle. */
export function drawTicks(f: RowFrame, ticks: Ticks, top: number, height: number, color: string): void {
  tickRuns(f, ticks.n, (k) => ticks.t[k]!, (x0, x1) => f.batch.add(color, f.alpha, x0, top, x1 - x0, height));
}

/** Columns holding at least one point, as runs [x0, x1) of adjacent tick columns (ticks are `dpr` px wide). */
export function tickRuns(f: RowFrame, n: number, timeAt: (k: number) => number, emit: (x0: number, x1: number) => void, accept?: (k: number) => boolean): void {
  const w = Math.max(1, Math.round(f.dpr));
  let r0 = -1;
  let r1 = -1;
  pixelPoints(
    n,
    timeAt,
    f.sc,
    (x) => {
      if (x <= r1) {
        r1 = Math.max(r1, x + w);
        return;
      }
      if (r1 > r0) emit(r0, r1);
      r0 = x;
      r1 = x + w;
    },
    accept,
  );
  if (r1 > r0) emit(r0, r1);
}
