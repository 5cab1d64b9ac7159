/**
 * The Go-style crash report printed when a run panics, deadlocks or runs out of budget:
 *
 *   fatal error: all goroutines are asleep - deadlock!
 *
 *   goroutine 1 [chan receive]:
 *   main.main()
 *   	examples/ping.ts:12:9
 *
 *   goroutine 7 [chan send]:
 *   main.worker()
 *   	examples/ping.ts:5:5
 *   created by main.main in goroutine 1
 *   	examples/ping.ts:20:3
 *
 * Wait reasons use Go's words (`chan receive`, `sync.Mutex.Lock`, ...); locations are the
 * TypeScript call sites of each goroutine's last runtime operation.
 */
import type { BlockReason, EndReason } from "../traces/format/schema";
import type { G } from "./goroutine";
import type { SourceLoc } from "./run-options";

const WAIT_REASON: Record<BlockReason, string> = {
  "chan.send": "chan send",
  "chan.recv": "chan receive",
  select: "select",
  "mutex.lock": "sync.Mutex.Lock",
  "rwmutex.rlock": "sync.RWMutex.RLock",
  "rwmutex.lock": "sync.RWMutex.Lock",
  "wg.wait": "sync.WaitGroup.Wait",
  "cond.wait": "sync.Cond.Wait",
  sleep: "sleep",
  "nil-chan": "chan receive (nil chan)",
  external: "external wait",
  // Reasons only traces imported from Go carry (Go's own words); the runtime never blocks on them.
  sync: "sync",
  network: "IO wait",
  syscall: "syscall",
  runtime: "runtime",
  unknown: "unknown",
};

/** Go's name for what a goroutine is doing, as in `goroutine 7 [chan send]:`. */
export function waitReason(g: G): string {
  if (g.state === "running") return "running";
  if (g.state === "runnable") return "runnable";
  if (g.reason === "select" && g.on.length === 0) return "select (no cases)";
  return g.reason ? WAIT_REASON[g.reason] : g.state;
}

function frame(fn: string): string {
  return fn.startsWith("main.") || fn === "main" ? (fn === "main" ? "main.main()" : `${fn}()`) : `main.${fn}()`;
}

function where(locs: readonly SourceLoc[], id: number): string {
  const l = locs[id];
  return l ? `\t${l.file}:${l.line}:${l.col}` : "\t(unknown location)";
}

export function formatGoroutine(g: G, locs: readonly SourceLoc[], byId: ReadonlyMap<number, G>): string {
  const lines = [`goroutine ${g.id} [${waitReason(g)}]:`];
  const at = locs[g.loc];
  lines.push(frame(at?.fn ?? (g.id === 1 ? "main" : g.name)), where(locs, g.loc));
  if (g.parent > 0) {
    const creator = locs[g.createLoc]?.fn ?? byId.get(g.parent)?.name ?? "main";
    lines.push(`created by ${frame(creator).slice(0, -2)} in goroutine ${g.parent}`, where(locs, g.createLoc));
  }
  return lines.join("\n");
}

export function formatCrash(
  head: string,
  stack: readonly string[],
  current: G | undefined,
  all: readonly G[],
  locs: readonly SourceLoc[],
  _reason: EndReason,
): string {
  const byId = new Map(all.map((g) => [g.id, g]));
  const ordered = current && byId.has(current.id) ? [current, ...all.filter((g) => g !== current)] : [...all];
  const parts = [head, ""];
  if (stack.length > 0) parts.push(stack.map((s) => `\t${s}`).join("\n"), "");
  for (const g of ordered) parts.push(formatGoroutine(g, locs, byId), "");
  return parts.join("\n");
}
