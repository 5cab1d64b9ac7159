/**
 * Package time on the run's clock. Durations are nanoseconds, as in Go. `time.now()` reads the
 * run's monotonic clock (ns since the program started); `time.format` renders it as Go's
 * Time.String() from the run's epoch (2009-11-10 23:00:00 UTC for the virtual clock, as Go's
 * playground fakes time).
 *
 * Rules followed: Sleep(d ≤ 0) returns at once; a timer's channel holds one value; Stop reports
 * whether it stopped a pending timer and, as since Go 1.23, a value that fired but was not yet
 * received is discarded (so no stale value is received after Stop or Reset, and such a Stop
 * reports true); a ticker's channel holds one tick and a tick that finds it full is dropped, so a
 * slow receiver sees ticks at the ticker's rate, never a backlog; NewTicker(d ≤ 0) panics;
 * Tick(d ≤ 0) returns nil.
 */
import { ChanImpl } from "./chan";
import { RUNTIME_G } from "./goroutine";
import { GoPanic, MSG } from "./panic";
import { sched } from "./active";
import type { Scheduler } from "./scheduler";
import type { RTimer } from "./rtimer";

export type Duration = number;

export const Nanosecond = 1;
export const Microsecond = 1_000;
export const Millisecond = 1_000_000;
export const Second = 1_000_000_000;
export const Minute = 60 * Second;
export const Hour = 60 * Minute;

/** Wall-clock ms of t = 0 for the virtual clock: Go playground's 2009-11-10 23:00:00 UTC. */
export const VIRTUAL_EPOCH_MS = Date.UTC(2009, 10, 10, 23, 0, 0);

export function sleep(d: Duration): Promise<void> {
  const s = sched();
  const g = s.g();
  if (!(d > 0)) return s.yieldPoint() ?? Promise.resolve();
  const when = s.now + Math.round(d);
  const t: RTimer = {
    when,
    seq: ++s.timerSeq,
    index: -1,
    id: 0,
    period: 0,
    kind: "sleep",
    fire: () => s.wake(g, undefined),
    canWake: () => true,
  };
  s.addTimer(t);
  return s.park("sleep", [], when);
}

/** A timer whose firing sends the current time on a channel of capacity 1 (NewTimer, After, NewTicker, Tick). */
class ChanTimer {
  readonly c: ChanImpl<number>;
  protected readonly rt: RTimer;
  protected readonly s: Scheduler;

  constructor(d: Duration, period: Duration, kind: string) {
    this.s = sched();
    const s = this.s;
    const g = s.g();
    this.c = new ChanImpl<number>(1, `${kind}.C`);
    this.c.bind();
    const c = this.c;
    this.rt = {
      when: s.now + Math.max(0, Math.round(d)),
      seq: ++s.timerSeq,
      index: -1,
      id: s.newObjectId(),
      period,
      kind: "chan",
      fire: (now) => this.fire(now),
      // A pending one-shot timer can always matter (someone may receive later); a ticker only
      // while someone waits on its channel — otherwise it would tick forever in virtual time.
      canWake: () => period === 0 || c.recvq.length > 0,
    };
    if (s.tr) {
      s.emit(g.id, "timer.make", `,"id":${this.rt.id},"when":${this.rt.when},"period":${period},"ch":${c.id},"name":"${kind}"`);
    }
    s.addTimer(this.rt);
  }

  private fire(now: number): void {
    const s = this.s;
    const full = this.c.len >= this.c.cap && this.c.recvq.length === 0;
    if (s.tr) s.emit(0, "timer.fire", full ? `,"id":${this.rt.id},"dropped":true` : `,"id":${this.rt.id}`);
    if (!full) this.c.trySend(s, RUNTIME_G, now);
  }

  /** Removes the timer from the heap and discards an undelivered value; true if either was pending. */
  protected cancel(): boolean {
    let pending = this.s.removeTimer(this.rt);
    if (this.c.len > 0) {
      this.c.buf.shift();
      pending = true;
    }
    return pending;
  }

  protected arm(d: Duration): void {
    this.rt.when = this.s.now + Math.max(0, Math.round(d));
    this.rt.seq = ++this.s.timerSeq;
    this.s.addTimer(this.rt);
  }
}

export class Timer extends ChanTimer {
  constructor(d: Duration) {
    super(d, 0, "timer");
  }

  /** Go's Timer.Stop: true if the call stopped the timer before its value was received. */
  stop(): boolean {
    const g = this.s.g();
    const ok = this.cancel();
    if (this.s.tr) this.s.emit(g.id, "timer.stop", `,"id":${this.rt.id},"ok":${ok}`);
    return ok;
  }

  /** Go's Timer.Reset: re-arms the timer; true if it had been pending. */
  reset(d: Duration): boolean {
    const g = this.s.g();
    const ok = this.cancel();
    this.arm(d);
    if (this.s.tr) this.s.emit(g.id, "timer.reset", `,"id":${this.rt.id},"when":${this.rt.when},"ok":${ok}`);
    return ok;
  }
}

export class Ticker extends ChanTimer {
  constructor(d: Duration) {
    if (!(d > 0)) throw new GoPanic(MSG.nonPositiveTicker);
    super(d, Math.round(d), "ticker");
  }

  stop(): void {
    const g = this.s.g();
    const ok = this.s.removeTimer(this.rt);
    if (this.s.tr) this.s.emit(g.id, "timer.stop", `,"id":${this.rt.id},"ok":${ok}`);
  }

  reset(d: Duration): void {
    if (!(d > 0)) throw new GoPanic(MSG.nonPositiveTickerReset);
    const g = this.s.g();
    const ok = this.cancel();
    this.rt.period = Math.round(d);
    this.arm(d);
    if (this.s.tr) this.s.emit(g.id, "timer.reset", `,"id":${this.rt.id},"when":${this.rt.when},"ok":${ok}`);
  }
}

export function now(): number {
  return sched().now;
}

export function since(t: number): Duration {
  return sched().now - t;
}

/** Go's Duration.String(): `1h2m3s`, `1.5s`, `2ms`, `500µs`, `0s`. */
export function formatDuration(d: Duration): string {
  if (d === 0) return "0s";
  const neg = d < 0;
  let u = Math.abs(Math.round(d));
  let out: string;
  if (u < Second) {
    const [unit, size] = u < Microsecond ? ["ns", 1] : u < Millisecond ? ["µs", Microsecond] : ["ms", Millisecond];
    out = fraction(u, size) + unit;
  } else {
    const h = Math.floor(u / Hour);
    u -= h * Hour;
    const m = Math.floor(u / Minute);
    u -= m * Minute;
    out = (h > 0 ? `${h}h` : "") + (h > 0 || m > 0 ? `${m}m` : "") + fraction(u, Second) + "s";
  }
  return neg ? "-" + out : out;
}

function fraction(v: number, size: number): string {
  const whole = Math.floor(v / size);
  const rest = v - whole * size;
  if (rest === 0) return String(whole);
  const digits = String(size).length - 1;
  return `${whole}.${String(rest).padStart(digits, "0").replace(/0+$/, "")}`;
}

/** Go's Time.String() of a `now()` reading: `2009-11-10 23:00:01.5 +0000 UTC m=+1.500000001`. */
export function format(t: number): string {
  const s = sched();
  const epochMs = s.opts.clock === "real" ? s.wallEpochMs : VIRTUAL_EPOCH_MS;
  const wallNs = BigInt(epochMs) * 1_000_000n + BigInt(Math.round(t));
  const secs = wallNs / 1_000_000_000n;
  const frac = Number(wallNs % 1_000_000_000n);
  const d = new Date(Number(secs) * 1000);
  const pad = (n: number, w = 2): string => String(n).padStart(w, "0");
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const fracStr = frac === 0 ? "" : "." + String(frac).padStart(9, "0").replace(/0+$/, "");
  // Go's monotonic readings start at 1 ns (time.startNano is runtimeNano() - 1), so m= is t + 1 ns.
  const mono = ((t + 1) / 1e9).toFixed(9);
  return `${date}${fracStr} +0000 UTC m=+${mono}`;
}

export const time = {
  Nanosecond,
  Microsecond,
  Millisecond,
  Second,
  Minute,
  Hour,
  after: (d: Duration): ChanImpl<number> => new Timer(d).c,
  tick: (d: Duration): ChanImpl<number> => (d > 0 ? new Ticker(d).c : nilTick()),
  newTimer: (d: Duration): Timer => new Timer(d),
  newTicker: (d: Duration): Ticker => new Ticker(d),
  now,
  since,
  sleep,
  formatDuration,
  format,
};

function nilTick(): ChanImpl<number> {
  return new ChanImpl<number>(0, undefined, true);
}
