/**
 * The analyzer's pass over trace bytes, apart from the model: it streams them through the
 * validating reader into the analyzer and collects the program's output (`log` events). The app
 * runs it off its interactive thread: in the backend's prepare worker, or in a Web Worker for a
 * file dropped on the window.
 *
 * Invariant: it sees exactly the events the model loads from the same bytes (same reader rules,
 * same valid prefix), and an end record after a failed line is not trusted: the prefix is
 * analyzed as cut short.
 */
import type { Diagnostic } from "./index";
import { createAnalyzingReader } from "./stream";

export interface OutputLine {
  readonly seq: number;
  readonly t: number;
  readonly g: number;
  readonly text: string;
}

export interface AnalysisResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly output: readonly OutputLine[];
}

const CHUNK = 1 << 20;

export function analyzeBytes(bytes: Uint8Array, onProgress?: (fraction: number) => void): AnalysisResult {
  const output: OutputLine[] = [];
  const { reader, analyzer } = createAnalyzingReader((seq, t, g, text) => output.push({ seq, t, g, text }));
  for (let off = 0; off < bytes.byteLength && !reader.error; off += CHUNK) {
    reader.push(bytes.subarray(off, Math.min(bytes.byteLength, off + CHUNK)));
    onProgress?.(Math.min(1, (off + CHUNK) / bytes.byteLength));
  }
  const read = reader.finish();
  return { diagnostics: analyzer.finish(read.ok ? read.end : undefined, read.header), output };
}
