/**
 * Words and numbers for the panels: times, goroutine and object labels, source sites. Pure, so
 * the panels render plain strings (React text, never HTML) and tests can check them directly.
 */
import { formatTime } from "../../../traces/analysis";
import type { SourceLocation, TraceModel } from "../../../traces/model";

export { formatTime };

/** A time with enough digits to tell neighbouring events apart: `1.234567 s`, `12.5 µs`, `0 ns`. */
export function formatTimePrecise(ns: number): string {
  if (ns === 0) return "0 ns";
  const units: [number, string][] = [[1e9, "s"], [1e6, "ms"], [1e3, "µs"]];
  for (const [scale, unit] of units) {
    if (Math.abs(ns) >= scale) return `${trimZeros((ns / scale).toFixed(6))} ${unit}`;
  }
  return `${trimZeros(ns.toFixed(3))} ns`;
}

function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/** `worker #3`, `main #1`, `runtime` for 0; an unknown id still reads as `goroutine N`. */
export function goroutineLabel(model: TraceModel, id: number): string {
  if (id === 0) return "runtime";
  const g = model.goroutine(id);
  return `${g?.name ?? "goroutine"} #${id}`;
}

/** `results (chan #2)`, `goroutine`-style fallback for an unknown id. */
export function objectLabel(model: TraceModel, id: number): string {
  const o = model.object(id);
  return o ? `${o.name} (${o.kind} #${id})` : `object #${id}`;
}

/** `file.ts:12` using the file's base name; the full path goes in a title. */
export function siteText(loc: Pick<SourceLocation, "file" | "line"> | undefined): string {
  if (!loc) return "—";
  return `${baseName(loc.file)}:${loc.line}`;
}

export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return i >= 0 ? path.slice(i + 1) : path;
}

/** Thousands separators for counts: `1,000,000`. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** `n` and the noun it counts, singular for 1: "1 event", "1,004,875 events". */
export function countOf(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? "" : "s"}`;
}

/** The duration of the trace: the end record's time or the last event's. */
export function traceDuration(model: TraceModel): number {
  const last = model.eventCount > 0 ? model.timeOf(model.eventCount - 1) : 0;
  return Math.max(last, model.end?.t ?? 0);
}
