/**
 * The static tables of a trace: every goroutine and object, with a dense slot each (in order of
 * creation), built while loading from the events that create, make and end them.
 *
 * Invariants: goroutines 0 (the runtime) and 1 (main) hold slots 0 and 1 from the start; a slot
 * never changes once given; `gCreated`/`oMade` are event indices (-1 for 0 and 1); `gEnded` is the
 * index of the first `go.end`/`main.return` by that goroutine, -1 while none.
 */
import { MAKE_KINDS, type EventKind, type ObjectKind, type TraceEvent } from "../format/schema";

export class Entities {
  readonly gSlot = new Map<number, number>([[0, 0], [1, 1]]);
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
  /** Objects of a kind, by slot, in make order. */
  readonly byKind = new Map<ObjectKind, number[]>();

  addGoroutine(id: number, name: string, parent: number, created: number): void {
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
    this.oSlot.set(id, slot);
    this.oId.push(id);
    this.oKind.push(spec.kind);
    this.oName.push("name" in e ? e.name : "");
    this.oMade.push(made);
    this.oCap.push(e.k === "chan.make" ? e.cap : 0);
    let list = this.byKind.get(spec.kind);
    if (!list) this.byKind.set(spec.kind, (list = []));
    list.push(slot);
  }

  /** Records an object from the fast path, without building an event. */
  addTimer(id: number, name: string, made: number): void {
    const slot = this.oId.length;
    this.oSlot.set(id, slot);
    this.oId.push(id);
    this.oKind.push("timer");
    this.oName.push(name);
    this.oMade.push(made);
    this.oCap.push(0);
    let list = this.byKind.get("timer");
    if (!list) this.byKind.set("timer", (list = []));
    list.push(slot);
  }
}
