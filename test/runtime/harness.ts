/** Runs a program in-process and collects what a test needs: output, crash report, result, trace. */
import { run, type RunOptions, type RunResult } from "goroscope/runtime";
import { createMemorySink } from "../../traces/writer/sink";

export interface Outcome {
  readonly out: string[];
  readonly stdout: string;
  readonly stderr: string;
  readonly result: RunResult;
  readonly trace: string;
  /** Parsed trace records after the header. */
  readonly events: Record<string, unknown>[];
}

export async function runProgram(main: () => unknown, opts: RunOptions = {}): Promise<Outcome> {
  let stdout = "";
  let stderr = "";
  const sink = createMemorySink();
  const result = await run(main, {
    ...opts,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    trace: sink,
  });
  const trace = sink.text();
  const events = trace
    .split("\n")
    .filter((l) => l.length > 0)
    .slice(1)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const out = stdout.split("\n");
  if (out[out.length - 1] === "") out.pop();
  return { out, stdout, stderr, result, trace, events };
}

/** The events of one kind, in order. */
export function kinds(o: Outcome, k: string): Record<string, unknown>[] {
  return o.events.filter((e) => e.k === k);
}
