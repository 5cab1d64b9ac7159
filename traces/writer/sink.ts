/**
 * The port through which trace lines leave the runtime. `traces/` and `runtime/` never touch the
 * file system themselves: the Node side supplies a sink (a file, a shared-memory pipe to the
 * parent thread), tests supply an in-memory one.
 *
 * Contract: `write` receives whole lines, each ending in `\n`, in order. A sink must make each line
 * durable (or hand it to something that will) before the next call, so that a crash or a kill of
 * the writing thread loses at most the line being written.
 */
export interface TraceSink {
  write(line: string): void;
  /**
   * The same, as UTF-8 bytes: preferred by the writer when present. `line` is a view into the
   * writer's buffer, valid only during the call — copy it.
   */
  writeBytes?(line: Uint8Array): void;
  /** Called once after the end record. */
  close?(): void;
}

/** Collects lines in memory (tests, the app's live runs). */
export function createMemorySink(): TraceSink & { readonly lines: string[]; text(): string } {
  const lines: string[] = [];
  return {
    lines,
    write(line) {
      lines.push(line);
    },
    text() {
      return lines.join("");
    },
  };
}
