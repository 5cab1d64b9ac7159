/**
 * The axis strip above the tracks: ticks and labels (times, or "#seq" on the event axis), the
 * trace's end, the cursor marker and its label (event number and time).
 */
import type { Palette } from "../../theme/palette";
import type { AxisTick } from "../data/time-axis";

export interface AxisInput {
  readonly start: number;
  readonly end: number;
  /** CSS px. */
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
  readonly p: Palette;
  readonly traceEnd: number;
  readonly cursorT: number | undefined;
  /** Beside the cursor marker, e.g. "#12 · 0 ns". */
  readonly cursorLabel: string | undefined;
  readonly ticks: readonly AxisTick[];
  /** Why the run ended, shown at its end when it was not a normal return ("deadlock", "panic"). */
  readonly endLabel: string | undefined;
}

export function drawAxis(ctx: CanvasRenderingContext2D, a: AxisInput): void {
  const { dpr, p } = a;
  const W = Math.round(a.width * dpr);
  const H = Math.round(a.height * dpr);
  ctx.fillStyle = p.gutter;
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = p.separator;
  ctx.fillRect(0, H - Math.max(1, Math.round(dpr)), W, Math.max(1, Math.round(dpr)));
  const x = (t: number) => ((t - a.start) / (a.end - a.start)) * W;
  // Outside the trace: shaded.
  ctx.fillStyle = p.rowAlt;
  if (a.start < 0) ctx.fillRect(0, 0, Math.round(x(0)), H - 1);
  if (a.end > a.traceEnd) ctx.fillRect(Math.round(x(a.traceEnd)), 0, W, H - 1);
  ctx.font = `${Math.round(11 * dpr)}px system-ui, -apple-system, "Segoe UI", sans-serif`;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  const line = Math.max(1, Math.round(dpr));
  const pad = Math.round(6 * dpr);
  const ty = Math.round(H * 0.42);
  // The cursor's and the end's labels go first; tick labels that would overlap them are left out.
  const boxes: [number, number][] = [];
  const cx = a.cursorT !== undefined ? Math.round(x(a.cursorT)) : undefined;
  if (cx !== undefined && a.cursorLabel && cx >= 0 && cx <= W) {
    const w = ctx.measureText(a.cursorLabel).width;
    const lx = cx + pad + w <= W ? cx + pad : cx - pad - w;
    if (lx >= 0) {
      ctx.fillStyle = p.cursor;
      ctx.fillText(a.cursorLabel, lx, ty);
      boxes.push([Math.min(cx, lx) - pad, Math.max(cx, lx + w) + pad]);
    }
  }
  if (a.endLabel) {
    const ex = Math.round(x(a.traceEnd));
    const w = ctx.measureText(a.endLabel).width;
    const lx = ex + pad + w <= W ? ex + pad : ex - pad - w;
    ctx.fillStyle = p.close;
    ctx.fillRect(ex, 0, Math.max(2, Math.round(2 * dpr)), H);
    if (lx >= 0 && !boxes.some(([b0, b1]) => lx < b1 && lx + w > b0)) {
      ctx.fillText(a.endLabel, lx, ty);
      boxes.push([Math.min(ex, lx) - pad, Math.max(ex, lx + w) + pad]);
    }
  }
  for (const t of a.ticks) {
    const px = Math.round(t.x * dpr);
    ctx.fillStyle = p.textDim;
    ctx.fillRect(px, H - Math.round(7 * dpr), line, Math.round(7 * dpr));
    ctx.fillStyle = p.text;
    const lx = px + Math.round(4 * dpr);
    const w = ctx.measureText(t.label).width;
    if (lx + w > W - 2 || boxes.some(([b0, b1]) => lx < b1 && lx + w > b0)) continue;
    ctx.fillText(t.label, lx, ty);
  }
  if (cx !== undefined) {
    const s = Math.round(5 * dpr);
    ctx.fillStyle = p.cursor;
    ctx.beginPath();
    ctx.moveTo(cx - s, H - s - 1);
    ctx.lineTo(cx + s + 1, H - s - 1);
    ctx.lineTo(cx + 0.5, H);
    ctx.fill();
  }
}
