import { expect, it } from "vitest";
import { EVENT_KINDS } from "../../../traces/format/schema";
import { Kind } from "../../../traces/model/kinds";

it("the model's Kind constants are the indices of EVENT_KINDS", () => {
  const pairs: [number, string][] = [
    [Kind.GoCreate, "go.create"],
    [Kind.GoBlock, "go.block"],
    [Kind.GoUnblock, "go.unblock"],
    [Kind.GoEnd, "go.end"],
    [Kind.GoPanic, "go.panic"],
    [Kind.GoYield, "go.yield"],
    [Kind.MainReturn, "main.return"],
    [Kind.ChanMake, "chan.make"],
    [Kind.ChanSend, "chan.send"],
    [Kind.ChanRecv, "chan.recv"],
    [Kind.ChanClose, "chan.close"],
    [Kind.SelectBegin, "select.begin"],
    [Kind.SelectEnd, "select.end"],
    [Kind.MutexMake, "mutex.make"],
    [Kind.MutexLock, "mutex.lock"],
    [Kind.MutexUnlock, "mutex.unlock"],
    [Kind.MutexTrylock, "mutex.trylock"],
    [Kind.RwmutexMake, "rwmutex.make"],
    [Kind.RwmutexLock, "rwmutex.lock"],
    [Kind.RwmutexUnlock, "rwmutex.unlock"],
    [Kind.WgMake, "wg.make"],
    [Kind.WgAdd, "wg.add"],
    [Kind.WgWait, "wg.wait"],
    [Kind.CondMake, "cond.make"],
    [Kind.CondWait, "cond.wait"],
    [Kind.CondSignal, "cond.signal"],
    [Kind.CondBroadcast, "cond.broadcast"],
    [Kind.OnceMake, "once.make"],
    [Kind.OnceDo, "once.do"],
    [Kind.AtomicMake, "atomic.make"],
    [Kind.AtomicOp, "atomic.op"],
    [Kind.TimerMake, "timer.make"],
    [Kind.TimerFire, "timer.fire"],
    [Kind.TimerStop, "timer.stop"],
    [Kind.TimerReset, "timer.reset"],
    [Kind.CtxMake, "ctx.make"],
    [Kind.CtxCancel, "ctx.cancel"],
    [Kind.Log, "log"],
  ];
  expect(pairs.map(([i]) => EVENT_KINDS[i])).toEqual(pairs.map(([, k]) => k));
  expect(pairs.length).toBe(EVENT_KINDS.length);
});
