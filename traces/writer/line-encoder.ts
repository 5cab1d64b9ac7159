/**
 * Encodes JSON lines straight to UTF-8 bytes in one module-level buffer, with positions passed
 * by value: the runtime writes a line per operation, and this shape (plain functions, a two-digit
 * table for numbers, literals pre-encoded once) costs a fraction of a template literal plus a
 * UTF-8 encode.
 *
 * Protocol: `reserve(n)` before writing at most n bytes from position 0, then chain
 * `p = putX(p, ...)` calls and hand `line(p)` to the sink. The returned view is valid until the
 * next `reserve`. Single-threaded by construction (JavaScript), so one buffer serves every writer.
 */
const TEXT = new TextEncoder();

let B = new Uint8Array(1 << 16);

const DIGITS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  DIGITS[2 * i] = 48 + ((i / 10) | 0);
  DIGITS[2 * i + 1] = 48 + (i % 10);
}

/** Pre-encodes an ASCII literal (keys, kinds, punctuation). */
export function lit(s: string): Uint8Array {
  return TEXT.encode(s);
}

/** Makes room for n bytes from position 0. */
export function reserve(n: number): void {
  if (n > B.length) B = new Uint8Array(Math.max(n, B.length * 2));
}

export function line(p: number): Uint8Array {
  return B.subarray(0, p);
}

export function putLit(p: number, codes: Uint8Array): number {
  const b = B;
  for (let i = 0; i < codes.length; i++) b[p + i] = codes[i];
  return p + codes.length;
}

export function putByte(p: number, c: number): number {
  B[p] = c;
  return p + 1;
}

function countDigits(n: number): number {
  return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 1e4 ? 4 : n < 1e5 ? 5 : n < 1e6 ? 6 : n < 1e7 ? 7 : n < 1e8 ? 8 : n < 1e9 ? 9 : 10;
}

/** A non-negative integer below 2^31, two digits at a time. */
function putSmall(p: number, n: number): number {
  const b = B;
  const q = p + countDigits(n);
  let m = n;
  let i = q;
  while (m >= 100) {
    const r = m % 100;
    m = (m / 100) | 0;
    b[--i] = DIGITS[2 * r + 1];
    b[--i] = DIGITS[2 * r];
  }
  if (m >= 10) {
    b[--i] = DIGITS[2 * m + 1];
    b[--i] = DIGITS[2 * m];
  } else b[--i] = 48 + m;
  return q;
}

/** A number as JSON writes it (at most 24 bytes; `null` for NaN and infinities). */
export function putNum(p: number, n: number): number {
  if (n >= 0 && n <= 0x7fffffff && (n | 0) === n) return putSmall(p, n);
  if (n >= 0 && n <= Number.MAX_SAFE_INTEGER && Math.floor(n) === n) {
    // Safe integers above 2^31 (nanosecond times past 2.1 s): high part, then 9 zero-padded digits.
    const hi = Math.floor(n / 1e9);
    const lo = n - hi * 1e9;
    p = putNum(p, hi);
    const q = putSmall(p, lo);
    const pad = 9 - (q - p);
    if (pad > 0) {
      B.copyWithin(p + pad, p, q);
      B.fill(48, p, p + pad);
    }
    return p + 9;
  }
  return putRaw(p, Number.isFinite(n) ? String(n) : "null");
}

/** Worst-case bytes of `putStr(s)`: JSON escapes can take 6 bytes per UTF-16 unit. */
export function strBound(s: string): number {
  return s.length * 6 + 2;
}

/** A JSON string literal of s, quotes included. Plain ASCII is copied; anything else goes through JSON.stringify. */
export function putStr(p: number, s: string): number {
  const b = B;
  let q = p;
  b[q++] = 34;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126 || c === 34 || c === 92) return putRaw(p, JSON.stringify(s));
    b[q++] = c;
  }
  b[q++] = 34;
  return q;
}

/** Text that is already valid JSON in context. Needs `strBound`-style room (3 bytes per UTF-16 unit). */
export function putRaw(p: number, s: string): number {
  return p + TEXT.encodeInto(s, B.subarray(p)).written;
}
