/**
 * Level of detail: turns segments, step series and point events into at most one primitive per
 * pixel column, so a frame costs O(visible pixels × visible rows × log n), never O(events).
 *
 * A pixel column x covers times [tOf(x), tOf(x + 1)). A column inside one segment belongs to it;
 * a column that several segments share is "mixed" and takes the state where the lane spent most
 * of that time (from the prefix sums), or for a step series the largest value in it.
 */
import { firstAtOrAfter, lastAtOrBefore } from "../../../../traces/timeline/growable";
import { segmentAt, stateTimes, type GoroutineLane } from "../../../../traces/timeline/goroutine-lanes";
import { rangeMax, type StepSeries } from "../../../../traces/timeline/object-tracks";
import { DONE, STATE_COUNT } from "../../../../traces/timeline/status";

/** A linear time → pixel mapping over `width` columns (any pixel unit; the drawer uses device px). */
export interface PixelScale {
  readonly start: number;
  readonly nsPerPx: number;
  readonly width: number;
}

export const pixelScale = (start: number, end: number, width: number): PixelScale => ({
  start, nsPerPx: (end - start) / Math.max(1, width), width,
});
export const xOf = (s: PixelScale, t: number): number => (t - s.start) / s.nsPerPx;
export const tOf = (s: PixelScale, x: number): number => s.start + x * s.nsPerPx;

/** A run of columns [x0, x1) in one state (or value). */
export type RunSink = (x0: number, x1: number, value: number) => void;

/** Merges adjacent runs of the same value before passing them on. */
function merging(sink: RunSink): { add: RunSink; flush(): void } {
  let rx0 = 0;
  let rx1 = 0;
  let rv = Number.NaN;
  return {
    add(x0, x1, v) {
      if (v === rv && x0 === rx1) {
        rx1 = x1;
        return;
      }
      if (rx1 > rx0) sink(rx0, rx1, rv);
      rx0 = x0;
      rx1 = x1;
      rv = v;
    },
    flush() {
      if (rx1 > rx0) sink(rx0, rx1, rv);
      rx1 = rx0;
    },
  };
}

const scratch = new Float64Array(STATE_COUNT);

/** The lane's state per pixel column, as merged runs (value: status code); an unfinished lane runs on past the trace's end. */
export function laneRuns(lane: GoroutineLane, sc: PixelScale, sink: RunSink): void {
  const n = lane.n;
  if (n === 0) return;
  let x = Math.max(0, Math.floor(xOf(sc, lane.t0[0]!)));
  // A goroutine still alive when the trace ends stays in its last state for ever (a deadlock, a
  // leak): that state runs on past the end, to the view's right edge.
  const xEnd = lane.status[n - 1] === DONE ? Math.min(sc.width, Math.ceil(xOf(sc, lane.t1[n - 1]!))) : sc.width;
  if (x >= xEnd) return;
  const out = merging(sink);
  let j = Math.max(0, segmentAt(lane, tOf(sc, x)));
  while (x < xEnd) {
    const a = tOf(sc, x);
    const b = tOf(sc, x + 1);
    if (lane.t1[j]! <= a && j < n - 1) j = Math.max(j, segmentAt(lane, a, j));
    if (j === n - 1 || lane.t1[j]! >= b) {
      const xe = j === n - 1 ? xEnd : Math.min(xEnd, Math.max(x + 1, Math.floor(xOf(sc, lane.t1[j]!))));
      out.add(x, xe, lane.status[j]!);
      x = xe;
    } else {
      const jb = segmentAt(lane, b, j);
      out.add(x, x + 1, stateTimes(lane, a, b, scratch, a < lane.t0[0]! ? -1 : j, jb));
      x++;
      j = jb;
    }
  }
  out.flush();
}

/** A step series per pixel column from `from` to `until` (ns), as merged runs (value: the maximum). */
export function stepRuns(s: StepSeries, until: number, sc: PixelScale, sink: RunSink): void {
  const n = s.n;
  if (n === 0) return;
  let x = Math.max(0, Math.floor(xOf(sc, s.t[0]!)));
  const xEnd = Math.min(sc.width, Math.ceil(xOf(sc, until)));
  if (x >= xEnd) return;
  const out = merging(sink);
  const stepEnd = (j: number) => (j + 1 < n ? s.t[j + 1]! : Number.POSITIVE_INFINITY);
  let j = Math.max(0, lastAtOrBefore(s.t, n, tOf(sc, x)));
  while (x < xEnd) {
    const a = tOf(sc, x);
    const b = tOf(sc, x + 1);
    if (stepEnd(j) <= a) j = Math.max(j, lastAtOrBefore(s.t, n, a, j));
    if (stepEnd(j) >= b) {
      const xe = Math.min(xEnd, Math.max(x + 1, Math.floor(xOf(sc, stepEnd(j)))));
      out.add(x, xe, s.v[j]!);
      x = xe;
    } else {
      const jb = firstAtOrAfter(s.t, n, b, j) - 1; // last step starting before b
      out.add(x, x + 1, rangeMax(s, j, Math.max(j, jb)));
      x++;
      j = Math.max(j, jb);
    }
  }
  out.flush();
}

/**
 * Visits at most one point per pixel column: the first point in each column that has any.
 * `timeAt(k)` gives the time of point k; points ascend in time. Visiting stops past the view.
 */
export function pixelPoints(n: number, timeAt: (k: number) => number, sc: PixelScale, visit: (x: number, k: number) => void, accept?: (k: number) => boolean): void {
  const search = (t: number, lo: number) => {
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (timeAt(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const tEnd = tOf(sc, sc.width);
  let k = search(sc.start, 0);
  while (k < n) {
    if (accept && !accept(k)) {
      k++;
      continue;
    }
    const t = timeAt(k);
    if (t > tEnd) break;
    const x = Math.floor(xOf(sc, t));
    visit(x, k);
    k = search(tOf(sc, x + 1), k + 1);
  }
}

/** Number of points with time in [a, b]. */
export function countBetween(n: number, timeAt: (k: number) => number, a: number, b: number): number {
  const search = (t: number, strict: boolean) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = timeAt(mid);
      if (v < t || (strict && v === t)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return search(b, true) - search(a, false);
}
