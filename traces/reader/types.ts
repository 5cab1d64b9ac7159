/**
 * The reader's public types: plain data only, so a result can cross a worker or process boundary
 * unchanged (structured clone or JSON).
 */
import type { LocDef, TraceEnd, TraceEvent, TraceHeader } from "../format/schema";

/** The first problem in a trace. `message` starts with `line N: ` (except for an empty file). */
export interface TraceError {
  /** 1-based line of the problem (1 for an empty file). */
  readonly line: number;
  readonly message: string;
}

/** Something tolerated: a truncated last line, a missing end record. */
export interface TraceWarning {
  /** 1-based line, when the warning is about one line. */
  readonly line?: number;
  readonly message: string;
}

interface ReadContents {
  readonly locs: readonly LocDef[];
  /** In file order, which is `seq` order. */
  readonly events: readonly TraceEvent[];
  /** Absent when the run was killed before the writer could end the trace. */
  readonly end: TraceEnd | undefined;
  readonly warnings: readonly TraceWarning[];
}

/** The whole trace is valid (possibly with a truncated last line dropped or no end record). */
export interface ReadSuccess extends ReadContents {
  readonly ok: true;
  readonly header: TraceHeader;
}

/** The trace has a problem; the other fields hold the valid prefix before the failing line. */
export interface ReadFailure extends ReadContents {
  readonly ok: false;
  readonly error: TraceError;
  /** Absent when the problem is on line 1. */
  readonly header: TraceHeader | undefined;
}

export type ReadResult = ReadSuccess | ReadFailure;

export interface TraceReaderOptions {
  /** Longest accepted line, in UTF-8 bytes without the `\n`. Default `DEFAULT_MAX_LINE_BYTES` (1 MiB). */
  readonly maxLineBytes?: number;
  /** Called with every accepted event, in order, as it is read. */
  readonly onEvent?: (event: TraceEvent) => void;
  /** False: events are passed to `onEvent` only, not kept in `events` (memory stays bounded by the trace's objects, not its length). Default true. */
  readonly keepEvents?: boolean;
  /** Called after every `push` with the total number of UTF-8 bytes consumed so far. */
  readonly onProgress?: (bytesConsumed: number) => void;
}

/**
 * A streaming reader: feed it chunks as they arrive, read the valid prefix at any time, and call
 * `finish` once the input has ended. Never throws on bad input; only on misuse (push after finish,
 * or a `maxLineBytes` that is not a positive integer, when created).
 */
export interface TraceReader {
  /** Chunks may split lines and UTF-8 sequences anywhere. */
  push(chunk: string | Uint8Array): void;
  /** Ends the input: applies the truncation rules and returns the result. Idempotent. */
  finish(): ReadResult;
  readonly header: TraceHeader | undefined;
  readonly locs: readonly LocDef[];
  readonly events: readonly TraceEvent[];
  readonly end: TraceEnd | undefined;
  readonly warnings: readonly TraceWarning[];
  /** The first error so far; once set, further input is ignored. */
  readonly error: TraceError | undefined;
  /** UTF-8 bytes consumed so far. */
  readonly bytesConsumed: number;
}
