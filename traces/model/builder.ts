/**
 * Loads a trace into a `TraceModel`, streaming: chunks in, columns, tables, the live state machine
 * and its checkpoints grown as lines arrive, indexes built at `finish`.
 *
 * Validation is the reader's, line for line (the same line splitting, truncation and end-record
 * rules, same messages): each line first goes to the reader's byte scanner (reader/fast-scan.ts),
 * which accepts only the writer's exact byte layout of the hot event kinds after performing every
 * check the reader would; anything else is decoded, `JSON.parse`d and checked by the reader's own
 * functions (record-checker.ts). On an error, loading stops and the model holds the valid prefix.
 */
import { EMPTY_FILE_MESSAGE, NO_END_MESSAGE, DEFAULT_MAX_LINE_BYTES } from "../reader/reader";
import type { TraceError, TraceWarning } from "../reader/types";
import type { TraceEvent } from "../format/schema";
import { Entities } from "./entities";
import { EventStore } from "./event-store";
import { F1, F2, Kind, KIND_MASK, MAKE_KIND_SET } from "./kinds";
import { FastScanner, scanEvent } from "../reader/fast-scan";
import { scannedEvent } from "../reader/fast-event";
import { MachineState, apply, checkpoint, type Checkpoint } from "./machine";
import { createTraceModel } from "./model";
import { createRecordChecker } from "./record-checker";
import { createLineScanner } from "../reader/line-scanner";
import type { LoadResult, ModelBuilder, ModelBuilderOptions } from "./types";
import { parseLine, truncatedLine } from "../reader/parse-line";

export const DEFAULT_CHECKPOINT_INTERVAL = 4096;

/** Creates a streaming loader; see `ModelBuilder`. */
export function createModelBuilder(options: ModelBuilderOptions = {}): ModelBuilder {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const interval = options.checkpointInterval ?? DEFAULT_CHECKPOINT_INTERVAL;
  if (!Number.isSafeInteger(interval) || interval < 1) throw new RangeError(`checkpointInterval must be a positive integer, got ${interval}`);
  // Writer lines average 70-90 bytes: a hint sizes the columns once instead of doubling them.
  const store = new EventStore(options.sizeHint === undefined ? 1024 : Math.min(options.sizeHint / 64, 1 << 28));
  const ent = new Entities();
  const machine = new MachineState(2);
  const checkpoints: Checkpoint[] = [checkpoint(machine, 2)];
  /** Events stored when the next checkpoint is due: `checkpoints[j]` is the state before event `j * interval`. */
  let nextCheckpoint = interval;
  const warnings: TraceWarning[] = [];
  let error: TraceError | undefined;
  let result: LoadResult | undefined;

  function onEvent(i: number): void {
    const kind = store.k[i]! & KIND_MASK;
    if (kind === Kind.GoCreate || MAKE_KIND_SET.has(kind) || store.irregular.has(i)) note(store.event(i), i);
    else if (kind === Kind.GoEnd || kind === Kind.MainReturn) noteEnd(store.g[i]!, i);
    machine.ensure(ent.gId.length);
    apply(machine, store, ent, i);
    if (i + 1 === nextCheckpoint) takeCheckpoint();
  }

  /** An event from the fast path: never a create, a make or an irregular event. */
  function onFastEvent(i: number, kind: number): void {
    if (kind === Kind.GoEnd || kind === Kind.MainReturn) noteEnd(store.g[i]!, i);
    apply(machine, store, ent, i);
    if (i + 1 === nextCheckpoint) takeCheckpoint();
  }

  function takeCheckpoint(): void {
    checkpoints.push(checkpoint(machine, ent.gId.length));
    nextCheckpoint += interval;
  }

  function note(e: TraceEvent, i: number): void {
    if (e.k === "go.create") ent.addGoroutine(e.child, e.name, e.g, i);
    else if (e.k === "go.end" || e.k === "main.return") noteEnd(e.g, i);
    else ent.addObject(e, i);
  }

  function noteEnd(g: number, i: number): void {
    const s = ent.gSlot.get(g);
    if (s !== undefined && ent.gEnded[s] === -1) ent.gEnded[s] = i;
  }

  const checker = createRecordChecker(store, onEvent);
  const scanner = new FastScanner(checker.st, store.texts);

  /** The fast path (see the header): the line at `start` scanned and stored, or -1. */
  function fastLine(bytes: Uint8Array, start: number, lim: number): number {
    if (checker.endLine !== undefined) return -1;
    const nl = scanEvent(scanner, bytes, start, lim);
    if (nl < 0) return -1;
    const s = scanner;
    const kind = s.kind;
    const b = s.b;
    let x = s.x;
    let flags = s.flags;
    let y = s.y;
    // Encoded as event-codec.ts does: a block's `until` after its `on` list, a receive's `from` as its distance back.
    if (kind === Kind.GoBlock) {
      if (s.until < 0) x = store.pushInts(s.list, s.listLen);
      else {
        x = store.pushInts(s.list, s.listLen, store.pushNum(s.until));
        flags |= F1;
      }
    } else if (kind === Kind.SelectBegin) x = store.pushInts(s.list, s.listLen);
    else if (kind === Kind.ChanSend || kind === Kind.ChanRecv || kind === Kind.Log) {
      flags |= F2; // x is in store.texts
      if (y !== 0) y = s.seq - y;
      // A distance past Int32 (a send two billion events back): stored as the slow path stores it.
      if ((y | 0) !== y) {
        onEvent(store.pushEvent(scannedEvent(s)));
        return nl;
      }
    }
    onFastEvent(store.push(s.seq, s.t, kind | flags, s.g, s.loc, s.a, b, x, y), kind);
    return nl;
  }

  const splitter = createLineScanner({
    maxLineBytes,
    onLine,
    fastLine,
    onTooLong: (line) => fail(line, `line longer than ${maxLineBytes} bytes`),
  });

  function fail(line: number, message: string): void {
    error = { line, message: `line ${line}: ${message}` };
    splitter.stop();
  }

  function onLine(line: number, chunk: Uint8Array, start: number, end: number, terminated: boolean): void {
    if (error) return;
    if (checker.endLine !== undefined) {
      fail(line, `nothing may follow the end record (line ${checker.endLine})`);
      return;
    }
    const bytes = chunk.subarray(start, end);
    const parsed = parseLine(bytes);
    if (!parsed.ok) {
      if (!terminated) truncated(line, bytes);
      else fail(line, line === 1 ? `not a Goroscope trace (${parsed.reason})` : parsed.reason);
      return;
    }
    const problem = checker.accept(parsed.value, line);
    if (problem !== undefined) fail(line, problem);
  }

  function truncated(line: number, bytes: Uint8Array): void {
    const t = truncatedLine(line, bytes);
    if ("error" in t) fail(line, t.error);
    else warnings.push({ line, message: t.warning });
  }


  function finish(): LoadResult {
    if (result) return result;
    splitter.finish();
    if (!error && splitter.bytesConsumed === 0) error = { line: 1, message: EMPTY_FILE_MESSAGE };
    if (!error && checker.header && !checker.end) warnings.push({ message: NO_END_MESSAGE });
    const model = createTraceModel({
      header: checker.header, end: checker.end, locs: checker.locs, store, ent, checkpoints, interval,
    });
    if (!error && checker.header) result = { ok: true, model, warnings };
    else result = { ok: false, error: error ?? { line: 1, message: "line 1: not a Goroscope trace" }, model, warnings };
    return result;
  }

  return {
    push(chunk) {
      if (result) throw new Error("ModelBuilder.push called after finish");
      splitter.push(chunk);
      options.onProgress?.(splitter.bytesConsumed);
    },
    finish,
  };
}

/** Loads a whole trace held in memory. */
export function loadModel(input: string | Uint8Array, options: ModelBuilderOptions = {}): LoadResult {
  const builder = createModelBuilder(options);
  builder.push(input);
  return builder.finish();
}
