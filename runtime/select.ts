/**
 * `select`, after Go's runtime/select.go.
 *
 * Rules followed: cases are polled in a uniformly random order drawn from the run's seed, and the
 * first ready one runs (so the choice is uniform over ready cases); a send case on a closed
 * channel panics when polled; nil channels are never ready; with no ready case the default case
 * runs if there is one, otherwise the goroutine waits on every channel at once and the first
 * partner to arrive decides the case; `select()` with no cases blocks forever.
 *
 * Trace: `select.begin` (all cases, whether there is a default), the chosen operation's
 * `chan.send`/`chan.recv`, then `select.end` with the chosen index (-1 for default).
 */
import { ChanImpl, type SelectWait, type SelectWake } from "./chan";
import { GoPanic, MSG } from "./panic";
import { sched } from "./active";

type Handler<R> = (...args: never[]) => R | Promise<R>;

/** One case of a select; build it with `recv`, `send` or `defaultCase`. */
export interface Case<R> {
  readonly __case: R;
}

interface CaseImpl {
  readonly dir: "recv" | "send" | "default";
  readonly ch: ChanImpl<unknown> | undefined;
  readonly val: unknown;
  readonly handler: Handler<unknown> | undefined;
}

/** `case v, ok := <-c:` — the handler gets the value and ok (false when c is closed and drained). */
export function recv<T, R = void>(c: ChanImpl<T>, handler?: (v: T | undefined, ok: boolean) => R | Promise<R>): Case<R> {
  return { dir: "recv", ch: c as ChanImpl<unknown>, val: undefined, handler } as unknown as Case<R>;
}

/** `case c <- v:` */
export function send<T, R = void>(c: ChanImpl<T>, v: T, handler?: () => R | Promise<R>): Case<R> {
  return { dir: "send", ch: c as ChanImpl<unknown>, val: v, handler } as unknown as Case<R>;
}

/** `default:` — makes the select non-blocking. */
export function defaultCase<R = void>(handler?: () => R | Promise<R>): Case<R> {
  return { dir: "default", ch: undefined, val: undefined, handler } as unknown as Case<R>;
}

export async function select<R>(...cases: Case<R>[]): Promise<R> {
  const all = cases as unknown as CaseImpl[];
  const s = sched();
  const g = s.g();
  let dflt: CaseImpl | undefined;
  const chans: CaseImpl[] = [];
  for (const c of all) {
    if (c.dir === "default") {
      if (dflt) throw new GoPanic("select: multiple defaults");
      dflt = c;
    } else chans.push(c);
  }
  for (const c of chans) (c.ch as ChanImpl<unknown>).bind();
  if (s.tr) {
    const list = chans.map((c) => `{"ch":${(c.ch as ChanImpl<unknown>).id},"dir":"${c.dir}"}`).join(",");
    s.emit(g.id, "select.begin", `,"cases":[${list}],"default":${dflt !== undefined}`);
  }
  // Poll in a random permutation (Fisher-Yates on the run's source), as Go's pollorder.
  const order = chans.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = s.rand.intn(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const i of order) {
    const c = chans[i];
    const ch = c.ch as ChanImpl<unknown>;
    if (ch.isNil) continue;
    if (c.dir === "send") {
      if (ch.closed) throw new GoPanic(MSG.sendOnClosed);
      if (ch.trySend(s, g, c.val)) return finish(c, i, undefined, true);
    } else if (ch.tryRecv(s, g)) {
      const v = ch.lastV;
      ch.lastV = undefined;
      return finish(c, i, v, ch.lastOk);
    }
  }
  if (dflt) {
    if (s.tr) s.emit(g.id, "select.end", `,"chosen":-1`);
    return (await dflt.handler?.()) as R;
  }
  const sel: SelectWait = { g, sudogs: [], done: false };
  for (let i = 0; i < chans.length; i++) {
    const ch = chans[i].ch as ChanImpl<unknown>;
    if (ch.isNil) continue;
    sel.sudogs.push(ch.enqueue(g, chans[i].val, chans[i].dir === "send", sel, i, false));
  }
  const ids = [...new Set(sel.sudogs.map((sg) => sg.ch.id))];
  const w = await s.park<SelectWake>("select", ids);
  return finish(chans[w.index], w.index, w.value, w.ok);

  async function finish(c: CaseImpl, index: number, v: unknown, ok: boolean): Promise<R> {
    if (s.tr) s.emit(s.g().id, "select.end", `,"chosen":${index}`);
    if (c.dir === "recv") return (await (c.handler as ((v: unknown, ok: boolean) => R) | undefined)?.(v, ok)) as R;
    return (await (c.handler as (() => R) | undefined)?.()) as R;
  }
}
