/**
 * One complete frame of the track canvas: row backgrounds and grid, every visible row through its
 * drawer (rectangles batched by colour), labels, arrows and the cursor. Coordinates are device
 * pixels, rounded, so 1-px lines stay crisp at any devicePixelRatio.
 */
import type { Highlight, Selection } from "../../store/selection-slice";
import type { ArrowToggles } from "../../store/view-slice";
import type { Palette } from "../../theme/palette";
import type { TimelineData } from "../../../../traces/timeline/derive";
import { rowAt, type Layout, type Row } from "../data/layout";
import { pixelScale, xOf } from "../data/lod";
import type { AxisTick } from "../data/time-axis";
import { drawArrows } from "./arrows";
import { RectBatch, drawLabels, drawShapes, type Label, type Shape } from "./batch";
import { drawChannelRow } from "./channel-row";
import { drawGoroutineRow } from "./goroutine-row";
import { drawLockRow } from "./lock-row";
import type { RowFrame } from "./row-frame";
import { drawWaitGroupRow } from "./wg-row";

export interface FrameInput {
  readonly data: TimelineData;
  readonly layout: Layout;
  /** The view, in the data's x unit (ns, or event indices). */
  readonly start: number;
  readonly end: number;
  /** The axis's ticks (x in CSS px): the grid lines. */
  readonly ticks: readonly AxisTick[];
  /** Canvas size, CSS px. */
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
  readonly scrollY: number;
  readonly p: Palette;
  readonly highlight: Highlight | null;
  readonly selection: Selection | null;
  readonly cursorT: number | undefined;
  readonly arrows: ArrowToggles;
  readonly kindFilter: Uint8Array | undefined;
  readonly hoverRow: number;
}

export interface FrameStats {
  readonly rows: number;
  readonly arrows: number;
}

const batch = new RectBatch();

export function drawFrame(ctx: CanvasRenderingContext2D, f: FrameInput): FrameStats {
  const { dpr, p, layout } = f;
  const W = Math.round(f.width * dpr);
  const H = Math.round(f.height * dpr);
  const sc = pixelScale(f.start, f.end, W);
  const line = Math.max(1, Math.round(dpr));
  ctx.globalAlpha = 1;
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, W, H);

  const first = Math.max(0, rowAt(layout, f.scrollY));
  const rowY = (r: Row) => Math.round((r.y - f.scrollY) * dpr);
  const labels: Label[] = [];
  const shapes: Shape[] = [];
  const font = `${Math.round(11 * dpr)}px system-ui, -apple-system, "Segoe UI", sans-serif`;
  let drawn = 0;
  let last = first;
  // Backgrounds: section bands, alternate rows, the selected and hovered rows.
  for (let i = first; i < layout.rows.length; i++) {
    const r = layout.rows[i]!;
    const y = rowY(r);
    if (y >= H) break;
    last = i;
    const h = Math.round((r.y + r.h - f.scrollY) * dpr) - y;
    if (r.kind === "section") {
      batch.add(p.header, 1, 0, y, W, h);
      batch.add(p.separator, 1, 0, y, W, line);
    } else if (i % 2 === 1) batch.add(p.rowAlt, 1, 0, y, W, h);
    if (isSelected(r, f.selection)) batch.add(p.selection, 1, 0, y, W, h);
    if (i === f.hoverRow && r.kind !== "section") batch.add(p.hover, 1, 0, y, W, h);
  }
  // Outside the trace's extent: shaded, like the axis.
  if (f.start < f.data.start) batch.add(p.rowAlt, 1, 0, 0, Math.round(xOf(sc, f.data.start)), H);
  if (f.end > f.data.end) {
    const x = Math.round(xOf(sc, f.data.end));
    batch.add(p.rowAlt, 1, x, 0, W - x, H);
    const ending = f.data.model.end?.end;
    batch.add(ending && ending !== "main-returned" ? p.close : p.separator, 1, x, 0, line, H);
  }
  for (const t of f.ticks) batch.add(p.grid, 1, Math.round(t.x * dpr), 0, line, H);
  batch.flush(ctx);

  for (let i = first; i <= last; i++) {
    const r = layout.rows[i]!;
    if (r.kind === "section") continue;
    const y = rowY(r);
    const h = Math.round((r.y + r.h - f.scrollY) * dpr) - y;
    const rf: RowFrame = { sc, dpr, y, h, alpha: rowAlpha(r, f), p, batch, labels, shapes, data: f.data, kindFilter: f.kindFilter, font };
    drawRow(rf, r);
    drawn++;
  }
  batch.flush(ctx);
  drawShapes(ctx, shapes, line);
  drawLabels(ctx, labels, font);

  const arrows = drawArrows(ctx, f.data, layout, {
    sc, dpr, height: H, toggles: f.arrows, p,
    rowCenter: (ri) => {
      const r = layout.rows[ri]!;
      return Math.round((r.y + r.h / 2 - f.scrollY) * dpr) + 0.5;
    },
    highlight: f.highlight?.goroutines,
  });

  if (f.cursorT !== undefined) {
    const x = Math.round(xOf(sc, f.cursorT));
    if (x >= 0 && x < W) {
      ctx.fillStyle = p.cursor;
      ctx.fillRect(x, 0, line, H);
    }
  }
  if (f.selection?.kind === "event") drawSelectedEvent(ctx, f, f.selection.index, sc, dpr);
  return { rows: drawn, arrows };
}

function drawRow(rf: RowFrame, r: Row): void {
  switch (r.kind) {
    case "g":
      return drawGoroutineRow(rf, r.lane);
    case "chan":
      return r.track.kind === "chan" ? drawChannelRow(rf, r.track) : undefined;
    case "mutex":
    case "rwmutex":
      return r.track.kind !== "chan" && r.track.kind !== "wg" ? drawLockRow(rf, r.track) : undefined;
    case "wg":
      return r.track.kind === "wg" ? drawWaitGroupRow(rf, r.track) : undefined;
    case "section":
      return undefined;
  }
}

function isSelected(r: Row, s: Selection | null): boolean {
  if (!s) return false;
  if (r.kind === "g") return s.kind === "goroutine" && s.id === r.lane.id;
  if (r.kind === "section") return false;
  return s.kind === "object" && s.id === r.track.id;
}

function rowAlpha(r: Row, f: FrameInput): number {
  const h = f.highlight;
  if (!h || r.kind === "section") return 1;
  if (r.kind === "g") return h.goroutines.has(r.lane.id) ? 1 : f.p.dimAlpha;
  return h.objects.has(r.track.id) ? 1 : f.p.dimAlpha;
}

/** A ring on the row of the selected event: its goroutine's lane (for the runtime's events, the goroutine woken or the object named). */
function drawSelectedEvent(ctx: CanvasRenderingContext2D, f: FrameInput, index: number, sc: ReturnType<typeof pixelScale>, dpr: number): void {
  const { data, layout } = f;
  if (index < 0 || index >= data.times.length) return;
  let row = layout.rowOfGoroutine.get(data.gs[index]!);
  if (row === undefined) {
    // The runtime's events: on the goroutine they woke, or the object they name.
    const e = data.model.event(index) as { target?: number; ch?: number; id?: number };
    if (e.target !== undefined) row = layout.rowOfGoroutine.get(e.target);
    const id = e.ch ?? e.id;
    if (row === undefined && id !== undefined) row = layout.rowOfObject.get(id);
  }
  if (row === undefined) return;
  const r = layout.rows[row]!;
  const x = Math.round(xOf(sc, data.times[index]!)) + 0.5;
  const y = Math.round((r.y + r.h / 2 - f.scrollY) * dpr) + 0.5;
  const radius = 4.5 * dpr;
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, Math.PI * 2);
  ctx.fillStyle = f.p.background;
  ctx.fill();
  ctx.lineWidth = Math.max(1.5, 2 * dpr);
  ctx.strokeStyle = f.p.cursor;
  ctx.stroke();
}
