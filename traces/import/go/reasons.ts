/**
 * Go's block reasons, mapped to Goroscope's `BlockReason`s, and the choice of the stack frame that
 * stands for a call site.
 *
 * Go's tracer records why a goroutine blocked only as a category ("chan receive", "sync", ...):
 * never which channel or lock. "sync" covers every semaphore wait in package sync, so the kind of
 * primitive is read off the stack (the outermost `sync.` frame: `sync.(*Mutex).Lock`,
 * `sync.(*RWMutex).RLock`, `sync.(*WaitGroup).Wait`); that is inference from code, and when the
 * stack does not say, the reason stays the generic "sync".
 */
import type { BlockReason } from "../../format/schema";
import type { GoFrame, GoStack } from "./events";

const DIRECT: Readonly<Record<string, BlockReason>> = {
  "chan send": "chan.send",
  "chan receive": "chan.recv",
  select: "select",
  "sync.(*Cond).Wait": "cond.wait",
  sleep: "sleep",
  network: "network",
  syscall: "syscall",
};

/** Where the runtime parks but the user's code did not ask for it: GC, system goroutines, debugger. */
const RUNTIME_REASON: BlockReason = "runtime";

/** A Goroscope block reason for Go's reason string and the blocking stack (innermost first). */
export function mapBlockReason(goReason: string, stack: GoStack | undefined): BlockReason {
  const direct = DIRECT[goReason];
  if (direct !== undefined) return direct;
  if (goReason === "sync") {
    if (!stack) return "sync";
    let kind = syncKinds.get(stack);
    if (kind === undefined) syncKinds.set(stack, (kind = syncKind(stack)));
    return kind;
  }
  if (goReason === "forever") {
    // `select {}` parks in runtime.block; a send or receive on a nil channel in chansend/chanrecv.
    return stack?.some((f) => f.fn === "runtime.block") ? "select" : "nil-chan";
  }
  return RUNTIME_REASON;
}

function syncKind(stack: GoStack | undefined): BlockReason {
  let outer: string | undefined;
  for (const f of stack ?? []) {
    if (f.fn.startsWith("sync.")) outer = f.fn;
    else if (!isRuntimeFrame(f)) break;
  }
  if (outer === undefined) return "sync";
  if (outer.startsWith("sync.(*RWMutex).RLock")) return "rwmutex.rlock";
  if (outer.startsWith("sync.(*RWMutex).")) return "rwmutex.lock";
  if (outer.startsWith("sync.(*Mutex).")) return "mutex.lock";
  if (outer.startsWith("sync.(*WaitGroup).")) return "wg.wait";
  return "sync";
}

const LIBRARY_PREFIXES = ["runtime.", "runtime/", "sync.", "sync/", "time.", "internal/", "context."];

function isRuntimeFrame(f: GoFrame): boolean {
  return f.fn.startsWith("runtime.") || f.fn.startsWith("internal/");
}

/** The frame a user would call the site: the innermost outside the runtime and the sync, time and trace packages. */
export function callSite(stack: GoStack | undefined): GoFrame | undefined {
  if (!stack || stack.length === 0) return undefined;
  let site = sites.get(stack);
  if (site === undefined) {
    site = stack.find((f) => !LIBRARY_PREFIXES.some((p) => f.fn.startsWith(p))) ?? stack[0]!;
    sites.set(stack, site);
  }
  return site;
}

// Stacks are shared objects (one per stack id), so these per-stack answers are computed once.
const sites = new WeakMap<GoStack, GoFrame>();
const syncKinds = new WeakMap<GoStack, BlockReason>();

/** Go's system goroutines (isSystemGoroutine): started in package runtime, except runtime.main; plus the trace reader. */
export function isSystemStart(fn: string): boolean {
  return (fn.startsWith("runtime.") && fn !== "runtime.main") || fn.startsWith("runtime/trace.");
}
