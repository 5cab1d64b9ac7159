/**
 * Decodes one generation of a Go 1.22+ trace: its string and stack tables, its frequency, and the
 * per-M event batches, into the importer's model (events.ts) with absolute ns times.
 *
 * Attribution: each batch belongs to an M; replaying that M's batches in order, the goroutine
 * running on it is bound by GoStart, GoStatus(running/syscall), GoCreateSyscall and GoSwitch, and
 * unbound by GoBlock, GoStop, GoDestroy* and GoSyscallEndBlocked. A GoUnblock's own goroutine is
 * the waker; a GoCreate's is the creator.
 *
 * Order: the Ms' streams are merged by time, but an event joins only when the goroutine state it
 * needs holds (an unblock needs its target waiting, a start needs it runnable, ...), so equal
 * timestamps never put an effect before its cause. If no stream's head is ready, the earliest
 * head goes anyway and `disorder` counts it (Go's reader would reject the trace).
 */
import { ByteCursor, CorruptInput, isNoId } from "./byte-cursor";
import { makeEvent, type GoEvent, type GoEventType, type GoFrame, type GoStack, type GoStatus } from "./events";
import { G_STATUS, EV_CPU_SAMPLES, EV_FREQUENCY, EV_STACK, EV_STACKS, EV_STRING, EV_STRINGS, EV_SYNC, V2_SPECS } from "./v2-spec";

export interface V2Batch {
  readonly gen: number;
  readonly m: number;
  readonly time: number;
  /** Absolute offset of the batch header. */
  readonly off: number;
  /** Absolute offset of `data[0]`. */
  readonly dataOff: number;
  readonly data: Uint8Array;
}

/** Goroutine states the merge tracks, carried from one generation to the next. */
export const enum GState { Unknown = 0, NotExist, Runnable, Running, Syscall, Waiting }

export interface V2Carry {
  /** The goroutine running on each M. */
  readonly curG: Map<number, number>;
  readonly gState: Map<number, GState>;
}

export const createCarry = (): V2Carry => ({ curG: new Map(), gState: new Map() });

export interface V2Generation {
  readonly events: GoEvent[];
  /** Events taken out of causal order because no stream was ready. */
  readonly disorder: number;
  /** Set when the generation lacks its frequency or a string or stack it references (cut short). */
  readonly incomplete: string | undefined;
  readonly rawEventCount: number;
}

interface Tables {
  strings: Map<number, string>;
  stacks: Map<number, GoStack>;
  freq: number;
  missing: string | undefined;
}

/** Decodes a whole generation. Throws `CorruptInput` on a malformed record (with its offset). */
export function decodeGeneration(batches: readonly V2Batch[], minor: number, carry: V2Carry): V2Generation {
  const tables: Tables = { strings: new Map(), stacks: new Map(), freq: 0, missing: undefined };
  const eventBatches: V2Batch[] = [];
  for (const b of batches) {
    const kind = b.data[0];
    if (kind === EV_STRINGS) readStrings(b, tables);
    else if (kind === EV_STACKS) readStacks(b, tables);
    else if (kind === EV_FREQUENCY || kind === EV_SYNC) readFrequency(b, tables);
    else if (kind === EV_CPU_SAMPLES) continue; // CPU profile samples: not goroutine transitions
    else eventBatches.push(b);
  }
  if (tables.freq <= 0) return { events: [], disorder: 0, incomplete: "no frequency record", rawEventCount: 0 };
  // The runtime writes a generation's string table at its end (with the reason strings at least),
  // so a generation without one was cut short, even if it ends on a batch boundary.
  if (!batches.some((b) => b.data[0] === EV_STRINGS)) return { events: [], disorder: 0, incomplete: "no string table", rawEventCount: 0 };
  const streams = new Map<number, GoEvent[]>();
  let rawEventCount = 0;
  for (const b of eventBatches) {
    let list = streams.get(b.m);
    if (!list) streams.set(b.m, (list = []));
    rawEventCount += readEvents(b, minor, tables, carry, list);
  }
  markBlockingSyscalls(streams);
  const { events, disorder } = merge([...streams.values()], carry.gState);
  return { events, disorder, incomplete: tables.missing, rawEventCount };
}

function readStrings(b: V2Batch, t: Tables): void {
  const cur = new ByteCursor(b.data, b.dataOff);
  cur.byte();
  while (!cur.atEnd) {
    const off = cur.offset;
    if (cur.byte() !== EV_STRING) throw new CorruptInput(off, `expected a string entry at byte ${off}`);
    const id = cur.uvarint();
    const len = cur.uvarint();
    if (len > 1 << 20) throw new CorruptInput(off, `string at byte ${off} is too long (${len} bytes)`);
    t.strings.set(id, cur.text(len));
  }
}

function readStacks(b: V2Batch, t: Tables): void {
  const cur = new ByteCursor(b.data, b.dataOff);
  cur.byte();
  const pending: { id: number; ids: number[] }[] = [];
  while (!cur.atEnd) {
    const off = cur.offset;
    if (cur.byte() !== EV_STACK) throw new CorruptInput(off, `expected a stack entry at byte ${off}`);
    const id = cur.uvarint();
    const n = cur.uvarint();
    if (n > 1000) throw new CorruptInput(off, `stack at byte ${off} has ${n} frames`);
    const ids: number[] = [];
    for (let i = 0; i < 4 * n; i++) ids.push(cur.uvarint());
    pending.push({ id, ids });
  }
  // Frames name strings, which may sit in a later batch of the generation: resolved lazily.
  for (const p of pending) {
    const frames: GoFrame[] = [];
    const stack = frames as GoStack;
    t.stacks.set(p.id, stack);
    for (let i = 0; i < p.ids.length; i += 4) {
      const ids = p.ids;
      frames.push({
        get fn() { return t.strings.get(ids[i + 1]!) ?? ""; },
        get file() { return t.strings.get(ids[i + 2]!) ?? ""; },
        line: ids[i + 3]!,
      });
    }
  }
}

function readFrequency(b: V2Batch, t: Tables): void {
  const cur = new ByteCursor(b.data, b.dataOff);
  if (cur.byte() === EV_SYNC) {
    if (cur.atEnd || b.data[cur.pos] !== EV_FREQUENCY) return;
    cur.byte();
  }
  t.freq = cur.uvarint();
}

/** Decodes one event batch into `out` (attributed, with absolute ns); returns the number of wire events. */
function readEvents(b: V2Batch, minor: number, t: Tables, carry: V2Carry, out: GoEvent[]): number {
  const cur = new ByteCursor(b.data, b.dataOff);
  const nsPer = 1e9 / t.freq;
  let ns = Math.trunc(b.time * nsPer);
  let g = carry.curG.get(b.m) ?? 0;
  let count = 0;
  const str = (id: number): string => {
    if (id !== 0 && !t.strings.has(id)) t.missing ??= `string ${id} is not defined`;
    return t.strings.get(id) ?? "";
  };
  const stk = (id: number): GoStack | undefined => {
    if (id === 0) return undefined;
    const s = t.stacks.get(id);
    if (!s) t.missing ??= `stack ${id} is not defined`;
    return s;
  };
  const args: number[] = [0, 0, 0, 0];
  while (!cur.atEnd) {
    const off = cur.offset;
    const type = cur.byte();
    const spec = V2_SPECS[type];
    if (!spec || spec.since > minor) throw new CorruptInput(off, `unknown event type ${type} at byte ${off} (Go 1.${minor} trace)`);
    ns += Math.trunc(cur.uvarint() * nsPer);
    for (let i = 0; i < spec.args; i++) args[i] = cur.uvarint();
    count++;
    const at = ns;
    const push = (type: GoEventType, actor: number, stackId: number, extra?: Partial<GoEvent>): void => {
      out.push(makeEvent(at, type, actor, off, spec.name, stackId === 0 ? undefined : stk(stackId), extra));
    };
    switch (spec.name) {
      case "GoCreate": case "GoCreateBlocked": {
        const start = stk(args[1]!)?.[0];
        push("create", g, args[2]!, { target: args[0]!, start });
        if (spec.name === "GoCreateBlocked") push("status", g, 0, { target: args[0]!, status: "waiting" });
        break;
      }
      case "GoCreateSyscall":
        push("create", 0, 0, { target: args[0]! });
        push("status", 0, 0, { target: args[0]!, status: "syscall" });
        g = args[0]!;
        break;
      case "GoStart": g = args[0]!; push("start", g, 0); break;
      case "GoDestroy": case "GoDestroySyscall": push("end", g, 0); g = 0; break;
      case "GoStop": push("stop", g, args[1]!, { reason: str(args[0]!) }); g = 0; break;
      case "GoBlock": push("block", g, args[1]!, { reason: str(args[0]!) }); g = 0; break;
      case "GoUnblock": push("unblock", g, args[2]!, { target: args[0]! }); break;
      case "GoSyscallBegin": push("syscall", g, args[1]!); break;
      case "GoSyscallEnd": push("syscall-end", g, 0); break;
      case "GoSyscallEndBlocked": push("syscall-exit", g, 0, { target: g }); g = 0; break;
      case "GoStatus": case "GoStatusStack": {
        const status = G_STATUS[args[2]!];
        if (status === undefined || status === "bad") throw new CorruptInput(off, `GoStatus at byte ${off} has bad status ${args[2]}`);
        const m = isNoId(args[1]!) ? -1 : args[1]!;
        if ((status === "running" || status === "syscall") && m === b.m) g = args[0]!;
        else if (status === "running" || status === "syscall") carry.curG.set(m, args[0]!);
        push("status", args[0]!, spec.name === "GoStatusStack" ? args[3]! : 0, { target: args[0]!, status: status as GoStatus });
        break;
      }
      case "GoSwitch": case "GoSwitchDestroy": {
        const next = args[0]!;
        push("unblock", g, 0, { target: next });
        if (spec.name === "GoSwitch") push("block", g, 0, { reason: "coroutine switch" });
        else push("end", g, 0);
        push("start", next, 0);
        g = next;
        break;
      }
      case "STWBegin": push("stw-begin", g, 0, { reason: str(args[0]!) }); break;
      case "STWEnd": push("stw-end", g, 0); break;
      case "GCActive": case "GCBegin": push("gc-begin", g, 0); break;
      case "GCEnd": push("gc-end", g, 0); break;
      case "UserTaskBegin":
        push("task-begin", g, args[3]!, { task: args[0]!, parentTask: args[1]!, name: str(args[2]!) });
        break;
      case "UserTaskEnd": push("task-end", g, args[1]!, { task: args[0]! }); break;
      case "UserRegionBegin": push("region-begin", g, args[2]!, { task: args[0]!, name: str(args[1]!) }); break;
      case "UserRegionEnd": push("region-end", g, args[2]!, { task: args[0]!, name: str(args[1]!) }); break;
      case "UserLog": push("log", g, args[3]!, { task: args[0]!, name: str(args[1]!), text: str(args[2]!) }); break;
      default: break; // Ps, heap metrics, sweeps, assists, labels
    }
  }
  carry.curG.set(b.m, g);
  return count;
}

/**
 * A syscall that ended blocked (its P was taken: GoSyscallEndBlocked) counts as a block, as the
 * pre-1.22 format's GoSysBlock did: its begin event becomes `syscall-block`. Syscalls that kept
 * their P, or that do not end in this generation, stay plain `syscall`s.
 */
function markBlockingSyscalls(streams: Map<number, GoEvent[]>): void {
  const begins = new Map<number, { list: GoEvent[]; i: number }>();
  for (const list of streams.values()) {
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (e.type === "syscall") begins.set(e.g, { list, i });
      else if (e.type === "syscall-exit" || e.type === "syscall-end") {
        const b = begins.get(e.g);
        begins.delete(e.g);
        if (b && e.type === "syscall-exit") b.list[b.i] = { ...b.list[b.i]!, type: "syscall-block" } as GoEvent;
      }
    }
  }
}

/** What an event needs of its goroutine (`key`), and what it leaves. */
function transition(e: GoEvent): { key: number; need: readonly GState[]; next: GState } | undefined {
  switch (e.type) {
    case "create": return { key: e.target!, need: [GState.Unknown, GState.NotExist], next: GState.Runnable };
    case "start": return { key: e.g, need: [GState.Unknown, GState.Runnable], next: GState.Running };
    case "block": return { key: e.g, need: [GState.Unknown, GState.Running], next: GState.Waiting };
    case "stop": return { key: e.g, need: [GState.Unknown, GState.Running], next: GState.Runnable };
    case "end": return { key: e.g, need: [GState.Unknown, GState.Running, GState.Syscall], next: GState.NotExist };
    case "unblock": return { key: e.target!, need: [GState.Unknown, GState.Waiting], next: GState.Runnable };
    case "syscall": case "syscall-block": return { key: e.g, need: [GState.Unknown, GState.Running], next: GState.Syscall };
    case "syscall-end": return { key: e.g, need: [GState.Unknown, GState.Syscall], next: GState.Running };
    case "syscall-exit": return { key: e.g, need: [GState.Unknown, GState.Syscall], next: GState.Runnable };
    case "status": {
      const next = { runnable: GState.Runnable, running: GState.Running, syscall: GState.Syscall, waiting: GState.Waiting }[e.status!];
      return { key: e.target!, need: [], next };
    }
    default: return undefined;
  }
}

function merge(streams: readonly GoEvent[][], gState: Map<number, GState>): { events: GoEvent[]; disorder: number } {
  const pos = new Int32Array(streams.length);
  const events: GoEvent[] = [];
  let disorder = 0;
  for (;;) {
    let best = -1;
    let fallback = -1;
    for (let i = 0; i < streams.length; i++) {
      const e = streams[i]![pos[i]!];
      if (!e) continue;
      if (fallback < 0 || e.ts < streams[fallback]![pos[fallback]!]!.ts) fallback = i;
      const tr = transition(e);
      if (tr && tr.need.length > 0 && !tr.need.includes(gState.get(tr.key) ?? GState.Unknown)) continue;
      if (best < 0 || e.ts < streams[best]![pos[best]!]!.ts) best = i;
    }
    if (fallback < 0) break;
    if (best < 0) {
      best = fallback;
      disorder++;
    }
    const e = streams[best]![pos[best]!++]!;
    const tr = transition(e);
    if (tr) gState.set(tr.key, tr.next);
    events.push(e);
  }
  return { events, disorder };
}
