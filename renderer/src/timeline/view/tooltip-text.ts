/**
 * What the hover tooltip says about a point of the timeline: the goroutine's state there (with
 * its reason, objects and source location), a channel's length, capacity and buffered values, a
 * lock's holder and waiters, a WaitGroup's counter. Plain text lines: the DOM shows them with
 * `textContent`, never as markup (names and values come from the trace).
 */
import { formatTime } from "../../../../traces/analysis";
import type { ModelState, SourceLocation, TraceModel } from "../../../../traces/model";
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

/** The tooltip for a hit; `eventNear` is the hit's event when it is within reach of the mouse. */
export function tooltipText(data: TimelineData, hit: Hit, eventNear: boolean): TooltipText | undefined {
  const { model } = data;
  const row = hit.row;
  const t = hit.t;
  // Past the end, the last state holds (a deadlock, a leak): the tooltip still describes it.
  if (row.kind === "section" || t < data.start) return undefined;
  const state = () => model.stateAt(model.seqAtTime(t));
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
      const t1 = lane.t1[j]!;
      // The last state lasts to the end of the trace (and past it: a goroutine alive at the end stays so).
      lines.push(j === lane.n - 1 ? `since ${formatTime(lane.t0[j]!)}, to the end of the trace` : `${formatTime(lane.t0[j]!)} → ${formatTime(t1)}  (${formatTime(t1 - lane.t0[j]!)})`);
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
  lines.push(`t = ${formatTime(t)}`);
  return { title, lines };
}
