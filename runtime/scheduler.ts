/**
 * The scheduler: one guarded loop that decides which goroutine runs next, owns the clock and the
 * timer heap, and writes every state transition to the trace.
 *
 * Model (Go at GOMAXPROCS=1, for seed 0): a goroutine runs until it blocks or ends. A goroutine
 * made runnable by another goroutine — created by `go`, woken by a channel partner, an unlock, a
 * close, a `Done` — goes into the `runnext` slot and the slot's previous occupant moves to the
 * tail of the FIFO run queue (Go's `runqput(next=true)`). Goroutines woken by timers join the tail
 * in timer order. Any other seed picks uniformly among runnable goroutines instead, and PCT
 * schedules by random priorities (policy.ts).
 *
 * Determinism: exactly one goroutine is resumed at a time (its continuation is the only pending
 * microtask of the runtime), time is virtual unless asked otherwise and moves only when nothing is
 * runnable, and every random choice draws from the run's seeded source. So a program, a seed and
 * options give the same trace byte for byte.
 *
 * Ending: when nothing is runnable and no timer can wake anyone, the program is deadlocked (if main
 * is still running) or finished; after main returns, survivors are scheduled for a grace period of
 * virtual time and whoever is left is reported in the end record.
 */
import type { BlockReason, EndGoroutine, EndReason } from "../traces/format/schema";
import type { TraceWriter } from "../traces/writer/writer";
import type { HostTimers, LocCursor, RunOptions, RunResult, SourceLoc } from "./run-options";
import { G } from "./goroutine";
import { GoPanic, MSG, RunEnded } from "./panic";
import { createPolicy, type Policy } from "./policy";
import { createRand, type Rand } from "./rand";
import type { RTimer } from "./rtimer";
import { TimerHeap } from "./timers";
import { formatCrash } from "./dump";

const DEFAULT_MAX_STEPS = 20_000_000;
const DEFAULT_GRACE = 10_000_000_000;
/** The grace period also ends after this many scheduling steps: a goroutine still that busy is alive, not about to exit. */
const DEFAULT_GRACE_STEPS = 100_000;

export class Scheduler {
  readonly gs = new Map<number, G>();
  readonly rand: Rand;
  readonly tr: TraceWriter | undefined;
  readonly locs: readonly SourceLoc[];
  readonly cursor: LocCursor;
  /** Run time in ns: virtual, or real elapsed since start. */
  now = 0;
  current: G | undefined;
  /** True while a timer fires: the runtime itself (goroutine 0) is acting. */
  firing = false;
  ended = false;
  mainReturned = false;
  steps = 0;
  timerSeq = 0;

  private readonly timers = new TimerHeap<RTimer>();
  readonly policy: Policy;
  /** False for Go's order, which never preempts: spares the policy call on every operation. */
  private readonly mayPreempt: boolean;
  private clock: "virtual" | "real";
  private readonly maxSteps: number;
  private readonly maxTime: number;
  private readonly grace: number;
  private graceDeadline = Infinity;
  private graceStepLimit = Infinity;
  private readonly graceSteps: number;
  private readonly wallNow: () => number;
  private readonly wallStart: number;
  /** Wall-clock ms at t = 0 (for formatting times under the real clock). */
  get wallEpochMs(): number {
    return this.epochMs;
  }
  private readonly wallTimeout: number;
  private readonly host: HostTimers;
  private waitHandle: unknown;
  private stallArmed = false;
  private nextGid = 1;
  private nextObj = 1;
  private externals = 0;
  private readonly anonNames = new Map<string, string>();
  private readonly anonCount = new Map<string, number>();
  private finish!: (r: RunResult) => void;
  /** The goroutine whose park promise is being created (one shared executor spares a closure per park). */
  private parking: G | undefined;
  private readonly parkExecutor = (res: (v: never) => void, rej: (e: unknown) => void): void => {
    const g = this.parking as G;
    g.resume = res as (v: unknown) => void;
    g.fail = rej;
  };
  readonly done: Promise<RunResult>;

  constructor(
    readonly opts: RunOptions,
    tr: TraceWriter | undefined,
    /** Wall-clock ms since the Unix epoch at t = 0 (for Time.String under the real clock). */
    private readonly epochMs = 0,
  ) {
    this.tr = tr;
    this.rand = createRand(opts.seed ?? 0);
    this.policy = createPolicy(opts.schedule ?? ((opts.seed ?? 0) === 0 ? "go" : "random"), this.rand, opts.pct);
    this.mayPreempt = this.policy.name !== "go";
    this.clock = opts.clock ?? "virtual";
    this.maxSteps = opts.maxSteps ?? DEFAULT_MAX_STEPS;
    this.maxTime = opts.maxTime ?? Infinity;
    this.grace = opts.grace ?? DEFAULT_GRACE;
    this.graceSteps = opts.graceSteps ?? DEFAULT_GRACE_STEPS;
    this.locs = opts.locs ?? [];
    this.cursor = opts.locCursor ?? { l: 0 };
    // A monotonic millisecond clock: performance.now where the host has it.
    this.wallNow = opts.wallNow ?? (typeof performance !== "undefined" ? () => performance.now() : Date.now);
    this.wallStart = this.wallNow();
    this.wallTimeout = opts.wallTimeout ?? Infinity;
    this.host = opts.host ?? defaultHost();
    this.done = new Promise((res) => (this.finish = res));
  }

  // ---- identities and trace -------------------------------------------------------------

  newObjectId(): number {
    return this.nextObj++;
  }

  /** The goroutine calling into the runtime. A goroutine that went outside the runtime rejoins here. */
  g(): G {
    const g = this.current;
    if (this.ended) throw new RunEnded(); // nothing runs after the end, even code that caught a fatal error
    if (g !== undefined) {
      g.loc = this.cursor.l;
      return g;
    }
    return this.rejoin();
  }

  /** Id of the acting goroutine for the trace: the current one, or 0 (the runtime) inside a timer. */
  actor(): number {
    if (this.firing) return 0;
    return this.current?.id ?? 0;
  }

  emit(g: number, k: string, fields: string, loc = g === 0 ? 0 : this.cursor.l): number {
    return this.tr ? this.tr.event(this.now, g, k, loc, fields) : 0;
  }

  // ---- goroutines -----------------------------------------------------------------------

  /** Starts a goroutine; its lane is named after `nameFrom` (default `fn`), or Go-style `main.func1` when anonymous. */
  spawn(fn: (...args: never[]) => unknown, args: readonly unknown[], explicitName?: string, nameFrom = fn): G {
    const parent = this.current;
    const loc = this.cursor.l;
    const name = explicitName ?? (nameFrom.name || this.locs[loc]?.closure || this.anonName(nameFrom, parent, loc));
    const g = new G(this.nextGid++, name, fn, args, parent?.id ?? 0, loc);
    g.loc = loc;
    this.gs.set(g.id, g);
    if (parent) this.emit(parent.id, "go.create", `,"child":${g.id},"name":${JSON.stringify(name)}`);
    this.ready(g, false);
    return g;
  }

  /** Go names a closure after its enclosing function: `main.func1`, numbered per enclosing function. */
  private anonName(fn: (...args: never[]) => unknown, parent: G | undefined, loc: number): string {
    const encl = this.locs[loc]?.fn ?? parent?.name ?? "main";
    const key = loc > 0 ? `${encl}@${loc}` : `${encl}@${fn.toString()}`;
    let name = this.anonNames.get(key);
    if (name === undefined) {
      const n = (this.anonCount.get(encl) ?? 0) + 1;
      this.anonCount.set(encl, n);
      name = `${encl.replace(/^main\.main\b/, "main")}.func${n}`;
      this.anonNames.set(key, name);
    }
    return name;
  }

  /** Makes `g` runnable. `viaTimer` wakeups queue FIFO; all others take the runnext slot (seed 0). */
  ready(g: G, viaTimer: boolean): void {
    g.state = "runnable";
    g.reason = undefined;
    g.on = [];
    g.until = -1;
    this.policy.ready(g, viaTimer);
  }

  /** Wakes a parked goroutine with a value (or a panic to throw in it). */
  wake(g: G, val: unknown, err?: unknown): void {
    if (g.state === "done" || g.resume === undefined) return;
    g.wakeVal = val;
    g.wakeErr = err;
    const viaTimer = this.current === undefined;
    if (this.tr) this.tr.unblock(this.now, this.actor(), viaTimer ? 0 : this.cursor.l, g.id);
    this.ready(g, viaTimer);
  }

  /**
   * Parks the current goroutine: records the block, then lets the next goroutine run. The caller
   * has already put the goroutine where a waker will find it. The promise settles with the value
   * (or the panic) given to `wake`.
   */
  park<T>(reason: BlockReason, on: readonly number[], until = -1): Promise<T> {
    const g = this.current as G;
    g.state = reason === "sleep" ? "sleeping" : "blocked";
    g.reason = reason;
    g.on = on;
    g.until = until;
    if (this.tr) this.tr.block(this.now, g.id, this.cursor.l, reason, on, until);
    this.parking = g;
    const p = new Promise<T>(this.parkExecutor);
    this.current = undefined;
    this.schedule();
    return p;
  }

  /**
   * A preemption point for randomized schedules: an operation that did not block may still let
   * another goroutine run first, as Go's preemptive scheduler may. Seed 0 never preempts.
   */
  yieldPoint(): Promise<void> | undefined {
    if (!this.mayPreempt) return undefined;
    const g = this.current;
    if (g === undefined || this.ended || !this.policy.shouldYield(g)) return undefined;
    this.emit(g.id, "go.yield", "");
    const p = new Promise<void>((res, rej) => {
      g.resume = res as (v: unknown) => void;
      g.fail = rej;
    });
    g.wakeVal = undefined;
    g.wakeErr = undefined;
    g.state = "runnable";
    this.policy.ready(g, false);
    this.current = undefined;
    this.schedule();
    return p;
  }

  // ---- the loop -------------------------------------------------------------------------

  /** Picks the next goroutine and resumes it; when there is none, moves time or ends the run. */
  schedule(): void {
    for (;;) {
      if (this.ended) return;
      if (this.clock === "real") this.now = Math.max(this.now, Math.round((this.wallNow() - this.wallStart) * 1e6));
      this.fireDue();
      const next = this.pick();
      if (next !== undefined) {
        if (++this.steps > this.maxSteps) return this.end("step-limit", `step limit of ${this.maxSteps} reached`);
        if (this.steps > this.graceStepLimit) return this.end("main-returned");
        if ((this.steps & 1023) === 0 && this.wallNow() - this.wallStart > this.wallTimeout) {
          return this.end("killed", `wall-clock timeout of ${this.wallTimeout / 1000}s`);
        }
        this.current = next;
        next.state = "running";
        this.resume(next);
        return;
      }
      if (this.current !== undefined) return; // an external goroutine rejoined and is running
      // Work outside the runtime takes no virtual time: wait for it before moving the clock.
      if (this.externals > 0 && this.clock === "virtual") return;
      const t = this.nextWakeTime();
      if (t !== undefined) {
        if (t > this.maxTime) return this.end("time-limit", `virtual time limit of ${this.maxTime} ns reached`);
        if (this.mainReturned && t > this.graceDeadline) return this.end("main-returned");
        if (this.clock === "real") return this.waitReal(t);
        this.now = Math.max(this.now, t);
        continue;
      }
      if (this.externals > 0 || this.waitHandle !== undefined) return;
      if (this.mainReturned) return this.end("main-returned");
      return this.deadlock();
    }
  }

  private pick(): G | undefined {
    return this.policy.pick();
  }

  private resume(g: G): void {
    this.armStallCheck();
    this.cursor.l = g.loc; // events the goroutine writes as it resumes belong to its own call site
    if (!g.started) {
      g.started = true;
      queueMicrotask(() => this.enter(g));
      return;
    }
    const { resume, fail, wakeErr, wakeVal } = g;
    g.resume = g.fail = undefined;
    g.wakeVal = g.wakeErr = undefined;
    if (wakeErr !== undefined) (fail as (e: unknown) => void)(wakeErr);
    else (resume as (v: unknown) => void)(wakeVal);
  }

  private enter(g: G): void {
    if (this.ended) return;
    let p: unknown;
    try {
      const fn = g.fn as (...a: unknown[]) => unknown; // called through a local so stacks show the goroutine's own function
      p = fn(...g.args);
    } catch (e) {
      return this.crash(g, e);
    }
    Promise.resolve(p).then(
      () => this.exit(g),
      (e) => this.crash(g, e),
    );
  }

  private exit(g: G): void {
    if (this.ended) return;
    if (g.state === "external") this.externals--;
    g.state = "done";
    this.gs.delete(g.id);
    if (g.id === 1) {
      this.mainReturned = true;
      this.emit(1, "main.return", "", g.loc);
      if (this.clock === "real") this.clock = "virtual"; // the leak check runs on virtual time
      this.graceDeadline = this.now + this.grace;
      this.graceStepLimit = this.steps + this.graceSteps;
    } else {
      this.emit(g.id, "go.end", "", g.loc);
    }
    if (this.current === g || this.current === undefined) {
      this.current = undefined;
      this.schedule();
    }
  }

  private crash(g: G, e: unknown): void {
    if (this.ended || e instanceof RunEnded) return;
    if (e instanceof GoPanic && e.fatal) return; // already ended by fatal()
    this.current = g;
    g.state = "running";
    const msg = e instanceof GoPanic ? e.message : describeError(e);
    const stack = e instanceof Error && !(e instanceof GoPanic) && e.stack ? e.stack.split("\n").slice(1, 12).map((s) => s.trim()) : [];
    this.emit(g.id, "go.panic", `,"msg":${JSON.stringify(msg)},"stack":${JSON.stringify(stack)}`, g.loc);
    this.end("panic", msg, `panic: ${msg}`, stack);
  }

  /** Go's fatal errors: the run ends now; the returned error is for the caller to throw (unrecoverable). */
  fatal(msg: string): GoPanic {
    const g = this.current;
    if (g) this.emit(g.id, "go.panic", `,"msg":${JSON.stringify(msg)},"stack":[],"fatal":true`, g.loc);
    this.end("panic", msg, `fatal error: ${msg}`);
    return new GoPanic(msg, true);
  }

  private deadlock(): void {
    this.end("deadlock", MSG.deadlock, `fatal error: ${MSG.deadlock}`);
  }

  // ---- time -----------------------------------------------------------------------------

  addTimer(t: RTimer): void {
    this.timers.push(t);
  }

  removeTimer(t: RTimer): boolean {
    return this.timers.remove(t);
  }

  private fireDue(): void {
    for (let t = this.timers.peek(); t !== undefined && t.when <= this.now; t = this.timers.peek()) {
      this.timers.pop();
      const saved = this.current;
      this.current = undefined; // timers act as goroutine 0
      this.firing = true;
      try {
        t.fire(this.now);
      } finally {
        this.firing = false;
        this.current = saved;
      }
      if (t.period > 0 && t.index < 0 && !this.ended) {
        // Go re-arms a ticker at when+period, skipping ticks it fell behind on (real clock only).
        t.when += t.period * Math.max(1, Math.ceil((this.now - t.when + 1) / t.period));
        t.seq = ++this.timerSeq;
        this.timers.push(t);
      }
    }
  }

  /**
   * When the clock should move to: the earliest timer, as long as some timer could still wake a
   * goroutine. When none can (only tickers nobody listens to), undefined: the program is stuck,
   * though in Go it would hang rather than be declared deadlocked.
   */
  private nextWakeTime(): number | undefined {
    const top = this.timers.peek();
    if (top === undefined) return undefined;
    if (top.canWake()) return top.when;
    for (const t of this.timers.values()) if (t.canWake()) return top.when;
    return undefined;
  }

  private waitReal(t: number): void {
    if (this.waitHandle !== undefined) this.host.clearTimeout(this.waitHandle);
    this.waitHandle = this.host.setTimeout(() => {
      this.waitHandle = undefined;
      if (this.current === undefined) this.schedule();
    }, Math.max(0, (t - this.now) / 1e6));
  }

  // ---- goroutines outside the runtime ---------------------------------------------------

  /** Notices a goroutine awaiting something that is not ours: the microtask queue drained while it ran. */
  private armStallCheck(): void {
    if (this.stallArmed) return;
    this.stallArmed = true;
    this.host.setImmediate(() => {
      this.stallArmed = false;
      const g = this.current;
      if (this.ended || g === undefined || g.state !== "running") return;
      g.state = "external";
      g.reason = "external";
      g.on = [];
      this.externals++;
      this.emit(g.id, "go.block", `,"reason":"external","on":[]`, g.loc);
      this.current = undefined;
      this.schedule();
    });
  }

  /** `external(p)`: the current goroutine leaves the runtime until `leaveExternal`. */
  enterExternal(g: G): void {
    g.state = "external";
    g.reason = "external";
    g.on = [];
    this.externals++;
    if (this.tr) this.emit(g.id, "go.block", `,"reason":"external","on":[]`, g.loc);
    this.current = undefined;
    this.schedule();
  }

  /** The goroutine is back from outside: it becomes runnable and resumes when scheduled. */
  leaveExternal(g: G): Promise<void> {
    if (this.ended) return Promise.reject(new RunEnded());
    this.externals--;
    if (this.tr) this.emit(0, "go.unblock", `,"target":${g.id}`);
    const p = new Promise<void>((res, rej) => {
      g.resume = res as (v: unknown) => void;
      g.fail = rej;
    });
    this.ready(g, true);
    if (this.current === undefined) this.schedule();
    return p;
  }

  private rejoin(): G {
    if (this.ended) throw new RunEnded();
    let found: G | undefined;
    for (const g of this.gs.values()) if (g.state === "external") { found = g; break; }
    if (found === undefined) throw new Error("goroscope: runtime operation called outside a goroutine");
    this.externals--;
    this.emit(0, "go.unblock", `,"target":${found.id}`);
    found.state = "running";
    found.reason = undefined;
    this.current = found;
    this.armStallCheck();
    found.loc = this.cursor.l;
    return found;
  }

  // ---- the end --------------------------------------------------------------------------

  /** Ends the run: writes the end record, prints the crash report when there is one, settles `run`. */
  end(reason: EndReason, msg?: string, header?: string, stack: readonly string[] = []): void {
    if (this.ended) return;
    this.ended = true;
    if (this.waitHandle !== undefined) this.host.clearTimeout(this.waitHandle);
    const goroutines = this.survivors();
    const exitCode = reason === "main-returned" ? 0 : 2;
    this.tr?.end({ end: reason, t: this.now, seq: 0, exitCode, msg, goroutines });
    if (exitCode !== 0) {
      const head = header ?? `goroscope: ${msg}`;
      this.opts.stderr?.(formatCrash(head, stack, this.current, [...this.gs.values()], this.locs, reason));
    }
    this.finish({ end: reason, exitCode, msg, t: this.now, steps: this.steps, goroutines });
  }

  private survivors(): EndGoroutine[] {
    const out: EndGoroutine[] = [];
    for (const g of this.gs.values()) {
      const e: { -readonly [K in keyof EndGoroutine]: EndGoroutine[K] } = { g: g.id, name: g.name, state: g.state === "done" ? "runnable" : g.state };
      if (g.reason) e.reason = g.reason;
      if (g.state === "blocked" || g.state === "sleeping") e.on = g.on;
      if (g.loc > 0) e.loc = g.loc;
      out.push(e);
    }
    return out;
  }

  /** Keeps the output of survivors quiet after main returned, as Go would have exited. */
  print(text: string): void {
    if (!this.mainReturned && !this.ended) this.opts.stdout?.(text);
  }

  checkAlive(): void {
    if (this.ended) throw new RunEnded();
  }
}

function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

function defaultHost(): HostTimers {
  const g = globalThis as unknown as {
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(h: unknown): void;
    setImmediate?: (fn: () => void) => unknown;
  };
  return {
    setTimeout: (fn, ms) => g.setTimeout(fn, ms),
    clearTimeout: (h) => g.clearTimeout(h),
    setImmediate: g.setImmediate ? (fn) => g.setImmediate!(fn) : (fn) => g.setTimeout(fn, 0),
  };
}
