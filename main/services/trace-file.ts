/**
 * The `-o` file: trace bytes arrive from the worker's pipe in records of any size; this writes
 * them out as whole lines, streaming, and hands each line to a listener (the goroutine replay).
 *
 * Invariants: only complete `\n`-terminated lines reach the file, so a worker killed in the
 * middle of a line (possible only for a line larger than a pipe record) leaves no fragment for the
 * CLI's own end record to be glued to. Bytes reach the file at every `flush` (each pipe drain):
 * what the worker wrote survives a kill of the worker. The file is created on the first line, so a
 * program that fails to load leaves no empty trace behind.
 */
import fs from "node:fs";

export interface TraceFile {
  /** Trace bytes as they came out of the pipe. */
  append(bytes: Uint8Array): void;
  /** Writes every complete line received so far. */
  flush(): void;
  /** Appends one line of our own (the end record of a killed run). */
  appendLine(line: string): void;
  close(): void;
  /** Why writing failed (`ENOSPC`...): from then on nothing more is written. */
  readonly failure: string | undefined;
}

const NEWLINE = 0x0a;
const decoder = new TextDecoder();

export function createTraceFile(filePath: string | undefined, onLine: (line: string) => void): TraceFile {
  let fd: number | undefined;
  let pending: Uint8Array[] = [];
  let failure: string | undefined;

  function writeOut(bytes: Uint8Array): void {
    if (filePath === undefined || failure !== undefined) return;
    try {
      fd ??= fs.openSync(filePath, "w");
      for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
    } catch (err) {
      failure = (err as NodeJS.ErrnoException).code ?? String(err);
    }
  }

  function flush(): void {
    let end = pending.length - 1;
    while (end >= 0 && pending[end]!.lastIndexOf(NEWLINE) < 0) end--;
    if (end < 0) return;
    const cut = pending[end]!.lastIndexOf(NEWLINE) + 1;
    const complete = Buffer.concat([...pending.slice(0, end), pending[end]!.subarray(0, cut)]);
    pending = [pending[end]!.subarray(cut), ...pending.slice(end + 1)].filter((b) => b.length > 0);
    writeOut(complete);
    const lines = decoder.decode(complete).split("\n");
    lines.pop();
    for (const line of lines) onLine(line);
  }

  return {
    append(bytes) {
      pending.push(bytes);
    },
    flush,
    appendLine(line) {
      writeOut(Buffer.from(line.endsWith("\n") ? line : `${line}\n`));
    },
    close() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
    get failure() {
      return failure;
    },
  };
}
