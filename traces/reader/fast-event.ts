/**
 * The event object for what the byte scanner accepted (`fast-scan.ts`): the same fields, in the
 * same order, with the same values as `JSON.parse` of the line would give, so a consumer cannot
 * tell which path read it.
 */
import { BLOCK_REASONS, EVENT_KINDS, type TraceEvent } from "../format/schema";
import { F1, F2, Kind } from "./event-kinds";
import type { FastScanner } from "./fast-scan";

export function scannedEvent(s: FastScanner): TraceEvent {
  const e: Record<string, unknown> = { seq: s.seq, t: s.t, g: s.g, k: EVENT_KINDS[s.kind] };
  if (s.loc !== 0) e.loc = s.loc;
  const flag = (s.flags & F1) === 0 ? undefined : (s.flags & F2) !== 0;
  switch (s.kind) {
    case Kind.ChanSend:
      e.ch = s.a;
      e.len = s.b;
      e.val = s.strings.text(s.x);
      break;
    case Kind.ChanRecv:
      e.ch = s.a;
      e.len = s.b;
      e.ok = s.flags !== 0;
      if (s.flags !== 0) e.from = s.y;
      e.val = s.strings.text(s.x);
      break;
    case Kind.GoBlock:
      e.reason = BLOCK_REASONS[s.a];
      e.on = s.list.slice();
      if (s.until >= 0) e.until = s.until;
      break;
    case Kind.GoUnblock:
      e.target = s.a;
      break;
    case Kind.MutexLock: case Kind.TimerFire:
      e.id = s.a;
      if (flag !== undefined) e[s.kind === Kind.MutexLock ? "try" : "dropped"] = flag;
      break;
    case Kind.MutexUnlock: case Kind.WgWait:
      e.id = s.a;
      break;
    case Kind.RwmutexLock: case Kind.RwmutexUnlock:
      e.id = s.a;
      e.read = s.flags !== 0;
      break;
    case Kind.WgAdd:
      e.id = s.a;
      e.delta = s.b;
      e.count = s.y;
      break;
    case Kind.ChanClose:
      e.ch = s.a;
      break;
    case Kind.SelectBegin: {
      const cases = [];
      for (let j = 0; j < s.list.length; j += 2) cases.push({ ch: s.list[j], dir: s.list[j + 1] === 1 ? "send" : "recv" });
      e.cases = cases;
      e.default = s.flags !== 0;
      break;
    }
    case Kind.SelectEnd:
      e.chosen = s.a;
      break;
    case Kind.Log:
      e.msg = s.strings.text(s.x);
      break;
    default: // go.end, go.yield, main.return: no fields
      break;
  }
  return e as unknown as TraceEvent;
}
