/**
 * A trace reader wired to an analyzer, the way `goroscope analyze` and `analyzeBytes` read: events
 * are folded as they are read and not kept, and those the byte scanner accepts (nearly all) reach
 * the analyzer as the scanner's fields (`Analyzer.onScanned`), never as objects. The diagnostics
 * are the same as `analyze(readTrace(bytes))` gives.
 */
import { Kind } from "../reader/event-kinds";
import { createTraceReader } from "../reader/reader";
import type { TraceReader } from "../reader/types";
import { createAnalyzer, type Analyzer } from "./index";

export interface AnalyzingReader {
  /** Push chunks, then `finish` it; `analyzer.finish(result.end, result.header)` gives the diagnostics. */
  readonly reader: TraceReader;
  readonly analyzer: Analyzer;
}

/** @param onLog called with each `log` event's fields (the program's output), in order. */
export function createAnalyzingReader(onLog?: (seq: number, t: number, g: number, text: string) => void): AnalyzingReader {
  let analyzer: Analyzer | undefined;
  const reader = createTraceReader({
    keepEvents: false,
    onEvent: onLog
      ? (e) => {
        analyzer!.onEvent(e);
        if (e.k === "log") onLog(e.seq, e.t, e.g, e.msg);
      }
      : (e) => analyzer!.onEvent(e),
    onScanned: onLog
      ? (s) => {
        analyzer!.onScanned(s);
        if (s.kind === Kind.Log) onLog(s.seq, s.t, s.g, s.strings.text(s.x));
      }
      : (s) => analyzer!.onScanned(s),
  });
  analyzer = createAnalyzer(reader.locs);
  return { reader, analyzer };
}
