/**
 * A goroutine lane: its state per pixel column (level of detail from data/lod.ts) as a bar, done
 * as a thin line, one tick per column that has events (so instantaneous activity, common under
 * the virtual clock, stays visible), and the block reason written in wide blocked segments.
 */
import { reasonName, DONE, STATUS_NAMES } from "../../../../traces/timeline/status";
import { laneRuns, xOf } from "../data/lod";
import { tickRuns } from "./step-area";
import { segmentAt, type GoroutineLane } from "../../../../traces/timeline/goroutine-lanes";
import type { RowFrame } from "./row-frame";

export function drawGoroutineRow(f: RowFrame, lane: GoroutineLane): void {
  const { dpr, batch, p, alpha } = f;
  const pad = Math.round(3 * dpr);
  const top = f.y + pad;
  const height = f.h - 2 * pad;
  const lineH = Math.max(1, Math.round(dpr));
  const mid = top + Math.floor((height - lineH) / 2);
  laneRuns(lane, f.sc, (x0, x1, s) => {
    const color = p.states[STATUS_NAMES[s]!];
    if (s === DONE) batch.add(color, alpha, x0, mid, x1 - x0, lineH);
    else batch.add(color, alpha, x0, top, x1 - x0, height);
  });
  drawTicks(f, lane, top, height);
  labelSegments(f, lane, top + height / 2);
}

function drawTicks(f: RowFrame, lane: GoroutineLane, top: number, height: number): void {
  const { times, kinds } = f.data;
  const ev = lane.events;
  const filter = f.kindFilter;
  const tickTop = top + Math.round(height * 0.45);
  tickRuns(
    f,
    ev.length,
    (k) => times[ev[k]!]!,
    (x0, x1) => f.batch.add(f.p.text, 0.5 * f.alpha, x0, tickTop, x1 - x0, top + height - tickTop),
    filter ? (k) => filter[kinds[ev[k]!]!] === 1 : undefined,
  );
}

/** Writes "chan.recv jobs" (reason and objects) inside blocked or sleeping segments wide enough to hold it. */
function labelSegments(f: RowFrame, lane: GoroutineLane, cy: number): void {
  const minW = 70 * f.dpr;
  const span = f.sc.nsPerPx * minW;
  let j = Math.max(0, segmentAt(lane, f.sc.start));
  const tEnd = f.sc.start + f.sc.nsPerPx * f.sc.width;
  // Bounded work: past a few thousand visible segments, none is wide enough to hold a label anyway.
  let labels = 0;
  for (let steps = 0; j < lane.n && lane.t0[j]! < tEnd && labels < 100 && steps < 4000; j++, steps++) {
    if (lane.t1[j]! - lane.t0[j]! < span || lane.reason[j]! < 0) continue;
    const x0 = Math.max(0, xOf(f.sc, lane.t0[j]!));
    const x1 = Math.min(f.sc.width, xOf(f.sc, lane.t1[j]!));
    if (x1 - x0 < minW) continue;
    labels++;
    f.labels.push({ text: segmentText(f, lane, j), x: x0 + 4 * f.dpr, y: cy, maxWidth: x1 - x0 - 8 * f.dpr, color: f.p.textOnBar, alpha: 0.85 * f.alpha });
  }
}

export function segmentText(f: Pick<RowFrame, "data">, lane: GoroutineLane, j: number): string {
  const reason = reasonName(lane.reason[j]!) ?? "";
  const e = f.data.model.event(lane.ev[j]!);
  if (e.k !== "go.block" || e.on.length === 0) return reason;
  const names = e.on.slice(0, 3).map((id) => f.data.model.object(id)?.name ?? `#${id}`);
  return `${reason} ${names.join(", ")}${e.on.length > 3 ? "…" : ""}`;
}
