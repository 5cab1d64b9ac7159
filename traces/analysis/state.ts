/**
 * The analyzer's one linear pass: folds the trace's events, in `seq` order, into what the
 * detectors need — every goroutine (name, parent, what it is blocked on, when it ended, which
 * locks it holds) and every object (kind, name, who touched it, channel buffer and close, lock
 * holders, WaitGroup counter, whether a timer is still pending).
 *
 * Invariants: `apply` is called once per event in trace order; a goroutine's `block` is set by its
 * `go.block` and cleared by the next event it performs or by a `go.unblock` that targets it (the
 * runtime may record a blocked goroutine's completed operation, e.g. a receive in a select, just
 * before waking it). Main (goroutine 1) "ends" at `main.return`.
 */
import type { BlockReason, LocDef, ObjectKind, SelectCase, TraceEvent } from "../format/schema";
import { IdIndex } from "./id-index";
import { ReadHolds } from "./read-holds";

export interface Moment {
  readonly seq: number;
  readonly t: number;
}

export interface Block extends Moment {
  readonly reason: BlockReason;
  readonly on: readonly number[];
  readonly loc?: number;
  /** For sleeps: when it is due to wake (ns). */
  readonly until?: number;
}

/** One acquisition of a lock that a goroutine still holds. */
export interface Held extends Moment {
  readonly id: number;
  readonly read: boolean;
  readonly loc?: number;
}

export interface GState {
  readonly id: number;
  name: string;
  readonly parent: number | undefined;
  readonly created: Moment;
  readonly createLoc?: number;
  block: Block | undefined;
  /** The latest block, kept after it ends (what a goroutine woken with a panic was doing). */
  lastBlock: Block | undefined;
  ended: Moment | undefined;
  /** Locks held, in acquisition order. */
  readonly held: Held[];
  /** The cases of its latest `select.begin`. */
  select: readonly SelectCase[] | undefined;
  /** The goroutine's last event (a new object per read: the pass keeps only `lastSeq` / `lastT`) and its location. */
  readonly last: Moment | undefined;
  /** -1 before its first event. */
  lastSeq: number;
  lastT: number;
  lastLoc: number | undefined;
}

/** Per goroutine, how it used an object: counts and the moment of its last use. */
export interface Use {
  sends: number;
  recvs: number;
  other: number;
  /** It tried to send / receive (a blocked operation or a select case), whether or not it completed. */
  sendIntent: boolean;
  recvIntent: boolean;
  closed: boolean;
  /** The moment of its last use (a new object per read: the pass keeps only `lastSeq` / `lastT`). */
  readonly last: Moment;
  lastSeq: number;
  lastT: number;
}

export interface ObjState {
  readonly id: number;
  readonly kind: ObjectKind;
  readonly name: string;
  readonly made: Moment;
  readonly maker: number;
  readonly makeLoc?: number;
  /** Goroutines that made, used or waited on it (the maker included), with how. */
  readonly uses: Map<number, Use>;
  /** The latest entry of `uses` and its goroutine: most uses repeat the previous user. */
  lastUser: number;
  lastUse: Use | undefined;
  // chan
  cap: number;
  len: number;
  closed: (Moment & { readonly g: number }) | undefined;
  /** The timer whose channel this is (`time.after`, tickers), or the context whose `done` it is. */
  timer: number | undefined;
  ctx: number | undefined;
  // mutex / rwmutex: the writer (or mutex holder), and read holders with their counts
  holder: Held & { readonly g: number } | undefined;
  readonly readers: ReadHolds;
  /** Whether anyone ever write-locked it (or waited to): makes recursive read locks dangerous. */
  everWrite: boolean;
  // wg
  count: number;
  // timer
  pending: boolean;
  period: number;
  /** When it is due (ns), while pending. */
  when: number;
  // ctx
  canceled: boolean;
  hasDeadline: boolean;
  // cond: Signal/Broadcast calls, and the latest one that found nobody waiting (lost)
  signals: number;
  lostSignal: Signal | undefined;
}

export interface Signal extends Moment {
  readonly g: number;
  readonly loc?: number;
  readonly broadcast: boolean;
}

export interface TraceState {
  readonly goroutines: Map<number, GState>;
  readonly objects: Map<number, ObjState>;
  readonly locs: ReadonlyMap<number, LocDef>;
  mainReturned: Moment | undefined;
  /** The last event applied (a new object per read). */
  readonly last: Moment;
  apply(e: TraceEvent): void;
  /** Alive: created and neither ended nor (for main) returned. */
  isLive(g: number): boolean;
  /** `goroutines.get`, through a dense index (the pass looks one up per event). */
  goroutine(id: number): GState | undefined;
  /** `objects.get`, likewise. */
  object(id: number): ObjState | undefined;
  /**
   * The steps `apply` is made of, for a pass that reads the event's fields without an event
   * object (`scanned.ts`). `step` starts every event (it sets `last`, which the others take as the
   * event's moment) and returns its goroutine; `loc` is undefined when the event has none.
   */
  readonly ops: StateOps;
}

/** See `TraceState.ops`: each applies one kind of event, exactly as `apply` does. */
export interface StateOps {
  step(seq: number, t: number, g: number, loc: number | undefined, isBlock: boolean): GState | undefined;
  block(g: GState | undefined, reason: BlockReason, on: readonly number[], loc: number | undefined, until: number | undefined): void;
  unblock(target: number): void;
  end(g: GState | undefined): void;
  mainReturn(): void;
  chanOp(ch: number, g: number, len: number, how: "send" | "recv"): void;
  close(ch: number, g: number): void;
  selectBegin(g: GState | undefined, gid: number, cases: readonly SelectCase[]): void;
  lock(g: GState | undefined, id: number, read: boolean, loc: number | undefined): void;
  unlock(actor: number, id: number, read: boolean): void;
  /** A use that changes nothing but the use counts (`wg.wait`, `mutex.trylock`, ...). */
  touch(id: number, g: number): void;
  wgAdd(id: number, g: number, count: number): void;
  timerFire(id: number): void;
}

/**
 * Why classes: the pass updates a goroutine's and a use's last moment on every event; two number
 * fields cost no allocation, where a fresh `Moment` per event did (and a write barrier to store it).
 */
class G implements GState {
  block: Block | undefined = undefined;
  lastBlock: Block | undefined = undefined;
  ended: Moment | undefined = undefined;
  readonly held: Held[] = [];
  select: readonly SelectCase[] | undefined = undefined;
  lastSeq = -1;
  lastT = 0;
  lastLoc: number | undefined = undefined;
  constructor(
    readonly id: number,
    public name: string,
    readonly parent: number | undefined,
    readonly created: Moment,
    readonly createLoc: number | undefined,
  ) {}

  get last(): Moment | undefined {
    return this.lastSeq < 0 ? undefined : { seq: this.lastSeq, t: this.lastT };
  }
}

class U implements Use {
  sends = 0;
  recvs = 0;
  other = 0;
  sendIntent = false;
  recvIntent = false;
  closed = false;
  constructor(public lastSeq: number, public lastT: number) {}

  get last(): Moment {
    return { seq: this.lastSeq, t: this.lastT };
  }
}

export function createTraceState(locs: ReadonlyMap<number, LocDef>): TraceState {
  const goroutines = new Map<number, GState>();
  const objects = new Map<number, ObjState>();
  const gIndex = new IdIndex(goroutines);
  const oIndex = new IdIndex(objects);
  const addG = (id: number, name: string, parent: number | undefined, at: Moment, loc?: number): GState => {
    const g = new G(id, name, parent, at, loc);
    gIndex.set(id, g);
    return g;
  };
  addG(1, "main", undefined, { seq: 0, t: 0 });
  /** The current event's moment. */
  let seq = 0;
  let t = 0;
  const now = (): Moment => ({ seq, t });

  const ops: StateOps = {
    step(eSeq, eT, id, loc, isBlock) {
      seq = eSeq;
      t = eT;
      const g = gIndex.get(id) ?? (id > 0 ? addG(id, `goroutine ${id}`, undefined, now()) : undefined);
      if (g) {
        if (!isBlock) g.block = undefined;
        g.lastSeq = seq;
        g.lastT = t;
        if (loc !== undefined) g.lastLoc = loc;
      }
      return g;
    },
    block(g, reason, on, loc, until) {
      if (!g) return;
      g.block = g.lastBlock = { reason, on, seq, t, loc, until };
      const how = reason === "chan.send" ? SEND_INTENT : reason === "chan.recv" ? RECV_INTENT : OTHER;
      for (let i = 0; i < on.length; i++) use(on[i]!, g.id, how);
      if (reason === "rwmutex.lock") for (let i = 0; i < on.length; i++) { const o = oIndex.get(on[i]!); if (o) o.everWrite = true; }
    },
    unblock(target) {
      const t = gIndex.get(target);
      if (t) t.block = undefined;
    },
    end(g) {
      if (g) g.ended = now();
    },
    mainReturn() {
      const at = now();
      state.mainReturned = at;
      const m = gIndex.get(1);
      if (m) m.ended = at;
    },
    chanOp(ch, g, len, how) {
      use(ch, g, how === "send" ? SEND : RECV);
      const o = oIndex.get(ch);
      if (o) o.len = len;
    },
    close(ch, g) {
      use(ch, g, CLOSE);
      const o = oIndex.get(ch);
      if (o) o.closed = { seq, t, g };
    },
    selectBegin(g, gid, cases) {
      if (g) g.select = cases;
      for (let i = 0; i < cases.length; i++) use(cases[i]!.ch, gid, cases[i]!.dir === "send" ? SEND_INTENT : RECV_INTENT);
    },
    lock: acquire,
    unlock: release,
    touch(id, g) {
      use(id, g, OTHER);
    },
    wgAdd(id, g, count) {
      use(id, g, OTHER);
      const o = oIndex.get(id);
      if (o) o.count = count;
    },
    timerFire(id) {
      const o = oIndex.get(id);
      if (o) o.pending = o.period > 0;
    },
  };

  const state: TraceState = {
    goroutines,
    objects,
    locs,
    mainReturned: undefined,
    get last() {
      return now();
    },
    apply(e) {
      const g = ops.step(e.seq, e.t, e.g, e.loc, e.k === "go.block");
      applyEvent(e, g);
    },
    isLive(id) {
      const g = gIndex.get(id);
      return g !== undefined && g.ended === undefined;
    },
    goroutine: (id) => gIndex.get(id),
    object: (id) => oIndex.get(id),
    ops,
  };

  /**
   * Recent (object, goroutine) → use entries, direct-mapped by a hash of the two ids: a goroutine
   * cycles through a few objects (its jobs channel, a mutex, a results channel) while others use
   * them in between, so `lastUser` alone missed about half the time and `uses.get` was a fifth of
   * the pass. Keyed by the object's state, not its id, so a re-made id never finds its
   * predecessor's entries; an entry is never stale otherwise, since uses are never removed.
   */
  const recentObj: (ObjState | undefined)[] = new Array(RECENT_USES).fill(undefined);
  const recentG = new Int32Array(RECENT_USES);
  const recentUse: (Use | undefined)[] = new Array(RECENT_USES).fill(undefined);

  /** Records that goroutine `g` used object `id` now. */
  function use(id: number, g: number, how: How): void {
    const o = oIndex.get(id);
    if (!o || g <= 0) return;
    let u: Use;
    if (o.lastUser === g) u = o.lastUse!;
    else {
      const slot = (Math.imul(id, 0x9e3779b1) ^ Math.imul(g, 0x85ebca6b)) >>> (32 - RECENT_USE_BITS);
      if (recentObj[slot] === o && recentG[slot] === g) u = recentUse[slot]!;
      else {
        const known = o.uses.get(g);
        u = known ?? new U(seq, t);
        if (!known) o.uses.set(g, u);
        recentObj[slot] = o;
        recentG[slot] = g;
        recentUse[slot] = u;
      }
    }
    o.lastUser = g;
    o.lastUse = u;
    switch (how) {
      case SEND: u.sends++; break;
      case RECV: u.recvs++; break;
      case SEND_INTENT: u.sendIntent = true; break;
      case RECV_INTENT: u.recvIntent = true; break;
      case CLOSE: u.closed = true; break;
      default: u.other++;
    }
    u.lastSeq = seq;
    u.lastT = t;
  }

  function make(id: number, kind: ObjectKind, name: string, e: TraceEvent): ObjState {
    const o: ObjState = {
      id, kind, name, made: now(), maker: e.g, makeLoc: e.loc, uses: new Map(), lastUser: -1, lastUse: undefined,
      cap: 0, len: 0, closed: undefined, timer: undefined, ctx: undefined,
      holder: undefined, readers: new ReadHolds(), everWrite: false, count: 0,
      pending: false, period: 0, when: 0, canceled: false, hasDeadline: false, signals: 0, lostSignal: undefined,
    };
    oIndex.set(id, o);
    use(id, e.g, OTHER);
    return o;
  }

  function acquire(g: GState | undefined, id: number, read: boolean, loc: number | undefined): void {
    const o = oIndex.get(id);
    if (!o || !g) return;
    use(id, g.id, OTHER);
    const h = { id, read, seq, t, loc, g: g.id };
    g.held.push(h);
    if (read) o.readers.add(g.id);
    else {
      o.holder = h;
      o.everWrite = true;
    }
  }

  function release(actor: number, id: number, read: boolean): void {
    const o = oIndex.get(id);
    if (!o) return;
    use(id, actor, OTHER);
    // Go lets another goroutine unlock: release it from whoever holds it.
    let owner: number;
    if (read) owner = o.readers.release(actor);
    else {
      owner = o.holder?.g ?? actor;
      o.holder = undefined;
    }
    const held = gIndex.get(owner)?.held;
    if (!held) return;
    for (let i = held.length - 1; i >= 0; i--) {
      if (held[i].id === id && held[i].read === read) {
        if (i === held.length - 1) held.pop();
        else held.splice(i, 1);
        return;
      }
    }
  }

  function applyEvent(e: TraceEvent, g: GState | undefined): void {
    switch (e.k) {
      case "go.create":
        addG(e.child, e.name, e.g, now(), e.loc);
        return;
      case "go.block":
        ops.block(g, e.reason, e.on, e.loc, e.until);
        return;
      case "go.unblock":
        ops.unblock(e.target);
        return;
      case "go.end":
        ops.end(g);
        return;
      case "main.return":
        ops.mainReturn();
        return;
      case "go.panic": case "go.yield": case "log":
        return;
      case "chan.make":
        make(e.ch, "chan", e.name, e).cap = e.cap;
        return;
      case "chan.send":
        ops.chanOp(e.ch, e.g, e.len, "send");
        return;
      case "chan.recv":
        ops.chanOp(e.ch, e.g, e.len, "recv");
        return;
      case "chan.close":
        ops.close(e.ch, e.g);
        return;
      case "select.begin":
        ops.selectBegin(g, e.g, e.cases);
        return;
      case "select.end":
        return;
      case "mutex.make": case "rwmutex.make": case "wg.make": case "once.make": case "atomic.make":
        make(e.id, MAKE_KIND[e.k], e.name, e);
        return;
      case "cond.make":
        make(e.id, "cond", e.name, e);
        return;
      case "mutex.lock":
        acquire(g, e.id, false, e.loc);
        return;
      case "rwmutex.lock":
        acquire(g, e.id, e.read, e.loc);
        return;
      case "mutex.unlock":
        release(e.g, e.id, false);
        return;
      case "rwmutex.unlock":
        release(e.g, e.id, e.read);
        return;
      case "mutex.trylock": case "wg.wait": case "cond.wait": case "once.do": case "atomic.op":
        use(e.id, e.g, OTHER);
        return;
      case "cond.signal": case "cond.broadcast": {
        use(e.id, e.g, OTHER);
        const o = oIndex.get(e.id);
        if (!o) return;
        o.signals++;
        if (e.woken.length === 0) o.lostSignal = { seq: e.seq, t: e.t, g: e.g, loc: e.loc, broadcast: e.k === "cond.broadcast" };
        return;
      }
      case "wg.add":
        ops.wgAdd(e.id, e.g, e.count);
        return;
      case "timer.make": {
        const o = make(e.id, "timer", e.name, e);
        o.pending = true;
        o.period = e.period;
        o.when = e.when;
        if (e.ch !== undefined) {
          const c = oIndex.get(e.ch);
          if (c) c.timer = e.id;
        }
        return;
      }
      case "timer.fire":
        ops.timerFire(e.id);
        return;
      case "timer.stop": {
        const o = oIndex.get(e.id);
        if (o) o.pending = false;
        return;
      }
      case "timer.reset": {
        const o = oIndex.get(e.id);
        if (o) {
          o.pending = true;
          o.when = e.when;
        }
        return;
      }
      case "ctx.make": {
        const o = make(e.ctx, "ctx", `ctx ${e.ctx}`, e);
        const parent = oIndex.get(e.parent);
        o.hasDeadline = e.deadline !== undefined || (parent?.hasDeadline ?? false);
        const done = oIndex.get(e.done);
        if (done) done.ctx = e.ctx;
        return;
      }
      case "ctx.cancel": {
        const o = oIndex.get(e.ctx);
        if (o) o.canceled = true;
        return;
      }
      default:
        assertNever(e);
    }
  }

  return state;
}

/** Entries of the pass's recent-use cache (`use`): 2^RECENT_USE_BITS. */
const RECENT_USE_BITS = 10;
const RECENT_USES = 1 << RECENT_USE_BITS;

/** How a goroutine used an object (small integers: `use` runs once or more per event). */
type How = typeof SEND | typeof RECV | typeof SEND_INTENT | typeof RECV_INTENT | typeof CLOSE | typeof OTHER;
const SEND = 0;
const RECV = 1;
const SEND_INTENT = 2;
const RECV_INTENT = 3;
const CLOSE = 4;
const OTHER = 5;

const MAKE_KIND = {
  "mutex.make": "mutex",
  "rwmutex.make": "rwmutex",
  "wg.make": "wg",
  "once.make": "once",
  "atomic.make": "atomic",
} as const;

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}

/** Accepts the reader's array of definitions or a ready map. */
/** A map view of the definitions; over an array it stays live, picking up definitions appended later. */
export function locMap(locs: readonly LocDef[] | ReadonlyMap<number, LocDef>): ReadonlyMap<number, LocDef> {
  if (!Array.isArray(locs)) return locs as ReadonlyMap<number, LocDef>;
  const list = locs as readonly LocDef[];
  const map = new Map<number, LocDef>();
  let seen = 0;
  const sync = (): Map<number, LocDef> => {
    for (; seen < list.length; seen++) map.set(list[seen].id, list[seen]);
    return map;
  };
  return {
    get: (id) => sync().get(id),
    has: (id) => sync().has(id),
    get size() {
      return sync().size;
    },
    forEach: (f, thisArg) => sync().forEach(f, thisArg),
    entries: () => sync().entries(),
    keys: () => sync().keys(),
    values: () => sync().values(),
    [Symbol.iterator]: () => sync()[Symbol.iterator](),
  };
}
