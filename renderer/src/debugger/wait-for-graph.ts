/**
 * The wait-for graph at the cursor: who waits for what, and who could let them go.
 *
 * Nodes are the blocked goroutines, the objects they wait on, and the goroutines those objects
 * depend on. Edges:
 *   - `waits`   goroutine → object: it is blocked on it (`go.block` `on`);
 *   - `held`    lock → goroutine: the mutex holder, the RWMutex writer or readers;
 *   - `queued`  RWMutex → goroutine: a writer waiting for it, which Go lets in before any new
 *     reader (so a blocked RLock with no writer holding the lock waits for the queued writers);
 *   - `partner` channel / WaitGroup / Cond → goroutine: who could complete the operation — the
 *     goroutines blocked on the other side when there are any, otherwise the analyzer's possible
 *     partners (live goroutines that used or made the object, or that a user started after it
 *     was made: traces/analysis/wait-for.ts). A waited-on object with none is `noPartner`.
 *
 * A cycle is a strongly connected component of this graph through two or more goroutines (or one
 * goroutine waiting for a lock it holds) whose goroutines are all durably blocked by the
 * analyzer's definition (nothing outside the cycle can wake any of them). Cycle edges are those
 * between two nodes of one such component.
 *
 * Everything comes from the model's state at the cursor and the analyzer's pass over the events up
 * to it (analysis-at.ts): nothing is re-executed.
 */
import type { BlockReason, ObjectKind } from "../../../traces/format/schema";
import type { ModelState } from "../../../traces/model";
import type { AnalysisSnapshot } from "./analysis-at";

export type WaitNodeKind = "goroutine" | ObjectKind;

export interface WaitNode {
  /** `g<id>` for a goroutine, `o<id>` for an object. */
  readonly key: string;
  readonly kind: WaitNodeKind;
  readonly id: number;
  readonly label: string;
  /** Goroutines: their status at the cursor. */
  readonly status?: string;
  /** Goroutines: the block reason. */
  readonly reason?: BlockReason;
  /** Objects waited on that no live goroutine could complete. */
  readonly noPartner?: boolean;
  readonly inCycle: boolean;
}

export type WaitEdgeKind = "waits" | "held" | "queued" | "partner";

export interface WaitEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: WaitEdgeKind;
  readonly cycle: boolean;
}

export interface WaitForGraph {
  readonly nodes: readonly WaitNode[];
  readonly edges: readonly WaitEdge[];
  /** Each cycle's node keys (goroutines and objects), sorted. */
  readonly cycles: readonly (readonly string[])[];
}

const LOCK_REASONS = new Set<string>(["mutex.lock", "rwmutex.lock", "rwmutex.rlock"]);
export const gKey = (id: number): string => `g${id}`;
export const oKey = (id: number): string => `o${id}`;

export function buildWaitForGraph(state: ModelState, analysis?: AnalysisSnapshot): WaitForGraph {
  const gs = new Map(state.goroutines.map((g) => [g.id, g]));
  const chans = new Map(state.channels.map((c) => [c.id, c]));
  const locks = new Map(state.locks.map((l) => [l.id, l]));
  const wgs = new Map(state.waitGroups.map((w) => [w.id, w]));
  const objectKind = (id: number): ObjectKind | undefined =>
    chans.has(id) ? "chan" : locks.has(id) ? locks.get(id)!.kind : wgs.has(id) ? "wg" : analysis?.objectKind(id);
  const objectName = (id: number): string =>
    chans.get(id)?.name ?? locks.get(id)?.name ?? wgs.get(id)?.name ?? analysis?.objectName(id) ?? `#${id}`;

  const nodes = new Map<string, Omit<WaitNode, "inCycle">>();
  const edges = new Map<string, Omit<WaitEdge, "cycle">>();
  const addG = (id: number) => {
    const g = gs.get(id);
    if (!nodes.has(gKey(id))) nodes.set(gKey(id), { key: gKey(id), kind: "goroutine", id, label: g?.name ?? `goroutine ${id}`, status: g?.status, reason: g?.reason });
  };
  const addEdge = (from: string, to: string, kind: WaitEdgeKind) => edges.set(`${from}>${to}>${kind}`, { from, to, kind });

  for (const g of state.goroutines) {
    if (g.status !== "blocked" || !g.on || !g.reason) continue;
    addG(g.id);
    const partnerGroups = analysis?.partnerGroups(g.id);
    let groupIndex = 0;
    for (const id of g.on) {
      const kind = objectKind(id);
      if (!kind) continue;
      const key = oKey(id);
      addEdge(gKey(g.id), key, "waits");
      const node = nodes.get(key) ?? { key, kind, id, label: objectName(id) };
      nodes.set(key, node);
      if (LOCK_REASONS.has(g.reason)) continue;
      // Partners: the goroutines blocked on the other side, else the analyzer's candidates.
      const group = partnerGroups?.[groupIndex++];
      let partners = otherSide(chans.get(id), g.reason, g.id);
      if (partners.length === 0) partners = (group ?? []).filter((h) => h !== g.id && gs.get(h)?.status !== "done");
      if (partners.length === 0 && !node.noPartner) {
        // Still "no partner" only if no other waiter gave it one.
        if (![...edges.values()].some((e) => e.from === key && e.kind === "partner")) nodes.set(key, { ...node, noPartner: true });
      } else if (partners.length > 0 && node.noPartner) nodes.set(key, { ...node, noPartner: false });
      for (const h of partners) {
        addG(h);
        addEdge(key, gKey(h), "partner");
      }
    }
  }
  // Locks in the graph point at their holders.
  for (const n of [...nodes.values()]) {
    const lock = n.kind === "mutex" || n.kind === "rwmutex" ? locks.get(n.id) : undefined;
    if (!lock) continue;
    for (const h of [...(lock.holder !== undefined ? [lock.holder] : []), ...lock.readers]) {
      addG(h);
      addEdge(n.key, gKey(h), "held");
    }
    if (lock.kind !== "rwmutex" || lock.holder !== undefined) continue;
    const blocked = (reason: string) => state.goroutines.filter((g) => g.status === "blocked" && g.reason === reason && g.on?.includes(lock.id));
    if (blocked("rwmutex.rlock").length === 0) continue;
    for (const w of blocked("rwmutex.lock")) {
      addG(w.id);
      addEdge(n.key, gKey(w.id), "queued");
    }
  }

  const edgeList = [...edges.values()];
  const cycles = findCycles([...nodes.keys()], edgeList, (key) => {
    if (!key.startsWith("g")) return true;
    return analysis ? analysis.stuck.has(Number(key.slice(1))) : true;
  });
  const inCycle = new Map<string, number>();
  cycles.forEach((c, i) => c.forEach((k) => inCycle.set(k, i)));
  return {
    nodes: [...nodes.values()].map((n) => ({ ...n, inCycle: inCycle.has(n.key) })),
    edges: edgeList.map((e) => ({ ...e, cycle: inCycle.has(e.from) && inCycle.get(e.from) === inCycle.get(e.to) })),
    cycles,
  };
}

/** Goroutines blocked on the other side of a channel operation (none for a select on both sides). */
function otherSide(ch: ModelState["channels"][number] | undefined, reason: BlockReason, self: number): number[] {
  if (!ch) return [];
  const side = reason === "chan.send" ? ch.recvq : reason === "chan.recv" ? ch.sendq : [...ch.recvq, ...ch.sendq];
  return side.filter((h) => h !== self);
}

/**
 * Tarjan's strongly connected components over a small graph. A component is a cycle when it has
 * two goroutines, or one goroutine with an edge path back to itself (a relock of a held mutex),
 * and every node passes `allowed` (goroutines that are durably blocked).
 */
export function findCycles(keys: readonly string[], edges: readonly { readonly from: string; readonly to: string }[], allowed: (key: string) => boolean): string[][] {
  const succ = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const e of edges) succ.get(e.from)?.push(e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of succ.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      scc.push(w);
      if (w === v) break;
    }
    const goroutines = scc.filter((k) => k.startsWith("g"));
    if (scc.length > 1 && goroutines.length >= 1 && scc.every(allowed)) out.push(scc.sort());
  };
  for (const k of keys) if (!index.has(k)) visit(k);
  return out.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
