/**
 * Which rows a viewport shows, for the gutter's DOM labels (the canvas finds its own first row with
 * `rowAt`). Pure: rows (sorted by y, contiguous, as `buildLayout` makes them) + scroll offset +
 * viewport height → a half-open index range, widened by `overscan` rows either side so a small
 * scroll never uncovers a row that is not rendered yet.
 */
import type { Row } from "./layout";

/** Rows [start, end) of `rows`; start ≤ end, both within 0..rows.length. */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/** Index of the first row ending below `y` (px from the top of the rows); rows.length if none. */
function firstEndingAfter(rows: readonly Pick<Row, "y" | "h">[], y: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const r = rows[mid]!;
    if (r.y + r.h <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The rows intersecting [scrollTop, scrollTop + height), plus `overscan` rows above and below.
 * A row touching the viewport's edge only (ending at scrollTop, starting at its bottom) does not
 * intersect it. An empty viewport (height ≤ 0) or one below the last row yields only overscan.
 */
export function visibleRows(rows: readonly Pick<Row, "y" | "h">[], scrollTop: number, height: number, overscan: number): RowRange {
  const first = firstEndingAfter(rows, scrollTop);
  // First row starting at or below the viewport's bottom; rows before it (from `first`) intersect.
  let last = first;
  const bottom = scrollTop + Math.max(0, height);
  while (last < rows.length && rows[last]!.y < bottom) last++;
  return { start: Math.max(0, first - overscan), end: Math.min(rows.length, last + overscan) };
}
