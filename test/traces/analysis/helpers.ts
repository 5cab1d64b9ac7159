/** Runs a program in-process on the real runtime, reads its trace back and analyzes it. */
import { run, type RunOptions } from "goroscope/runtime";
import { createMemorySink } from "../../../traces/writer/sink";
import { readTrace } from "../../../traces/reader";
import { analyze, type Diagnostic } from "../../../traces/analysis";

export interface Analyzed {
  readonly diagnostics: Diagnostic[];
  readonly trace: string;
}

export async function analyzeProgram(main: () => unknown, opts: RunOptions = {}): Promise<Analyzed> {
  const sink = createMemorySink();
  await run(main, { ...opts, trace: sink });
  const trace = sink.text();
  const read = readTrace(trace);
  if (!read.ok) throw new Error(`the runtime wrote an invalid trace: ${read.error.message}`);
  return { diagnostics: analyze(read), trace };
}

/** `kind: message` per diagnostic, for compact exact assertions. */
export function summary(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => `${d.kind}: ${d.message}`);
}
