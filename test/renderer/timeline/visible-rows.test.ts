/** visibleRows: the rows a scrolled viewport shows, plus overscan, as an index range. */
import { describe, expect, test } from "vitest";
import { visibleRows } from "../../../renderer/src/timeline/data/visible-rows";

/** Contiguous rows of the given heights, as buildLayout lays them out. */
function rowsOf(heights: readonly number[]): { y: number; h: number }[] {
  let y = 0;
  return heights.map((h) => {
    const r = { y, h };
    y += h;
    return r;
  });
}

// A section (22), 100 lanes (20 each: lane k spans 22 + 20k .. 42 + 20k), a section, 3 chans (34).
const rows = rowsOf([22, ...Array<number>(100).fill(20), 22, 34, 34, 34]);

describe("visibleRows", () => {
  test("at the top: the rows in the viewport, overscan below only", () => {
    // 0..200 px: the section and lanes 0..8 (lane 8 spans 182..202): rows 0..9.
    expect(visibleRows(rows, 0, 200, 0)).toEqual({ start: 0, end: 10 });
    expect(visibleRows(rows, 0, 200, 10)).toEqual({ start: 0, end: 20 });
  });

  test("scrolled: partly shown rows at either edge count, touching ones do not", () => {
    // 1002..1202 px: lane 49 spans 1002..1022 (row 50), lane 58 spans 1182..1202 (row 59).
    expect(visibleRows(rows, 1002, 200, 0)).toEqual({ start: 50, end: 60 });
    // One px further: lane 49 is partly shown and so is lane 59 (row 60, from 1202).
    expect(visibleRows(rows, 1003, 200, 0)).toEqual({ start: 50, end: 61 });
    // Row 49 ends exactly at 1002; row 60 starts exactly at 1202.
    expect(visibleRows(rows, 1002, 200, 3)).toEqual({ start: 47, end: 63 });
  });

  test("rows of mixed heights: the section and channel rows at the bottom", () => {
    const total = rows.at(-1)!.y + rows.at(-1)!.h; // 22 + 2000 + 22 + 102 = 2146
    expect(total).toBe(2146);
    expect(visibleRows(rows, total - 130, 130, 0)).toEqual({ start: 100, end: 105 });
    expect(visibleRows(rows, total - 130, 130, 10)).toEqual({ start: 90, end: 105 });
  });

  test("a viewport taller than the rows: all of them", () => {
    expect(visibleRows(rows, 0, 5000, 10)).toEqual({ start: 0, end: rows.length });
  });

  test("past the last row, an empty viewport, no rows: only what overscan reaches", () => {
    expect(visibleRows(rows, 9000, 200, 10)).toEqual({ start: rows.length - 10, end: rows.length });
    expect(visibleRows(rows, 1002, 0, 2)).toEqual({ start: 48, end: 52 });
    expect(visibleRows([], 0, 200, 10)).toEqual({ start: 0, end: 0 });
  });
});
