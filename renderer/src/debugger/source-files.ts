/**
 * Source text for the source panel, read through the backend (`readSource`), which serves only
 * files of a program the user opened, from its own folder. A trace's locations are relative to the
 * folder the run started in: a run from the app starts in the program's folder, a CLI run where
 * the user was — so a path that does not resolve is retried by its base name. Cached per program.
 */
import type { GoroscopeApi } from "../../../main/api/contract";
import type { TraceHeader } from "../../../traces/format/schema";
import type { ProgramDescriptor } from "../../../main/api/contract";
import { baseName } from "./describe";

const cache = new Map<string, Promise<string>>();

export function readProgramSource(api: Pick<GoroscopeApi, "readSource">, programId: string, file: string): Promise<string> {
  const key = `${programId}\u0000${file}`;
  let text = cache.get(key);
  if (!text) {
    text = api.readSource(programId, file).catch((err: unknown) => {
      if (baseName(file) === file) throw err;
      return api.readSource(programId, baseName(file));
    });
    text.catch(() => cache.delete(key));
    cache.set(key, text);
  }
  return text;
}

/**
 * Why the source of a trace cannot be shown, or undefined when it can: the program the user opened
 * must be the one the trace's header names (same file name).
 */
export function sourceUnavailable(program: ProgramDescriptor | null, header: TraceHeader | undefined): string | undefined {
  if (!header) return "This trace has no header naming its program.";
  if (!program) return `This trace was opened from a file: the app shows source text only for a program you open (Open Program… ${header.program}).`;
  if (baseName(program.path) !== baseName(header.program)) return `This trace was made by ${header.program}, not by the open program ${program.name}.`;
  return undefined;
}
