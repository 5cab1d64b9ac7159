/**
 * Turns the machine state after event `idx` into the public `ModelState`: names and locations
 * resolved, wait queues derived from the blocked goroutines.
 *
 * A goroutine waits on an object when it is blocked (not yet served, see machine.ts) with a reason
 * naming that object in `on`: `chan.send`/`chan.recv` put it in a channel's sendq/recvq, a
 * `select` in the queue of each case's direction (from its pending `select.begin`),
 * `mutex.lock`/`rwmutex.rlock`/`rwmutex.lock` among a lock's (or a running Once's) waiters,
 * `wg.wait` among a WaitGroup's, `cond.wait` among a cond's. Queues are in the order the
 * goroutines blocked.
 */
import { type BlockReason, type GoBlock, type ObjectKind, type SelectBegin } from "../format/schema";
import type { Entities } from "./entities";
import type { EventStore } from "./event-store";
import { describeSync } from "./describe-sync";
import { BLOCKED, DONE, RUNNABLE, RUNNING, SLEEPING, type MachineState } from "./machine";
import type {
  ChannelState, GoroutineState, GoroutineStatus, LockState, ModelState, SourceLocation, WaitGroupState,
} from "./types";

export interface DescribeContext {
  readonly store: EventStore;
  readonly ent: Entities;
  /** Per object slot: the index of its first `chan.close`, -1 when none. */
  readonly closedAt: Int32Array;
  readonly idx: number;
  readonly loc: (id: number) => SourceLocation | undefined;
}

const STATUS: Readonly<Record<number, GoroutineStatus>> = {
  [RUNNABLE]: "runnable",
  [RUNNING]: "running",
  [BLOCKED]: "blocked",
  [SLEEPING]: "sleeping",
  [DONE]: "done",
};

interface Waiter {
  readonly g: number;
  readonly blockIdx: number;
}

/** Wait queues keyed by "<queue>:<object id>". */
type Queues = Map<string, Waiter[]>;

function blockOf(store: EventStore, i: number): GoBlock {
  return store.event(i) as GoBlock;
}

export function describeState(m: MachineState, c: DescribeContext): ModelState {
  const { store, ent, idx } = c;
  const queues: Queues = new Map();
  const enqueue = (q: string, id: number, w: Waiter) => {
    const key = `${q}:${id}`;
    const list = queues.get(key);
    if (list) list.push(w);
    else queues.set(key, [w]);
  };
  const goroutines: GoroutineState[] = [];
  for (let s = 1; s < ent.gId.length && ent.gCreated[s]! <= idx; s++) {
    const st = m.status[s]!;
    const id = ent.gId[s]!;
    const loc = m.lastLoc[s] === 0 ? undefined : c.loc(m.lastLoc[s]!);
    const base = { id, name: ent.gName[s]!, status: STATUS[st] ?? "runnable", ...(loc ? { loc } : {}) };
    const bi = m.blockIdx[s]!;
    if ((st !== BLOCKED && st !== SLEEPING) || bi < 0) {
      goroutines.push(base);
      continue;
    }
    const b = blockOf(store, bi);
    goroutines.push({
      ...base,
      reason: b.reason,
      on: b.on,
      blockedSeq: b.seq,
      ...(b.until === undefined ? {} : { until: b.until }),
    });
    if (m.served[s] === 0) queueWaiter(c, m.selIdx[s]!, b.reason, b.on, { g: id, blockIdx: bi }, enqueue);
  }
  for (const list of queues.values()) list.sort((x, y) => x.blockIdx - y.blockIdx);
  const q = (name: string, id: number) => (queues.get(`${name}:${id}`) ?? []).map((w) => w.g);
  return {
    seq: idx < 0 ? 0 : store.seqOf(idx),
    t: idx < 0 ? 0 : store.timeOf(idx),
    goroutines,
    channels: slotsOf(ent, idx, "chan").map((s) => channelState(m, c, s, q)),
    locks: slotsOf(ent, idx, "mutex", "rwmutex").map((s) => lockState(m, ent, s, q)),
    waitGroups: slotsOf(ent, idx, "wg").map((s): WaitGroupState => {
      const id = ent.oId[s]!;
      return { id, name: ent.oName[s]!, counter: m.wg.get(s) ?? 0, waiters: q("wg", id) };
    }),
    ...describeSync(m.sync, store, ent, (kind) => slotsOf(ent, idx, kind), q),
  };
}

function queueWaiter(
  c: DescribeContext, selIdx: number, reason: BlockReason, on: readonly number[], w: Waiter,
  enqueue: (q: string, id: number, w: Waiter) => void,
): void {
  switch (reason) {
    case "chan.send": return on.forEach((id) => enqueue("send", id, w));
    case "chan.recv": return on.forEach((id) => enqueue("recv", id, w));
    case "mutex.lock": case "rwmutex.rlock": case "rwmutex.lock": return on.forEach((id) => enqueue("lock", id, w));
    case "wg.wait": return on.forEach((id) => enqueue("wg", id, w));
    case "cond.wait": return on.forEach((id) => enqueue("cond", id, w));
    case "select": {
      if (selIdx < 0) return;
      const sel = c.store.event(selIdx) as SelectBegin;
      if (sel.k !== "select.begin") return;
      for (const cs of sel.cases) if (on.includes(cs.ch)) enqueue(cs.dir, cs.ch, w);
      return;
    }
    default:
      return;
  }
}

/** Object slots of the given kinds made at or before event idx, in make order. */
function slotsOf(ent: Entities, idx: number, ...kinds: ObjectKind[]): number[] {
  const out: number[] = [];
  for (const k of kinds) for (const s of ent.byKind.get(k) ?? []) if (ent.oMade[s]! <= idx) out.push(s);
  return kinds.length > 1 ? out.sort((a, b) => a - b) : out;
}

function channelState(m: MachineState, c: DescribeContext, s: number, q: (n: string, id: number) => number[]): ChannelState {
  const { store, ent, idx } = c;
  const id = ent.oId[s]!;
  const buf = m.buffers.get(s) ?? [];
  const closedAt = c.closedAt[s]!;
  return {
    id,
    name: ent.oName[s]!,
    len: buf.length,
    cap: ent.oCap[s]!,
    closed: closedAt >= 0 && closedAt <= idx,
    buffer: buf.map((i) => (i < 0 ? { val: "?", sendSeq: 0 } : { val: (store.event(i) as { val: string }).val, sendSeq: store.seqOf(i) })),
    sendq: q("send", id),
    recvq: q("recv", id),
  };
}

function lockState(m: MachineState, ent: Entities, s: number, q: (n: string, id: number) => number[]): LockState {
  const id = ent.oId[s]!;
  return {
    id,
    kind: ent.oKind[s] as "mutex" | "rwmutex",
    name: ent.oName[s]!,
    holder: (m.holders.get(s) ?? -1) < 0 ? undefined : m.holders.get(s),
    readers: [...(m.readers.get(s) ?? [])],
    waiters: q("lock", id),
  };
}
