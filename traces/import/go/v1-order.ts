/**
 * Puts the per-P event streams of a pre-1.22 trace into one causal order, as Go's `order1007`
 * does: a timestamp sort is not enough, because the CPUs' tick counters drift apart and an
 * unblock on one P can carry a later time than the start it caused on another.
 *
 * The merge keeps, per P, at most one head event in a frontier: a head joins when the goroutine
 * state it requires holds (GoStart needs the goroutine runnable with the same sequence number,
 * GoUnblock needs it waiting, GoCreate needs it not to exist, ...); the frontier event with the
 * smallest timestamp is emitted and its transition applied. If no head can join, no consistent
 * order exists: the events emitted so far are returned with `stuck` set.
 *
 * Then, as Go does, a GoSysExit with a real exit time takes that time, and the order is re-sorted
 * by time, stably.
 */
import type { V1Event } from "./v1-parser";
import { Ev } from "./v1-spec";

const DEAD = 0;
const RUNNABLE = 1;
const RUNNING = 2;
const WAITING = 3;

/** The sequence-number wildcard ("any") and increment markers. */
const NOSEQ = -1;
const SEQINC = -2;
const UNORDERED = -1;
const GC_KEY = -2;

interface Transition {
  readonly g: number;
  readonly initSeq: number;
  readonly initStatus: number;
  readonly nextSeq: number;
  readonly nextStatus: number;
}

const UNORDERED_TRANSITION: Transition = { g: UNORDERED, initSeq: NOSEQ, initStatus: DEAD, nextSeq: NOSEQ, nextStatus: DEAD };

function transitionOf(ev: V1Event): Transition {
  switch (ev.type) {
    case Ev.GoCreate: return { g: ev.a0, initSeq: 0, initStatus: DEAD, nextSeq: 1, nextStatus: RUNNABLE };
    case Ev.GoWaiting: case Ev.GoInSyscall: return { g: ev.g, initSeq: 1, initStatus: RUNNABLE, nextSeq: 2, nextStatus: WAITING };
    case Ev.GoStart: case Ev.GoStartLabel: return { g: ev.g, initSeq: ev.a1, initStatus: RUNNABLE, nextSeq: ev.a1 + 1, nextStatus: RUNNING };
    case Ev.GoStartLocal: return { g: ev.g, initSeq: NOSEQ, initStatus: RUNNABLE, nextSeq: SEQINC, nextStatus: RUNNING };
    case Ev.GoBlock: case Ev.GoBlockSend: case Ev.GoBlockRecv: case Ev.GoBlockSelect: case Ev.GoBlockSync: case Ev.GoBlockCond:
    case Ev.GoBlockNet: case Ev.GoSleep: case Ev.GoSysBlock: case Ev.GoBlockGC:
      return { g: ev.g, initSeq: NOSEQ, initStatus: RUNNING, nextSeq: NOSEQ, nextStatus: WAITING };
    case Ev.GoSched: case Ev.GoPreempt: return { g: ev.g, initSeq: NOSEQ, initStatus: RUNNING, nextSeq: NOSEQ, nextStatus: RUNNABLE };
    case Ev.GoUnblock: case Ev.GoSysExit: return { g: ev.a0, initSeq: ev.a1, initStatus: WAITING, nextSeq: ev.a1 + 1, nextStatus: RUNNABLE };
    case Ev.GoUnblockLocal: case Ev.GoSysExitLocal: return { g: ev.a0, initSeq: NOSEQ, initStatus: WAITING, nextSeq: SEQINC, nextStatus: RUNNABLE };
    case Ev.GCStart: return { g: GC_KEY, initSeq: ev.a0, initStatus: DEAD, nextSeq: ev.a0 + 1, nextStatus: DEAD };
    default: return UNORDERED_TRANSITION;
  }
}

interface GState { seq: number; status: number }

function ready(tr: Transition, cur: GState): boolean {
  return tr.g === UNORDERED || ((tr.initSeq === NOSEQ || tr.initSeq === cur.seq) && tr.initStatus === cur.status);
}

export interface V1Ordered {
  readonly events: V1Event[];
  /** Set when the merge could not continue: the offset of a head event that never became ready. */
  readonly stuck: { readonly offset: number; readonly message: string } | undefined;
  /** Set when the merged order is not sorted by time (Go rejects such traces). */
  readonly timeDisorder: number;
}

/** Merges the Ps' streams; the input lists are not modified. */
export function orderV1(byP: ReadonlyMap<number, readonly V1Event[]>): V1Ordered {
  const streams = [...byP.values()].filter((l) => l.length > 0);
  const pos = new Int32Array(streams.length);
  const selected = new Uint8Array(streams.length);
  const gs = new Map<number, GState>();
  const stateOf = (g: number): GState => gs.get(g) ?? { seq: 0, status: DEAD };
  const frontier: { ev: V1Event; tr: Transition; stream: number }[] = [];
  const events: V1Event[] = [];
  let pending = streams.reduce((n, s) => n + s.length, 0);
  let stuck: V1Ordered["stuck"];

  for (; pending > 0; pending--) {
    for (let i = 0; i < streams.length; i++) {
      if (selected[i] || pos[i]! >= streams[i]!.length) continue;
      const ev = streams[i]![pos[i]!]!;
      const tr = transitionOf(ev);
      if (!ready(tr, stateOf(tr.g))) continue;
      frontier.push({ ev, tr, stream: i });
      pos[i]!++;
      selected[i] = 1;
    }
    if (frontier.length === 0) {
      stuck = stuckReport(streams, pos);
      break;
    }
    let best = 0;
    for (let j = 1; j < frontier.length; j++) if (frontier[j]!.ev.ts < frontier[best]!.ev.ts) best = j;
    const f = frontier[best]!;
    frontier[best] = frontier[frontier.length - 1]!;
    frontier.pop();
    const cur = stateOf(f.tr.g);
    if (!ready(f.tr, cur)) {
      stuck = { offset: f.ev.off, message: `event sequences are broken at byte ${f.ev.off}` };
      break;
    }
    events.push(f.ev);
    if (f.tr.g !== UNORDERED) {
      const seq = f.tr.nextSeq === NOSEQ ? cur.seq : f.tr.nextSeq === SEQINC ? cur.seq + 1 : f.tr.nextSeq;
      gs.set(f.tr.g, { seq, status: f.tr.nextStatus });
    }
    selected[f.stream] = 0;
  }
  let timeDisorder = 0;
  for (let i = 1; i < events.length; i++) if (events[i]!.ts < events[i - 1]!.ts) timeDisorder++;
  applySyscallExitTimes(events);
  return { events, stuck, timeDisorder };
}

function stuckReport(streams: readonly (readonly V1Event[])[], pos: Int32Array): V1Ordered["stuck"] {
  let first: V1Event | undefined;
  streams.forEach((s, i) => {
    const ev = s[pos[i]!];
    if (ev && (!first || ev.off < first.off)) first = ev;
  });
  const off = first?.off ?? 0;
  return { offset: off, message: `no consistent ordering of events possible (first unordered event at byte ${off})` };
}

/** GoSysExit's last argument, when non-zero, is the real exit time: Go moves the event there and re-sorts stably. */
function applySyscallExitTimes(events: V1Event[]): void {
  const lastSysBlock = new Map<number, number>();
  let moved = false;
  for (const ev of events) {
    if (ev.type === Ev.GoSysBlock || ev.type === Ev.GoInSyscall) lastSysBlock.set(ev.g, ev.ts);
    else if (ev.type === Ev.GoSysExit || ev.type === Ev.GoSysExitLocal) {
      const real = ev.type === Ev.GoSysExit ? ev.a2 : ev.a1;
      const block = lastSysBlock.get(ev.g);
      if (real === 0 || block === undefined || real < block) continue;
      ev.ts = real;
      moved = true;
    }
  }
  // Array.prototype.sort is stable, and fast on this nearly sorted input.
  if (moved) events.sort((a, b) => a.ts - b.ts);
}
