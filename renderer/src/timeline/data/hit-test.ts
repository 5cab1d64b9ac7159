/**
 * Hit-testing: from a point on the canvas (CSS px) to a row, an x (a time, or an event position
 * on the event axis), and the event nearest to it on that row. Pure, so tests drive it without a DOM.
 */
import type { TimelineData } from "../../../../traces/timeline/derive";
import { rowAt, type Layout, type Row } from "./layout";

export interface Hit {
  readonly rowIndex: number;
  readonly row: Row;
  /** x under the point, in the data's unit (ns, or events). */
  readonly t: number;
  /** Nearest event of the row (index into the model), -1 when the row has none. */
  readonly event: number;
}

/** Index (into `events`) of the event nearest to time t; -1 when `events` is empty. Ties go to the earlier. */
export function nearestEvent(events: ArrayLike<number>, times: Float64Array, t: number): number {
  const n = events.length;
  if (n === 0) return -1;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[events[mid]!]! < t) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return 0;
  if (lo === n) return n - 1;
  return t - times[events[lo - 1]!]! <= times[events[lo]!]! - t ? lo - 1 : lo;
}

/** The events drawn on a row: a goroutine's (and its folded descendants' are not merged), an object's. */
export function rowEvents(data: TimelineData, row: Row): Int32Array {
  if (row.kind === "section") return new Int32Array(0);
  if (row.kind === "g") return row.lane.events;
  const info = data.model.object(row.track.id);
  return info ? data.model.eventsOf(info) : new Int32Array(0);
}

/**
 * What is under (x, y): x in CSS px from the canvas's left edge (which shows `viewStart`), y in
 * CSS px from the top of the rows (scroll included). Undefined outside every row.
 */
export function hitTest(data: TimelineData, layout: Layout, view: { start: number; end: number; width: number }, x: number, y: number): Hit | undefined {
  const rowIndex = rowAt(layout, y);
  if (rowIndex < 0) return undefined;
  const row = layout.rows[rowIndex]!;
  const t = view.start + (x / Math.max(1, view.width)) * (view.end - view.start);
  const events = rowEvents(data, row);
  const k = nearestEvent(events, data.times, t);
  return { rowIndex, row, t, event: k < 0 ? -1 : events[k]! };
}
