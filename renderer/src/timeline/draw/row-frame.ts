/** What every row drawer gets: the pixel scale, its box in device px, the palette and the batches. */
import type { Palette } from "../../theme/palette";
import type { TimelineData } from "../../../../traces/timeline/derive";
import { xOf, type PixelScale } from "../data/lod";
import type { Label, RectBatch, Shape } from "./batch";

export interface RowFrame {
  /** Time → device px. */
  readonly sc: PixelScale;
  readonly dpr: number;
  /** The row's top and height, device px (integers). */
  readonly y: number;
  readonly h: number;
  /** 1, or the palette's dim alpha for rows a focused diagnostic does not involve. */
  readonly alpha: number;
  readonly p: Palette;
  readonly batch: RectBatch;
  readonly labels: Label[];
  /** Filled and outlined paths (step areas), drawn after the rectangles. */
  readonly shapes: Shape[];
  readonly data: TimelineData;
  /** Per EVENT_KINDS index, 1 when its ticks show; undefined shows all. */
  readonly kindFilter: Uint8Array | undefined;
  readonly font: string;
}

/** Device-px column range [x0, x1) of the time range [t0, t1), at least one column wide, clipped to the view. */
export function columns(f: RowFrame, t0: number, t1: number): [number, number] {
  const x0 = Math.max(0, Math.floor(xOf(f.sc, t0)));
  const x1 = Math.min(f.sc.width, Math.max(x0 + 1, Math.ceil(xOf(f.sc, t1))));
  return [x0, x1];
}
