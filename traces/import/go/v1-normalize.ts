/**
 * Turns ordered pre-1.22 events into the importer's model (events.ts): ticks become ns from the
 * first event (Go's formula: trunc((ts - minTs) * 1e9 / ticksPerSec)), the `*Local` variants take
 * their plain names, block event types become Go's v2 reason strings, stack ids become frames.
 */
import { V1_BLOCK_REASONS, makeEvent, type GoEvent, type GoEventType, type GoStack } from "./events";
import type { V1Event } from "./v1-parser";
import { Ev, V1_SPECS } from "./v1-spec";

const PLAIN_NAME: Readonly<Record<string, string>> = {
  GoStartLocal: "GoStart",
  GoUnblockLocal: "GoUnblock",
  GoSysExitLocal: "GoSysExit",
};

/** Go 1.21's STW kinds (`runtime.stwReason`), which the 1.21 header's STWStart indexes. */
const STW_121 = [
  "unknown", "GC mark termination", "GC sweep termination", "write heap dump", "goroutine profile",
  "goroutine profile cleanup", "all goroutine stack trace", "read mem stats", "AllThreadsSyscall",
  "GOMAXPROCS", "start trace", "stop trace", "CountPagesInUse (test)", "ReadMetricsSlow (test)",
  "ReadMemStatsSlow (test)", "PageCachePagesLeaked (test)", "ResetDebugLog (test)",
];

export interface V1Tables {
  readonly minor: number;
  readonly strings: ReadonlyMap<number, string>;
  readonly stacks: ReadonlyMap<number, GoStack>;
  /** 0 when unknown (a trace cut short): ticks are then taken as ns. */
  readonly ticksPerSec: number;
}

/**
 * @param clock `minTs`: the ticks of the trace's first event; `last`: the ns time of the event
 * before `ordered[0]` (0 at the start). Pass both when normalizing a long trace in slices.
 */
export function normalizeV1(ordered: readonly V1Event[], tables: V1Tables, clock?: { readonly minTs: number; readonly last: number }): GoEvent[] {
  const out: GoEvent[] = [];
  if (ordered.length === 0) return out;
  const minTs = clock?.minTs ?? ordered[0]!.ts;
  const nsPerTick = tables.ticksPerSec > 0 ? 1e9 / tables.ticksPerSec : 1;
  const stack = (id: number): GoStack | undefined => (id === 0 ? undefined : tables.stacks.get(id));
  let last = clock?.last ?? 0;
  for (const ev of ordered) {
    // Go's formula; clamped so that time never goes back (Go rejects such traces outright).
    const ts = Math.max(last, Math.trunc((ev.ts - minTs) * nsPerTick));
    last = ts;
    const e = normalizeOne(ev, ts, tables, stack);
    if (e) out.push(e);
  }
  return out;
}

function normalizeOne(ev: V1Event, ts: number, tables: V1Tables, stack: (id: number) => GoStack | undefined): GoEvent | undefined {
  let type: GoEventType;
  let extra: Partial<GoEvent> | undefined;
  switch (ev.type) {
    case Ev.GoStop: case Ev.GoSleep: case Ev.GoBlock: case Ev.GoBlockSend: case Ev.GoBlockRecv: case Ev.GoBlockSelect:
    case Ev.GoBlockSync: case Ev.GoBlockCond: case Ev.GoBlockNet: case Ev.GoBlockGC:
      type = "block";
      extra = { reason: V1_BLOCK_REASONS[V1_SPECS[ev.type]!.name] };
      break;
    case Ev.GoCreate: type = "create"; extra = { target: ev.a0, start: stack(ev.a1)?.[0] }; break;
    case Ev.GoStart: case Ev.GoStartLocal: case Ev.GoStartLabel: type = "start"; break;
    case Ev.GoEnd: type = "end"; break;
    case Ev.GoSched: type = "stop"; extra = GOSCHED; break;
    case Ev.GoPreempt: type = "stop"; extra = PREEMPTED; break;
    case Ev.GoUnblock: case Ev.GoUnblockLocal: type = "unblock"; extra = { target: ev.a0 }; break;
    case Ev.GoSysCall: type = "syscall"; break;
    case Ev.GoSysBlock: type = "syscall-block"; break;
    case Ev.GoSysExit: case Ev.GoSysExitLocal: type = "syscall-exit"; extra = { target: ev.a0 }; break;
    case Ev.GoWaiting: type = "status"; extra = { target: ev.a0, status: "waiting" }; break;
    case Ev.GoInSyscall: type = "status"; extra = { target: ev.a0, status: "syscall" }; break;
    case Ev.UserTaskCreate: type = "task-begin"; extra = { task: ev.a0, parentTask: ev.a1, name: tables.strings.get(ev.a2) ?? "" }; break;
    case Ev.UserTaskEnd: type = "task-end"; extra = { task: ev.a0 }; break;
    case Ev.UserRegion: type = ev.a1 === 0 ? "region-begin" : "region-end"; extra = { task: ev.a0, name: tables.strings.get(ev.a2) ?? "" }; break;
    case Ev.UserLog: type = "log"; extra = { task: ev.a0, name: tables.strings.get(ev.a1) ?? "", text: ev.value ?? "" }; break;
    case Ev.GCStart: type = "gc-begin"; break;
    case Ev.GCDone: type = "gc-end"; break;
    case Ev.GCSTWStart: type = "stw-begin"; extra = { reason: stwKind(tables.minor, ev.a0) }; break;
    case Ev.GCSTWDone: type = "stw-end"; break;
    default: return undefined; // Ps, heap metrics, sweeps, assists: not goroutine transitions
  }
  return makeEvent(ts, type, ev.g, ev.off, RAW_NAMES[ev.type]!, stack(ev.stk), extra);
}

const GOSCHED: Partial<GoEvent> = { reason: "runtime.Gosched" };
const PREEMPTED: Partial<GoEvent> = { reason: "preempted" };
/** Go's names, with the `*Local` variants under their plain names (as Go's parser renames them). */
const RAW_NAMES: readonly (string | undefined)[] = V1_SPECS.map((s) => (s ? PLAIN_NAME[s.name] ?? s.name : undefined));

function stwKind(minor: number, kind: number): string {
  if (minor >= 21) return STW_121[kind] ?? `kind ${kind}`;
  return kind === 0 ? "mark termination" : kind === 1 ? "sweep termination" : `kind ${kind}`;
}
