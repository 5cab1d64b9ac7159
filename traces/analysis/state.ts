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
  /** The goroutine's last event and its location. */
  last: Moment | undefined;
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
  last: Moment;
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
  readonly readers: Map<number, number>;
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
  /** The last event applied. */
  last: Moment;
  apply(e: TraceEvent): void;
  /** Alive: created and neither ended nor (for main) returned. */
  isLive(g: number): boolean;
}

export function createTraceState(locs: ReadonlyMap<number, LocDef>): TraceState {
  const goroutines = new Map<number, GState>();
  const objects = new Map<number, ObjState>();
  const addG = (id: number, name: string, parent: number | undefined, at: Moment, loc?: number): GState => {
    const g: GState = { id, name, parent, created: at, createLoc: loc, block: undefined, lastBlock: undefined, ended: undefined, held: [], select: undefined, last: undefined, lastLoc: undefined };
    goroutines.set(id, g);
    return g;
  };
  addG(1, "main", undefined, { seq: 0, t: 0 });

  const state: TraceState = {
    goroutines,
    objects,
    locs,
    mainReturned: undefined,
    last: { seq: 0, t: 0 },
    apply(e) {
      const at: Moment = { seq: e.seq, t: e.t };
      state.last = at;
      const g = goroutines.get(e.g) ?? (e.g > 0 ? addG(e.g, `goroutine ${e.g}`, undefined, at) : undefined);
      if (g && e.k !== "go.block") g.block = undefined;
      if (g) {
        g.last = at;
        if (e.loc !== undefined) g.lastLoc = e.loc;
      }
      applyEvent(e, at, g);
    },
    isLive(id) {
      const g = goroutines.get(id);
      return g !== undefined && g.ended === undefined;
    },
  };

  function use(id: number, g: number, at: Moment, how: "send" | "recv" | "send-intent" | "recv-intent" | "close" | "other"): void {
    const o = objects.get(id);
    if (!o || g <= 0) return;
    let u = o.lastUser === g ? o.lastUse : o.uses.get(g);
    if (!u) o.uses.set(g, (u = { sends: 0, recvs: 0, other: 0, sendIntent: false, recvIntent: false, closed: false, last: at }));
    o.lastUser = g;
    o.lastUse = u;
    if (how === "send") u.sends++;
    else if (how === "recv") u.recvs++;
    else if (how === "send-intent") u.sendIntent = true;
    else if (how === "recv-intent") u.recvIntent = true;
    else if (how === "close") u.closed = true;
    else u.other++;
    u.last = at;
  }

  function make(id: number, kind: ObjectKind, name: string, e: TraceEvent, at: Moment): ObjState {
    const o: ObjState = {
      id, kind, name, made: at, maker: e.g, makeLoc: e.loc, uses: new Map(), lastUser: -1, lastUse: undefined,
      cap: 0, len: 0, closed: undefined, timer: undefined, ctx: undefined,
      holder: undefined, readers: new Map(), everWrite: false, count: 0,
      pending: false, period: 0, when: 0, canceled: false, hasDeadline: false, signals: 0, lostSignal: undefined,
    };
    objects.set(id, o);
    use(id, e.g, at, "other");
    return o;
  }

  function acquire(g: GState | undefined, id: number, read: boolean, at: Moment, loc: number | undefined): void {
    const o = objects.get(id);
    if (!o || !g) return;
    use(id, g.id, at, "other");
    const h = { id, read, seq: at.seq, t: at.t, loc, g: g.id };
    g.held.push(h);
    if (read) o.readers.set(g.id, (o.readers.get(g.id) ?? 0) + 1);
    else {
      o.holder = h;
      o.everWrite = true;
    }
  }

  function release(actor: number, id: number, read: boolean, at: Moment): void {
    const o = objects.get(id);
    if (!o) return;
    use(id, actor, at, "other");
    // Go lets another goroutine unlock: release it from whoever holds it.
    let owner = actor;
    if (read) {
      if (!o.readers.has(actor)) owner = o.readers.keys().next().value ?? actor;
      const n = (o.readers.get(owner) ?? 1) - 1;
      if (n > 0) o.readers.set(owner, n);
      else o.readers.delete(owner);
    } else {
      owner = o.holder?.g ?? actor;
      o.holder = undefined;
    }
    const held = goroutines.get(owner)?.held;
    if (!held) return;
    for (let i = held.length - 1; i >= 0; i--) {
      if (held[i].id === id && held[i].read === read) {
        if (i === held.length - 1) held.pop();
        else held.splice(i, 1);
        return;
      }
    }
  }

  function applyEvent(e: TraceEvent, at: Moment, g: GState | undefined): void {
    switch (e.k) {
      case "go.create":
        addG(e.child, e.name, e.g, at, e.loc);
        return;
      case "go.block":
        if (!g) return;
        g.block = g.lastBlock = { reason: e.reason, on: e.on, seq: e.seq, t: e.t, loc: e.loc, until: e.until };
        for (const id of e.on) use(id, e.g, at, e.reason === "chan.send" ? "send-intent" : e.reason === "chan.recv" ? "recv-intent" : "other");
        if (e.reason === "rwmutex.lock") for (const id of e.on) { const o = objects.get(id); if (o) o.everWrite = true; }
        return;
      case "go.unblock": {
        const target = goroutines.get(e.target);
        if (target) target.block = undefined;
        return;
      }
      case "go.end":
        if (g) g.ended = at;
        return;
      case "main.return": {
        state.mainReturned = at;
        const m = goroutines.get(1);
        if (m) m.ended = at;
        return;
      }
      case "go.panic": case "go.yield": case "log":
        return;
      case "chan.make":
        make(e.ch, "chan", e.name, e, at).cap = e.cap;
        return;
      case "chan.send": {
        use(e.ch, e.g, at, "send");
        const o = objects.get(e.ch);
        if (o) o.len = e.len;
        return;
      }
      case "chan.recv": {
        use(e.ch, e.g, at, "recv");
        const o = objects.get(e.ch);
        if (o) o.len = e.len;
        return;
      }
      case "chan.close": {
        use(e.ch, e.g, at, "close");
        const o = objects.get(e.ch);
        if (o) o.closed = { ...at, g: e.g };
        return;
      }
      case "select.begin":
        if (g) g.select = e.cases;
        for (const c of e.cases) use(c.ch, e.g, at, c.dir === "send" ? "send-intent" : "recv-intent");
        return;
      case "select.end":
        return;
      case "mutex.make": case "rwmutex.make": case "wg.make": case "once.make": case "atomic.make":
        make(e.id, MAKE_KIND[e.k], e.name, e, at);
        return;
      case "cond.make":
        make(e.id, "cond", e.name, e, at);
        return;
      case "mutex.lock":
        acquire(g, e.id, false, at, e.loc);
        return;
      case "rwmutex.lock":
        acquire(g, e.id, e.read, at, e.loc);
        return;
      case "mutex.unlock":
        release(e.g, e.id, false, at);
        return;
      case "rwmutex.unlock":
        release(e.g, e.id, e.read, at);
        return;
      case "mutex.trylock": case "wg.wait": case "cond.wait": case "once.do": case "atomic.op":
        use(e.id, e.g, at, "other");
        return;
      case "cond.signal": case "cond.broadcast": {
        use(e.id, e.g, at, "other");
        const o = objects.get(e.id);
        if (!o) return;
        o.signals++;
        if (e.woken.length === 0) o.lostSignal = { seq: e.seq, t: e.t, g: e.g, loc: e.loc, broadcast: e.k === "cond.broadcast" };
        return;
      }
      case "wg.add": {
        use(e.id, e.g, at, "other");
        const o = objects.get(e.id);
        if (o) o.count = e.count;
        return;
      }
      case "timer.make": {
        const o = make(e.id, "timer", e.name, e, at);
        o.pending = true;
        o.period = e.period;
        o.when = e.when;
        if (e.ch !== undefined) {
          const c = objects.get(e.ch);
          if (c) c.timer = e.id;
        }
        return;
      }
      case "timer.fire": {
        const o = objects.get(e.id);
        if (o) o.pending = o.period > 0;
        return;
      }
      case "timer.stop": {
        const o = objects.get(e.id);
        if (o) o.pending = false;
        return;
      }
      case "timer.reset": {
        const o = objects.get(e.id);
        if (o) {
          o.pending = true;
          o.when = e.when;
        }
        return;
      }
      case "ctx.make": {
        const o = make(e.ctx, "ctx", `ctx ${e.ctx}`, e, at);
        const parent = objects.get(e.parent);
        o.hasDeadline = e.deadline !== undefined || (parent?.hasDeadline ?? false);
        const done = objects.get(e.done);
        if (done) done.ctx = e.ctx;
        return;
      }
      case "ctx.cancel": {
        const o = objects.get(e.ctx);
        if (o) o.canceled = true;
        return;
      }
      default:
        assertNever(e);
    }
  }

  return state;
}

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
