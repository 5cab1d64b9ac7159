/**
 * Batched rectangles: rows add rectangles by colour and the frame fills each colour once (one
 * path per colour per alpha), which is what keeps thousands of runs per frame cheap. Coordinates
 * are device pixels; callers round them so every edge is crisp.
 */
export class RectBatch {
  /** alpha → colour → x, y, w, h quadruples; the lists are reused frame after frame. */
  private readonly byAlpha = new Map<number, Map<string, number[]>>();
  private lastAlpha = Number.NaN;
  private lastColor = "";
  private last: number[] | undefined;

  add(color: string, alpha: number, x: number, y: number, w: number, h: number): void {
    if (w <= 0 || h <= 0) return;
    let list = alpha === this.lastAlpha && color === this.lastColor ? this.last : undefined;
    if (!list) {
      let byColor = this.byAlpha.get(alpha);
      if (!byColor) this.byAlpha.set(alpha, (byColor = new Map()));
      list = byColor.get(color);
      if (!list) byColor.set(color, (list = []));
      this.lastAlpha = alpha;
      this.lastColor = color;
      this.last = list;
    }
    list.push(x, y, w, h);
  }

  /** Fills everything added and empties the batch; returns the number of rectangles. */
  flush(ctx: CanvasRenderingContext2D): number {
    let count = 0;
    for (const [alpha, byColor] of this.byAlpha) {
      ctx.globalAlpha = alpha;
      for (const [color, list] of byColor) {
        if (list.length === 0) continue;
        ctx.fillStyle = color;
        ctx.beginPath();
        for (let i = 0; i < list.length; i += 4) ctx.rect(list[i]!, list[i + 1]!, list[i + 2]!, list[i + 3]!);
        ctx.fill();
        count += list.length / 4;
        list.length = 0;
      }
    }
    // Colours used once (lock holders) must not pile up across frames.
    for (const byColor of this.byAlpha.values()) if (byColor.size > 256) byColor.clear();
    this.last = undefined;
    this.lastColor = "";
    ctx.globalAlpha = 1;
    return count;
  }
}

/** Text to draw after the rectangles, clipped to a width (device px). */
export interface Label {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly maxWidth: number;
  readonly color: string;
  readonly alpha: number;
}

/** Draws labels, shortening each with an ellipsis to its width; skips those with no room. */
export function drawLabels(ctx: CanvasRenderingContext2D, labels: readonly Label[], font: string): void {
  ctx.font = font;
  ctx.textBaseline = "middle";
  for (const l of labels) {
    let text = l.text;
    if (ctx.measureText(text).width > l.maxWidth) {
      let lo = 0;
      let hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (ctx.measureText(`${text.slice(0, mid)}…`).width <= l.maxWidth) lo = mid;
        else hi = mid - 1;
      }
      if (lo < 2) continue;
      text = `${text.slice(0, lo)}…`;
    }
    ctx.globalAlpha = l.alpha;
    ctx.fillStyle = l.color;
    ctx.fillText(text, l.x, l.y);
  }
  ctx.globalAlpha = 1;
}

/** A path filled at `fillAlpha` and outlined at full alpha (1 device px), in one colour. */
export interface Shape {
  readonly fill: Path2D;
  readonly outline: Path2D;
  readonly color: string;
  readonly fillAlpha: number;
  readonly alpha: number;
}

export function drawShapes(ctx: CanvasRenderingContext2D, shapes: readonly Shape[], lineWidth: number): void {
  ctx.lineWidth = lineWidth;
  for (const s of shapes) {
    ctx.fillStyle = s.color;
    ctx.strokeStyle = s.color;
    ctx.globalAlpha = s.fillAlpha * s.alpha;
    ctx.fill(s.fill);
    ctx.globalAlpha = s.alpha;
    ctx.stroke(s.outline);
  }
  ctx.globalAlpha = 1;
}
