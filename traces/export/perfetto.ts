/**
 * Export to the Chrome / Perfetto trace-event JSON format ("JSON Array/Object Format" of the
 * Trace Event Format document), which ui.perfetto.dev and chrome://tracing open:
 *
 * - process 1 "goroutines": a thread per goroutine (named "name #id", ordered by creation tree),
 *   a complete slice ("X") per state segment (running, runnable, blocked: reason objects,
 *   sleeping), instant events for the program's output and panics;
 * - flow events ("s" → "f") from each send to the receive that took its value, from creator to
 *   created goroutine and from waker to woken;
 * - process 2 "channels": a counter track ("C") per channel with its buffer occupancy;
 * - process 3 "locks": a thread per lock with a slice per hold (named after the holder) and a
 *   counter of waiters; WaitGroup counters as counter tracks.
 *
 * Times: the trace's ns become the format's µs (fractional, so nothing is rounded away).
 * Invariant: every flow end is inside a slice of its thread (segments tile a goroutine's life),
 * and every string from the trace travels as a JSON string, never as markup.
 */
import type { TraceModel } from "../model";
import { ARROW_CREATE, ARROW_SEND, deriveTimeline, DONE, reasonName, STATUS_NAMES, type TimelineData } from "../timeline";

export const GOROUTINES_PID = 1;
export const CHANNELS_PID = 2;
export const LOCKS_PID = 3;

/** One trace event; fields per phase as the Trace Event Format defines them. */
export interface TraceEventRecord {
  readonly name: string;
  readonly ph: "X" | "i" | "C" | "M" | "s" | "f";
  readonly ts?: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid?: number;
  readonly cat?: string;
  readonly id?: number;
  readonly bp?: "e";
  readonly s?: "t" | "p" | "g";
  readonly args?: Readonly<Record<string, unknown>>;
}

export interface PerfettoTrace {
  readonly traceEvents: readonly TraceEventRecord[];
  readonly displayTimeUnit: "ns";
  readonly otherData: Readonly<Record<string, string | number>>;
}

const us = (ns: number): number => ns / 1000;

export function exportPerfetto(model: TraceModel, data: TimelineData = deriveTimeline(model)): PerfettoTrace {
  const out: TraceEventRecord[] = [];
  const meta = (pid: number, name: string, tid?: number, sort?: number): void => {
    if (tid === undefined) out.push({ name: "process_name", ph: "M", pid, args: { name } });
    else {
      out.push({ name: "thread_name", ph: "M", pid, tid, args: { name } });
      if (sort !== undefined) out.push({ name: "thread_sort_index", ph: "M", pid, tid, args: { sort_index: sort } });
    }
  };
  meta(GOROUTINES_PID, `goroutines — ${model.header?.program ?? "trace"}`);
  meta(CHANNELS_PID, "channels");
  meta(LOCKS_PID, "locks and WaitGroups");

  const objName = (id: number): string => {
    const o = model.object(id);
    return o ? `${o.name} #${id}` : `#${id}`;
  };

  data.lanes.forEach((lane, order) => {
    meta(GOROUTINES_PID, `${lane.name} #${lane.id}`, lane.id, order);
    for (let i = 0; i < lane.n; i++) {
      const status = lane.status[i]!;
      if (status === DONE) continue;
      const t0 = lane.t0[i]!;
      // A goroutine alive at the end has an open last segment: it ends with the trace.
      const t1 = Math.min(lane.t1[i]!, data.end);
      const reason = reasonName(lane.reason[i]!);
      const ev = model.event(lane.ev[i]!);
      const on = ev.k === "go.block" ? ev.on.map(objName) : [];
      const name = reason ? `${STATUS_NAMES[status]}: ${reason}${on.length ? ` ${on.join(", ")}` : ""}` : STATUS_NAMES[status]!;
      const loc = ev.loc !== undefined ? model.loc(ev.loc) : undefined;
      out.push({
        name, ph: "X", cat: STATUS_NAMES[status], ts: us(t0), dur: us(Math.max(0, t1 - t0)), pid: GOROUTINES_PID, tid: lane.id,
        args: { seq: ev.seq, ...(reason ? { reason } : {}), ...(on.length ? { on } : {}), ...(loc ? { loc: `${loc.file}:${loc.line}:${loc.col}`, fn: loc.fn } : {}) },
      });
    }
  });

  for (let i = 0; i < model.eventCount; i++) {
    const e = model.event(i);
    if (e.k === "log") out.push({ name: e.msg, ph: "i", s: "t", cat: "output", ts: us(e.t), pid: GOROUTINES_PID, tid: e.g, args: { seq: e.seq } });
    else if (e.k === "go.panic") out.push({ name: `panic: ${e.msg}`, ph: "i", s: "t", cat: "panic", ts: us(e.t), pid: GOROUTINES_PID, tid: e.g, args: { seq: e.seq, stack: e.stack } });
  }

  const a = data.arrows;
  for (let i = 0; i < a.n; i++) {
    const kind = a.kind[i]!;
    const cat = kind === ARROW_SEND ? "send→recv" : kind === ARROW_CREATE ? "create" : "wake";
    const head = model.event(a.ev[i]!);
    const name = kind === ARROW_SEND && "ch" in head ? `${cat} ${objName(head.ch as number)}` : cat;
    // Flow ids are unique per (cat, id); the arrow's index is.
    out.push({ name, ph: "s", cat, id: i + 1, ts: us(a.t0[i]!), pid: GOROUTINES_PID, tid: a.g0[i]! });
    out.push({ name, ph: "f", bp: "e", cat, id: i + 1, ts: us(a.t1[i]!), pid: GOROUTINES_PID, tid: a.g1[i]! });
  }

  for (const ch of data.channels) {
    const name = `${ch.name} #${ch.id} len (cap ${ch.cap})`;
    for (let i = 0; i < ch.occupancy.n; i++) out.push({ name, ph: "C", ts: us(ch.occupancy.t[i]!), pid: CHANNELS_PID, args: { len: ch.occupancy.v[i]! } });
    if (ch.closedAt !== undefined) out.push({ name: `close ${ch.name} #${ch.id}`, ph: "i", s: "p", cat: "chan", ts: us(ch.closedAt), pid: CHANNELS_PID });
  }

  data.locks.forEach((lock, order) => {
    meta(LOCKS_PID, `${lock.kind} ${lock.name} #${lock.id}`, lock.id, order);
    for (const holds of [lock.writers, lock.readerHolds]) {
      for (let i = 0; i < holds.n; i++) {
        const g = holds.g[i]!;
        const holder = model.goroutine(g)?.name ?? `g${g}`;
        const read = holds.read[i] === 1;
        out.push({
          name: `${read ? "read-held" : "held"} by ${holder} #${g}`, ph: "X", cat: read ? "rlock" : "lock",
          ts: us(holds.t0[i]!), dur: us(Math.max(0, Math.min(holds.t1[i]!, data.end) - holds.t0[i]!)), pid: LOCKS_PID, tid: lock.id, args: { g },
        });
      }
    }
    const name = `${lock.name} #${lock.id} waiters`;
    for (let i = 0; i < lock.waiters.n; i++) out.push({ name, ph: "C", ts: us(lock.waiters.t[i]!), pid: LOCKS_PID, args: { waiters: lock.waiters.v[i]! } });
  });
  for (const wg of data.waitGroups) {
    const name = `${wg.name} #${wg.id} counter`;
    for (let i = 0; i < wg.counter.n; i++) out.push({ name, ph: "C", ts: us(wg.counter.t[i]!), pid: LOCKS_PID, args: { counter: wg.counter.v[i]! } });
  }

  const h = model.header;
  return {
    traceEvents: out,
    displayTimeUnit: "ns",
    otherData: {
      generator: "goroscope",
      ...(h ? { program: h.program, seed: h.seed, clock: h.clock } : {}),
      ...(model.end ? { end: model.end.end } : {}),
    },
  };
}

/** The export as JSON text, one event per line inside the array (readable and diff-friendly). */
export function perfettoJson(trace: PerfettoTrace): string {
  const events = trace.traceEvents.map((e) => JSON.stringify(e)).join(",\n");
  return `{"displayTimeUnit":"ns","otherData":${JSON.stringify(trace.otherData)},"traceEvents":[\n${events}\n]}\n`;
}
