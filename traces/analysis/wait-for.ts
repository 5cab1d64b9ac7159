/**
 * The wait-for graph at the end of the pass, and which blocked goroutines are durably blocked.
 *
 * An edge g → h means "h is one of the goroutines that could wake g": the holder(s) of the lock g
 * wants (and, for an RWMutex read lock, the writers queued ahead of it, since Go's RWMutex lets a
 * waiting writer in first); for a channel, WaitGroup or Cond, the other live goroutines that ever
 * used it, made it, or were started by one of those after it was made, minus those that cannot be
 * partners (the trace does not say who holds a reference, so this over-approximates: more wakers,
 * fewer findings).
 *
 * A blocked goroutine is stuck when nothing outside the goroutines could wake it (a pending timer,
 * a context, a lock hand-off in progress) and every possible waker is stuck too: the greatest
 * fixpoint, computed with a worklist that removes goroutines with a live, unstuck waker. Goroutines
 * asleep on a timer or outside the runtime are never stuck. Cycles are the strongly connected
 * components of the stuck goroutines (or one goroutine waiting for a lock it holds itself).
 *
 * Scale: the partners of one channel are one shared group (a thousand workers blocked on `jobs`
 * share one list, not a thousand copies), with a count of unstuck members for the fixpoint and one
 * virtual node in the component search, so the work stays linear in goroutines plus group sizes.
 */
import type { GState, ObjState, TraceState } from "./state";

export interface Waiting {
  /** Lock holders (or queued writers) it waits for; may include itself (a non-reentrant relock). */
  readonly holders: readonly number[];
  /** Shared groups of possible wakers (partners on a channel, users of a WaitGroup or Cond); may include itself. */
  readonly groups: readonly (readonly number[])[];
  /** Something other than a goroutine may wake it: a timer, a context, a lock being handed over. */
  readonly external: boolean;
}

export interface WaitGraph {
  readonly waits: ReadonlyMap<number, Waiting>;
  /** Durably blocked goroutines. */
  readonly stuck: ReadonlySet<number>;
  /** Groups of stuck goroutines that wait on each other, each sorted by id; sorted by first id. */
  readonly cycles: readonly (readonly number[])[];
  /** Members of some cycle. */
  readonly inCycle: ReadonlySet<number>;
  /** Up to `max` goroutines that could wake `g` (not `g` itself), in id order within each source. */
  wakersOf(g: number, max?: number): number[];
}

/** Waits that something outside the goroutines can end: time, the host, and (in traces imported from Go) the network, system calls and Go's runtime itself, or a wait whose cause the trace does not know. */
const NEVER_STUCK = new Set(["sleep", "external", "network", "syscall", "runtime", "unknown"]);

export function buildWaitGraph(st: TraceState): WaitGraph {
  const groupOf = createGroupCache(st);
  const waits = new Map<number, Waiting>();
  for (const g of st.goroutines.values()) {
    if (g.ended || !g.block || NEVER_STUCK.has(g.block.reason)) continue;
    waits.set(g.id, waitingOf(st, g, groupOf));
  }
  const stuck = fixpoint(waits);
  const cycles = findCycles(stuck, waits);
  return {
    waits,
    stuck,
    cycles,
    inCycle: new Set(cycles.flat()),
    wakersOf(g, max = 50) {
      const w = waits.get(g);
      const out = new Set<number>();
      for (const list of [w?.holders ?? [], ...(w?.groups ?? [])]) {
        for (const h of list) {
          if (out.size >= max) return [...out];
          if (h !== g) out.add(h);
        }
      }
      return [...out];
    },
  };
}

/** Removes, until nothing changes, every goroutine that something unstuck could wake. */
function fixpoint(waits: ReadonlyMap<number, Waiting>): Set<number> {
  const stuck = new Set(waits.keys());
  const groups = new Map<readonly number[], { unstuck: number; dependents: number[] }>();
  const memberOf = new Map<number, (readonly number[])[]>();
  const holderOf = new Map<number, number[]>();
  const queue: number[] = [];
  for (const [g, w] of waits) {
    for (const grp of w.groups) {
      let s = groups.get(grp);
      if (!s) {
        groups.set(grp, (s = { unstuck: 0, dependents: [] }));
        for (const h of grp) {
          if (!stuck.has(h)) s.unstuck++;
          const list = memberOf.get(h) ?? [];
          list.push(grp);
          memberOf.set(h, list);
        }
      }
      s.dependents.push(g);
    }
    for (const h of w.holders) {
      const list = holderOf.get(h) ?? [];
      list.push(g);
      holderOf.set(h, list);
    }
  }
  for (const [g, w] of waits) {
    if (w.external || w.holders.some((h) => !stuck.has(h)) || w.groups.some((grp) => groups.get(grp)!.unstuck > 0)) queue.push(g);
  }
  while (queue.length > 0) {
    const g = queue.pop()!;
    if (!stuck.delete(g)) continue;
    for (const d of holderOf.get(g) ?? []) if (stuck.has(d)) queue.push(d);
    for (const grp of memberOf.get(g) ?? []) {
      const s = groups.get(grp)!;
      if (++s.unstuck === 1) for (const d of s.dependents) if (stuck.has(d)) queue.push(d);
    }
  }
  return stuck;
}

type GroupCache = (o: ObjState, dir: "send" | "recv" | undefined) => readonly number[];

/** One list of possible partners per (object, direction), shared by every goroutine waiting there. */
function createGroupCache(st: TraceState): GroupCache {
  const children = childrenIndex(st);
  const cache = new Map<string, readonly number[]>();
  return (o, dir) => {
    const key = `${o.id}:${dir ?? ""}`;
    let list = cache.get(key);
    if (!list) cache.set(key, (list = users(st, o, children).filter((h) => couldPartner(o, h, dir))));
    return list;
  };
}

function childrenIndex(st: TraceState): Map<number, GState[]> {
  const out = new Map<number, GState[]>();
  for (const g of st.goroutines.values()) {
    if (g.parent === undefined) continue;
    const list = out.get(g.parent) ?? [];
    list.push(g);
    out.set(g.parent, list);
  }
  return out;
}

function waitingOf(st: TraceState, g: GState, groupOf: GroupCache): Waiting {
  const b = g.block!;
  const holders = new Set<number>();
  const groups: (readonly number[])[] = [];
  let external = false;
  for (const id of b.on) {
    const o = st.objects.get(id);
    if (!o) {
      external = true;
      continue;
    }
    switch (b.reason) {
      case "mutex.lock":
      case "rwmutex.lock":
      case "rwmutex.rlock": {
        const hs = lockHolders(st, o, b.reason === "rwmutex.rlock");
        if (hs.length === 0) external = true; // being handed over
        for (const h of hs) if (st.isLive(h)) holders.add(h);
        break;
      }
      default:
        if (channelHasOutsideWaker(st, o)) external = true;
        groups.push(groupOf(o, b.reason === "chan.send" ? "send" : b.reason === "chan.recv" ? "recv" : selectDir(g, id)));
    }
  }
  return { holders: [...holders].sort((x, y) => x - y), groups, external };
}

/** The direction of `g`'s select case on channel `ch` (undefined when it has both). */
function selectDir(g: GState, ch: number): "send" | "recv" | undefined {
  const dirs = new Set((g.select ?? []).filter((c) => c.ch === ch).map((c) => c.dir));
  return dirs.size === 1 ? [...dirs][0] : undefined;
}

/**
 * Whether `h` could complete an operation in direction `dir` on channel `o`: a goroutine seen only
 * sending cannot wake a blocked sender (nor one seen only receiving a receiver); one that closed
 * it, used it both ways, or never used it (its maker, a goroutine started later) might.
 */
function couldPartner(o: ObjState, h: number, dir: "send" | "recv" | undefined): boolean {
  if (o.kind !== "chan" || dir === undefined) return true;
  const u = o.uses.get(h);
  if (!u || u.closed) return true;
  const sends = u.sends > 0 || u.sendIntent;
  const recvs = u.recvs > 0 || u.recvIntent;
  return dir === "send" ? recvs || !sends : sends || !recvs;
}

/** Who must act before a lock request can be granted. */
export function lockHolders(st: TraceState, o: ObjState, forRead: boolean): number[] {
  if (o.holder) return [o.holder.g];
  if (forRead) {
    // No writer holds it, yet the reader waits: a writer is queued, and Go lets it in first.
    const writers: number[] = [];
    for (const g of st.goroutines.values()) {
      if (!g.ended && g.block?.reason === "rwmutex.lock" && g.block.on.includes(o.id)) writers.push(g.id);
    }
    return writers;
  }
  return [...o.readers.keys()];
}

/** A timer's channel while the timer is pending, or a context's `done` channel. */
function channelHasOutsideWaker(st: TraceState, o: ObjState): boolean {
  if (o.ctx !== undefined) return true;
  if (o.timer !== undefined) return st.objects.get(o.timer)?.pending ?? false;
  return false;
}

/** Live goroutines that used, made or waited on `o`, and live goroutines they started after making it. */
export function users(st: TraceState, o: ObjState, children: Map<number, GState[]>): number[] {
  const out = new Set<number>();
  for (const g of o.uses.keys()) {
    if (st.isLive(g)) out.add(g);
    for (const c of children.get(g) ?? []) {
      if (!c.ended && c.created.seq > o.made.seq) out.add(c.id);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * Tarjan's strongly connected components, iterative (chains of thousands of goroutines), over the
 * stuck goroutines plus one virtual node per shared group (negative ids). A component is a cycle
 * when it holds two goroutines, or one that waits for a lock it holds itself.
 */
function findCycles(stuck: ReadonlySet<number>, waits: ReadonlyMap<number, Waiting>): number[][] {
  const groupIds = new Map<readonly number[], number>();
  const groupById = new Map<number, readonly number[]>();
  const groupNode = (grp: readonly number[]): number => {
    let id = groupIds.get(grp);
    if (id === undefined) {
      id = -(groupIds.size + 1);
      groupIds.set(grp, id);
      groupById.set(id, grp);
    }
    return id;
  };
  const succ = (v: number): number[] => {
    if (v < 0) return groupById.get(v)!.filter((h) => stuck.has(h));
    const w = waits.get(v)!;
    return [...w.holders.filter((h) => stuck.has(h)), ...w.groups.map(groupNode)];
  };
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const out: number[][] = [];
  let next = 0;
  for (const root of [...stuck].sort((a, b) => a - b)) {
    if (index.has(root)) continue;
    const frames: { v: number; edges: number[]; i: number }[] = [];
    const enter = (v: number): void => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      frames.push({ v, edges: succ(v), i: 0 });
    };
    enter(root);
    while (frames.length > 0) {
      const f = frames[frames.length - 1];
      if (f.i < f.edges.length) {
        const w = f.edges[f.i++];
        if (!index.has(w)) enter(w);
        else if (onStack.has(w)) low.set(f.v, Math.min(low.get(f.v)!, index.get(w)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(f.v)!));
      if (low.get(f.v) !== index.get(f.v)) continue;
      const scc: number[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) {
        onStack.delete(w);
        if (w >= 0) scc.push(w);
        if (w === f.v) break;
      }
      const selfLoop = scc.length === 1 && waits.get(scc[0])!.holders.includes(scc[0]);
      if (scc.length > 1 || selfLoop) out.push(scc.sort((a, b) => a - b));
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}
