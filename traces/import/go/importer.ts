/**
 * The Go trace importer: bytes in (any chunking), Goroscope format-v1 lines out, for both Go
 * formats. Detects the format from the 16-byte header, then:
 * - before 1.22: holds the bytes (the stack table and the clock frequency come last, at
 *   `trace.Stop`), and at `finish` reads the records, merges the Ps in Go's causal order and
 *   converts;
 * - 1.22+: converts each generation as soon as the next one begins.
 *
 * Error rules (as our own reader's, in bytes instead of lines): a corrupt record stops the import
 * with its byte offset and keeps what came before; a pre-1.22 trace cut short is an error (its
 * tables are missing) that still keeps the prefix of events that can be ordered; a 1.22+ trace
 * cut short keeps its complete generations, with a warning. Never throws on bad input.
 */
import { concatBytes } from "../../format/bytes";
import type { GoEvent, GoStack } from "./events";
import { HEADER_BYTES, parseHeader, type GoFormat } from "./header";
import { createConverter, type Converter } from "./convert";
import { normalizeV1 } from "./v1-normalize";
import { orderV1 } from "./v1-order";
import { readV1Records, type V1Event } from "./v1-parser";
import { V1_SPECS } from "./v1-spec";
import { createV2Reader, type V2Reader } from "./v2-reader";

export interface GoImportOptions {
  /** Called after every `push`, and at `finish`, with the bytes consumed so far. */
  readonly onProgress?: (bytesConsumed: number) => void;
  /** Written to the header's `program` (the file name). Default "go-trace". */
  readonly program?: string;
  /** "fold" (default): Go's runtime goroutines become goroutine 0; "keep": each gets a lane. */
  readonly systemGoroutines?: "fold" | "keep";
  /** Also return the decoded Go events (for tests and tools). Default false. */
  readonly keepGoEvents?: boolean;
}

export interface GoImportError {
  /** Byte offset in the file of the problem. */
  readonly offset: number;
  readonly message: string;
}

export interface GoImportResult {
  readonly ok: boolean;
  /** Goroscope format-v1 JSON lines (no trailing newlines): header, defs, events. */
  readonly lines: readonly string[];
  readonly warnings: readonly string[];
  readonly error?: GoImportError;
  /** The format the header names, e.g. "go1.19" (written by Go 1.19 or 1.20); undefined if unreadable. */
  readonly goVersion: string | undefined;
  readonly format: GoFormat | undefined;
  /** Goroutines given a lane (main not counted). */
  readonly goroutines: number;
  /** Goroscope events written. */
  readonly events: number;
  /** Wire events decoded. */
  readonly goEventCount: number;
  /**
   * The whole stack (innermost first) of each `go.block` (the blocking operation) and `go.unblock`
   * (the waker) that has one, indexed by the event's `seq` (undefined elsewhere): format v1 carries
   * only one frame of it (`loc`).
   */
  readonly stacks: readonly (GoStack | undefined)[];
  /**
   * When each goroutine was running (Go's GoStart to its next block, yield or end), as flat triples
   * `goroutine, from t, to t` (ns, the lines' clock): format v1 has no event for a goroutine
   * starting to run, so the model only infers it.
   */
  readonly running: readonly number[];
  readonly goEvents?: readonly GoEvent[];
}

export interface GoTraceImporter {
  push(chunk: Uint8Array): void;
  finish(): GoImportResult;
}

export function createGoTraceImporter(options: GoImportOptions = {}): GoTraceImporter {
  const lines: string[] = [];
  const warnings: string[] = [];
  const goEvents: GoEvent[] | undefined = options.keepGoEvents ? [] : undefined;
  let head = new Uint8Array(0);
  let consumed = 0;
  let minor = 0;
  let format: GoFormat | undefined;
  let headerError: GoImportError | undefined;
  let converter: Converter | undefined;
  let v2: V2Reader | undefined;
  let v1Bytes: Uint8Array[] | undefined;
  let result: GoImportResult | undefined;
  let goEventCount = 0;

  function startConverter(): Converter {
    return createConverter({
      program: options.program ?? "go-trace",
      source: `go1.${minor}`,
      systemGoroutines: options.systemGoroutines,
      onLine: (l) => lines.push(l),
    });
  }

  function onHeader(): void {
    const h = parseHeader(head);
    if (!h.ok) {
      headerError = { offset: 0, message: h.message };
      return;
    }
    minor = h.minor;
    format = h.format;
    converter = startConverter();
    if (format === "go-pre-1.22") v1Bytes = [head];
    else {
      const c = converter;
      v2 = createV2Reader(minor, {
        onGeneration: (_gen, events) => {
          goEvents?.push(...events);
          c.push(events);
        },
        onWarning: (m) => warnings.push(m),
      });
      v2.push(head);
    }
  }

  function push(chunk: Uint8Array): void {
    if (result) throw new Error("GoTraceImporter.push called after finish");
    consumed += chunk.length;
    if (!format && !headerError) {
      const need = HEADER_BYTES - head.length;
      const joined = new Uint8Array(head.length + Math.min(need, chunk.length));
      joined.set(head);
      joined.set(chunk.subarray(0, need), head.length);
      head = joined;
      chunk = chunk.subarray(need);
      if (head.length === HEADER_BYTES) onHeader();
    }
    if (chunk.length > 0) {
      if (v1Bytes) v1Bytes.push(chunk.slice());
      else v2?.push(chunk);
    }
    options.onProgress?.(consumed);
  }

  function finishV1(): GoImportError | undefined {
    const bytes = concatBytes(v1Bytes!);
    v1Bytes = undefined;
    const rec = readV1Records(bytes, minor);
    const ordered = orderV1(rec.byP);
    let error: GoImportError | undefined = rec.problem ? { offset: rec.problem.offset, message: rec.problem.message } : undefined;
    if (rec.problem?.truncated) {
      error = { offset: rec.problem.offset, message: `${rec.problem.message}: a trace from before Go 1.22 keeps its stack table and clock frequency at the end, so only ${ordered.events.length} events could be recovered, without stacks` };
    }
    if (!error && rec.eventCount === 0) error = { offset: bytes.length, message: "trace is empty: no events (did the program exit before trace.Stop?)" };
    if (!error && rec.ticksPerSec === 0) error = { offset: bytes.length, message: "no Frequency record: the trace was cut short before trace.Stop" };
    if (!error && ordered.stuck) error = ordered.stuck;
    if (!error) error = missingStack(ordered.events, rec.stacks, bytes.length);
    if (rec.ticksPerSec === 0 && ordered.events.length > 0) warnings.push("no clock frequency in the trace: times are in raw clock ticks, not ns");
    if (ordered.timeDisorder > 0) warnings.push(`${ordered.timeDisorder} events have time stamps out of order (Go rejects such traces): times clamped`);
    // In slices, so that the decoded events of a large trace are not all alive at once.
    const SLICE = 4096;
    let clock = { minTs: ordered.events[0]?.ts ?? 0, last: 0 };
    for (let i = 0; i < ordered.events.length; i += SLICE) {
      const events = normalizeV1(ordered.events.slice(i, i + SLICE), rec, clock);
      clock = { ...clock, last: events.at(-1)?.ts ?? clock.last };
      if (goEvents) for (const e of events) goEvents.push(e);
      converter!.push(events);
    }
    goEventCount = rec.eventCount;
    return error;
  }

  function finish(): GoImportResult {
    if (result) return result;
    let error = headerError;
    if (!format && !headerError) {
      // The input ended inside the 16-byte header.
      const h = parseHeader(head);
      error = { offset: head.length, message: head.length === 0 ? "empty file: not a Go execution trace" : h.ok ? "trace has no events" : h.message };
    }
    if (v1Bytes) error = finishV1();
    if (v2) {
      v2.finish();
      error = v2.error;
      goEventCount = v2.rawEventCount;
      if (!error && v2.generations === 0) error = { offset: consumed, message: "trace is empty: no complete generation (cut short, or the program exited at once)" };
    }
    options.onProgress?.(consumed);
    converter?.close();
    if (converter && converter.idle > 0) {
      warnings.push(`${converter.idle} goroutines were waiting since before the trace began and never ran in it (the runtime's idle goroutines, most likely): not shown`);
    }
    result = {
      ok: error === undefined,
      lines,
      warnings,
      ...(error ? { error } : {}),
      goVersion: format ? `go1.${minor}` : undefined,
      format,
      goroutines: converter?.goroutines ?? 0,
      events: converter?.events ?? 0,
      goEventCount,
      stacks: converter?.stacks ?? [],
      running: converter?.running ?? [],
      ...(goEvents ? { goEvents } : {}),
    };
    return result;
  }

  return { push, finish };
}

/** A stack id that the stack table lacks: the table was cut short (it is the last thing written). */
function missingStack(events: readonly V1Event[], stacks: ReadonlyMap<number, unknown>, size: number): GoImportError | undefined {
  for (const e of events) {
    const create = V1_SPECS[e.type]!.name === "GoCreate";
    for (const id of create ? [e.stk, e.a1] : [e.stk]) {
      if (id !== 0 && !stacks.has(id)) return { offset: size, message: `stack ${id} (used at byte ${e.off}) is missing from the stack table: the trace was cut short` };
    }
  }
  return undefined;
}
