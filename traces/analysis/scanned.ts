/**
 * The analyzer's object-free entry: folds an event the reader's byte scanner accepted straight
 * from the scanner's fields (`ScannedEvent`), for a stream read with `onScanned` (`stream.ts`).
 *
 * Invariant: for every event, the state and the lock-order tracker end up exactly as the object
 * path leaves them (`Analyzer.onEvent` on the event `fast-event.ts` would build from the same
 * fields): the same `TraceState.ops` steps, in the same order, with the same values; only what
 * the object would have carried and nobody keeps (`val`, `msg`, a fresh `on` or `cases` array
 * equal to the goroutine's previous one) is left out. test/traces/analysis/scanned.test.ts
 * compares the two paths.
 */
import { BLOCK_REASONS, type BlockReason, type SelectCase } from "../format/schema";
import { Kind } from "../reader/event-kinds";
import type { ScannedEvent } from "../reader/reader";
import { LOCK_WAITS, type LockOrderTracker } from "./lock-order";
import type { GState, TraceState } from "./state";

/** Per block reason (by index in `BLOCK_REASONS`): undefined, or whether the lock wait is for reading. */
const LOCK_WAIT_BY_REASON: readonly (boolean | undefined)[] = BLOCK_REASONS.map((r) => LOCK_WAITS[r]);

export function createScannedPass(st: TraceState, lockOrder: LockOrderTracker): (s: ScannedEvent) => void {
  const ops = st.ops;
  const onList = createOnLists();
  return (s) => {
    const kind = s.kind;
    const gid = s.g;
    const loc = s.loc === 0 ? undefined : s.loc;
    // The tracker looks before the state applies the event (see `Analyzer.onEvent`).
    if (kind === Kind.MutexLock) lockOrder.acquire(gid, s.a, s.seq, s.t, loc, false);
    else if (kind === Kind.RwmutexLock) lockOrder.acquire(gid, s.a, s.seq, s.t, loc, s.flags !== 0);
    else if (kind === Kind.GoBlock && s.listLen === 1) {
      const read = LOCK_WAIT_BY_REASON[s.a];
      if (read !== undefined) lockOrder.acquire(gid, s.list[0]!, s.seq, s.t, loc, read);
    }
    const g = ops.step(s.seq, s.t, gid, loc, kind === Kind.GoBlock);
    switch (kind) {
      case Kind.ChanSend:
        ops.chanOp(s.a, gid, s.b, "send");
        return;
      case Kind.ChanRecv:
        ops.chanOp(s.a, gid, s.b, "recv");
        return;
      case Kind.GoBlock:
        if (g) ops.block(g, BLOCK_REASONS[s.a] as BlockReason, onList(s), loc, s.until >= 0 ? s.until : undefined);
        return;
      case Kind.GoUnblock:
        ops.unblock(s.a);
        return;
      case Kind.GoEnd:
        ops.end(g);
        return;
      case Kind.MainReturn:
        ops.mainReturn();
        return;
      case Kind.GoYield: case Kind.SelectEnd: case Kind.Log:
        return;
      case Kind.MutexLock:
        ops.lock(g, s.a, false, loc);
        return;
      case Kind.RwmutexLock:
        ops.lock(g, s.a, s.flags !== 0, loc);
        return;
      case Kind.MutexUnlock:
        ops.unlock(gid, s.a, false);
        return;
      case Kind.RwmutexUnlock:
        ops.unlock(gid, s.a, s.flags !== 0);
        return;
      case Kind.WgWait:
        ops.touch(s.a, gid);
        return;
      case Kind.WgAdd:
        ops.wgAdd(s.a, gid, s.y);
        return;
      case Kind.TimerFire:
        ops.timerFire(s.a);
        return;
      case Kind.ChanClose:
        ops.close(s.a, gid);
        return;
      case Kind.SelectBegin:
        ops.selectBegin(g, gid, casesOf(g, s));
        return;
      default:
        // The scanner accepts only the kinds above: a new one must be added here too.
        throw new Error(`scanned event of unexpected kind ${kind}`);
    }
  };
}

/** Slots of the pass's `on`-list cache (a power of two). */
const ON_SLOTS = 256;

/**
 * The `on` ids of a block as an array shared by every block on the same ids: a cache of recent
 * lists by content (one per hash slot, the newest wins), so the pass allocates only when a list
 * was not seen lately. Goroutines alternate between a few lists (a worker blocks on its jobs
 * channel, then in a select), so comparing with the goroutine's previous list alone missed most.
 * Sharing is safe: `Block.on` is read-only.
 */
function createOnLists(): (s: ScannedEvent) => readonly number[] {
  const slots: (readonly number[] | undefined)[] = new Array(ON_SLOTS).fill(undefined);
  return (s) => {
    const n = s.listLen;
    const list = s.list;
    let h = n;
    for (let j = 0; j < n; j++) h = Math.imul(h ^ list[j]!, 0x9e3779b1);
    const slot = (h >>> 24) & (ON_SLOTS - 1);
    const cached = slots[slot];
    if (cached !== undefined && cached.length === n) {
      let same = true;
      for (let j = 0; j < n; j++) if (cached[j] !== list[j]) same = false;
      if (same) return cached;
    }
    const out: number[] = [];
    for (let j = 0; j < n; j++) out.push(list[j]!);
    slots[slot] = out;
    return out;
  };
}

/** The select's cases (`list` holds [ch, dir] pairs, dir 1 = send): the goroutine's previous ones when equal. */
function casesOf(g: GState | undefined, s: ScannedEvent): readonly SelectCase[] {
  const n = s.listLen >> 1;
  const list = s.list;
  const prev = g?.select;
  if (prev !== undefined && prev.length === n) {
    let same = true;
    for (let j = 0; j < n; j++) {
      const c = prev[j]!;
      if (c.ch !== list[2 * j] || (c.dir === "send") !== (list[2 * j + 1] === 1)) same = false;
    }
    if (same) return prev;
  }
  const out: SelectCase[] = [];
  for (let j = 0; j < n; j++) out.push({ ch: list[2 * j]!, dir: list[2 * j + 1] === 1 ? "send" : "recv" });
  return out;
}
