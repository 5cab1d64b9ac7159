/**
 * The evidence sentences: what a blocked goroutine waits for and why nothing will come — who else
 * used the channel and when they ended, who holds the lock, what the WaitGroup counter is. Built
 * from the final pass state and the wait-for graph; every sentence ends with a full stop.
 */
import type { GState, ObjState, TraceState } from "./state";
import { atSite, describeBlock, endedWords, formatTime, gRef, listWords, oRef } from "./describe";
import { lockHolders, type WaitGraph } from "./wait-for";

/** "worker (goroutine 2) has been blocked sending on `results` since 0 s (seq 4)." plus the evidence. */
export function explainWait(st: TraceState, g: GState, graph: WaitGraph): string {
  const b = g.block;
  if (!b) return `${gRef(st, g.id)} was not blocked.`;
  const head = `${gRef(st, g.id)} has been ${describeBlock(st, b)} since ${formatTime(b.t)} (seq ${b.seq}).`;
  const parts: string[] = [head];
  switch (b.reason) {
    case "chan.send":
    case "chan.recv":
      for (const id of b.on) parts.push(channelEvidence(st, g, id, b.reason === "chan.send" ? "send" : "recv", graph));
      break;
    case "select": {
      const cases = g.select ?? b.on.map((ch) => ({ ch, dir: "recv" as const }));
      for (const c of cases) parts.push(channelEvidence(st, g, c.ch, c.dir, graph));
      break;
    }
    case "mutex.lock":
    case "rwmutex.lock":
    case "rwmutex.rlock":
      for (const id of b.on) parts.push(lockEvidence(st, g, id, b.reason === "rwmutex.rlock", graph));
      break;
    case "wg.wait":
      for (const id of b.on) parts.push(waitGroupEvidence(st, g, id, graph));
      break;
    case "cond.wait":
      for (const id of b.on) parts.push(condEvidence(st, g, id, graph));
      break;
    case "nil-chan":
      parts.push("A nil channel is never ready: a send or receive on it blocks forever.");
      break;
    case "sleep":
    case "external":
      break;
  }
  return parts.filter((p) => p.length > 0).join(" ");
}

function channelEvidence(st: TraceState, g: GState, id: number, dir: "send" | "recv", graph: WaitGraph): string {
  const o = st.objects.get(id);
  if (!o) return "";
  const name = oRef(st, id);
  // Who completed the other operation on it (cached per channel: thousands of waiters share it).
  const all = memo(o, dir, () => [...o.uses].filter(([, u]) => (dir === "send" ? u.recvs > 0 : u.sends > 0)).map(([h]) => h));
  const partners = all.slice(0, 5).filter((h) => h !== g.id).slice(0, 4);
  const total = all.length - (memoSet(o, dir, all).has(g.id) ? 1 : 0);
  const role = dir === "send" ? "receiver on" : "sender on";
  const out: string[] = [];
  const timer = o.timer === undefined ? undefined : st.objects.get(o.timer);
  const ctx = o.ctx === undefined ? undefined : st.objects.get(o.ctx);
  if (timer?.pending) out.push(`${name} belongs to a timer due at ${formatTime(timer.when)}.`);
  else if (timer) out.push(`${name} belongs to a timer that will not fire again.`);
  else if (ctx && !ctx.canceled && dir === "recv") out.push(contextEvidence(st, ctx, name, graph));
  else if (total === 0) {
    out.push(dir === "send" ? `No goroutine ever received from ${name}.` : `No goroutine ever sent on ${name}${o.closed ? "" : " or closed it"}.`);
  } else if (total === 1) {
    out.push(`The only ${role} ${name}, ${gRef(st, partners[0])}, ${fate(st, partners[0], graph)}${dir === "recv" && !o.closed && !st.isLive(partners[0]) ? " without closing it" : ""}.`);
  } else {
    const words = partners.map((h) => `${gRef(st, h)} ${fate(st, h, graph)}`);
    if (total > partners.length) words.push(`${total - partners.length} others`);
    out.push(`Its ${dir === "send" ? "receivers" : "senders"}: ${listWords(words)}.`);
  }
  if (!ctx && !all.includes(o.maker) && o.maker !== g.id && o.maker > 0) {
    out.push(`${gRef(st, o.maker)} made it and ${fate(st, o.maker, graph)}.`);
  }
  const known = new Set(partners);
  const others = graph.wakersOf(g.id, 20).filter((h) => !known.has(h) && h !== o.maker);
  if (others.length > 0) out.push(`The other goroutines that could reach it are blocked themselves: ${someWords(others.map((h) => gRef(st, h)))}.`);
  return out.join(" ");
}

/** A list that may have been cut short: "a, b, c, d and others" past four. */
function someWords(items: readonly string[]): string {
  return items.length <= 4 ? listWords(items) : `${items.slice(0, 4).join(", ")} and others`;
}

const memos = new WeakMap<ObjState, Map<string, unknown>>();

/** Per-object cache for one analysis (objects are fresh each time, so a WeakMap frees it). */
function memo<T>(o: ObjState, key: string, make: () => T): T {
  let m = memos.get(o);
  if (!m) memos.set(o, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}

function memoSet(o: ObjState, key: string, items: readonly number[]): Set<number> {
  return memo(o, `${key}:set`, () => new Set(items));
}

/**
 * The Done channel of a context nobody canceled: it closes only on cancel, the deadline or the
 * parent's cancel, so say who made the context and what became of them.
 */
function contextEvidence(st: TraceState, ctx: ObjState, name: string, graph: WaitGraph): string {
  const closes = ctx.hasDeadline ? "its cancel function is called, or its deadline or a parent's passes" : "its cancel function is called or a parent is canceled (it has no deadline)";
  const maker = ctx.maker > 0 ? ` ${gRef(st, ctx.maker)} made the context${atSite(st, ctx.makeLoc)} and ${fate(st, ctx.maker, graph)}${st.isLive(ctx.maker) ? "" : " without calling cancel"}.` : "";
  return `${name} is the Done channel of a context that was never canceled: it is closed only when ${closes}.${maker} In Go, \`defer cancel()\` right after \`context.WithCancel\` prevents this (go vet's lostcancel check).`;
}

/** Why nobody will signal: a Signal that came before the wait and found nobody is lost. */
function condEvidence(st: TraceState, g: GState, id: number, graph: WaitGraph): string {
  const o = st.objects.get(id);
  const others = othersWords(st, g, id, graph, `call Signal or Broadcast on ${oRef(st, id)}`);
  const b = g.block;
  if (!o || !b) return others;
  const lost = o.lostSignal;
  if (lost && lost.seq < b.seq) {
    const call = lost.broadcast ? "Broadcast" : "Signal";
    return `${oRef(st, id)} was signaled (${call}) by ${gRef(st, lost.g)}${atSite(st, lost.loc)} at seq ${lost.seq} (${formatTime(lost.t)}), before ${gRef(st, g.id)} began waiting, while no goroutine was waiting: a ${call} with no waiter is lost, and none came after. ${others} Wait in a loop that checks the condition (\`while (!ready) await cond.wait()\`), so that a signal sent early is not needed.`;
  }
  if (o.signals === 0) return `Nobody ever called Signal or Broadcast on ${oRef(st, id)}. ${others}`;
  return others;
}

function lockEvidence(st: TraceState, g: GState, id: number, forRead: boolean, graph: WaitGraph): string {
  const o = st.objects.get(id);
  if (!o) return "";
  if (o.holder && o.holder.g === g.id) {
    // Double locking: the goroutine waits for itself.
    const h = o.holder;
    const again = g.block?.loc === undefined ? "" : `${atSite(st, g.block.loc)}`;
    return `${oRef(st, id)} is already held by ${gRef(st, g.id)} itself: it locked it${atSite(st, h.loc)} at seq ${h.seq} (${formatTime(h.t)}) and, still holding it, tries to lock it again${again}. Go's ${kindWordFor(o)} is not reentrant, so it waits for itself forever: unlock before calling code that locks it, or give that code a variant that expects the lock held (Go's \`...Locked\` convention).`;
  }
  if (o.holder) {
    const h = o.holder;
    return `${oRef(st, id)} is held by ${gRef(st, h.g)} since ${formatTime(h.t)} (seq ${h.seq}), which ${fate(st, h.g, graph)}${st.isLive(h.g) ? "" : " without unlocking it"}.`;
  }
  const holders = lockHolders(st, o, forRead);
  if (forRead && holders.length > 0) {
    return `A writer is queued on ${oRef(st, id)} (${listWords(holders.map((h) => gRef(st, h)))}) and Go's RWMutex lets it in before new readers; it in turn waits for the readers to leave.`;
  }
  if (holders.length > 0) {
    return `${oRef(st, id)} is read-locked by ${listWords(holders.map((h) => `${h === g.id ? "this goroutine itself" : gRef(st, h)}${h === g.id ? "" : `, which ${fate(st, h, graph)}`}`))}.`;
  }
  return "";
}

function waitGroupEvidence(st: TraceState, g: GState, id: number, graph: WaitGraph): string {
  const o = st.objects.get(id);
  if (!o) return "";
  return `The counter of ${oRef(st, id)} is still ${o.count}. ${othersWords(st, g, id, graph, "call Done")}`;
}

/** Who else used the object: who ended, who is blocked, or that nobody is left. */
function othersWords(st: TraceState, g: GState, id: number, graph: WaitGraph, act: string): string {
  const o: ObjState | undefined = st.objects.get(id);
  if (!o) return "";
  const ended = memo(o, "ended", () => [...o.uses.keys()].filter((h) => !st.isLive(h))).slice(0, 10).filter((h) => h !== g.id);
  const blocked = graph.wakersOf(g.id, 5);
  const out: string[] = [];
  if (blocked.length > 0) {
    out.push(`The goroutines that could ${act} are blocked themselves: ${someWords(blocked.map((h) => gRef(st, h)))}.`);
  } else out.push(`No goroutine that could ${act} is left.`);
  if (ended.length > 0) out.push(`Of those that used ${oRef(st, id)}, ${listWords(ended.map((h) => `${gRef(st, h)} ${endedWords(st, h)}`))}.`);
  return out.join(" ");
}

function kindWordFor(o: ObjState): string {
  return o.kind === "rwmutex" ? "sync.RWMutex" : "sync.Mutex";
}

/** "returned at 1.0 s", "ended at 2 ms", "is blocked itself", "is still running". */
export function fate(st: TraceState, h: number, graph: WaitGraph): string {
  if (!st.isLive(h)) return endedWords(st, h);
  if (graph.inCycle.has(h)) return "is itself deadlocked";
  if (graph.stuck.has(h)) return "is blocked itself";
  const g = st.goroutines.get(h);
  return g?.block ? `is ${describeBlock(st, g.block)}` : "is still running";
}
