/**
 * The `-o` file: trace bytes arrive from the worker's pipe in records of any size; this writes
 * them out as whole lines, streaming, one write per pipe drain.
 *
 * Invariants: only complete `\n`-terminated lines reach the file, so a worker killed in the middle
 * of a line (possible only for a line larger than a pipe record) leaves no fragment for the CLI's
 * own end record to be glued to. What the worker published reaches the file at the next `flush`,
 * so it survives a kill of the worker. The file is created with its first line: a program that
 * fails to load leaves no empty trace behind. The lines are not parsed on the way: a killed run
 * reads them back once (`readLines`), which keeps the common path a plain copy.
 */
import fs from "node:fs";

export interface TraceFile {
  /** Trace bytes as they came out of the pipe; `bytes` may be a view valid only during the call. */
  append(bytes: Uint8Array): void;
  /** Writes every complete line received so far. */
  flush(): void;
  /** Appends one line of our own (the end record of a killed run). */
  appendLine(line: string): void;
  /** Hands every line written so far, without its `\n`, to `onLine`. */
  readLines(onLine: (line: string) => void): void;
  close(): void;
  /** Why writing failed (`ENOSPC`...): from then on nothing more is written. */
  readonly failure: string | undefined;
}

const NEWLINE = 0x0a;
const READ_CHUNK = 1 << 20;

/**
 * @param onWritten sees every run of complete lines as it reaches the file (the app follows a
 *   live run this way); `bytes` is valid only during the call.
 */
export function createTraceFile(filePath: string | undefined, onWritten?: (bytes: Uint8Array) => void): TraceFile {
  let fd: number | undefined;
  let batch = Buffer.allocUnsafe(64 * 1024);
  let used = 0;
  let failure: string | undefined;

  function writeOut(bytes: Uint8Array): void {
    if (filePath === undefined || failure !== undefined || bytes.length === 0) return;
    try {
      fd ??= fs.openSync(filePath, "w+");
      for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
    } catch (err) {
      failure = (err as NodeJS.ErrnoException).code ?? String(err);
      return;
    }
    onWritten?.(bytes);
  }

  function append(bytes: Uint8Array): void {
    if (used + bytes.length > batch.length) {
      const grown = Buffer.allocUnsafe(Math.max(batch.length * 2, used + bytes.length));
      batch.copy(grown, 0, 0, used);
      batch = grown;
    }
    batch.set(bytes, used);
    used += bytes.length;
  }

  function flush(): void {
    if (used === 0) return;
    const cut = batch.lastIndexOf(NEWLINE, used - 1) + 1;
    if (cut === 0) return;
    writeOut(batch.subarray(0, cut));
    batch.copyWithin(0, cut, used);
    used -= cut;
  }

  function readLines(onLine: (line: string) => void): void {
    if (fd === undefined) return;
    const decoder = new TextDecoder();
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    let carry = "";
    for (let position = 0; ; ) {
      const n = fs.readSync(fd, chunk, 0, READ_CHUNK, position);
      if (n === 0) break;
      position += n;
      const lines = (carry + decoder.decode(chunk.subarray(0, n), { stream: true })).split("\n");
      carry = lines.pop()!;
      for (const line of lines) onLine(line);
    }
  }

  return {
    append,
    flush,
    appendLine: (line) => writeOut(Buffer.from(line.endsWith("\n") ? line : `${line}\n`)),
    readLines,
    close() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
    get failure() {
      return failure;
    },
  };
}
