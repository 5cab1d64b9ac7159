/**
 * Flow arrows between goroutine rows (send → receive, create, wake), drawn over the rows. Only
 * arrows crossing the view whose ends are on visible rows; at most one per distinct pixel
 * geometry, and none when more than `MAX_ARROWS` would show (a solid mesh tells nothing).
 */
import type { ArrowToggles } from "../../store/view-slice";
import type { Palette } from "../../theme/palette";
import { ARROW_CREATE, ARROW_SEND, ARROW_WAKE } from "../../../../traces/timeline/arrows";
import type { TimelineData } from "../../../../traces/timeline/derive";
import { firstAtOrAfter } from "../../../../traces/timeline/growable";
import type { Layout } from "../data/layout";
import { xOf, type PixelScale } from "../data/lod";

export const MAX_ARROWS = 1500;

export interface ArrowFrame {
  readonly sc: PixelScale;
  readonly dpr: number;
  /** Device-px y of the centre of a row index, given the scroll. */
  readonly rowCenter: (row: number) => number;
  readonly height: number;
  readonly toggles: ArrowToggles;
  readonly p: Palette;
  /** Goroutines involved in the focused diagnostic (others' arrows are dimmed); undefined: none. */
  readonly highlight: ReadonlySet<number> | undefined;
}

export function drawArrows(ctx: CanvasRenderingContext2D, data: TimelineData, layout: Layout, f: ArrowFrame): number {
  const a = data.arrows;
  const { sc } = f;
  const tEnd = sc.start + sc.nsPerPx * sc.width;
  const enabled = [f.toggles.send, f.toggles.create, f.toggles.wake];
  const colors = [f.p.send, f.p.create, f.p.wake];
  if (!enabled.some(Boolean)) return 0;
  // Heads ascend: an arrow crossing the view has its head in [start, end + maxSpan].
  const lo = firstAtOrAfter(a.t1, a.n, sc.start);
  const hi = firstAtOrAfter(a.t1, a.n, tEnd + a.maxSpan + 1e-9);
  if (hi - lo > MAX_ARROWS * 20) return 0;
  const paths: Path2D[] = [new Path2D(), new Path2D(), new Path2D()];
  const dimPaths: Path2D[] = [new Path2D(), new Path2D(), new Path2D()];
  const seen = new Set<number>();
  let count = 0;
  const head = 5 * f.dpr;
  for (let i = lo; i < hi; i++) {
    const kind = a.kind[i]!;
    if (!enabled[kind] || a.t0[i]! > tEnd) continue;
    const r0 = layout.rowOfGoroutine.get(a.g0[i]!);
    const r1 = layout.rowOfGoroutine.get(a.g1[i]!);
    if (r0 === undefined || r1 === undefined || r0 === r1) continue;
    const x0 = Math.round(xOf(sc, a.t0[i]!)) + 0.5;
    const x1 = Math.round(xOf(sc, a.t1[i]!)) + 0.5;
    const y0 = f.rowCenter(r0);
    const y1 = f.rowCenter(r1);
    if ((y0 < 0 && y1 < 0) || (y0 > f.height && y1 > f.height)) continue;
    const key = ((x0 * 4099 + x1) * 8191 + r0 * 131 + r1) * 3 + kind;
    if (seen.has(key)) continue;
    seen.add(key);
    if (++count > MAX_ARROWS) return 0;
    const dim = f.highlight !== undefined && !(f.highlight.has(a.g0[i]!) && f.highlight.has(a.g1[i]!));
    const path = (dim ? dimPaths : paths)[kind]!;
    path.moveTo(x0, y0);
    if (x1 - x0 > 2) {
      // A gentle curve for arrows that travel in time (buffered sends).
      const mx = (x0 + x1) / 2;
      path.bezierCurveTo(mx, y0, mx, y1, x1, y1);
    } else path.lineTo(x1, y1);
    const dx = x1 - x0 > 2 ? 1 : 0;
    const dir = y1 > y0 ? 1 : -1;
    // Arrowhead pointing along the final direction (right for curves, down/up for verticals).
    if (dx) {
      path.moveTo(x1 - head, y1 - head / 2);
      path.lineTo(x1, y1);
      path.lineTo(x1 - head, y1 + head / 2);
    } else {
      path.moveTo(x1 - head / 2, y1 - dir * head);
      path.lineTo(x1, y1);
      path.lineTo(x1 + head / 2, y1 - dir * head);
    }
  }
  ctx.lineWidth = Math.max(1, Math.round(f.dpr));
  ctx.lineJoin = "round";
  for (const k of [ARROW_SEND, ARROW_CREATE, ARROW_WAKE]) {
    ctx.strokeStyle = colors[k]!;
    ctx.globalAlpha = 0.9;
    ctx.stroke(paths[k]!);
    ctx.globalAlpha = f.p.dimAlpha * 0.6;
    ctx.stroke(dimPaths[k]!);
  }
  ctx.globalAlpha = 1;
  return count;
}
