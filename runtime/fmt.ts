/**
 * Go's fmt for JavaScript values: `%v` formatting (what Println prints), Printf verbs, and the
 * bounded previews the trace stores for channel values.
 *
 * `%v` rules followed: strings print raw; numbers as Go prints ints and floats (%v of a float is
 * %g-like: `1e+21`, `0.5`); booleans `true`/`false`; `undefined`/`null` → `<nil>`; arrays
 * `[a b c]`; Maps `map[k:v ...]` with keys sorted, as Go prints maps; Sets as `map[k:true]`;
 * plain objects as Go structs `{a b}` (`%+v`: `{x:a y:b}`); errors print their message.
 */

const MAX_DEPTH = 6;

function formatNumber(n: number): string {
  if (Number.isInteger(n) || !Number.isFinite(n)) {
    if (n === Infinity) return "+Inf";
    if (n === -Infinity) return "-Inf";
    if (Number.isNaN(n)) return "NaN";
    if (Math.abs(n) >= 1e21) return expForm(n);
    return String(n);
  }
  const s = String(n);
  return s.includes("e") ? expForm(n) : s;
}

/** Go writes exponents with a sign and at least two digits: 1e+21, 1.5e-07. */
function expForm(n: number): string {
  return n.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
}

function sortKey(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const sa = formatValue(a, false, 0), sb = formatValue(b, false, 0);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Bounds for previews: deep or long values are cut, so a preview costs little whatever the value. */
interface Limits {
  readonly depth: number;
  readonly items: number;
}
const FULL: Limits = { depth: MAX_DEPTH, items: Infinity };
const PREVIEW: Limits = { depth: 2, items: 12 };

function items<T>(xs: Iterable<T>, lim: Limits, f: (x: T) => string): string {
  const out: string[] = [];
  for (const x of xs) {
    if (out.length >= lim.items) {
      out.push("...");
      break;
    }
    out.push(f(x));
  }
  return out.join(" ");
}

/** `%v` (plus = `%+v`). */
export function formatValue(v: unknown, plus = false, depth = 0, lim: Limits = FULL): string {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return formatNumber(v);
    case "bigint":
      return v.toString();
    case "boolean":
      return v ? "true" : "false";
    case "undefined":
      return "<nil>";
    case "symbol":
      return v.toString();
    case "function":
      return `func ${v.name || ""}`.trimEnd();
  }
  if (v === null) return "<nil>";
  if (depth > lim.depth) return "...";
  const d = depth + 1;
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    return `[${items(v as unknown as Iterable<unknown>, lim, (x) => formatValue(x, plus, d, lim))}]`;
  }
  if (v instanceof Map) {
    const keys = v.size <= 1000 ? [...v.keys()].sort(sortKey) : [...v.keys()];
    return `map[${items(keys, lim, (k) => `${formatValue(k, plus, d, lim)}:${formatValue(v.get(k), plus, d, lim)}`)}]`;
  }
  if (v instanceof Set) {
    return `map[${items([...v].sort(sortKey), lim, (k) => `${formatValue(k, plus, d, lim)}:true`)}]`;
  }
  if (v instanceof Error) return v.message;
  if (v instanceof Date) return v.toISOString();
  const str = (v as { toString?: () => string }).toString;
  if (typeof str === "function" && str !== Object.prototype.toString) return String(v);
  const entries = Object.entries(v as object);
  return `{${items(entries, lim, ([k, x]) => (plus ? `${k}:${formatValue(x, plus, d, lim)}` : formatValue(x, plus, d, lim)))}}`;
}

/** Go's `%q` for strings (Go-syntax quoted), `%v` for the rest. */
export function quote(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : formatValue(v);
}

/** fmt.Println: operands always separated by one space. */
export function sprintln(args: readonly unknown[]): string {
  return args.map((a) => formatValue(a)).join(" ") + "\n";
}

/** fmt.Print: a space between operands only when neither side is a string. */
export function sprint(args: readonly unknown[]): string {
  let out = "";
  for (let i = 0; i < args.length; i++) {
    if (i > 0 && typeof args[i] !== "string" && typeof args[i - 1] !== "string") out += " ";
    out += formatValue(args[i]);
  }
  return out;
}

const VERB = /%([-+# 0]*)(\d+|\*)?(?:\.(\d+|\*))?([vdsqtfgexXcTbo%])/g;

/** fmt.Sprintf with the verbs Go programs use most: %v %+v %d %s %q %t %f %g %e %x %X %c %b %o %T %%. */
export function sprintf(format: string, args: readonly unknown[]): string {
  let i = 0;
  const next = (): unknown => (i < args.length ? args[i++] : MISSING);
  let out = format.replace(VERB, (_m, flags: string, width: string | undefined, prec: string | undefined, verb: string) => {
    if (verb === "%") return "%";
    const w = width === "*" ? Number(next()) : width ? Number(width) : 0;
    const p = prec === "*" ? Number(next()) : prec !== undefined ? Number(prec) : undefined;
    const a = next();
    if (a === MISSING) return `%!${verb}(MISSING)`;
    return pad(formatVerb(verb, flags, p, a), w, flags);
  });
  if (i < args.length) out += `%!(EXTRA ${args.slice(i).map((a) => `${typeName(a)}=${formatValue(a)}`).join(", ")})`;
  return out;
}

const MISSING = Symbol("missing");

function formatVerb(verb: string, flags: string, prec: number | undefined, a: unknown): string {
  switch (verb) {
    case "v":
      return flags.includes("+") ? formatValue(a, true) : flags.includes("#") ? JSON.stringify(a) ?? "nil" : formatValue(a);
    case "d":
      return typeof a === "number" ? (flags.includes("+") && a >= 0 ? "+" : "") + Math.trunc(a).toString() : bad(verb, a);
    case "s":
      return prec !== undefined ? formatValue(a).slice(0, prec) : formatValue(a);
    case "q":
      return typeof a === "number" ? `'${String.fromCodePoint(a)}'` : JSON.stringify(formatValue(a));
    case "t":
      return typeof a === "boolean" ? String(a) : bad(verb, a);
    case "f":
      return typeof a === "number" ? a.toFixed(prec ?? 6) : bad(verb, a);
    case "e":
      return typeof a === "number" ? a.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, "e$10$2") : bad(verb, a);
    case "g":
      return typeof a === "number" ? (prec !== undefined ? String(Number(a.toPrecision(prec))) : formatNumber(a)) : bad(verb, a);
    case "x":
    case "X": {
      const s = typeof a === "number" ? Math.trunc(a).toString(16) : typeof a === "string" ? [...new TextEncoder().encode(a)].map((b) => b.toString(16).padStart(2, "0")).join("") : bad(verb, a);
      return verb === "X" ? s.toUpperCase() : s;
    }
    case "b":
      return typeof a === "number" ? Math.trunc(a).toString(2) : bad(verb, a);
    case "o":
      return typeof a === "number" ? Math.trunc(a).toString(8) : bad(verb, a);
    case "c":
      return typeof a === "number" ? String.fromCodePoint(a) : bad(verb, a);
    case "T":
      return typeName(a);
  }
  return bad(verb, a);
}

function bad(verb: string, a: unknown): string {
  return `%!${verb}(${typeName(a)}=${formatValue(a)})`;
}

function typeName(a: unknown): string {
  if (a === null || a === undefined) return "<nil>";
  if (typeof a === "number") return Number.isInteger(a) ? "int" : "float64";
  if (typeof a === "boolean") return "bool";
  if (typeof a === "string") return "string";
  if (Array.isArray(a)) return "[]interface {}";
  if (a instanceof Map) return "map";
  return (a as object).constructor?.name ?? "object";
}

function pad(s: string, w: number, flags: string): string {
  if (s.length >= w) return s;
  if (flags.includes("-")) return s.padEnd(w);
  return flags.includes("0") && /^[-+]?\d/.test(s) ? (/^[-+]/.test(s) ? s[0] + s.slice(1).padStart(w - 1, "0") : s.padStart(w, "0")) : s.padStart(w);
}

/**
 * A bounded, inert preview of a value for the trace: Go `%v` (strings quoted), at most `max`
 * characters with an ellipsis. Never code to run: the trace stores it as a JSON string.
 */
export function preview(v: unknown, max = 80): string {
  let s: string;
  try {
    s = typeof v === "string" ? JSON.stringify(v.length > max ? v.slice(0, max) : v) : formatValue(v, false, 0, PREVIEW);
  } catch {
    s = "?";
  }
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}
