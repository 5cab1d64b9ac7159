/**
 * Converts the importer's model of a Go trace (events.ts) into Goroscope trace format v1 lines
 * (docs/trace-format.md), so the reader, the model and the analyzer take a Go trace unchanged.
 *
 * What maps to what (docs/go-traces.md has the table and the reasons):
 * - GoCreate → `go.create` (name: the start function; loc: the `go` statement). Goroutines the
 *   trace first shows already alive get a `go.create` by goroutine 0 when first mentioned.
 * - GoBlock (any reason) → `go.block` with `on: []` (Go traces never say which channel or lock);
 *   a syscall that lost its P → `go.block` reason `syscall`; a goroutine already waiting when
 *   the trace began → reason `unknown`.
 * - GoUnblock → `go.unblock` from the waker; a wake-up with no goroutine behind it (a timer, the
 *   network poller, a returning syscall) comes from goroutine 0 and carries a `note`.
 * - GoSched/GoPreempt → `go.yield`; GoEnd/GoDestroy → `go.end`; GoStart makes no event (the
 *   model infers running from a goroutine's next event).
 * - User logs, tasks, regions and GC cycles → `log` lines (the format has no other record for them).
 * - Go's system goroutines (started in package runtime) are folded into goroutine 0, the runtime,
 *   unless `systemGoroutines: "keep"`.
 *
 * Invariants of the output: `seq` counts up from 1; `t` never decreases; every `loc` and goroutine
 * is defined before use; no object ids; no end record (a Go trace stops at `trace.Stop`, which
 * none of the format's end reasons describes).
 */
import type { BlockReason, TraceHeader } from "../../format/schema";
import type { GoEvent, GoFrame, GoStack } from "./events";
import { callSite, isSystemStart, mapBlockReason } from "./reasons";

export interface ConvertOptions {
  readonly program: string;
  /** `go1.19`, ... : written to the header's `source`. */
  readonly source: string;
  /** "fold" (default): Go's runtime goroutines become goroutine 0; "keep": they get lanes of their own. */
  readonly systemGoroutines?: "fold" | "keep";
  readonly onLine: (line: string) => void;
}

export interface Converter {
  /** Events in order (a whole v1 trace, or one v2 generation). */
  push(events: readonly GoEvent[]): void;
  /** Goroutines with a lane (created in the output), not counting main. */
  readonly goroutines: number;
  /** Goroutines waiting since before the trace began that never did anything in it: no lane. */
  readonly idle: number;
  /** The whole stack (innermost first) of each `go.block` and `go.unblock` that has one, indexed by `seq`. */
  readonly stacks: readonly (GoStack | undefined)[];
  /** When goroutines ran on a CPU: flat triples (goroutine, from t, to t), in the order runs ended. */
  readonly running: readonly number[];
  /** The trace is over: runs still open end at the last event's time. */
  close(): void;
  readonly events: number;
}

const TIMER_NOTE = "woken by its timer";

export function createConverter(options: ConvertOptions): Converter {
  const fold = (options.systemGoroutines ?? "fold") === "fold";
  const emit = options.onLine;
  const known = new Set<number>([0, 1]);
  const folded = new Set<number>();
  /** Alive before the trace, waiting, name unknown: given a lane only if they ever do something. */
  const idle = new Set<number>();
  const names = new Map<number, string>();
  const blocked = new Map<number, BlockReason>();
  const syscallStack = new Map<number, GoStack>();
  const locs = new Map<string, number>();
  const stacks: (GoStack | undefined)[] = [undefined];
  const runFrom = new Map<number, number>();
  const running: number[] = [];
  let seq = 0;
  let t0: number | undefined;
  let lastT = 0;
  let gcActive = false;
  let created = 0;

  const header: TraceHeader & { source: string } = {
    format: "goroscope", version: 1, program: options.program, clock: "real", seed: 0, timeUnit: "ns", epoch: 0, source: options.source,
  };
  emit(JSON.stringify(header));

  const locOfFrame = new Map<GoFrame, number>();
  function locOf(frame: GoFrame | undefined): number | undefined {
    if (!frame) return undefined;
    const known = locOfFrame.get(frame);
    if (known !== undefined) return known;
    const key = `${frame.file}\0${frame.line}\0${frame.fn}`;
    let id = locs.get(key);
    if (id === undefined) {
      id = locs.size + 1;
      locs.set(key, id);
      emit(JSON.stringify({ def: "loc", id, file: frame.file, line: Math.max(1, frame.line), col: 0, fn: frame.fn }));
    }
    locOfFrame.set(frame, id);
    return id;
  }

  let now = 0;
  /** One event line, in the writer's key order; `rest` is the kind's fields as JSON text (`,"target":3`). */
  function event(g: number, k: string, rest: string, frame?: GoFrame): void {
    const loc = locOf(frame);
    stacks.push(undefined); // one slot per seq, filled by block/unblock
    emit(`{"seq":${++seq},"t":${now},"g":${g},"k":"${k}"${loc === undefined ? "" : `,"loc":${loc}`}${rest}}`);
  }

  /** Makes sure goroutine g has a lane; returns the id to use for it (0 when folded). */
  function actor(g: number): number {
    if (idle.delete(g)) known.delete(g); // it shows up after all: give it a lane now
    if (known.has(g)) return folded.has(g) ? 0 : g;
    known.add(g);
    const name = names.get(g) ?? `g${g}`;
    if (fold && isSystemStart(name)) {
      folded.add(g);
      return 0;
    }
    created++;
    event(0, "go.create", `,"child":${g},"name":${JSON.stringify(name)}`);
    return g;
  }

  function log(g: number, msg: string, stack: GoStack | undefined): void {
    event(g, "log", `,"msg":${JSON.stringify(msg)}`, callSite(stack));
  }

  /** Go records when each goroutine runs (GoStart … its next block, yield or end); format v1 cannot. */
  function stopRunning(g: number): void {
    const from = runFrom.get(g);
    if (from === undefined) return;
    running.push(g, from, now);
    runFrom.delete(g);
  }

  function block(g: number, reason: BlockReason, stack: GoStack | undefined): void {
    stopRunning(g);
    blocked.set(g, reason);
    event(g, "go.block", `,"reason":"${reason}","on":[]`, callSite(stack));
    if (stack) stacks[seq] = stack;
  }

  function unblock(waker: number, target: number, stack: GoStack | undefined, note?: string): void {
    blocked.delete(target);
    event(waker, "go.unblock", `,"target":${target}${note === undefined ? "" : `,"note":${JSON.stringify(note)}`}`, callSite(stack));
    if (stack) stacks[seq] = stack;
  }

  function runtimeNote(reason: BlockReason | undefined): string {
    if (reason === "sleep") return TIMER_NOTE;
    if (reason === "network") return "woken by the network poller";
    if (reason === "syscall") return "its syscall returned";
    return "woken by the runtime (a timer, the network poller or the scheduler)";
  }

  function one(e: GoEvent): void {
    switch (e.type) {
      case "create": {
        const child = e.target!;
        if (e.start) names.set(child, e.start.fn);
        if (known.has(child)) return;
        const creator = actor(e.g);
        known.add(child);
        const name = child === 1 ? "main" : names.get(child) ?? `g${child}`;
        if (fold && isSystemStart(name)) {
          folded.add(child);
          return;
        }
        created++;
        event(creator, "go.create", `,"child":${child},"name":${JSON.stringify(name)}`, callSite(e.stack));
        return;
      }
      case "status": {
        const id = e.target!;
        if (!known.has(id) && e.status === "waiting" && !names.has(id)) {
          // Nothing names it: most likely one of the runtime's own idle goroutines (Go 1.22
          // writes no stack for them). It gets a lane if the trace ever shows it again.
          known.add(id);
          idle.add(id);
          return;
        }
        const g = actor(id);
        if (g === 0) return;
        const was = blocked.get(g);
        if (e.status === "waiting" && was === undefined) block(g, "unknown", e.stack);
        else if (e.status === "syscall" && was === undefined) block(g, "syscall", e.stack);
        else if ((e.status === "running" || e.status === "runnable") && was !== undefined) unblock(0, g, undefined, "the trace shows it runnable again");
        return;
      }
      case "start": {
        const g = actor(e.g);
        if (g !== 0) runFrom.set(g, now);
        return;
      }
      case "block": {
        const g = actor(e.g);
        if (g !== 0) block(g, mapBlockReason(e.reason ?? "", e.stack), e.stack);
        return;
      }
      case "syscall":
        if (e.stack) syscallStack.set(e.g, e.stack);
        return;
      case "syscall-block": {
        const g = actor(e.g);
        if (g !== 0) block(g, "syscall", e.stack ?? syscallStack.get(g));
        return;
      }
      case "syscall-exit": case "syscall-end": {
        const g = actor(e.target ?? e.g);
        const was = blocked.get(g);
        if (g !== 0 && (was === "syscall" || was === "unknown")) unblock(0, g, undefined, runtimeNote("syscall"));
        return;
      }
      case "stop": {
        const g = actor(e.g);
        stopRunning(g);
        if (g !== 0) event(g, "go.yield", "", callSite(e.stack));
        return;
      }
      case "unblock": {
        const wasIdle = idle.has(e.target!);
        const target = actor(e.target!);
        if (wasIdle && target !== 0) block(target, "unknown", undefined);
        if (target === 0 || !blocked.has(target)) return;
        const waker = actor(e.g);
        if (waker === 0) unblock(0, target, undefined, runtimeNote(blocked.get(target)));
        else unblock(waker, target, e.stack);
        return;
      }
      case "end": {
        const g = actor(e.g);
        stopRunning(g);
        if (g !== 0) event(g, "go.end", "");
        return;
      }
      case "log":
        log(actor(e.g), e.name ? `${e.name}: ${e.text ?? ""}` : e.text ?? "", e.stack);
        return;
      case "task-begin":
        log(actor(e.g), `task ${e.task} "${e.name}" begins${e.parentTask ? ` (in task ${e.parentTask})` : ""}`, e.stack);
        return;
      case "task-end":
        log(actor(e.g), `task ${e.task} ends`, e.stack);
        return;
      case "region-begin": case "region-end":
        log(actor(e.g), `region "${e.name}" ${e.type === "region-begin" ? "begins" : "ends"}`, e.stack);
        return;
      case "gc-begin":
        if (!gcActive) log(0, "GC begins", undefined);
        gcActive = true;
        return;
      case "gc-end":
        if (gcActive) log(0, "GC ends", undefined);
        gcActive = false;
        return;
      case "stw-begin": case "stw-end":
        return;
    }
  }

  return {
    push(events) {
      nameFromStacks(events, names);
      for (const e of events) {
        t0 ??= e.ts;
        now = Math.max(lastT, e.ts - t0);
        lastT = now;
        one(e);
      }
    },
    get goroutines() { return created; },
    get idle() { return idle.size; },
    stacks,
    running,
    close() {
      for (const g of [...runFrom.keys()]) stopRunning(g);
    },
    get events() { return seq; },
  };
}

/**
 * Goroutines the trace shows only as already alive (v2 GoStatus) have no recorded start function:
 * the outermost frame of any of their own stacks stands in for it (Go drops `runtime.goexit`).
 */
function nameFromStacks(events: readonly GoEvent[], names: Map<number, string>): void {
  for (const e of events) {
    if (e.stack === undefined || e.stack.length === 0) continue;
    const g = e.type === "status" ? e.target! : e.g;
    if (g === 0 || names.has(g)) continue;
    names.set(g, e.stack[e.stack.length - 1]!.fn);
  }
}
