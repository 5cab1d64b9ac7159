/**
 * The format-v1 trace reader: chunks in, a validated header, loc table, events and end record out.
 *
 * Invariants: the kept records are always a valid prefix of the input; processing stops at the
 * first error; a last line without `\n` that cannot be decoded and parsed is dropped with a warning
 * (a crash loses at most the line being written), unless it is line 1; any line after the end
 * record, even an empty or truncated one, is an error;
 * lines are decoded as strict UTF-8 and parsed with `JSON.parse` only: values are never evaluated.
 *
 * Every line after the header first goes to the byte scanner (`fast-scan.ts`), which accepts the
 * writer's exact layout of the frequent event kinds after the same checks, and builds the event
 * object without `JSON.parse`; anything else takes the path above.
 */
import type { TraceHeader } from "../format/schema";
import { createLineScanner } from "./line-scanner";
import { FastScanner, scanEvent } from "./fast-scan";
import { scannedEvent } from "./fast-event";
import { ByteDecoder, decodeLiteral, literalEnd, type ByteStrings } from "./byte-strings";
import type { ReadResult, TraceError, TraceReader, TraceReaderOptions, TraceWarning } from "./types";
import { createTraceValidator } from "./validator";
import { parseLine, truncatedLine } from "./parse-line";

/** 1 MiB: far above any line the writer emits (previews are capped at 80 characters). */
export const DEFAULT_MAX_LINE_BYTES = 1 << 20;

export const EMPTY_FILE_MESSAGE = "empty file: not a Goroscope trace";
export const NO_END_MESSAGE = "no end record: the run was killed or is still being written";

/** The fields of an event the byte scanner accepted (see `FastScanner`); valid during the call only. */
export type ScannedEvent = Readonly<Omit<FastScanner, "listAdd" | "use">>;

export interface ScanningReaderOptions extends TraceReaderOptions {
  /**
   * Only with `keepEvents: false`: events the byte scanner accepts (the writer's frequent kinds,
   * nearly all of a trace) come here, as the scanner's fields, instead of as objects to `onEvent`;
   * the rest still go to `onEvent`. For a consumer that folds fields (the analyzer's
   * `onScanned`): no event object, no `on` array, and a string (`val`, `msg`) is decoded only if
   * `strings.text` is asked for it during the call.
   */
  readonly onScanned?: (s: ScannedEvent) => void;
}

/** Creates a streaming reader; see `TraceReader`. */
export function createTraceReader(options: ScanningReaderOptions = {}): TraceReader {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  if (!Number.isSafeInteger(maxLineBytes) || maxLineBytes < 1) {
    throw new RangeError(`maxLineBytes must be a positive integer, got ${maxLineBytes}`);
  }
  const keepEvents = options.keepEvents ?? true;
  const onScanned = options.onScanned;
  if (onScanned && keepEvents) throw new RangeError("onScanned needs keepEvents: false (it builds no event to keep)");
  const validator = createTraceValidator(options.onEvent, keepEvents);
  const warnings: TraceWarning[] = [];
  let error: TraceError | undefined;
  let result: ReadResult | undefined;

  const scanner = new FastScanner(validator.st, onScanned ? new LazyDecoder() : new ByteDecoder());
  /** `validator.endLine !== undefined`, kept here: the fast path asks on every line. */
  let ended = false;

  function fastLine(bytes: Uint8Array, start: number, lim: number): number {
    if (ended) return -1;
    const nl = scanEvent(scanner, bytes, start, lim);
    if (nl >= 0) {
      if (onScanned) onScanned(scanner);
      else validator.acceptChecked(scannedEvent(scanner));
    }
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
    const bytes = chunk.subarray(start, end);
    if (validator.endLine !== undefined) {
      fail(line, `nothing may follow the end record (line ${validator.endLine})`);
      return;
    }
    const parsed = parseLine(bytes);
    if (!parsed.ok) {
      if (!terminated) truncated(line, bytes);
      else fail(line, line === 1 ? `not a Goroscope trace (${parsed.reason})` : parsed.reason);
      return;
    }
    const problem = validator.accept(parsed.value, line);
    ended = validator.endLine !== undefined;
    if (problem !== undefined) fail(line, problem);
  }

  function truncated(line: number, bytes: Uint8Array): void {
    const t = truncatedLine(line, bytes);
    if ("error" in t) fail(line, t.error);
    else warnings.push({ line, message: t.warning });
  }


  function finish(): ReadResult {
    if (result) return result;
    splitter.finish();
    if (!error && splitter.bytesConsumed === 0) error = { line: 1, message: EMPTY_FILE_MESSAGE };
    const contents = { locs: validator.locs, events: validator.events, end: validator.end, warnings };
    const header: TraceHeader | undefined = validator.header;
    if (!error && header) {
      if (!validator.end) warnings.push({ message: NO_END_MESSAGE });
      result = { ok: true, header, ...contents };
    } else {
      // Without an error there is always a header: line 1 is either accepted or an error.
      result = { ok: false, error: error ?? { line: 1, message: "line 1: not a Goroscope trace" }, header, ...contents };
    }
    return result;
  }

  return {
    push(chunk) {
      if (result) throw new Error("TraceReader.push called after finish");
      splitter.push(chunk);
      options.onProgress?.(splitter.bytesConsumed);
    },
    finish,
    get header() {
      return validator.header;
    },
    locs: validator.locs,
    events: validator.events,
    get end() {
      return validator.end;
    },
    warnings,
    get error() {
      return error;
    },
    get bytesConsumed() {
      return splitter.bytesConsumed;
    },
  };
}

/** Reads a whole trace held in memory. */
export function readTrace(input: string | Uint8Array): ReadResult {
  const reader = createTraceReader();
  reader.push(input);
  return reader.finish();
}

/**
 * `ByteDecoder` without the decoding: `scan` only checks the literal (the same rules) and notes
 * where it is; `text` decodes it on demand. Only for `onScanned`, whose consumer asks (if at all)
 * while the line's bytes are still the chunk being scanned.
 */
class LazyDecoder implements ByteStrings {
  end = 0;
  private bytes: Uint8Array = new Uint8Array(0);
  private start = 0;

  scan(b: Uint8Array, at: number, lim: number): number {
    const q = literalEnd(b, at, lim);
    if (q < 0) return -1;
    this.bytes = b;
    this.start = at + 1;
    this.end = q + 1;
    return 0;
  }

  text(): string {
    return decodeLiteral(this.bytes, this.start, this.end - 1);
  }
}
