/**
 * What the hover tooltip says about a point of the timeline: the goroutine's state there (with
 * its reason, objects and source location), a channel's length, capacity and buffered values, a
 * lock's holder and waiters, a WaitGroup's counter. On the event axis positions read as event
 * numbers ("#12", the event's seq) with their time beside them. Plain text lines: the DOM shows
 * them with `textContent`, never as markup (names and values come from the trace).
 */
import { formatTime } from "../../../../traces/analysis";
import type { ModelState, SourceLocation, TraceModel } from "../../../../traces/model";
import { indexAtX } from "../../../../traces/timeline/axis";
import type { TimelineData } from "../../../../traces/timeline/derive";
import { segmentAt } from "../../../../traces/timeline/goroutine-lanes";
import type { Hit } from "../data/hit-test";
import { segmentText } from "../draw/goroutine-row";
import { STATUS_NAMES } from "../../../../traces/timeline/status";

export interface TooltipText {
  readonly title: string;
  readonly lines: readonly string[];
}

const MAX_VALUES = 8;

const gName = (model: TraceModel, g: number) => `${model.goroutine(g)?.name ?? "goroutine"} #${g}`;
const gList = (model: TraceModel, gs: readonly number[]) =>
  gs.length === 0 ? "none" : `${gs.slice(0, 4).map((g) => gName(model, g)).join(", ")}${gs.length > 4 ? ` and ${gs.length - 4} more` : ""}`;
export const locText = (l: SourceLocation | undefined) => (l ? `${l.fn} ${shortFile(l.file)}:${l.line}` : "");
export const shortFile = (file: string) => file.slice(file.lastIndexOf("/") + 1);

/** "#12 (0 s)": event i's number (its seq) and time. */
const eventAt = (model: TraceModel, i: number) => `#${model.seqOf(i)} (${formatTime(model.timeOf(i))})`;

/** When a lane segment [x0, x1) began and how long it lasted, in the axis's terms. */
function spanText(data: TimelineData, x0: number, x1: number, last: boolean): string {
  if (data.axis === "time") return last ? `since ${formatTime(x0)}, to the end of the trace` : `${formatTime(x0)} → ${formatTime(x1)}  (${formatTime(x1 - x0)})`;
  const m = data.model;
  if (last) return `since ${eventAt(m, x0)}, to the end of the trace`;
  const n = x1 - x0;
  return `${eventAt(m, x0)} → ${eventAt(m, x1)}  (${n} event${n === 1 ? "" : "s"}, ${formatTime(m.timeOf(x1) - m.timeOf(x0))})`;
}

/** Where x is: its time, or on the event axis the event whose state holds there and its time. */
function positionText(data: TimelineData, x: number): string {
  if (data.axis === "time") return `t = ${formatTime(x)}`;
  const i = indexAtX(data.model, x);
  return `after event #${data.model.seqOf(i)} · t = ${formatTime(data.model.timeOf(i))}`;
}

/** The tooltip for a hit; `eventNear` is the hit's event when it is within reach of the mouse. */
export function tooltipText(data: TimelineData, hit: Hit, eventNear: boolean): TooltipText | undefined {
  const { model } = data;
  const row = hit.row;
  const t = hit.t;
  // Past the end, the last state holds (a deadlock, a leak): the tooltip still describes it.
  if (row.kind === "section" || t < data.start) return undefined;
  const state = () => model.stateAt(data.axis === "events" ? model.seqOf(indexAtX(model, t)) : model.seqAtTime(t));
  const lines: string[] = [];
  let title: string;
  if (row.kind === "g") {
    const lane = row.lane;
    title = `${lane.name} #${lane.id}`;
    const j = segmentAt(lane, t);
    if (j < 0) lines.push("not created yet");
    else {
      const st = STATUS_NAMES[lane.status[j]!]!;
      const reason = lane.reason[j]! >= 0 ? segmentText({ data }, lane, j) : "";
      lines.push(reason ? `${st}: ${reason}` : st);
      // The last state lasts to the end of the trace (and past it: a goroutine alive at the end stays so).
      lines.push(spanText(data, lane.t0[j]!, lane.t1[j]!, j === lane.n - 1));
      const g = state().goroutines.find((x) => x.id === lane.id);
      if (g?.loc) lines.push(`at ${locText(g.loc)}`);
    }
    if (lane.createLoc) lines.push(`created at ${locText(lane.createLoc)}`);
    if (row.hidden > 0) lines.push(`${row.hidden} descendant${row.hidden > 1 ? "s" : ""} folded in`);
  } else {
    const s: ModelState = state();
    const tr = row.track;
    if (tr.kind === "chan") {
      const c = s.channels.find((x) => x.id === tr.id);
      title = `${tr.name}  len ${c?.len ?? 0}/${tr.cap}${c?.closed ? "  closed" : ""}`;
      if (c && c.buffer.length > 0) {
        const vals = c.buffer.slice(0, MAX_VALUES).map((b) => b.val);
        lines.push(`buffer: ${vals.join(", ")}${c.buffer.length > MAX_VALUES ? `, … (${c.buffer.length})` : ""}`);
      } else lines.push(tr.cap > 0 ? "buffer empty" : "unbuffered");
      if (c && c.sendq.length > 0) lines.push(`waiting to send: ${gList(model, c.sendq)}`);
      if (c && c.recvq.length > 0) lines.push(`waiting to receive: ${gList(model, c.recvq)}`);
    } else if (tr.kind === "wg") {
      const w = s.waitGroups.find((x) => x.id === tr.id);
      title = `${tr.name}  counter ${w?.counter ?? 0}`;
      if (w && w.waiters.length > 0) lines.push(`waiting: ${gList(model, w.waiters)}`);
    } else {
      const l = s.locks.find((x) => x.id === tr.id);
      title = `${tr.name} (${tr.kind === "rwmutex" ? "RWMutex" : "Mutex"})`;
      lines.push(l?.holder !== undefined ? `held by ${gName(model, l.holder)}${tr.kind === "rwmutex" ? " (writer)" : ""}` : l && l.readers.length > 0 ? "read-locked" : "unlocked");
      if (l && l.readers.length > 0) lines.push(`readers: ${gList(model, l.readers)}`);
      if (l && l.waiters.length > 0) lines.push(`waiters: ${gList(model, l.waiters)}`);
    }
  }
  if (eventNear && hit.event >= 0) {
    const e = model.event(hit.event);
    lines.push(`event ${e.k} · seq ${e.seq} · ${formatTime(e.t)}${e.g > 0 && row.kind !== "g" ? ` · ${gName(model, e.g)}` : ""}`);
  }
  lines.push(positionText(data, t));
  return { title, lines };
}
