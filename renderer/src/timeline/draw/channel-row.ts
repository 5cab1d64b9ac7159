/**
 * A channel track: buffer occupancy as a step area against the capacity (the track's full
 * height is `cap`, or the peak occupancy when that stays far below it), send ticks along the
 * top edge, receive ticks along the bottom, and a close marker (a line at the close, the rest
 * of the track shaded).
 */
import { columns, type RowFrame } from "./row-frame";
import { drawStepArea, drawTicks } from "./step-area";
import type { ChannelTrack } from "../../../../traces/timeline/object-tracks";
import { KIND_INDEX } from "../../../../traces/timeline/derive";

const SEND = KIND_INDEX.get("chan.send")!;
const RECV = KIND_INDEX.get("chan.recv")!;

export function drawChannelRow(f: RowFrame, ch: ChannelTrack): void {
  const { dpr, p, batch } = f;
  const tick = Math.round(4 * dpr);
  const top = f.y + Math.round(3 * dpr);
  const bottom = f.y + f.h - Math.round(3 * dpr);
  const line = Math.max(1, Math.round(dpr));
  // Capacity frame: a faint band where the buffer lives.
  const [bx0, bx1] = columns(f, ch.madeAt, Number.POSITIVE_INFINITY);
  if (ch.cap > 0) {
    batch.add(p.kinds.chan, 0.07 * f.alpha, bx0, top + tick, bx1 - bx0, bottom - top - 2 * tick);
    // Scaled to the capacity, unless the buffer never got near it: then to its peak (at least 4),
    // so a channel of cap 1000 that holds 3 values still shows them (the label says the scale).
    const scale = Math.min(ch.cap, Math.max(4, ch.occupancy.max));
    drawStepArea(f, ch.occupancy, Number.POSITIVE_INFINITY, top + tick, bottom - top - 2 * tick, scale, p.kinds.chan, 0.4);
  } else batch.add(p.kinds.chan, 0.35 * f.alpha, bx0, Math.round((top + bottom) / 2), bx1 - bx0, line);
  // The event-kind filter limits ticks here too.
  if (!f.kindFilter || f.kindFilter[SEND] === 1) drawTicks(f, ch.sends, top, tick, p.send);
  if (!f.kindFilter || f.kindFilter[RECV] === 1) drawTicks(f, ch.recvs, bottom - tick, tick, p.recv);
  if (ch.closedAt !== undefined) {
    const [cx0, cx1] = columns(f, ch.closedAt, Number.POSITIVE_INFINITY);
    batch.add(p.close, 0.04 * f.alpha, cx0, top, cx1 - cx0, bottom - top);
    if (cx0 > 0 || ch.closedAt >= f.sc.start) batch.add(p.close, f.alpha, cx0, top, Math.max(2, Math.round(2 * dpr)), bottom - top);
  }
}
