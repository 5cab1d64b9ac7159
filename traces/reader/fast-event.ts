/**
 * The event object for what the byte scanner accepted (`fast-scan.ts`): the same fields, in the
 * same order, with the same values as `JSON.parse` of the line would give, so a consumer cannot
 * tell which path read it.
 *
 * Why one object literal per kind and per presence of `loc` / an optional field: a literal is one
 * allocation with every field in the object; adding fields one by one after `{seq, t, g, k}`
 * walked a chain of hidden classes and grew an out-of-object property store, per event.
 */
import { BLOCK_REASONS, EVENT_KINDS, type SelectCase, type TraceEvent } from "../format/schema";
import { F1, F2, Kind } from "./event-kinds";
import type { FastScanner } from "./fast-scan";

export function scannedEvent(s: FastScanner): TraceEvent {
  return build(s) as unknown as TraceEvent;
}

function build(s: FastScanner): object {
  const { seq, t, g, loc } = s;
  const k = EVENT_KINDS[s.kind];
  const at = loc !== 0;
  switch (s.kind) {
    case Kind.ChanSend: {
      const ch = s.a, len = s.b, val = s.strings.text(s.x);
      return at ? { seq, t, g, k, loc, ch, len, val } : { seq, t, g, k, ch, len, val };
    }
    case Kind.ChanRecv: {
      const ch = s.a, len = s.b, val = s.strings.text(s.x);
      if (s.flags !== 0) {
        const from = s.y;
        return at ? { seq, t, g, k, loc, ch, len, ok: true, from, val } : { seq, t, g, k, ch, len, ok: true, from, val };
      }
      return at ? { seq, t, g, k, loc, ch, len, ok: false, val } : { seq, t, g, k, ch, len, ok: false, val };
    }
    case Kind.GoBlock: {
      const reason = BLOCK_REASONS[s.a], on = listPrefix(s.list, s.listLen);
      if (s.until >= 0) {
        const until = s.until;
        return at ? { seq, t, g, k, loc, reason, on, until } : { seq, t, g, k, reason, on, until };
      }
      return at ? { seq, t, g, k, loc, reason, on } : { seq, t, g, k, reason, on };
    }
    case Kind.GoUnblock: {
      const target = s.a;
      return at ? { seq, t, g, k, loc, target } : { seq, t, g, k, target };
    }
    case Kind.MutexLock: {
      const id = s.a;
      if ((s.flags & F1) === 0) return at ? { seq, t, g, k, loc, id } : { seq, t, g, k, id };
      const flag = (s.flags & F2) !== 0;
      return at ? { seq, t, g, k, loc, id, try: flag } : { seq, t, g, k, id, try: flag };
    }
    case Kind.TimerFire: {
      const id = s.a;
      if ((s.flags & F1) === 0) return at ? { seq, t, g, k, loc, id } : { seq, t, g, k, id };
      const dropped = (s.flags & F2) !== 0;
      return at ? { seq, t, g, k, loc, id, dropped } : { seq, t, g, k, id, dropped };
    }
    case Kind.MutexUnlock: case Kind.WgWait: {
      const id = s.a;
      return at ? { seq, t, g, k, loc, id } : { seq, t, g, k, id };
    }
    case Kind.RwmutexLock: case Kind.RwmutexUnlock: {
      const id = s.a, read = s.flags !== 0;
      return at ? { seq, t, g, k, loc, id, read } : { seq, t, g, k, id, read };
    }
    case Kind.WgAdd: {
      const id = s.a, delta = s.b, count = s.y;
      return at ? { seq, t, g, k, loc, id, delta, count } : { seq, t, g, k, id, delta, count };
    }
    case Kind.ChanClose: {
      const ch = s.a;
      return at ? { seq, t, g, k, loc, ch } : { seq, t, g, k, ch };
    }
    case Kind.SelectBegin: {
      const cases: SelectCase[] = [];
      for (let j = 0; j < s.listLen; j += 2) cases.push({ ch: s.list[j]!, dir: s.list[j + 1] === 1 ? "send" : "recv" });
      const def = s.flags !== 0;
      return at ? { seq, t, g, k, loc, cases, default: def } : { seq, t, g, k, cases, default: def };
    }
    case Kind.SelectEnd: {
      const chosen = s.a;
      return at ? { seq, t, g, k, loc, chosen } : { seq, t, g, k, chosen };
    }
    case Kind.Log: {
      const msg = s.strings.text(s.x);
      return at ? { seq, t, g, k, loc, msg } : { seq, t, g, k, msg };
    }
    default: // go.end, go.yield, main.return: no fields
      return at ? { seq, t, g, k, loc } : { seq, t, g, k };
  }
}

/** The first `len` items of `list` as a plain array (`Array.from` of a subarray costs several times more). */
function listPrefix(list: Int32Array, len: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < len; j++) out.push(list[j]!);
  return out;
}
