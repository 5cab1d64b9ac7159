/**
 * The state machine of the model: a compact mutable state and `apply(i)`, which moves it past
 * event i, plus checkpoints (the state frozen into one Int32Array and one Float64Array).
 *
 * What is inferred (docs/model.md has the full rules):
 * - A goroutine is runnable from its `go.create` or a `go.unblock` naming it, running from its
 *   first own event after that, until it blocks (`go.block`: blocked, or sleeping for `sleep`),
 *   yields (`go.yield`: runnable), ends (`go.end`, or `main.return`: done), or another goroutine
 *   acts (it goes back to runnable: one goroutine runs at a time). Runtime events (g 0) do not
 *   make anything run.
 * - An event by a goroutine that is blocked or sleeping is the completion of its operation on
 *   its behalf (a taken sender's `chan.send`, a receiver's `chan.recv` handed a value or a close,
 *   a reader admitted by a writer's `rwmutex.unlock`): it stays blocked until its `go.unblock`,
 *   but is marked `served` and leaves every wait queue.
 * - A channel's buffer holds the indices of the sends that filled it: a `chan.send` whose `len`
 *   is one more than the buffer's length appends; a `chan.recv` whose `len` is one less removes
 *   the oldest; any other `len` is a hand-off. An inconsistent `len` (the reader does not check
 *   the arithmetic) resynchronises the buffer to `len`, padding with unknown values (-1).
 * - Mutex holder: set by `mutex.lock`, cleared by `mutex.unlock`. RWMutex: writer from
 *   `rwmutex.lock` (read false), readers appended by `rwmutex.lock` (read true) and removed by
 *   `rwmutex.unlock` (read true). WaitGroup counter: the `count` of its latest `wg.add`.
 *
 * - A goroutine named in a `cond.signal`/`cond.broadcast` `woken` is served (it left the cond's
 *   waiters) though still blocked until its `go.unblock`.
 * - Onces, timers and contexts: machine-sync.ts.
 *
 * Invariant: `apply` never throws on a trace the reader accepts, however odd its story.
 */
import type { EventStore } from "./event-store";
import { F1, Kind, KIND_MASK } from "./kinds";
import type { Entities } from "./entities";
import { SyncState, applySync, freezeSync, thawSync } from "./machine-sync";

export const ABSENT = 0;
export const RUNNABLE = 1;
export const RUNNING = 2;
export const BLOCKED = 3;
export const SLEEPING = 4;
export const DONE = 5;

const SLEEP_REASON = 8; // index of "sleep" in BLOCK_REASONS

export interface Checkpoint {
  readonly ints: Int32Array;
  /** WaitGroup counters, then the timers' due times (machine-sync.ts). */
  readonly floats: Float64Array;
}

export class MachineState {
  status = new Uint8Array(64);
  blockIdx = new Int32Array(64);
  selIdx = new Int32Array(64);
  served = new Uint8Array(64);
  lastLoc = new Int32Array(64);
  running = -1;
  buffers = new Map<number, number[]>();
  holders = new Map<number, number>();
  readers = new Map<number, number[]>();
  wg = new Map<number, number>();
  readonly sync = new SyncState();

  constructor(slots: number) {
    this.blockIdx.fill(-1);
    this.selIdx.fill(-1);
    this.ensure(slots);
    this.status[1] = RUNNABLE;
  }

  ensure(slots: number): void {
    if (slots <= this.status.length) return;
    const n = Math.max(slots, this.status.length * 2);
    const old = this.status.length;
    const grow = <T extends Uint8Array | Int32Array>(a: T, fill = 0): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      if (fill !== 0) b.fill(fill, old);
      return b;
    };
    this.status = grow(this.status);
    this.blockIdx = grow(this.blockIdx, -1);
    this.selIdx = grow(this.selIdx, -1);
    this.served = grow(this.served);
    this.lastLoc = grow(this.lastLoc);
  }
}

type Whole = Record<string, unknown>;

const num = (v: unknown) => (typeof v === "number" ? v : -1);

export function apply(m: MachineState, store: EventStore, ent: Entities, i: number): void {
  const kind = store.k[i]! & KIND_MASK;
  // Operands from the columns, or from the whole event when it is irregular.
  const whole = store.irregular.size > 0 ? (store.irregular.get(i) as Whole | undefined) : undefined;
  if (whole === undefined) step(m, store, ent, i, kind, store.g[i]!, store.a[i]!, store.b[i]!, undefined);
  else step(m, store, ent, i, kind, num(whole.g), num(whole.child ?? whole.target ?? whole.ch ?? whole.id ?? whole.ctx), num(whole.len ?? whole.cap ?? whole.delta), whole);
}

/** `apply` for event i of kind `kind` by goroutine `gid` with primary operands `a` and `b`. */
function step(m: MachineState, store: EventStore, ent: Entities, i: number, kind: number, gid: number, a: number, b: number, whole: Whole | undefined): void {
  const gs = gid > 0 ? ent.gSlotOf(gid) : -1;
  if (gs >= 0) noteActor(m, gs, store.locOf(i), kind);
  switch (kind) {
    case Kind.GoCreate: {
      const cs = ent.gSlotOf(a);
      if (cs >= 0) {
        m.ensure(cs + 1);
        m.status[cs] = RUNNABLE;
      }
      return;
    }
    case Kind.GoBlock:
      if (gs < 0 || m.status[gs] === DONE) return;
      m.status[gs] = whole !== undefined || a !== SLEEP_REASON ? BLOCKED : SLEEPING;
      m.blockIdx[gs] = i;
      m.served[gs] = 0;
      if (m.running === gs) m.running = -1;
      return;
    case Kind.GoUnblock: {
      const ts = ent.gSlotOf(a);
      if (ts <= 0 || m.status[ts] === DONE) return;
      m.status[ts] = RUNNABLE;
      m.blockIdx[ts] = -1;
      m.served[ts] = 0;
      if (m.running === ts) m.running = -1;
      return;
    }
    case Kind.GoYield:
      if (gs < 0 || m.status[gs] === DONE) return;
      m.status[gs] = RUNNABLE;
      if (m.running === gs) m.running = -1;
      return;
    case Kind.GoEnd:
    case Kind.MainReturn:
      applySync(m.sync, store, ent, i, kind);
      if (gs < 0 || m.status[gs] === DONE) return;
      ent.gFinalLoc[gs] = m.lastLoc[gs]!;
      m.status[gs] = DONE;
      m.blockIdx[gs] = -1;
      m.selIdx[gs] = -1;
      if (m.running === gs) m.running = -1;
      return;
    case Kind.SelectBegin:
      if (gs >= 0) m.selIdx[gs] = i;
      return;
    case Kind.SelectEnd:
      if (gs >= 0) m.selIdx[gs] = -1;
      return;
    case Kind.ChanSend:
      return chanOp(m, ent, a, b, i, true);
    case Kind.ChanRecv:
      return chanOp(m, ent, a, b, i, false);
    case Kind.MutexLock:
      return void setHolder(m, ent, a, gid);
    case Kind.MutexUnlock:
      return void setHolder(m, ent, a, -1);
    case Kind.RwmutexLock:
    case Kind.RwmutexUnlock:
      return rwOp(m, store, ent, i, a, gid, kind === Kind.RwmutexLock, whole);
    case Kind.WgAdd: {
      const s = ent.oSlotOf(a);
      if (s < 0) return;
      m.wg.set(s, whole ? (whole.count as number) : store.y[i]!);
      return;
    }
    case Kind.CondSignal:
    case Kind.CondBroadcast:
      // The woken leave the cond's waiters now; they stay blocked until their go.unblock.
      for (const w of (store.event(i) as { woken: readonly number[] }).woken) {
        const ws = ent.gSlotOf(w);
        if (ws > 0 && m.status[ws] === BLOCKED) m.served[ws] = 1;
      }
      return;
    default:
      return applySync(m.sync, store, ent, i, kind);
  }
}

/** Running/runnable inference for an event by goroutine slot `gs` (see the header). */
function noteActor(m: MachineState, gs: number, loc: number, kind: number): void {
  const s = m.status[gs]!;
  if (s === DONE) return; // done is final: its location froze at its end
  if (loc !== 0) m.lastLoc[gs] = loc;
  if (s === BLOCKED || s === SLEEPING) {
    if (kind !== Kind.GoBlock) m.served[gs] = 1;
    return;
  }
  if (s === RUNNING) return;
  if (m.running >= 0 && m.running !== gs && m.status[m.running] === RUNNING) m.status[m.running] = RUNNABLE;
  m.status[gs] = RUNNING;
  m.running = gs;
}

function chanOp(m: MachineState, ent: Entities, ch: number, len: number, i: number, send: boolean): void {
  const s = ent.oSlotOf(ch);
  if (s < 0 || len < 0) return;
  let buf = m.buffers.get(s);
  const cur = buf ? buf.length : 0;
  if (send ? len === cur : len === cur && len === 0) return; // a hand-off
  if (!buf) m.buffers.set(s, (buf = []));
  if (send && len === cur + 1) buf.push(i);
  else if (!send && len === cur - 1) buf.shift();
  else {
    // Inconsistent len: resynchronise to it.
    while (buf.length > len) buf.shift();
    while (buf.length < len - (send ? 1 : 0)) buf.push(-1);
    if (send && buf.length < len) buf.push(i);
  }
}

function setHolder(m: MachineState, ent: Entities, id: number, g: number): void {
  const s = ent.oSlotOf(id);
  if (s < 0) return;
  m.holders.set(s, g); // -1 for none: set, not delete, keeps the map's shape stable
}

function rwOp(m: MachineState, store: EventStore, ent: Entities, i: number, id: number, g: number, lock: boolean, whole: Whole | undefined): void {
  const s = ent.oSlotOf(id);
  if (s < 0) return;
  const read = whole ? (whole.read as boolean) : (store.k[i]! & F1) !== 0;
  if (!read) return setHolder(m, ent, id, lock ? g : -1);
  let rs = m.readers.get(s);
  if (lock) {
    if (!rs) m.readers.set(s, (rs = []));
    rs.push(g);
    return;
  }
  if (!rs || rs.length === 0) return;
  // Removes the reader (or the oldest when it is not listed) without `splice`'s result array.
  for (let j = Math.max(0, rs.indexOf(g)); j + 1 < rs.length; j++) rs[j] = rs[j + 1]!;
  rs.pop();
}

/** Freezes the state; `slots` is the number of goroutines created so far. */
export function checkpoint(m: MachineState, slots: number): Checkpoint {
  const out: number[] = [m.running, slots];
  let alive = 0;
  const at = out.length;
  out.push(0);
  for (let s = 0; s < slots; s++) {
    const st = m.status[s]!;
    if (st === DONE || st === ABSENT) continue;
    out.push(s, st, m.blockIdx[s]!, m.selIdx[s]!, m.served[s]!, m.lastLoc[s]!);
    alive++;
  }
  out[at] = alive;
  const buffers = [...m.buffers].filter(([, buf]) => buf.length > 0);
  out.push(buffers.length);
  for (const [s, buf] of buffers) out.push(s, buf.length, ...buf);
  const holders = [...m.holders].filter(([, g]) => g >= 0);
  out.push(holders.length);
  for (const [s, g] of holders) out.push(s, g);
  const readers = [...m.readers].filter(([, rs]) => rs.length > 0);
  out.push(readers.length);
  for (const [s, rs] of readers) out.push(s, rs.length, ...rs);
  const floats: number[] = [m.wg.size];
  for (const [s, c] of m.wg) floats.push(s, c);
  freezeSync(m.sync, out, floats);
  return { ints: Int32Array.from(out), floats: Float64Array.from(floats) };
}

/** Resets `m` to a checkpoint. Goroutines created before it and not listed are done. */
export function restore(m: MachineState, cp: Checkpoint, finalLoc: readonly number[]): void {
  const c = cp.ints;
  let p = 0;
  m.running = c[p++]!;
  const slots = c[p++]!;
  m.ensure(Math.max(slots, 2));
  m.status.fill(ABSENT);
  m.status.fill(DONE, 0, slots);
  m.blockIdx.fill(-1);
  m.selIdx.fill(-1);
  m.served.fill(0);
  m.lastLoc.fill(0);
  for (let s = 0; s < slots; s++) m.lastLoc[s] = finalLoc[s] ?? 0;
  const alive = c[p++]!;
  for (let j = 0; j < alive; j++) {
    const s = c[p++]!;
    m.status[s] = c[p++]!;
    m.blockIdx[s] = c[p++]!;
    m.selIdx[s] = c[p++]!;
    m.served[s] = c[p++]!;
    m.lastLoc[s] = c[p++]!;
  }
  m.buffers = new Map();
  for (let n = c[p++]!; n > 0; n--) {
    const s = c[p++]!;
    const len = c[p++]!;
    m.buffers.set(s, Array.from(c.subarray(p, p + len)));
    p += len;
  }
  m.holders = new Map();
  for (let n = c[p++]!; n > 0; n--) {
    const s = c[p++]!;
    m.holders.set(s, c[p++]!);
  }
  m.readers = new Map();
  for (let n = c[p++]!; n > 0; n--) {
    const s = c[p++]!;
    const len = c[p++]!;
    m.readers.set(s, Array.from(c.subarray(p, p + len)));
    p += len;
  }
  m.wg = new Map();
  const f = cp.floats;
  let q = 1;
  for (let n = f[0]!; n > 0; n--, q += 2) m.wg.set(f[q]!, f[q + 1]!);
  thawSync(m.sync, c, p, f, q);
}
