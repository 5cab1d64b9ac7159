/**
 * The trace model's public types: plain, readonly data, so a query result can cross a worker or
 * process boundary unchanged (structured clone or JSON).
 */
import type { EventColumns } from "./columns";
import type {
  BlockReason, LocDef, ObjectKind, TraceEnd, TraceEvent, TraceHeader,
} from "../format/schema";
import type { TraceError, TraceWarning } from "../reader/types";

/** What a goroutine is doing at a given `seq`; see docs/model.md for how each is inferred. */
export type GoroutineStatus = "running" | "runnable" | "blocked" | "sleeping" | "done";

/** A resolved source location (`def loc`). */
export interface SourceLocation {
  readonly id: number;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly fn: string;
}

/** A goroutine as the whole trace knows it (static facts). */
export interface GoroutineInfo {
  readonly kind: "goroutine";
  readonly id: number;
  readonly name: string;
  /** The goroutine whose `go.create` started it; undefined for 0 (runtime) and 1 (main). */
  readonly parent: number | undefined;
  /** `seq` of its `go.create` (0 for goroutines 0 and 1, which exist from the start). */
  readonly createdSeq: number;
  /** `seq` of its `go.end` (or `main.return` for main); undefined while it never ended in the trace. */
  readonly endedSeq: number | undefined;
}

/** An object (channel, lock, WaitGroup, ...) as the whole trace knows it. */
export interface ObjectInfo {
  readonly kind: ObjectKind;
  readonly id: number;
  readonly name: string;
  /** `seq` of its make event. */
  readonly madeSeq: number;
  /** Channels only: the capacity. */
  readonly cap?: number;
}

export interface GoroutineState {
  readonly id: number;
  readonly name: string;
  readonly status: GoroutineStatus;
  /** Set when `status` is `blocked` or `sleeping`: the `go.block` reason. */
  readonly reason?: BlockReason;
  /** Set when `status` is `blocked` or `sleeping`: the objects waited on (`go.block` `on`). */
  readonly on?: readonly number[];
  /** `seq` of the `go.block` that blocked it, when blocked or sleeping. */
  readonly blockedSeq?: number;
  /** Sleeping: the run time (ns) it is due to wake, when the trace says (`until`). */
  readonly until?: number;
  /** Its current source location: that of its latest own event with a `loc`. */
  readonly loc?: SourceLocation;
}

/** One buffered value: its preview and the `seq` of the send that buffered it. */
export interface BufferedValue {
  readonly val: string;
  readonly sendSeq: number;
}

export interface ChannelState {
  readonly id: number;
  readonly name: string;
  readonly len: number;
  readonly cap: number;
  readonly closed: boolean;
  /** Oldest first; `len` entries. */
  readonly buffer: readonly BufferedValue[];
  /** Goroutines blocked sending on it (directly or in a select), in the order they blocked. */
  readonly sendq: readonly number[];
  /** Goroutines blocked receiving from it (directly or in a select), in the order they blocked. */
  readonly recvq: readonly number[];
}

export interface LockState {
  readonly id: number;
  readonly kind: "mutex" | "rwmutex";
  readonly name: string;
  /** Mutex holder, or RWMutex writer. */
  readonly holder: number | undefined;
  /** RWMutex only: goroutines holding a read lock, in the order they acquired it. */
  readonly readers: readonly number[];
  /** Goroutines blocked acquiring it, in the order they blocked. */
  readonly waiters: readonly number[];
}

export interface WaitGroupState {
  readonly id: number;
  readonly name: string;
  readonly counter: number;
  /** Goroutines blocked in `Wait`. */
  readonly waiters: readonly number[];
}

export interface CondState {
  readonly id: number;
  readonly name: string;
  /** The mutex or RWMutex it was made with (`cond.make` `lock`). */
  readonly lock: number;
  /** Goroutines blocked in `Wait`, in the order they blocked. */
  readonly waiters: readonly number[];
}

export interface OnceState {
  readonly id: number;
  readonly name: string;
  /**
   * `idle` before a `Do` ran the function; `running` from that `Do` until an event shows it
   * finished (a later `Do`, or the end of the goroutine that ran it: the trace has no event for
   * the function returning); `done` after.
   */
  readonly status: "idle" | "running" | "done";
  /** The goroutine whose `Do` ran the function, once one did. */
  readonly runner?: number;
  /** Goroutines waiting in `Do` for the running call to finish. */
  readonly waiters: readonly number[];
}

export interface TimerState {
  readonly id: number;
  readonly name: string;
  /** Pending: it will fire at `when` unless stopped. */
  readonly armed: boolean;
  /** When it is (or was last) due, ns. */
  readonly when: number;
  /** ns between fires for a ticker; 0 for a one-shot timer. */
  readonly period: number;
  /** Fires so far. */
  readonly fired: number;
  /** The channel it delivers to, when it has one. */
  readonly ch?: number;
}

export interface ContextState {
  readonly id: number;
  readonly kind: "background" | "cancel" | "deadline";
  /** Parent context id, 0 for none. */
  readonly parent: number;
  /** Its Done channel. */
  readonly done: number;
  readonly deadline?: number;
  readonly canceled: boolean;
  /** Why it was canceled (`context canceled`, `context deadline exceeded`), once it was. */
  readonly err?: string;
}

/** Everything the model knows at one `seq`: the state after that event. */
export interface ModelState {
  /** The `seq` of the last event applied (0 before the first event). */
  readonly seq: number;
  /** Time of that event (0 before the first event). */
  readonly t: number;
  /** Every goroutine created so far, in creation order (0, the runtime, is not listed). */
  readonly goroutines: readonly GoroutineState[];
  /** Every channel made so far, in make order. */
  readonly channels: readonly ChannelState[];
  readonly locks: readonly LockState[];
  readonly waitGroups: readonly WaitGroupState[];
  /** Conds, Onces, timers and contexts made so far, in make order (always present when built by the model). */
  readonly conds?: readonly CondState[];
  readonly onces?: readonly OnceState[];
  readonly timers?: readonly TimerState[];
  readonly contexts?: readonly ContextState[];
}

/** A goroutine or an object, as `eventsOf` takes it. */
export type ModelEntity = GoroutineInfo | ObjectInfo;

export interface TraceModel {
  readonly header: TraceHeader | undefined;
  /** The end record; undefined when the trace has none. */
  readonly end: TraceEnd | undefined;
  /** Number of events; indices run from 0 to `eventCount - 1` in `seq` order. */
  readonly eventCount: number;
  readonly goroutines: readonly GoroutineInfo[];
  readonly objects: readonly ObjectInfo[];
  readonly locs: readonly LocDef[];
  goroutine(id: number): GoroutineInfo | undefined;
  object(id: number): ObjectInfo | undefined;
  loc(id: number): SourceLocation | undefined;
  /** The event at index `i` (0-based), built on demand. */
  event(i: number): TraceEvent;
  /** The same events' fields read in place, for passes over every event (columns.ts). */
  readonly columns: EventColumns;
  seqOf(i: number): number;
  timeOf(i: number): number;
  /** Index of the last event whose `seq` ≤ `seq`; -1 when there is none. */
  indexOfSeq(seq: number): number;
  /**
   * Indices of the events that involve a goroutine (it acted, was created, or was woken) or an
   * object (named as `ch`/`id`/`ctx`, in `on` or in select cases), ascending. Do not mutate.
   */
  eventsOf(entity: ModelEntity): Int32Array;
  /** `seq` of the last event at or before time `t` (ns); 0 when none is. */
  seqAtTime(t: number): number;
  /** The state after the event with this `seq` (or the last one before it). */
  stateAt(seq: number): ModelState;
}

export type LoadResult =
  | { readonly ok: true; readonly model: TraceModel; readonly warnings: readonly TraceWarning[] }
  | { readonly ok: false; readonly error: TraceError; readonly model: TraceModel; readonly warnings: readonly TraceWarning[] };

export interface ModelBuilderOptions {
  /** Called after every `push` with the UTF-8 bytes consumed so far. */
  readonly onProgress?: (bytes: number) => void;
  /** Events between state checkpoints (default 4096). */
  readonly checkpointInterval?: number;
  /** Expected input size in bytes (a file's size), to size the columns once. Optional. */
  readonly sizeHint?: number;
  /** Longest accepted line, as the reader's `maxLineBytes`. */
  readonly maxLineBytes?: number;
}

export interface ModelBuilder {
  /** Chunks may split lines and UTF-8 sequences anywhere. */
  push(chunk: string | Uint8Array): void;
  /** Ends the input and builds the indexes. Idempotent. */
  finish(): LoadResult;
}
