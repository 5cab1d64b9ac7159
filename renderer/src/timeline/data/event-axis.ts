/**
 * The event axis's ticks: event i sits at x = i and is labelled by its `seq` ("#1200"), the number
 * the status bar, the findings and the inspector use. When seqs are contiguous (seq = i + base, as
 * the runtime writes them) ticks fall on round seqs; otherwise on round indices, still labelled by
 * seq. `ticksFor` picks the time or the event ticks for the data's axis.
 */
import { scaleLinear } from "d3-scale";
import type { TimelineData } from "../../../../traces/timeline/derive";
import { axisTicks, type AxisTick } from "./time-axis";

/** Ticks for the event range [start, end] over `width` px, about one per `spacing` px; events outside [0, n) get none. */
export function eventTicks(start: number, end: number, width: number, n: number, seqOf: (i: number) => number, spacing = 110): AxisTick[] {
  if (n === 0) return [];
  const base = seqOf(0);
  const contiguous = seqOf(n - 1) - base === n - 1;
  const offset = contiguous ? base : 0;
  const scale = scaleLinear().domain([start + offset, end + offset]).range([0, width]);
  const out: AxisTick[] = [];
  for (const v of scale.ticks(Math.max(2, Math.floor(width / spacing)))) {
    const i = v - offset;
    if (!Number.isInteger(i) || i < 0 || i >= n) continue;
    out.push({ t: i, x: scale(v), label: `#${contiguous ? v : seqOf(i)}` });
  }
  return out;
}

/** The ticks of the data's axis for the view [start, end] over `width` px. */
export function ticksFor(data: TimelineData, start: number, end: number, width: number): AxisTick[] {
  return data.axis === "events" ? eventTicks(start, end, width, data.model.eventCount, (i) => data.model.seqOf(i)) : axisTicks(start, end, width);
}
