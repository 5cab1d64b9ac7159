/**
 * The timeline's two x axes. On the time axis x is a time in ns; on the event axis x is an event
 * index and every event gets one unit of width: event i owns [i, i + 1), and the state after it
 * holds there. Under the virtual clock most events share a few instants (often all happen at
 * t = 0), so only the event axis shows their order.
 *
 * Conversions between the two go through the model's event times, which never decrease.
 */
import type { TraceModel } from "../model";

export type TimelineAxis = "time" | "events";

/** Share of the events at one instant from which a trace opens on the event axis. */
export const CROWDED_INSTANT = 0.8;

/**
 * The axis a trace opens on: "events" when one instant holds at least 80% of its events (a
 * trace spanning 0 ns among them), else "time". A trace whose events are spread over a few
 * instants (sleeps, timeouts, rounds of work) keeps its time axis: there timing is the story.
 */
export function defaultAxis(model: TraceModel): TimelineAxis {
  const n = model.eventCount;
  if (n === 0) return "time";
  let best = 0;
  let run = 0;
  let prev = Number.NaN;
  for (let i = 0; i < n; i++) {
    const t = model.timeOf(i);
    run = t === prev ? run + 1 : 1;
    prev = t;
    if (run > best) best = run;
  }
  return best >= CROWDED_INSTANT * n ? "events" : "time";
}

/** Index of the first event at or after time t (ns); `eventCount` when none is. */
export const firstIndexAtOrAfter = (model: TraceModel, t: number): number => countBefore(model, t, false);

/** Index of the last event at or before time t (ns); -1 when none is. */
export const lastIndexAtOrBefore = (model: TraceModel, t: number): number => countBefore(model, t, true) - 1;

/** Number of events before time t (`orAt`: at or before it); event times never decrease. */
function countBefore(model: TraceModel, t: number, orAt: boolean): number {
  let lo = 0;
  let hi = model.eventCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const tm = model.timeOf(mid);
    if (tm < t || (orAt && tm === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The event whose unit holds event-axis position x (the state there is the state after it), clamped to the trace. */
export function indexAtX(model: TraceModel, x: number): number {
  return Math.max(0, Math.min(model.eventCount - 1, Math.floor(x)));
}
