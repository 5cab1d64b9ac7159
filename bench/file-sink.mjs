/**
 * A trace sink that writes to a file the way the CLI does in-process: lines accumulate in a string
 * and go to the file with one `fs.writeSync` per ~64 KiB, plus a final flush on `close`.
 *
 * This trades the sink contract's "durable before the next call" for throughput: a crash loses up
 * to one buffer of lines, not one line. The threshold counts UTF-16 code units, which equals bytes
 * for the ASCII JSON the trace mostly is.
 */
import fs from "node:fs";

export const FLUSH_AT = 64 * 1024;

export class FileSink {
  /** Opens (and truncates) `path`. */
  constructor(path) {
    this.path = path;
    this.fd = fs.openSync(path, "w");
    this.pending = "";
    this.bytes = 0;
    this.lines = 0;
  }

  write(line) {
    this.pending += line;
    this.lines++;
    if (this.pending.length >= FLUSH_AT) this.flush();
  }

  flush() {
    if (this.pending.length === 0) return;
    this.bytes += fs.writeSync(this.fd, this.pending);
    this.pending = "";
  }

  /** Flushes and closes the file; safe to call twice (the runtime calls it after the end record). */
  close() {
    if (this.fd === undefined) return;
    this.flush();
    fs.closeSync(this.fd);
    this.fd = undefined;
  }
}
