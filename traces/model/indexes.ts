/**
 * The lookup indexes built once loading is done: events per goroutine and per object (CSR:
 * one offsets array and one items array each), and the first `chan.close` of every channel.
 *
 * Invariants: every list is ascending and holds an event at most once; a goroutine's list holds
 * the events it acted in (`g`), created it (`child`) or woke it (`target`); an object's list holds
 * the events naming it as their primary id (`ch`, `id`, `ctx`), in `on`, or in select cases.
 */
import type { EventStore } from "./event-store";
import { Kind, KIND_MASK } from "./kinds";
import type { Entities } from "./entities";

export interface Csr {
  readonly offsets: Int32Array;
  readonly items: Int32Array;
}

export interface Indexes {
  readonly byGoroutine: Csr;
  readonly byObject: Csr;
  /** Per object slot: index of its first `chan.close`, -1 when none. */
  readonly closedAt: Int32Array;
}

/** Writes the goroutine ids event i involves into `out`; returns how many. */
function goroutineRefs(store: EventStore, i: number, out: number[]): number {
  const whole = store.irregular.get(i) as Record<string, unknown> | undefined;
  if (whole) {
    out[0] = whole.g as number;
    let n = 1;
    for (const f of ["child", "target"]) if (typeof whole[f] === "number") out[n++] = whole[f] as number;
    return n;
  }
  out[0] = store.g[i]!;
  const kind = store.k[i]! & KIND_MASK;
  if (kind !== Kind.GoCreate && kind !== Kind.GoUnblock) return 1;
  out[1] = store.a[i]!;
  return 2;
}

/** Writes the object ids event i involves into `out`; returns how many. */
function objectRefs(store: EventStore, i: number, out: number[]): number {
  const whole = store.irregular.get(i) as Record<string, unknown> | undefined;
  let n = 0;
  if (whole) {
    for (const f of ["ch", "id", "ctx"]) if (typeof whole[f] === "number") out[n++] = whole[f] as number;
    if (Array.isArray(whole.on)) for (const id of whole.on as number[]) out[n++] = id;
    if (Array.isArray(whole.cases)) for (const c of whole.cases as { ch: number }[]) out[n++] = c.ch;
    return n;
  }
  const kind = store.k[i]! & KIND_MASK;
  switch (kind) {
    case Kind.GoBlock:
    case Kind.SelectBegin: {
      const at = store.x[i]!;
      const step = kind === Kind.GoBlock ? 1 : 2;
      for (let j = 0; j < store.ints[at]!; j += step) out[n++] = store.ints[at + 1 + j]!;
      return n;
    }
    case Kind.GoCreate: case Kind.GoUnblock: case Kind.GoEnd: case Kind.GoYield: case Kind.MainReturn:
    case Kind.GoPanic: case Kind.SelectEnd: case Kind.Log:
      return 0;
    default:
      out[0] = store.a[i]!;
      return 1;
  }
}

/** id → slot as an array when ids are small (the usual case: they count up from 1), else the map. */
function slotLookup(slotOf: Map<number, number>): (id: number) => number | undefined {
  let max = 0;
  for (const id of slotOf.keys()) max = Math.max(max, id);
  if (max > 1 << 24) return (id) => slotOf.get(id);
  const table = new Int32Array(max + 1).fill(-1);
  for (const [id, s] of slotOf) table[id] = s;
  return (id) => {
    const s = id >= 0 && id <= max ? table[id]! : -1;
    return s < 0 ? undefined : s;
  };
}

/** Counting sort of (slot, event) pairs into CSR, dropping repeats within an event. */
function buildCsr(store: EventStore, slots: number, slotMap: Map<number, number>, refs: typeof objectRefs): Csr {
  const n = store.n;
  const slotOf = slotLookup(slotMap);
  const scratch: number[] = [];
  const offsets = new Int32Array(slots + 1);
  const last = new Int32Array(slots).fill(-1);
  for (let pass = 0; pass < 2; pass++) {
    const fill = pass === 1 ? offsets.slice(0, slots) : undefined;
    const items = pass === 1 ? new Int32Array(offsets[slots]!) : undefined;
    last.fill(-1);
    for (let i = 0; i < n; i++) {
      const count = refs(store, i, scratch);
      for (let j = 0; j < count; j++) {
        const s = slotOf(scratch[j]!);
        if (s === undefined || last[s] === i) continue;
        last[s] = i;
        if (fill && items) items[fill[s]!++] = i;
        else offsets[s + 1]++;
      }
    }
    if (items) return { offsets, items };
    for (let s = 0; s < slots; s++) offsets[s + 1] += offsets[s]!;
  }
  throw new Error("unreachable");
}

export function buildIndexes(store: EventStore, ent: Entities): Indexes {
  const closedAt = new Int32Array(ent.oId.length).fill(-1);
  for (let i = 0; i < store.n; i++) {
    if ((store.k[i]! & KIND_MASK) !== Kind.ChanClose) continue;
    const whole = store.irregular.get(i) as { ch: number } | undefined;
    const s = ent.oSlot.get(whole ? whole.ch : store.a[i]!);
    if (s !== undefined && closedAt[s] === -1) closedAt[s] = i;
  }
  return {
    byGoroutine: buildCsr(store, ent.gId.length, ent.gSlot, goroutineRefs),
    byObject: buildCsr(store, ent.oId.length, ent.oSlot, objectRefs),
    closedAt,
  };
}
