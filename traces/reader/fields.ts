/**
 * Typed access to the fields of one parsed JSON record. Each getter either returns a value of the
 * promised type or throws a `RecordProblem` whose message names the record and the field; the
 * validator catches it at one place and turns it into a line-numbered error. Nothing here throws
 * any other error for any JSON input: values are inspected, never executed or interpreted.
 */

/** A problem with the record being checked; its message has no line prefix (the caller adds it). */
export class RecordProblem extends Error {
  override readonly name = "RecordProblem";
}

export type Rec = Readonly<Record<string, unknown>>;

export function fail(message: string): never {
  throw new RecordProblem(message);
}

export function assertNever(value: never): never {
  throw new Error(`unreachable: ${String(value)}`);
}

export function isRecord(value: unknown): value is Rec {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A short, plain-text preview of a value for an error message (JSON, at most 40 characters). */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    return "a value nested too deeply to show"; // JSON.stringify recurses; JSON.parse does not
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function field(r: Rec, name: string, what: string): unknown {
  const value = Object.hasOwn(r, name) ? r[name] : undefined;
  if (value === undefined) fail(`${what} is missing "${name}"`);
  return value;
}

function wrongType(what: string, name: string, expected: string, value: unknown): never {
  fail(`${what} "${name}" must be ${expected}, got ${describe(value)}`);
}

/** A safe integer ≥ `min`. */
export function int(r: Rec, name: string, what: string, min = 0): number {
  const value = field(r, name, what);
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    wrongType(what, name, `an integer ≥ ${min}`, value);
  }
  return value;
}

/** A finite number ≥ `min`. */
export function num(r: Rec, name: string, what: string, min = -Infinity): number {
  const value = field(r, name, what);
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    wrongType(what, name, min === -Infinity ? "a finite number" : `a finite number ≥ ${min}`, value);
  }
  return value;
}

export function str(r: Rec, name: string, what: string): string {
  const value = field(r, name, what);
  if (typeof value !== "string") wrongType(what, name, "a string", value);
  return value;
}

export function bool(r: Rec, name: string, what: string): boolean {
  const value = field(r, name, what);
  if (typeof value !== "boolean") wrongType(what, name, "true or false", value);
  return value;
}

export function oneOf<T extends string>(r: Rec, name: string, what: string, allowed: readonly T[]): T {
  const value = field(r, name, what);
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    wrongType(what, name, `one of ${allowed.join(", ")}`, value);
  }
  return value as T;
}

export function array(r: Rec, name: string, what: string): readonly unknown[] {
  const value = field(r, name, what);
  if (!Array.isArray(value)) wrongType(what, name, "an array", value);
  return value;
}

export function intArray(r: Rec, name: string, what: string, min = 0): readonly number[] {
  const items = array(r, name, what);
  items.forEach((item, i) => {
    if (typeof item !== "number" || !Number.isSafeInteger(item) || item < min) {
      wrongType(what, `${name}[${i}]`, `an integer ≥ ${min}`, item);
    }
  });
  return items as readonly number[];
}

export function strArray(r: Rec, name: string, what: string): readonly string[] {
  const items = array(r, name, what);
  items.forEach((item, i) => {
    if (typeof item !== "string") wrongType(what, `${name}[${i}]`, "a string", item);
  });
  return items as readonly string[];
}

/** Runs `get` only when the field is present: optional fields may be absent, never mistyped. */
export function optional<T>(r: Rec, name: string, get: (r: Rec) => T): T | undefined {
  return Object.hasOwn(r, name) && r[name] !== undefined ? get(r) : undefined;
}
