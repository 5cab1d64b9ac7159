/**
 * `lock-order`: locks taken in inconsistent orders, lockdep-style. Every time a goroutine acquires
 * lock B — or blocks trying to — while holding lock A, the edge A → B enters the acquisition-order
 * graph (with the sites of both acquisitions, the first time it is seen). A new or changed edge
 * that closes a cycle of any length is a deadlock waiting to happen, reported once per set of
 * locks at the acquisition that closed it, whether or not this run hung.
 *
 * Locks are identified by object id (not by creation site: code that orders locks of one class by
 * address, e.g. transfers between accounts, is correct and would look like a cycle by class).
 * RWMutex-aware: a cycle is reported only if at every lock on it one side is a writer (two read
 * holds never block each other). Gate locks: a cycle whose edges were all taken while holding
 * one common third lock (write-held) cannot deadlock and is not reported.
 * A recursive read lock (RLock while holding RLock on the same RWMutex) is reported when anyone
 * ever write-locks that RWMutex: Go lets a waiting writer in first, so the second RLock can wait
 * forever behind a writer that waits for the first.
 */
import type { TraceEvent } from "../format/schema";
import type { Held, TraceState } from "./state";
import { diagObjects, formatTime, gName, gRef, listWords, oRef, sourceRef } from "./describe";
import type { Diagnostic, DiagnosticGoroutine, SourceRef } from "./types";

interface Instance {
  readonly g: number;
  readonly from: Held;
  readonly seq: number;
  readonly t: number;
  readonly loc?: number;
}

interface Edge {
  readonly from: number;
  readonly to: number;
  readonly first: Instance;
  /** Whether it was ever held (`hold`) / acquired (`acq`) for writing on this edge. */
  holdWrite: boolean;
  acqWrite: boolean;
  /** Other locks write-held at every instance of this edge. */
  gates: Set<number>;
}

interface Finding {
  readonly edges: readonly Edge[];
  readonly seq: number;
  readonly t: number;
}

interface RecursiveRead {
  readonly g: number;
  readonly first: Held;
  readonly seq: number;
  readonly t: number;
  readonly loc?: number;
}

export interface LockOrderTracker {
  /** Call before the state applies the event. */
  onEvent(e: TraceEvent): void;
  /** What `onEvent` does for a `mutex.lock`, an `rwmutex.lock`, or a `go.block` on one lock (`loc` undefined when absent); likewise before the state applies it. */
  acquire(g: number, id: number, seq: number, t: number, loc: number | undefined, read: boolean): void;
  detect(): Diagnostic[];
}

const MAX_PATHS = 10_000;

/** Block reasons that are lock attempts, and whether the attempt is for reading. */
export const LOCK_WAITS: Partial<Record<string, boolean>> = { "mutex.lock": false, "rwmutex.lock": false, "rwmutex.rlock": true };

export function createLockOrderTracker(st: TraceState): LockOrderTracker {
  const graph = new Map<number, Map<number, Edge>>();
  const findings: Finding[] = [];
  const reported = new Set<string>();
  const recursive = new Map<number, RecursiveRead>();

  /** An acquisition, or an attempt that blocked (lockdep records the order at the attempt), by goroutine `gid` of lock `id`. */
  function onAcquire(gid: number, id: number, seq: number, t: number, loc: number | undefined, read: boolean): void {
    const g = st.goroutine(gid);
    if (!g || g.held.length === 0) return;
    const writeHeld = new Set(g.held.filter((h) => !h.read).map((h) => h.id));
    const seen = new Set<number>();
    for (const h of g.held) {
      if (seen.has(h.id)) continue;
      seen.add(h.id);
      if (h.id === id) {
        if (h.read && read && !recursive.has(id)) recursive.set(id, { g: g.id, first: h, seq, t, loc });
        continue; // a write re-acquisition blocks for good: the deadlock detectors report it
      }
      const gates = new Set([...writeHeld].filter((x) => x !== h.id && x !== id));
      addEdge(h, id, read, gates, { g: g.id, from: h, seq, t, loc });
    }
  }

  function addEdge(h: Held, to: number, read: boolean, gates: Set<number>, inst: Instance): void {
    let out = graph.get(h.id);
    if (!out) graph.set(h.id, (out = new Map()));
    let edge = out.get(to);
    let changed = false;
    if (!edge) {
      edge = { from: h.id, to, first: inst, holdWrite: !h.read, acqWrite: !read, gates };
      out.set(to, edge);
      changed = true;
    } else {
      if (!h.read && !edge.holdWrite) changed = edge.holdWrite = true;
      if (!read && !edge.acqWrite) changed = edge.acqWrite = true;
      for (const x of edge.gates) {
        if (!gates.has(x)) {
          edge.gates.delete(x);
          changed = true;
        }
      }
    }
    if (changed) checkCycle(edge, inst);
  }

  /** Looks for a path back from `edge.to` to `edge.from` that makes a real cycle with it. */
  function checkCycle(edge: Edge, inst: Instance): void {
    let budget = MAX_PATHS;
    const path: Edge[] = [edge];
    const onPath = new Set<number>([edge.from, edge.to]);
    const dfs = (at: number): boolean => {
      if (budget-- <= 0) return false;
      for (const next of graph.get(at)?.values() ?? []) {
        if (next.to === edge.from) {
          path.push(next);
          if (isRealCycle(path)) return true;
          path.pop();
          continue;
        }
        if (onPath.has(next.to)) continue;
        path.push(next);
        onPath.add(next.to);
        if (dfs(next.to)) return true;
        onPath.delete(next.to);
        path.pop();
      }
      return false;
    };
    if (!dfs(edge.to)) return;
    const key = path.map((p) => p.from).sort((a, b) => a - b).join(",");
    if (reported.has(key)) return;
    reported.add(key);
    findings.push({ edges: [...path], seq: inst.seq, t: inst.t });
  }

  return {
    onEvent(e) {
      if (e.k === "mutex.lock") onAcquire(e.g, e.id, e.seq, e.t, e.loc, false);
      else if (e.k === "rwmutex.lock") onAcquire(e.g, e.id, e.seq, e.t, e.loc, e.read);
      else if (e.k === "go.block" && LOCK_WAITS[e.reason] !== undefined && e.on.length === 1) {
        onAcquire(e.g, e.on[0], e.seq, e.t, e.loc, LOCK_WAITS[e.reason]!);
      }
    },
    acquire: onAcquire,
    detect() {
      const out = findings.map((f) => cycleDiagnostic(st, f));
      for (const [id, r] of recursive) {
        if (st.objects.get(id)?.everWrite) out.push(recursiveDiagnostic(st, id, r));
      }
      return out;
    },
  };
}

function isRealCycle(cycle: readonly Edge[]): boolean {
  for (let i = 0; i < cycle.length; i++) {
    const acquiring = cycle[i];
    const holding = cycle[(i + 1) % cycle.length];
    if (!acquiring.acqWrite && !holding.holdWrite) return false; // two readers never block each other
  }
  let common = new Set(cycle[0].gates);
  for (const e of cycle.slice(1)) common = new Set([...common].filter((x) => e.gates.has(x)));
  return common.size === 0;
}

function cycleDiagnostic(st: TraceState, f: Finding): Diagnostic {
  // Start the cycle at its lowest lock id, so the same cycle reads the same whichever edge closed it.
  const start = f.edges.reduce((best, e, i) => (e.from < f.edges[best].from ? i : best), 0);
  const edges = [...f.edges.slice(start), ...f.edges.slice(0, start)];
  const locks = edges.map((e) => e.from);
  const names = [...locks, locks[0]].map((id) => st.objects.get(id)?.name ?? `lock ${id}`);
  const sites: { what: string; loc: SourceRef }[] = [];
  const gs = new Map<number, DiagnosticGoroutine>();
  const steps = edges.map((e) => {
    const who = gName(st, e.first.g);
    const held = sourceRef(st, e.first.from.loc);
    const took = sourceRef(st, e.first.loc);
    if (held) sites.push({ what: `${who} locked ${oRefPlain(st, e.from)}`, loc: held });
    if (took) sites.push({ what: `${who} locked ${oRefPlain(st, e.to)} while holding ${oRefPlain(st, e.from)}`, loc: took });
    if (!gs.has(e.first.g)) gs.set(e.first.g, { g: e.first.g, name: who, ...(took ? { loc: took } : {}) });
    return `${gRef(st, e.first.g)} locked ${oRef(st, e.to)} while holding ${oRef(st, e.from)} (seq ${e.first.seq}, at ${formatTime(e.first.t)})`;
  });
  return {
    kind: "lock-order",
    message: `lock order cycle: ${names.length <= 7 ? names.join(" → ") : `${names.slice(0, 5).join(" → ")} → … → ${names[0]} (${locks.length} locks)`}`,
    explanation: `${cap(listWords(steps))}. Taken in these orders at the same time, each goroutine can hold one lock while waiting for the next: a deadlock waiting to happen, even if this run did not hang. Take the locks in one global order.`,
    seq: f.seq,
    t: f.t,
    goroutines: [...gs.values()],
    objects: diagObjects(st, locks),
    ...(sites.length > 0 ? { sites } : {}),
  };
}

function recursiveDiagnostic(st: TraceState, id: number, r: RecursiveRead): Diagnostic {
  const who = gName(st, r.g);
  const sites: { what: string; loc: SourceRef }[] = [];
  const first = sourceRef(st, r.first.loc);
  const second = sourceRef(st, r.loc);
  if (first) sites.push({ what: `${who} read-locked ${oRefPlain(st, id)}`, loc: first });
  if (second) sites.push({ what: `${who} read-locked ${oRefPlain(st, id)} again while holding it`, loc: second });
  return {
    kind: "lock-order",
    message: `recursive read lock: ${who} read-locks ${oRefPlain(st, id)} while already holding it`,
    explanation: `${gRef(st, r.g)} read-locked ${oRef(st, id)} (seq ${r.first.seq}) and read-locked it again while still holding it (seq ${r.seq}, at ${formatTime(r.t)}). Go's RWMutex lets a waiting writer in before new readers, and ${oRef(st, id)} is write-locked in this program: if a writer calls Lock between the two, the writer waits for the first read lock and the second waits for the writer, for ever. Read-lock once and call helpers that assume the lock is held.`,
    seq: r.seq,
    t: r.t,
    goroutines: [{ g: r.g, name: who, ...(second ? { loc: second } : {}) }],
    objects: diagObjects(st, [id]),
    ...(sites.length > 0 ? { sites } : {}),
  };
}

function oRefPlain(st: TraceState, id: number): string {
  return st.objects.get(id)?.name ?? `lock ${id}`;
}

function cap(s: string): string {
  return s.startsWith("the ") ? `T${s.slice(1)}` : s;
}
