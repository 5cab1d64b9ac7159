/**
 * The lookup indexes: events per goroutine and per object (CSR: one offsets array and one items
 * array each), and the first `chan.close` of every channel. `closedAt` is built once loading is
 * done (every state query reads it); the event lists on first use (`TraceModel.eventsOf`: the
 * timeline, the inspector and stepping), so a model loaded for anything else (a live run's
 * model, rebuilt as lines arrive) does not pay for them. A snapshot carries both.
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

/** Every event of each goroutine and of each object, by slot. */
export interface EventLists {
  readonly byGoroutine: Csr;
  readonly byObject: Csr;
}

/** id → slot as an Int32Array (-1 = none) when ids are small (the usual case: they count up from 1). */
function denseSlots(slotOf: Map<number, number>): Int32Array | undefined {
  let max = 0;
  for (const id of slotOf.keys()) max = Math.max(max, id);
  if (max > 1 << 24) return undefined;
  const table = new Int32Array(max + 1).fill(-1);
  for (const [id, s] of slotOf) if (id >= 0) table[id] = s;
  return table;
}

/**
 * CSR lists of (slot, event) pairs, built in two passes over the events (count, then fill) that
 * call `refs(i, visit)`; a pair repeated within one event is kept once.
 */
class CsrBuilder {
  readonly offsets: Int32Array;
  items = new Int32Array(0);
  private readonly last: Int32Array;
  private filling = false;
  private fill = new Int32Array(0);

  constructor(private readonly slots: number, private readonly dense: Int32Array | undefined, private readonly slotMap: Map<number, number>) {
    this.offsets = new Int32Array(slots + 1);
    this.last = new Int32Array(slots).fill(-1);
  }

  /** Event i involves `id`. */
  visit(id: number, i: number): void {
    const d = this.dense;
    const s = d !== undefined ? (id >= 0 && id < d.length ? d[id]! : -1) : (this.slotMap.get(id) ?? -1);
    if (s < 0 || this.last[s] === i) return;
    this.last[s] = i;
    if (this.filling) this.items[this.fill[s]!++] = i;
    else this.offsets[s + 1]++;
  }

  /** Ends the counting pass. */
  startFill(): void {
    for (let s = 0; s < this.slots; s++) this.offsets[s + 1] += this.offsets[s]!;
    this.items = new Int32Array(this.offsets[this.slots]!);
    this.fill = this.offsets.slice(0, this.slots);
    this.last.fill(-1);
    this.filling = true;
  }
}

/**
 * Visits the goroutines and objects every event involves (see the header); one loop with the
 * columns in locals, as it runs twice over every event.
 */
function visitEvents(store: EventStore, gs: CsrBuilder, os: CsrBuilder): void {
  const { n, k, g, a, x, ints } = store;
  const irregular = store.irregular.size > 0 ? store.irregular : undefined;
  for (let i = 0; i < n; i++) {
    const whole = irregular?.get(i) as Record<string, unknown> | undefined;
    if (whole !== undefined) {
      visitWhole(whole, i, gs, os);
      continue;
    }
    gs.visit(g[i]!, i);
    const kind = k[i]! & KIND_MASK;
    switch (kind) {
      case Kind.GoCreate: case Kind.GoUnblock:
        gs.visit(a[i]!, i);
        break;
      case Kind.GoBlock:
      case Kind.SelectBegin: {
        const at = x[i]!;
        const step = kind === Kind.GoBlock ? 1 : 2;
        for (let j = 0; j < ints[at]!; j += step) os.visit(ints[at + 1 + j]!, i);
        break;
      }
      case Kind.GoEnd: case Kind.GoYield: case Kind.MainReturn: case Kind.GoPanic: case Kind.SelectEnd: case Kind.Log:
        break;
      default:
        os.visit(a[i]!, i);
    }
  }
}

function visitWhole(whole: Record<string, unknown>, i: number, gs: CsrBuilder, os: CsrBuilder): void {
  gs.visit(whole.g as number, i);
  for (const f of ["child", "target"]) if (typeof whole[f] === "number") gs.visit(whole[f] as number, i);
  for (const f of ["ch", "id", "ctx"]) if (typeof whole[f] === "number") os.visit(whole[f] as number, i);
  if (Array.isArray(whole.on)) for (const id of whole.on as number[]) os.visit(id, i);
  if (Array.isArray(whole.cases)) for (const c of whole.cases as { ch: number }[]) os.visit(c.ch, i);
}

export function buildEventLists(store: EventStore, ent: Entities): EventLists {
  const gs = new CsrBuilder(ent.gId.length, denseSlots(ent.gSlot), ent.gSlot);
  const os = new CsrBuilder(ent.oId.length, denseSlots(ent.oSlot), ent.oSlot);
  visitEvents(store, gs, os);
  gs.startFill();
  os.startFill();
  visitEvents(store, gs, os);
  return { byGoroutine: { offsets: gs.offsets, items: gs.items }, byObject: { offsets: os.offsets, items: os.items } };
}

/** Per object slot: the index of its first `chan.close`, -1 when none. */
export function buildClosedAt(store: EventStore, ent: Entities): Int32Array {
  const closedAt = new Int32Array(ent.oId.length).fill(-1);
  for (let i = 0; i < store.n; i++) {
    if ((store.k[i]! & KIND_MASK) !== Kind.ChanClose) continue;
    const whole = store.irregular.get(i) as { ch: number } | undefined;
    const s = ent.oSlot.get(whole ? whole.ch : store.a[i]!);
    if (s !== undefined && closedAt[s] === -1) closedAt[s] = i;
  }
  return closedAt;
}
