/**
 * Rows of the timeline, top to bottom: a section header, then its rows, for goroutines, channels,
 * locks and WaitGroups. Pure: model → geometry in CSS px, recomputed when the filter or the
 * collapsed set changes, never per frame.
 *
 * Goroutines follow the creation tree (children right after their parent). A collapsed goroutine
 * hides its descendants; their events and arrows are drawn on its row (`rowOfGoroutine`). A filter
 * text shows only the goroutines and objects whose name or `#id` matches, and ignores collapsing.
 */
import type { GoroutineLane } from "../../../../traces/timeline/goroutine-lanes";
import type { TimelineData } from "../../../../traces/timeline/derive";
import type { ObjectTrack } from "../../../../traces/timeline/object-tracks";

export const ROW_HEIGHT = { section: 22, g: 20, chan: 34, mutex: 28, rwmutex: 34, wg: 26 } as const;

export type Row =
  | { readonly kind: "section"; readonly key: string; readonly title: string; readonly count: number; readonly y: number; readonly h: number }
  | { readonly kind: "g"; readonly lane: GoroutineLane; readonly hidden: number; readonly y: number; readonly h: number }
  | { readonly kind: ObjectTrack["kind"]; readonly track: ObjectTrack; readonly y: number; readonly h: number };

export interface Layout {
  readonly rows: readonly Row[];
  /** Total height, px. */
  readonly height: number;
  /** Row index drawing each goroutine: its own, or its nearest visible collapsed ancestor's. */
  readonly rowOfGoroutine: ReadonlyMap<number, number>;
  readonly rowOfObject: ReadonlyMap<number, number>;
}

export interface LayoutOptions {
  readonly collapsed: ReadonlySet<number>;
  readonly filterText: string;
}

/** Whether `name #id` matches a filter text: "#12" matches that id exactly, anything else is a case-insensitive substring. */
export function matchesFilter(text: string, name: string, id: number): boolean {
  const q = text.trim().toLowerCase();
  if (q === "") return true;
  if (/^#\d+$/.test(q)) return q === `#${id}`;
  return `${name} #${id}`.toLowerCase().includes(q);
}

export function buildLayout(data: TimelineData, options: LayoutOptions): Layout {
  const rows: Row[] = [];
  const rowOfGoroutine = new Map<number, number>();
  const rowOfObject = new Map<number, number>();
  let y = 0;
  const filtering = options.filterText.trim() !== "";
  const section = (key: string, title: string, count: number) => {
    rows.push({ kind: "section", key, title, count, y, h: ROW_HEIGHT.section });
    y += ROW_HEIGHT.section;
  };

  const lanes = data.lanes.filter((l) => !filtering || matchesFilter(options.filterText, l.name, l.id));
  section("goroutines", "Goroutines", lanes.length);
  // Hidden under a collapsed ancestor: skip lanes deeper than the collapsed one until we climb back.
  let hideBelow = Number.POSITIVE_INFINITY;
  let owner = -1;
  for (const lane of lanes) {
    if (!filtering && lane.depth > hideBelow) {
      rowOfGoroutine.set(lane.id, owner);
      const r = rows[owner]!;
      if (r.kind === "g") rows[owner] = { ...r, hidden: r.hidden + 1 };
      continue;
    }
    hideBelow = Number.POSITIVE_INFINITY;
    rowOfGoroutine.set(lane.id, rows.length);
    if (!filtering && options.collapsed.has(lane.id) && lane.children.length > 0) {
      hideBelow = lane.depth;
      owner = rows.length;
    }
    rows.push({ kind: "g", lane, hidden: 0, y, h: ROW_HEIGHT.g });
    y += ROW_HEIGHT.g;
  }

  const groups: [string, string, readonly ObjectTrack[]][] = [
    ["chan", "Channels", data.channels],
    ["lock", "Locks", data.locks],
    ["wg", "WaitGroups", data.waitGroups],
  ];
  for (const [key, title, tracks] of groups) {
    const shown = tracks.filter((t) => !filtering || matchesFilter(options.filterText, t.name, t.id));
    if (shown.length === 0) continue;
    section(key, title, shown.length);
    for (const track of shown) {
      rowOfObject.set(track.id, rows.length);
      const h = ROW_HEIGHT[track.kind];
      rows.push({ kind: track.kind, track, y, h } as Row);
      y += h;
    }
  }
  return { rows, height: y, rowOfGoroutine, rowOfObject };
}

/** Index of the row at y (px from the top of the rows); -1 outside. */
export function rowAt(layout: Layout, y: number): number {
  const rows = layout.rows;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = rows[mid]!;
    if (y < r.y) hi = mid - 1;
    else if (y >= r.y + r.h) lo = mid + 1;
    else return mid;
  }
  return -1;
}
