/**
 * Reads the records of a trace in the format before Go 1.22 (headers 1.11-1.21): per-P batches of
 * events with delta timestamps, a string dictionary, and the stack table and tick frequency that
 * the runtime writes only at `trace.Stop`.
 *
 * Each event is attributed as Go's parser does: to the P of the batch it sits in, and to the
 * goroutine last started on that P (`GoStart*` binds it, the end of a run unbinds it; the binding
 * survives across batches of one P). The result keeps each P's events in file order, which is
 * their true order on that P; `v1-order.ts` merges the Ps.
 *
 * Invariants: every kept event is complete; on a cut or corrupt record, everything before it is
 * kept and `problem` says where and why.
 */
import { ByteCursor, CorruptInput, TruncatedInput, isNoId } from "./byte-cursor";
import type { GoFrame, GoStack } from "./events";
import { HEADER_BYTES } from "./header";
import { EV_BATCH, EV_CPU_SAMPLE, EV_FREQUENCY, EV_STACK, EV_STRING, EV_USER_LOG, Ev, V1_SPECS, wireArgCount } from "./v1-spec";

export interface V1Event {
  readonly type: number;
  readonly off: number;
  readonly p: number;
  /** The goroutine it belongs to (Go's `ev.G`). */
  readonly g: number;
  /** Absolute ticks; replaced by ns after ordering. */
  ts: number;
  /** Type-specific arguments (after the timestamp, without the stack id): at most three; 0 when absent. */
  readonly a0: number;
  readonly a1: number;
  readonly a2: number;
  readonly stk: number;
  /** UserLog: the value. */
  readonly value?: string;
}

export interface V1Problem {
  readonly offset: number;
  readonly message: string;
  readonly truncated: boolean;
}

export interface V1Records {
  readonly minor: number;
  /** Events by P, in file order. P -1 is the batch written without a P. */
  readonly byP: Map<number, V1Event[]>;
  readonly strings: Map<number, string>;
  readonly stacks: Map<number, GoStack>;
  /** Ticks per second; 0 when the trace has no Frequency record (cut short). */
  readonly ticksPerSec: number;
  readonly eventCount: number;
  readonly problem: V1Problem | undefined;
}

interface Raw {
  type: number;
  off: number;
  args: number[];
  value?: string;
}

/** Parses every record after the 16-byte header. */
export function readV1Records(bytes: Uint8Array, minor: number): V1Records {
  const cur = new ByteCursor(bytes);
  cur.pos = HEADER_BYTES;
  const byP = new Map<number, V1Event[]>();
  const strings = new Map<number, string>();
  const stackArgs: Raw[] = [];
  const lastGOfP = new Map<number, number>();
  let ticksPerSec = 0;
  let p = 0;
  let lastG = 0;
  let lastTs = 0;
  let inBatch = false;
  let eventCount = 0;
  let problem: V1Problem | undefined;
  let list: V1Event[] | undefined;

  const eventsOf = (q: number): V1Event[] => {
    let l = byP.get(q);
    if (!l) byP.set(q, (l = []));
    return l;
  };

  try {
    while (!cur.atEnd) {
      const raw = readRecord(cur, minor, strings);
      if (raw === undefined) continue; // a string entry
      switch (raw.type) {
        case EV_BATCH:
          lastGOfP.set(p, lastG);
          p = isNoId(raw.args[0]!) ? -1 : raw.args[0]!;
          lastG = lastGOfP.get(p) ?? 0;
          lastTs = raw.args[1]!;
          list = eventsOf(p);
          inBatch = true;
          break;
        case EV_FREQUENCY:
          ticksPerSec = raw.args[0]!;
          if (ticksPerSec <= 0) throw new CorruptInput(raw.off, `Frequency record at byte ${raw.off} gives ${ticksPerSec} ticks per second`);
          break;
        case EV_STACK:
          stackArgs.push(raw);
          break;
        case 35: // TimerGoroutine (before 1.14): nothing to keep
          break;
        default: {
          if (!inBatch) throw new CorruptInput(raw.off, `${V1_SPECS[raw.type]!.name} event at byte ${raw.off} is outside any batch`);
          const spec = V1_SPECS[raw.type]!;
          // The arguments sit between the delta (first) and the stack id (last, if any).
          const args = raw.args;
          lastTs += args.shift()!;
          const stk = spec.stack ? args.pop()! : 0;
          let g = lastG;
          switch (raw.type) {
            case Ev.GoStart: case Ev.GoStartLocal: case Ev.GoStartLabel:
              lastG = g = args[0]!;
              break;
            case Ev.GCStart: case Ev.GCDone: case Ev.GCSTWStart: case Ev.GCSTWDone:
              g = 0;
              break;
            case Ev.GoEnd: case Ev.GoStop: case Ev.GoSched: case Ev.GoPreempt: case Ev.GoSleep: case Ev.GoBlock:
            case Ev.GoBlockSend: case Ev.GoBlockRecv: case Ev.GoBlockSelect: case Ev.GoBlockSync: case Ev.GoBlockCond:
            case Ev.GoBlockNet: case Ev.GoSysBlock: case Ev.GoBlockGC:
              lastG = 0;
              break;
            case Ev.GoSysExit: case Ev.GoSysExitLocal: case Ev.GoWaiting: case Ev.GoInSyscall:
              g = args[0]!;
              break;
          }
          eventCount++;
          if (raw.type === EV_CPU_SAMPLE) break; // CPU profile samples are not goroutine transitions
          list!.push({ type: raw.type, off: raw.off, p, g, ts: lastTs, a0: args[0] ?? 0, a1: args[1] ?? 0, a2: args[2] ?? 0, stk, value: raw.value });
        }
      }
    }
  } catch (e) {
    if (e instanceof TruncatedInput) problem = { offset: e.offset, message: `trace cut short at byte ${e.offset} (of ${bytes.length})`, truncated: true };
    else if (e instanceof CorruptInput) problem = { offset: e.offset, message: e.message, truncated: false };
    else throw e;
  }
  const stacks = new Map<number, GoStack>();
  for (const raw of stackArgs) stacks.set(raw.args[0]!, toFrames(raw, strings));
  return { minor, byP, strings, stacks, ticksPerSec, eventCount, problem };
}

/** One record; undefined for a string dictionary entry (stored into `strings`). */
function readRecord(cur: ByteCursor, minor: number, strings: Map<number, string>): Raw | undefined {
  const off = cur.offset;
  const b0 = cur.byte();
  const type = b0 & 0x3f;
  const spec = V1_SPECS[type];
  if (spec === undefined || spec.since > minor) throw new CorruptInput(off, `unknown event type ${type} at byte ${off}`);
  if (type === EV_STRING) {
    const id = cur.uvarint();
    const len = cur.uvarint();
    if (id === 0 || len === 0 || len > 1e6) throw new CorruptInput(off, `bad string record at byte ${off} (id ${id}, length ${len})`);
    if (strings.has(id)) throw new CorruptInput(off, `string id ${id} defined twice (byte ${off})`);
    strings.set(id, cur.text(len));
    return undefined;
  }
  const code = b0 >> 6;
  const args: number[] = [];
  if (code < 3) {
    for (let i = 0; i <= code; i++) args.push(cur.uvarint());
  } else {
    const len = cur.uvarint();
    const start = cur.offset;
    while (cur.offset - start < len) args.push(cur.uvarint());
    if (cur.offset - start !== len) throw new CorruptInput(off, `${spec.name} record at byte ${off} overruns its length ${len}`);
  }
  const raw: Raw = { type, off, args };
  if (type === EV_STACK) {
    const n = args[1];
    if (args.length < 2 || n === undefined || n > 1000 || args.length !== 2 + 4 * n) {
      throw new CorruptInput(off, `Stack record at byte ${off} has ${args.length} values for ${n} frames`);
    }
    return raw;
  }
  const want = wireArgCount(spec);
  if (args.length !== want) throw new CorruptInput(off, `${spec.name} record at byte ${off} has ${args.length} values, want ${want}`);
  if (type === EV_USER_LOG) {
    const len = cur.uvarint();
    if (len > 1e6) throw new CorruptInput(off, `UserLog value at byte ${off} is too long (${len} bytes)`);
    raw.value = cur.text(len);
  }
  return raw;
}

function toFrames(raw: Raw, strings: ReadonlyMap<number, string>): GoStack {
  const n = raw.args[1]!;
  const frames: GoFrame[] = [];
  for (let i = 0; i < n; i++) {
    const at = 2 + 4 * i;
    frames.push({ fn: strings.get(raw.args[at + 1]!) ?? "", file: strings.get(raw.args[at + 2]!) ?? "", line: raw.args[at + 3]! });
  }
  return frames;
}
