/**
 * Package context: cancellation that flows from parents to children.
 *
 * Rules followed: `background()` is never canceled and its Done channel is nil (receiving from it
 * blocks forever); canceling a context closes its Done channel, sets `err()` and cancels every
 * descendant with the same error; a child of an already-canceled parent starts canceled; a
 * deadline later than the parent's is the parent's; a deadline already past cancels at once with
 * "context deadline exceeded"; calling a CancelFunc again does nothing; `err()` is undefined until
 * canceled, then "context canceled" or "context deadline exceeded".
 */
import { ChanImpl } from "./chan";
import { GoPanic, MSG } from "./panic";
import { sched } from "./active";
import type { Scheduler } from "./scheduler";
import type { RTimer } from "./rtimer";
import type { Duration } from "./time";

export const Canceled = "context canceled";
export const DeadlineExceeded = "context deadline exceeded";

export interface Context {
  done(): ChanImpl<void>;
  err(): string | undefined;
  deadline(): number | undefined;
}
export type CancelFunc = () => void;

class BackgroundCtx implements Context {
  private readonly nilDone = new ChanImpl<void>(0, undefined, true);
  done(): ChanImpl<void> {
    return this.nilDone;
  }
  err(): undefined {
    return undefined;
  }
  deadline(): undefined {
    return undefined;
  }
}

const BACKGROUND = new BackgroundCtx();

class CancelCtx implements Context {
  readonly id: number;
  private readonly doneCh: ChanImpl<void>;
  private errVal: string | undefined;
  private readonly children = new Set<CancelCtx>();
  private timer: RTimer | undefined;

  constructor(
    private readonly s: Scheduler,
    readonly parent: Context,
    private readonly deadlineAt: number | undefined,
  ) {
    const g = s.g();
    this.id = s.newObjectId();
    this.doneCh = new ChanImpl<void>(0, `ctx${this.id}.Done`);
    this.doneCh.bind();
    if (s.tr) {
      const parentId = parent instanceof CancelCtx ? parent.id : 0;
      const kind = deadlineAt === undefined ? "cancel" : "deadline";
      const dl = deadlineAt === undefined ? "" : `,"deadline":${deadlineAt}`;
      s.emit(g.id, "ctx.make", `,"ctx":${this.id},"parent":${parentId},"kind":"${kind}","done":${this.doneCh.id}${dl}`);
    }
  }

  done(): ChanImpl<void> {
    return this.doneCh;
  }

  err(): string | undefined {
    return this.errVal;
  }

  deadline(): number | undefined {
    return this.deadlineAt ?? this.parent.deadline();
  }

  /** Joins the parent's tree, or starts canceled when the parent already is. */
  attach(): void {
    const perr = this.parent.err();
    if (perr !== undefined) return this.cancel(perr);
    if (this.parent instanceof CancelCtx) this.parent.children.add(this);
  }

  armDeadline(at: number): void {
    if (at <= this.s.now) return this.cancel(DeadlineExceeded);
    this.timer = {
      when: at,
      seq: ++this.s.timerSeq,
      index: -1,
      id: this.id,
      period: 0,
      kind: "ctx",
      fire: () => this.cancel(DeadlineExceeded),
      canWake: () => true,
    };
    this.s.addTimer(this.timer);
  }

  cancel(err: string): void {
    if (this.errVal !== undefined) return;
    this.errVal = err;
    if (this.timer) this.s.removeTimer(this.timer);
    if (this.s.tr) this.s.emit(this.s.actor(), "ctx.cancel", `,"ctx":${this.id},"err":"${err}"`);
    this.doneCh.close();
    for (const c of this.children) c.cancel(err);
    this.children.clear();
    if (this.parent instanceof CancelCtx) this.parent.children.delete(this);
  }
}

function checkParent(parent: Context | undefined): Context {
  if (parent === undefined || parent === null) throw new GoPanic(MSG.nilContext);
  return parent;
}

export function background(): Context {
  return BACKGROUND;
}

export function todo(): Context {
  return BACKGROUND;
}

export function withCancel(parent: Context): [Context, CancelFunc] {
  const s = sched();
  const c = new CancelCtx(s, checkParent(parent), undefined);
  c.attach();
  return [c, () => c.cancel(Canceled)];
}

export function withDeadline(parent: Context, at: number): [Context, CancelFunc] {
  const s = sched();
  const p = checkParent(parent);
  const pd = p.deadline();
  if (pd !== undefined && pd <= at) return withCancel(p); // the parent's deadline comes first
  const c = new CancelCtx(s, p, at);
  c.attach();
  if (c.err() === undefined) c.armDeadline(at);
  return [c, () => c.cancel(Canceled)];
}

export function withTimeout(parent: Context, d: Duration): [Context, CancelFunc] {
  return withDeadline(parent, sched().now + Math.round(d));
}

export const context = { background, todo, withCancel, withDeadline, withTimeout, Canceled, DeadlineExceeded };
