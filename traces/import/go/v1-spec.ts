/**
 * The event table of Go's trace format before 1.22, for headers 1.11 to 1.21 (the ids have been
 * stable since 1.7). `args` counts the varints after the timestamp delta and before the stack id;
 * `timed` events start with a delta; `stack` events end with a stack id. Source: Go 1.19/1.21
 * `src/runtime/trace.go` (writer) and `src/internal/trace/parser.go` (reader).
 */

export interface V1Spec {
  readonly name: string;
  readonly args: number;
  readonly stack: boolean;
  readonly timed: boolean;
  /** First header minor version that has it. */
  readonly since: number;
}

const t = (name: string, args: number, stack: boolean, since = 11): V1Spec => ({ name, args, stack, timed: true, since });
const u = (name: string, args: number): V1Spec => ({ name, args, stack: false, timed: false, since: 11 });

/** Event type ids (a const enum: `switch` cases compile to integer compares). */
export const enum Ev {
  Batch = 1, Frequency, Stack, Gomaxprocs, ProcStart, ProcStop, GCStart, GCDone, GCSTWStart, GCSTWDone,
  GCSweepStart, GCSweepDone, GoCreate, GoStart, GoEnd, GoStop, GoSched, GoPreempt, GoSleep, GoBlock,
  GoUnblock, GoBlockSend, GoBlockRecv, GoBlockSelect, GoBlockSync, GoBlockCond, GoBlockNet, GoSysCall,
  GoSysExit, GoSysBlock, GoWaiting, GoInSyscall, HeapAlloc, HeapGoal, TimerGoroutine, FutileWakeup,
  String, GoStartLocal, GoUnblockLocal, GoSysExitLocal, GoStartLabel, GoBlockGC, GCMarkAssistStart,
  GCMarkAssistDone, UserTaskCreate, UserTaskEnd, UserRegion, UserLog, CPUSample,
}

export const EV_BATCH = 1;
export const EV_FREQUENCY = 2;
export const EV_STACK = 3;
export const EV_STRING = 37;
export const EV_USER_LOG = 48;
export const EV_CPU_SAMPLE = 49;

/** Indexed by event type; undefined for 0 and ids past the table. */
export const V1_SPECS: readonly (V1Spec | undefined)[] = [
  undefined,
  u("Batch", 2),
  u("Frequency", 1),
  u("Stack", 0), // variable length: id, n, then 4 varints per frame
  t("Gomaxprocs", 1, true),
  t("ProcStart", 1, false),
  t("ProcStop", 0, false),
  t("GCStart", 1, true),
  t("GCDone", 0, false),
  t("GCSTWStart", 1, false),
  t("GCSTWDone", 0, false),
  t("GCSweepStart", 0, true),
  t("GCSweepDone", 2, false),
  t("GoCreate", 2, true),
  t("GoStart", 2, false),
  t("GoEnd", 0, false),
  t("GoStop", 0, true),
  t("GoSched", 0, true),
  t("GoPreempt", 0, true),
  t("GoSleep", 0, true),
  t("GoBlock", 0, true),
  t("GoUnblock", 2, true),
  t("GoBlockSend", 0, true),
  t("GoBlockRecv", 0, true),
  t("GoBlockSelect", 0, true),
  t("GoBlockSync", 0, true),
  t("GoBlockCond", 0, true),
  t("GoBlockNet", 0, true),
  t("GoSysCall", 0, true),
  t("GoSysExit", 3, false),
  t("GoSysBlock", 0, false),
  t("GoWaiting", 1, false),
  t("GoInSyscall", 1, false),
  t("HeapAlloc", 1, false),
  t("HeapGoal", 1, false),
  u("TimerGoroutine", 1),
  t("FutileWakeup", 0, false),
  u("String", 0), // special: id, len, bytes
  t("GoStartLocal", 1, false),
  t("GoUnblockLocal", 1, true),
  t("GoSysExitLocal", 2, false),
  t("GoStartLabel", 3, false),
  t("GoBlockGC", 0, true),
  t("GCMarkAssistStart", 0, true),
  t("GCMarkAssistDone", 0, false),
  t("UserTaskCreate", 3, true),
  t("UserTaskEnd", 1, true),
  t("UserRegion", 3, true),
  t("UserLog", 2, true), // followed, outside its length, by the value: varint len + bytes
  t("CPUSample", 3, true, 19),
];

/** Number of varints a record of this type carries (timestamp, args, stack). */
export function wireArgCount(spec: V1Spec): number {
  return (spec.timed ? 1 : 0) + spec.args + (spec.stack ? 1 : 0);
}
