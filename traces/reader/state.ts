/**
 * What the validator has seen so far, and the reference checks that depend on it.
 *
 * Invariants: an id enters `objects`, `goroutines` or `locs` exactly once, on the line that
 * announced it (goroutines 0, the runtime, and 1, main, are there from the start, on line 0);
 * `lastSeq`/`lastT` are those of the last accepted event (0 before any); `selects` holds, per
 * goroutine, the `select.begin` still waiting for its `select.end`.
 */
import type { ObjectKind } from "../format/schema";
import { fail } from "./fields";
import { PendingSends } from "./pending-sends";
import { PendingSelects } from "./pending-selects";

export interface ObjectInfo {
  readonly kind: ObjectKind;
  readonly line: number;
}

export interface ValidationState {
  lastSeq: number;
  lastT: number;
  /** goroutine id → line of its `go.create` (0 for the implicit ones). */
  readonly goroutines: Map<number, number>;
  readonly objects: Map<number, ObjectInfo>;
  /** loc id → line of its `def`. */
  readonly locs: Map<number, number>;
  /** channel id → capacity. */
  readonly chanCap: Map<number, number>;
  /** WaitGroup id → counter after the last `wg.add`. */
  readonly wgCount: Map<number, number>;
  /** The sends not yet received, per channel, so that `chan.recv` `from` can be checked (bounded). */
  readonly sends: PendingSends;
  readonly selects: PendingSelects;
}

export function createValidationState(): ValidationState {
  return {
    lastSeq: 0,
    lastT: 0,
    goroutines: new Map([[0, 0], [1, 0]]),
    objects: new Map(),
    locs: new Map(),
    chanCap: new Map(),
    wgCount: new Map(),
    sends: new PendingSends(),
    selects: new PendingSelects(),
  };
}

/** Each kind with its article, for messages ("is a mutex, not a channel"). */
const KIND_NAMES: Readonly<Record<ObjectKind, string>> = {
  chan: "a channel",
  mutex: "a mutex",
  rwmutex: "a rwmutex",
  wg: "a WaitGroup",
  cond: "a cond",
  once: "a once",
  atomic: "an atomic",
  timer: "a timer",
  ctx: "a context",
};

/** Records a new object; `what` and `field` name the record and field for messages. */
export function announce(st: ValidationState, id: number, kind: ObjectKind, line: number, what: string, field: string): void {
  const prev = st.objects.get(id);
  if (prev) fail(`${what} ${field} ${id} was already announced on line ${prev.line}`);
  st.objects.set(id, { kind, line });
}

/** Checks that `id` was announced earlier, as one of `kinds` (any kind when `kinds` is empty). */
export function objectRef(st: ValidationState, id: number, kinds: readonly ObjectKind[], what: string, field: string): void {
  const obj = st.objects.get(id);
  if (!obj) fail(`${what} ${field} ${id} was never announced (no earlier make event)`);
  if (kinds.length > 0 && !kinds.includes(obj.kind)) {
    fail(`${what} ${field} ${id} is ${KIND_NAMES[obj.kind]}, not ${kinds.map((k) => KIND_NAMES[k]).join(" or ")}`);
  }
}

export function goroutineRef(st: ValidationState, g: number, what: string, field: string): void {
  if (!st.goroutines.has(g)) fail(`${what} ${field} ${g}: goroutine ${g} was never created (no earlier go.create)`);
}

export function createGoroutine(st: ValidationState, g: number, line: number, what: string): void {
  const prev = st.goroutines.get(g);
  if (prev !== undefined) {
    fail(`${what} child ${g}: goroutine ${g} ${prev === 0 ? "is implicit" : `was already created on line ${prev}`}`);
  }
  st.goroutines.set(g, line);
}

export function locRef(st: ValidationState, loc: number, what: string): void {
  if (!st.locs.has(loc)) fail(`${what} loc ${loc} is not defined by an earlier def line`);
}
