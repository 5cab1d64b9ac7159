/** The diagnostics panel's grouping: findings by kind, in the analyzer's kind order, with their index in the store. */
import { DIAGNOSTIC_KINDS, type Diagnostic, type DiagnosticKind } from "../../../traces/analysis";

export interface DiagnosticGroup {
  readonly kind: DiagnosticKind;
  readonly title: string;
  /** Indices into the trace's diagnostics, in trace order. */
  readonly items: readonly number[];
}

export const KIND_TITLES: Readonly<Record<DiagnosticKind, string>> = {
  deadlock: "Deadlock",
  "partial-deadlock": "Partial deadlock",
  leak: "Goroutine leak",
  "lock-order": "Lock-order inversion",
  panic: "Panic",
};

/** Short badge text per kind. */
export const KIND_BADGES: Readonly<Record<DiagnosticKind, string>> = {
  deadlock: "deadlock",
  "partial-deadlock": "partial",
  leak: "leak",
  "lock-order": "lock order",
  panic: "panic",
};

/** Non-empty groups only, in `DIAGNOSTIC_KINDS` order. */
export function groupDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticGroup[] {
  const byKind = new Map<DiagnosticKind, number[]>();
  diagnostics.forEach((d, i) => {
    const list = byKind.get(d.kind) ?? [];
    list.push(i);
    byKind.set(d.kind, list);
  });
  return DIAGNOSTIC_KINDS.filter((k) => byKind.has(k)).map((kind) => ({ kind, title: KIND_TITLES[kind], items: byKind.get(kind)! }));
}

/** What the analyzer looks for, for the empty state. */
export const CHECKED_FOR = [
  "deadlocks (every goroutine blocked)",
  "partial deadlocks (a group blocked on each other)",
  "goroutine leaks (blocked forever when main returns)",
  "lock-order inversions (potential AB/BA deadlocks)",
  "panics and misuse (send on closed channel, negative WaitGroup, unlock of unlocked mutex)",
];
