/**
 * Builds one JSON line at a time as UTF-8 bytes in a reusable buffer. The runtime writes a line
 * per operation, so this avoids the intermediate strings (and their garbage) that template
 * literals and a later UTF-8 encode would cost.
 *
 * Invariant: between `begin()` and `line()` the buffer holds exactly the bytes of the line being
 * built; `line()` returns a view that is only valid until the next `begin()`.
 */
const TEXT = new TextEncoder();

export class LineEncoder {
  private buf = new Uint8Array(4096);
  private pos = 0;

  begin(): void {
    this.pos = 0;
  }

  /** The finished line, `\n` included. */
  line(): Uint8Array {
    this.byte(10);
    return this.buf.subarray(0, this.pos);
  }

  /** Text known to need no escaping (keys, kinds, punctuation): ASCII, copied code by code. */
  lit(s: string): void {
    const n = s.length;
    if (this.pos + n > this.buf.length) this.ensure(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** A finite number as JSON writes it; non-negative safe integers take a fast path. */
  num(n: number): void {
    if (n >= 0 && n <= 0x7fffffff && (n | 0) === n) return this.smallUint(n);
    if (n >= 0 && n < 0x20000000000000 && Math.floor(n) === n) return this.lit(String(n));
    this.raw(Number.isFinite(n) ? String(n) : "null");
  }

  private smallUint(n: number): void {
    if (this.pos + 10 > this.buf.length) this.ensure(10);
    const buf = this.buf;
    if (n < 10) {
      buf[this.pos++] = 48 + n;
      return;
    }
    let digits = 1;
    for (let m = n; m >= 10; m = (m / 10) | 0) digits++;
    let p = this.pos + digits;
    this.pos = p;
    for (let m = n; p > this.pos - digits; m = (m / 10) | 0) buf[--p] = 48 + (m % 10);
  }

  /** A JSON string literal (quotes included) of `s`. */
  str(s: string): void {
    this.ensure(s.length + 2);
    const buf = this.buf;
    let p = this.pos;
    buf[p++] = 34;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 || c > 126 || c === 34 || c === 92) {
        // Something needs escaping or is not ASCII: let JSON.stringify do the whole string.
        this.pos = this.pos; // unchanged: nothing committed yet
        this.raw(JSON.stringify(s));
        return;
      }
      buf[p++] = c;
    }
    buf[p++] = 34;
    this.pos = p;
  }

  /** Arbitrary text, already valid JSON in context. */
  raw(s: string): void {
    this.ensure(s.length * 3);
    const { written } = TEXT.encodeInto(s, this.buf.subarray(this.pos));
    this.pos += written;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n + 64));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }
}
