/**
 * The static tables of a trace: every goroutine and object, with a dense slot each (in order of
 * creation), built while loading from the events that create, make and end them.
 *
 * Invariants: goroutines 0 (the runtime) and 1 (main) hold slots 0 and 1 from the start; a slot
 * never changes once given; `gCreated`/`oMade` are event indices (-1 for 0 and 1); `gEnded` is the
 * index of the first `go.end`/`main.return` by that goroutine, -1 while none.
 */
import { MAKE_KINDS, type EventKind, type ObjectKind, type TraceEvent } from "../format/schema";

/** Ids below this get a dense id → slot table besides the map. */
const DENSE_IDS = 1 << 20;

function setDense(table: Int32Array, id: number, slot: number): Int32Array {
  if (id < 0 || id >= DENSE_IDS) return table;
  if (id >= table.length) {
    let n = table.length;
    while (n <= id) n *= 2;
    const next = new Int32Array(n).fill(-1);
    next.set(table);
    table = next;
  }
  table[id] = slot;
  return table;
}

export class Entities {
  readonly gSlot = new Map<number, number>([[0, 0], [1, 1]]);
  private gDense: Int32Array = new Int32Array(64).fill(-1).fill(0, 0, 1).fill(1, 1, 2);
  private oDense: Int32Array = new Int32Array(64).fill(-1);
  readonly gId: number[] = [0, 1];
  readonly gName: string[] = ["runtime", "main"];
  readonly gParent: (number | undefined)[] = [undefined, undefined];
  readonly gCreated: number[] = [-1, -1];
  readonly gEnded: number[] = [-1, -1];
  /** Loc id at the goroutine's end (0 = none), for goroutines that are done. */
  readonly gFinalLoc: number[] = [0, 0];

  readonly oSlot = new Map<number, number>();
  readonly oId: number[] = [];
  readonly oKind: ObjectKind[] = [];
  readonly oName: string[] = [];
  readonly oMade: number[] = [];
  readonly oCap: number[] = [];
  /** Timers: the period (ns, 0 for one-shot); 0 for other objects. */
  readonly oPeriod: number[] = [];
  /** Objects of a kind, by slot, in make order. */
  readonly byKind = new Map<ObjectKind, number[]>();

  /** The slot of goroutine `id`, -1 when unknown. */
  gSlotOf(id: number): number {
    const d = this.gDense;
    if (id >= 0 && id < d.length) return d[id]!;
    return id < DENSE_IDS ? -1 : (this.gSlot.get(id) ?? -1);
  }

  /** The slot of object `id`, -1 when unknown. */
  oSlotOf(id: number): number {
    const d = this.oDense;
    if (id >= 0 && id < d.length) return d[id]!;
    return id < DENSE_IDS ? -1 : (this.oSlot.get(id) ?? -1);
  }

  addGoroutine(id: number, name: string, parent: number, created: number): void {
    this.gDense = setDense(this.gDense, id, this.gId.length);
    this.gSlot.set(id, this.gId.length);
    this.gId.push(id);
    this.gName.push(name);
    this.gParent.push(parent);
    this.gCreated.push(created);
    this.gEnded.push(-1);
    this.gFinalLoc.push(0);
  }

  /** Records the object announced by a make event (`e` is that event). */
  addObject(e: TraceEvent, made: number): void {
    const spec = MAKE_KINDS[e.k as EventKind];
    if (!spec) return;
    const id = (e as unknown as Record<string, number>)[spec.field]!;
    const slot = this.oId.length;
    this.oDense = setDense(this.oDense, id, slot);
    this.oSlot.set(id, slot);
    this.oId.push(id);
    this.oKind.push(spec.kind);
    this.oName.push("name" in e ? e.name : "");
    this.oMade.push(made);
    this.oCap.push(e.k === "chan.make" ? e.cap : 0);
    this.oPeriod.push(e.k === "timer.make" && typeof e.period === "number" ? e.period : 0);
    let list = this.byKind.get(spec.kind);
    if (!list) this.byKind.set(spec.kind, (list = []));
    list.push(slot);
  }

  /** Records an object with every table's field given: how a snapshot (snapshot.ts) rebuilds the tables. */
  addObjectSlot(id: number, kind: ObjectKind, name: string, made: number, cap: number, period: number): void {
    const slot = this.oId.length;
    this.oDense = setDense(this.oDense, id, slot);
    this.oSlot.set(id, slot);
    this.oId.push(id);
    this.oKind.push(kind);
    this.oName.push(name);
    this.oMade.push(made);
    this.oCap.push(cap);
    this.oPeriod.push(period);
    let list = this.byKind.get(kind);
    if (!list) this.byKind.set(kind, (list = []));
    list.push(slot);
  }

  /** Records an object from the fast path, without building an event. */
  addTimer(id: number, name: string, made: number): void {
    const slot = this.oId.length;
    this.oDense = setDense(this.oDense, id, slot);
    this.oSlot.set(id, slot);
    this.oId.push(id);
    this.oKind.push("timer");
    this.oName.push(name);
    this.oMade.push(made);
    this.oCap.push(0);
    this.oPeriod.push(0);
    let list = this.byKind.get("timer");
    if (!list) this.byKind.set("timer", (list = []));
    list.push(slot);
  }
}
