/**
 * A trace sink that writes to a file from the thread that runs the program: lines are copied into
 * a 64 KiB buffer that goes to the file with `fs.writeSync` each time it fills, and once more on
 * `close`.
 *
 * It implements both halves of the sink port (traces/writer/sink.ts): `writeBytes` (the writer's
 * preferred path: a UTF-8 view into the writer's buffer, valid only during the call, so it is
 * copied) and `write` (a string line). Buffering trades the port's "durable before the next line"
 * for throughput: a crash loses up to one buffer of lines, not one line.
 */
import fs from "node:fs";

export const FLUSH_AT = 64 * 1024;

export class FileSink {
  /** Opens (and truncates) `path`. */
  constructor(path) {
    this.fd = fs.openSync(path, "w");
    this.buf = Buffer.allocUnsafe(FLUSH_AT);
    this.pos = 0;
    this.bytes = 0;
    this.lines = 0;
  }

  writeBytes(line) {
    this.lines++;
    if (this.pos + line.length > FLUSH_AT) {
      this.flush();
      if (line.length > FLUSH_AT) return this.writeOut(line, line.length);
    }
    this.buf.set(line, this.pos);
    this.pos += line.length;
  }

  write(line) {
    const most = line.length * 3; // UTF-8 bytes of a UTF-16 string, at most
    if (this.pos + most > FLUSH_AT) {
      this.flush();
      if (most > FLUSH_AT) return this.writeBytes(Buffer.from(line, "utf8"));
    }
    this.lines++;
    this.pos += this.buf.write(line, this.pos, "utf8");
  }

  flush() {
    this.writeOut(this.buf, this.pos);
    this.pos = 0;
  }

  /** Flushes and closes the file; safe to call twice (the runtime calls it after the end record). */
  close() {
    if (this.fd === undefined) return;
    this.flush();
    fs.closeSync(this.fd);
    this.fd = undefined;
  }

  writeOut(bytes, length) {
    for (let at = 0; at < length; ) at += fs.writeSync(this.fd, bytes, at, length - at);
    this.bytes += length;
  }
}
