/**
 * The event table of Go's generational trace format (headers 1.22, 1.23, 1.25), from Go's
 * `internal/trace/event/go122/event.go` and `tracev2/events.go`. Every timed event is a type byte,
 * a time delta and exactly `args` more varints: there are no length prefixes, so an unknown type
 * cannot be skipped and is an error.
 */

export const EV_EVENT_BATCH = 1;
export const EV_STACKS = 2;
export const EV_STACK = 3;
export const EV_STRINGS = 4;
export const EV_STRING = 5;
export const EV_CPU_SAMPLES = 6;
export const EV_CPU_SAMPLE = 7;
export const EV_FREQUENCY = 8;
export const EV_EXPERIMENTAL_BATCH = 49;
export const EV_SYNC = 50;

export interface V2Spec {
  readonly name: string;
  /** Varints after the time delta. */
  readonly args: number;
  /** First header minor version that has it. */
  readonly since: number;
}

const s = (name: string, args: number, since = 22): V2Spec => ({ name, args, since });

/** Timed events, indexed by type (9-48); undefined elsewhere. */
export const V2_SPECS: readonly (V2Spec | undefined)[] = (() => {
  const t: (V2Spec | undefined)[] = [];
  const add = (id: number, spec: V2Spec): void => {
    t[id] = spec;
  };
  add(9, s("ProcsChange", 2));
  add(10, s("ProcStart", 2));
  add(11, s("ProcStop", 0));
  add(12, s("ProcSteal", 3));
  add(13, s("ProcStatus", 2));
  add(14, s("GoCreate", 3));
  add(15, s("GoCreateSyscall", 1));
  add(16, s("GoStart", 2));
  add(17, s("GoDestroy", 0));
  add(18, s("GoDestroySyscall", 0));
  add(19, s("GoStop", 2));
  add(20, s("GoBlock", 2));
  add(21, s("GoUnblock", 3));
  add(22, s("GoSyscallBegin", 2));
  add(23, s("GoSyscallEnd", 0));
  add(24, s("GoSyscallEndBlocked", 0));
  add(25, s("GoStatus", 3));
  add(26, s("STWBegin", 2));
  add(27, s("STWEnd", 0));
  add(28, s("GCActive", 1));
  add(29, s("GCBegin", 2));
  add(30, s("GCEnd", 1));
  add(31, s("GCSweepActive", 1));
  add(32, s("GCSweepBegin", 1));
  add(33, s("GCSweepEnd", 2));
  add(34, s("GCMarkAssistActive", 1));
  add(35, s("GCMarkAssistBegin", 1));
  add(36, s("GCMarkAssistEnd", 0));
  add(37, s("HeapAlloc", 1));
  add(38, s("HeapGoal", 1));
  add(39, s("GoLabel", 1));
  add(40, s("UserTaskBegin", 4));
  add(41, s("UserTaskEnd", 2));
  add(42, s("UserRegionBegin", 3));
  add(43, s("UserRegionEnd", 3));
  add(44, s("UserLog", 4));
  add(45, s("GoSwitch", 2, 23));
  add(46, s("GoSwitchDestroy", 2, 23));
  add(47, s("GoCreateBlocked", 3, 23));
  add(48, s("GoStatusStack", 4, 23));
  return t;
})();

/** Go's goroutine status codes in GoStatus. */
export const G_STATUS = ["bad", "runnable", "running", "syscall", "waiting"] as const;
