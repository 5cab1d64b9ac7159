/**
 * Words for the diagnostics: times, goroutine and object references, what a goroutine is blocked
 * on, and the `goroutines` / `objects` entries of a diagnostic. Go's vocabulary throughout
 * ("chan send", "send on closed channel").
 */
import type { BlockReason } from "../format/schema";
import type { Block, GState, ObjState, TraceState } from "./state";
import type { DiagnosticGoroutine, DiagnosticObject, SourceRef } from "./types";

/** ns → "0 s", "1.5 s", "250 ms", "12 µs", "40 ns", "2 min", "1 h" (whole seconds keep one decimal: "1.0 s"). */
export function formatTime(ns: number): string {
  if (ns === 0) return "0 s";
  const units: [number, string][] = [[3600e9, "h"], [60e9, "min"], [1e9, "s"], [1e6, "ms"], [1e3, "µs"]];
  for (const [scale, unit] of units) {
    if (Math.abs(ns) >= scale) {
      const v = ns / scale;
      return `${unit === "s" && Number.isInteger(v) ? v.toFixed(1) : trim(v)} ${unit}`;
    }
  }
  return `${trim(ns)} ns`;
}

function trim(v: number): string {
  return String(Number(v.toPrecision(3)));
}

/** `main`, or `worker (goroutine 2)`. */
export function gRef(st: TraceState, id: number): string {
  if (id === 0) return "the runtime";
  const g = st.goroutines.get(id);
  const name = g?.name ?? `goroutine ${id}`;
  return id === 1 || name === `goroutine ${id}` ? name : `${name} (goroutine ${id})`;
}

export function gName(st: TraceState, id: number): string {
  return st.goroutines.get(id)?.name ?? `goroutine ${id}`;
}

const KIND_WORDS: Record<string, string> = {
  chan: "channel", mutex: "mutex", rwmutex: "RWMutex", wg: "WaitGroup", cond: "Cond",
  once: "Once", timer: "timer", ctx: "context", atomic: "atomic",
};

/** `` `results` `` (the object's name in backquotes), or `channel 3` when unknown. */
export function oRef(st: TraceState, id: number): string {
  const o = st.objects.get(id);
  return o ? `\`${o.name}\`` : `object ${id}`;
}

export function kindWord(o: ObjState): string {
  return KIND_WORDS[o.kind] ?? o.kind;
}

const REASON_WORDS: Record<BlockReason, string> = {
  "chan.send": "sending on",
  "chan.recv": "receiving from",
  select: "in a select on",
  "mutex.lock": "locking",
  "rwmutex.rlock": "read-locking",
  "rwmutex.lock": "write-locking",
  "wg.wait": "waiting on",
  "cond.wait": "waiting on",
  sleep: "sleeping",
  "nil-chan": "on a nil channel",
  external: "waiting outside the runtime",
  sync: "waiting in package sync",
  network: "waiting on the network",
  syscall: "in a system call",
  runtime: "parked in the runtime",
  unknown: "waiting for an unrecorded reason",
};

/** "blocked sending on `results`", "blocked in a select on `a`, `b`". */
export function describeBlock(st: TraceState, b: Block): string {
  const words = REASON_WORDS[b.reason];
  if (b.reason === "sleep" || b.reason === "external" || b.reason === "nil-chan") return `blocked ${words}`;
  const names = b.on.map((id) => oRef(st, id)).join(", ");
  return `blocked ${words} ${names || "nothing"}`;
}

/** The message form: plain names, no backquotes. */
export function describeBlockPlain(st: TraceState, b: Block): string {
  return describeBlock(st, b).replace(/`/g, "");
}

export function sourceRef(st: TraceState, loc: number | undefined): SourceRef | undefined {
  if (loc === undefined) return undefined;
  const l = st.locs.get(loc);
  return l ? { file: l.file, line: l.line, col: l.col, fn: l.fn } : undefined;
}

/** " at file.ts:12 (fn)" for a known location, "" otherwise (file without its directories). */
export function atSite(st: TraceState, loc: number | undefined): string {
  const l = sourceRef(st, loc);
  return l ? ` at ${l.file.split("/").pop()}:${l.line} (${l.fn})` : "";
}

/** The diagnostic entry for a goroutine: blocked reason and where it is, as far as known. */
export function diagGoroutine(st: TraceState, g: GState, endLoc?: number): DiagnosticGoroutine {
  const loc = sourceRef(st, g.block?.loc ?? endLoc ?? g.lastLoc);
  return {
    g: g.id,
    name: g.name,
    ...(g.block ? { reason: g.block.reason, on: g.block.on } : {}),
    ...(loc ? { loc } : {}),
  };
}

export function diagObject(o: ObjState): DiagnosticObject {
  return { kind: o.kind, id: o.id, name: o.name };
}

/** The objects named by ids, known ones only, without duplicates, in the given order. */
export function diagObjects(st: TraceState, ids: Iterable<number>): DiagnosticObject[] {
  const seen = new Set<number>();
  const out: DiagnosticObject[] = [];
  for (const id of ids) {
    const o = st.objects.get(id);
    if (!o || seen.has(id)) continue;
    seen.add(id);
    out.push(diagObject(o));
  }
  return out;
}

/** "a", "a and b", "a, b and c"; past `max` items, "a, b, c, d, e and 7 others". */
export function listWords(items: readonly string[], max = 6): string {
  if (items.length > max) return `${items.slice(0, max - 1).join(", ")} and ${items.length - max + 1} others`;
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "returned at 1.0 s" for main, "ended at 2 ms" for others. */
export function endedWords(st: TraceState, id: number): string {
  const g = st.goroutines.get(id);
  if (!g?.ended) return "is still alive";
  return `${id === 1 ? "returned" : "ended"} at ${formatTime(g.ended.t)}`;
}

/** Names for a message, duplicates counted: "main and worker ×2". */
export function nameList(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  const words = [...counts].map(([n, k]) => (k > 1 ? `${n} ×${k}` : n));
  return words.length <= 6 ? listWords(words) : `${words.slice(0, 5).join(", ")} and ${words.length - 5} others`;
}

/** "a, b, c", or "a, b, c, d, … (12 in all)" past `max` items: messages stay one short line. */
export function clipList(items: readonly string[], max = 4, sep = ", "): string {
  if (items.length <= max) return items.join(sep);
  return `${items.slice(0, max).join(sep)}${sep}… (${items.length} in all)`;
}

/** At most `max` goroutines are explained one by one; the rest are summed up. */
export const MAX_EXPLAINED = 5;

export function explainSome<T>(items: readonly T[], explain: (item: T) => string, max = MAX_EXPLAINED): string[] {
  const out = items.slice(0, max).map(explain);
  if (items.length > max) out.push(`${items.length - max} more goroutines are blocked as listed below.`);
  return out;
}
