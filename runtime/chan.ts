/**
 * Channels, after Go's runtime/chan.go.
 *
 * Invariants: `recvq` is non-empty only when the buffer is empty; `sendq` is non-empty only when
 * the buffer is full (always, for an unbuffered channel); a closed channel has an empty `sendq`.
 * A send to a waiting receiver hands the value over directly, buffered or not, as Go does.
 *
 * Go's rules: send on a closed channel panics ("send on closed channel"), as does closing a
 * closed channel or a nil one; a receive from a closed, drained channel returns the zero value
 * (`undefined`) with ok=false at once; close wakes every blocked receiver (ok=false) and panics
 * every blocked sender; a nil channel blocks forever. Woken goroutines are readied in the order
 * Go readies them (close: in reverse queue order, through its glist).
 *
 * Trace: `chan.send` is written when a value enters the channel (buffer or hand-off), by the
 * goroutine whose send completed; `chan.recv` when a value leaves it, with `from` = the `seq`
 * of that value's send. So a blocked receiver's `chan.recv` appears, with its own `g`, at the
 * moment its partner arrives.
 */
import type { G } from "./goroutine";
import { GoPanic, MSG, RunEnded } from "./panic";
import { Deque, WaitQueue, type WaitNode } from "./queue";
import { activeOrUndefined, sched } from "./active";
import type { Scheduler } from "./scheduler";
import type { Named } from "./named";

/** A goroutine waiting in a channel queue, on its own or as one case of a select. */
export interface Sudog extends WaitNode {
  readonly g: G;
  /** The value a waiting sender offers. */
  readonly elem: unknown;
  readonly sel: SelectWait | undefined;
  readonly caseIndex: number;
  readonly ch: ChanImpl<unknown>;
  /** A plain receiver is woken with `[v, ok]` when true (recv2), with `v` alone otherwise. */
  readonly pair: boolean;
}

/** The outcome a select waiter is woken with. */
export interface SelectWake {
  readonly index: number;
  readonly value: unknown;
  readonly ok: boolean;
}

export interface SelectWait {
  readonly g: G;
  readonly sudogs: Sudog[];
  done: boolean;
}

interface Slot {
  readonly v: unknown;
  /** seq of the chan.send that put it there. */
  readonly seq: number;
}

const RESOLVED: Promise<void> = Promise.resolve();

export class ChanImpl<T> implements AsyncIterable<T> {
  /** Object id in the trace (0 until first use in a run). */
  id = 0;
  closed = false;
  readonly buf = new Deque<Slot>();
  readonly sendq = new WaitQueue<Sudog>();
  readonly recvq = new WaitQueue<Sudog>();
  name: string;
  /** `[id]`, the `on` list of a goroutine blocked on this channel alone. */
  onIds: readonly number[] = [];
  /** Result of the last successful `tryRecv` (kept in fields to spare an allocation per receive). */
  lastV: unknown;
  lastOk = false;
  private s: Scheduler | undefined;

  constructor(
    readonly capacity: number,
    private readonly given: string | undefined,
    readonly isNil = false,
  ) {
    this.name = given ?? "";
    // Join the run in progress now, so chan.make marks where the channel was made; channels made
    // before the run (package-level variables) join at first use.
    const s = activeOrUndefined();
    if (s !== undefined && !s.ended && (s.current !== undefined || s.firing)) this.bind();
  }

  /** Attaches the channel to the running scheduler (announcing it in the trace) and returns it. */
  bind(): Scheduler {
    const s = sched();
    if (this.s !== s) {
      this.s = s;
      this.id = s.newObjectId();
      this.onIds = [this.id];
      // A channel joining a new run starts empty and open, as a fresh process would make it.
      this.closed = false;
      while (this.buf.length > 0) this.buf.shift();
      this.sendq.clear();
      this.recvq.clear();
      this.name = this.given ?? (this.isNil ? "nil" : `chan${this.id}`);
      if (!this.isNil) s.emit(s.actor(), "chan.make", `,"ch":${this.id},"cap":${this.capacity},"name":${JSON.stringify(this.name)}`);
    }
    return s;
  }

  /** How `%v` shows a channel (Go prints its address; the name says more). */
  toString(): string {
    return this.isNil ? "<nil chan>" : `chan ${this.name || "(unused)"}`;
  }

  get len(): number {
    const s = activeOrUndefined();
    if (s !== undefined && s !== this.s && !s.ended) this.bind(); // first use in a new run starts it fresh
    return this.buf.length;
  }

  get cap(): number {
    return this.capacity;
  }

  send(v: T): Promise<void> {
    const s = this.bind();
    const g = s.g();
    if (this.isNil) return s.park("nil-chan", []);
    if (this.closed) throw new GoPanic(MSG.sendOnClosed);
    if (this.trySend(s, g, v)) return s.yieldPoint() ?? RESOLVED;
    this.enqueue(g, v, true, undefined, 0, false);
    return s.park("chan.send", this.onIds);
  }

  /** `<-ch`: the value, or `undefined` once the channel is closed and drained. */
  recv(): Promise<T | undefined> {
    return this.receive(false) as Promise<T | undefined>;
  }

  /** `v, ok := <-ch`: ok is false when the channel is closed and drained. */
  recv2(): Promise<[T | undefined, boolean]> {
    return this.receive(true) as Promise<[T | undefined, boolean]>;
  }

  private receive(pair: boolean): Promise<unknown> {
    const s = this.bind();
    const g = s.g();
    if (this.isNil) return s.park("nil-chan", []);
    if (this.tryRecv(s, g)) {
      const r = pair ? [this.lastV, this.lastOk] : this.lastV;
      this.lastV = undefined;
      const y = s.yieldPoint();
      return y ? y.then(() => r) : Promise.resolve(r);
    }
    this.enqueue(g, undefined, false, undefined, 0, pair);
    return s.park("chan.recv", this.onIds);
  }

  close(): void {
    const s = this.isNil ? sched() : this.bind();
    const gid = s.firing ? 0 : s.g().id; // a context deadline closes Done on the runtime's behalf
    if (this.isNil) throw new GoPanic(MSG.closeOfNil);
    if (this.closed) throw new GoPanic(MSG.closeOfClosed);
    this.closed = true;
    if (s.tr) s.emit(gid, "chan.close", `,"ch":${this.id}`);
    // Go gathers every waiter into a glist (receivers, then senders) and readies them popping it,
    // that is in reverse order; each goready takes runnext, so the first receiver runs first.
    const woken: { g: G; val: unknown; err?: unknown }[] = [];
    for (let sg = this.recvq.shift(); sg; sg = this.recvq.shift()) {
      if (sg.sel) this.finishSelect(sg.sel, sg);
      if (s.tr) s.tr.chanRecv(s.now, sg.g.id, sg.g.loc, this.id, 0, false, 0, undefined);
      woken.push({ g: sg.g, val: sg.sel ? { index: sg.caseIndex, value: undefined, ok: false } : sg.pair ? [undefined, false] : undefined });
    }
    for (let sg = this.sendq.shift(); sg; sg = this.sendq.shift()) {
      if (sg.sel) this.finishSelect(sg.sel, sg);
      woken.push({ g: sg.g, val: undefined, err: new GoPanic(MSG.sendOnClosed) });
    }
    for (let i = woken.length - 1; i >= 0; i--) s.wake(woken[i].g, woken[i].val, woken[i].err);
  }

  /**
   * A send that does not block: to a waiting receiver or into the buffer. False when it would
   * block. The caller has checked `closed`.
   */
  trySend(s: Scheduler, g: G, v: unknown): boolean {
    const rg = this.recvq.shift();
    if (rg !== undefined) {
      const seq = s.tr ? s.tr.chanSend(s.now, g.id, g.id === 0 ? 0 : s.cursor.l, this.id, 0, v) : 0;
      this.deliver(s, rg, v, true, seq);
      return true;
    }
    if (this.buf.length < this.capacity) {
      const seq = s.tr ? s.tr.chanSend(s.now, g.id, g.id === 0 ? 0 : s.cursor.l, this.id, this.buf.length + 1, v) : 0;
      this.buf.push({ v, seq });
      return true;
    }
    return false;
  }

  /** A receive that does not block, leaving its result in `lastV`/`lastOk`; false when it would block. */
  tryRecv(s: Scheduler, g: G): boolean {
    const sg = this.sendq.shift();
    if (sg !== undefined) {
      if (this.capacity === 0) {
        // Unbuffered: take the waiting sender's value; its send completes now.
        const seq = s.tr ? s.tr.chanSend(s.now, sg.g.id, sg.g.loc, this.id, 0, sg.elem) : 0;
        if (s.tr) s.tr.chanRecv(s.now, g.id, s.cursor.l, this.id, 0, true, seq, sg.elem);
        this.releaseSender(s, sg);
        return this.got(sg.elem, true);
      }
      // Full buffer: take the head, and the waiting sender's value joins the tail.
      const head = this.buf.shift() as Slot;
      if (s.tr) s.tr.chanRecv(s.now, g.id, s.cursor.l, this.id, this.buf.length, true, head.seq, head.v);
      const seq = s.tr ? s.tr.chanSend(s.now, sg.g.id, sg.g.loc, this.id, this.buf.length + 1, sg.elem) : 0;
      this.buf.push({ v: sg.elem, seq });
      this.releaseSender(s, sg);
      return this.got(head.v, true);
    }
    if (this.buf.length > 0) {
      const head = this.buf.shift() as Slot;
      if (s.tr) s.tr.chanRecv(s.now, g.id, s.cursor.l, this.id, this.buf.length, true, head.seq, head.v);
      return this.got(head.v, true);
    }
    if (this.closed) {
      if (s.tr) s.tr.chanRecv(s.now, g.id, s.cursor.l, this.id, 0, false, 0, undefined);
      return this.got(undefined, false);
    }
    return false;
  }

  private got(v: unknown, ok: boolean): true {
    this.lastV = v;
    this.lastOk = ok;
    return true;
  }

  enqueue(g: G, elem: unknown, isSend: boolean, sel: SelectWait | undefined, caseIndex: number, pair: boolean): Sudog {
    const sg: Sudog = { g, elem, sel, caseIndex, ch: this as ChanImpl<unknown>, pair, prev: undefined, next: undefined, queue: undefined };
    (isSend ? this.sendq : this.recvq).push(sg);
    return sg;
  }

  /** Hands `v` to a waiting receiver and wakes it. */
  private deliver(s: Scheduler, rg: Sudog, v: unknown, ok: boolean, sendSeq: number): void {
    if (rg.sel) this.finishSelect(rg.sel, rg);
    if (s.tr) s.tr.chanRecv(s.now, rg.g.id, rg.g.loc, this.id, this.buf.length, ok, sendSeq, v);
    s.wake(rg.g, rg.sel ? { index: rg.caseIndex, value: v, ok } : rg.pair ? [v, ok] : v);
  }

  private releaseSender(s: Scheduler, sg: Sudog): void {
    if (sg.sel) this.finishSelect(sg.sel, sg);
    s.wake(sg.g, sg.sel ? { index: sg.caseIndex, value: undefined, ok: true } : undefined);
  }

  /** A select waiter leaves every other queue it sits in once one of its cases fires. */
  private finishSelect(sel: SelectWait, fired: Sudog): void {
    sel.done = true;
    for (const other of sel.sudogs) if (other !== fired) (other.queue as WaitQueue<Sudog> | undefined)?.remove(other);
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    // `for await (const v of ch)` is Go's `for v := range ch`: ends when closed and drained.
    const s = activeOrUndefined();
    const loc = s?.cursor.l ?? 0;
    return {
      next: async (): Promise<IteratorResult<T>> => {
        const cur = activeOrUndefined();
        if (cur === undefined) throw new RunEnded();
        if (loc > 0) cur.cursor.l = loc;
        const [v, ok] = await this.recv2();
        return ok ? { value: v as T, done: false } : { value: undefined, done: true };
      },
    };
  }
}

export interface ChanFactory {
  <T>(cap?: number, opts?: Named): ChanImpl<T>;
  nil<T>(): ChanImpl<T>;
}

export const chan: ChanFactory = Object.assign(
  <T>(cap = 0, opts?: Named): ChanImpl<T> => {
    if (!Number.isInteger(cap) || cap < 0) throw new GoPanic("makechan: size out of range");
    return new ChanImpl<T>(cap, opts?.name);
  },
  { nil: <T>(): ChanImpl<T> => new ChanImpl<T>(0, undefined, true) },
);
