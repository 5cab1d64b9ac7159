/**
 * The framing of a model snapshot (snapshot.ts): a fixed head, one JSON section, then binary
 * sections (typed arrays) that the JSON describes, so a reader can view them in place.
 *
 *   offset  size  field
 *        0     8  magic "GOROSNAP" (ASCII)
 *        8     4  version (u32 LE): `SNAPSHOT_VERSION` of the writer
 *       12     4  J, the JSON section's length in bytes (u32 LE)
 *       16     4  checksum of the binary area (u32 LE), see `Checksum`
 *       20     4  zero
 *       24     J  JSON (UTF-8); its `sections` maps each section's name to [type, offset, count]
 *                 zero padding up to B = the next multiple of 8
 *        B        the binary area: each section at a multiple of 8 from B, zero-padded to one
 *
 * Invariants: section offsets are relative to B and multiples of 8, so with the snapshot at a
 * multiple of 8 in its buffer every section can be viewed in place; the snapshot ends exactly at
 * the end of its binary area; elements are in the platform's byte order, which must be
 * little-endian (every platform the app runs on is), and both ends check it. An `i32` section is
 * stored as `i8` or `i16` when every value fits (the writer narrows, the reader widens): a
 * snapshot crosses a process boundary, where each byte costs more than the copy that saves it.
 * A column of references that grow within each kind of event (pool offsets, sequence numbers)
 * may instead be stored as keyed deltas: each value minus the previous value of the same key (a
 * `u8` section masked, e.g. the event kinds; the first of each key minus that key's base),
 * narrowed in turn; its ref then names the key section, the mask and the bases (the first value
 * of each key): `[type, offset, count, keySection, mask, bases]`.
 */
import { concatBytes } from "../format/bytes";

/** Bumped whenever the layout or the meaning of any saved field changes. */
export const SNAPSHOT_VERSION = 3;

const MAGIC = "GOROSNAP";
const HEAD_BYTES = 24;

const ELEMENT_TYPES = { u8: Uint8Array, i32: Int32Array, f64: Float64Array } as const;
/** The element types sections are written and read as. */
export type ElementType = keyof typeof ELEMENT_TYPES;
/** The element types sections are stored as: an `i32` section may be stored narrowed. */
const STORED_TYPES = { ...ELEMENT_TYPES, i8: Int8Array, i16: Int16Array } as const;
type StoredType = keyof typeof STORED_TYPES;
/** An `i32` section's content may be an Int16Array already (a model's 16-bit columns). */
type Column = Uint8Array | Int16Array | Int32Array | Float64Array;
type ColumnOf<T extends ElementType> = InstanceType<(typeof ELEMENT_TYPES)[T]>;

/**
 * Where a section lies: its stored element type, byte offset from the binary area, element count;
 * for keyed deltas also the key section, the mask and each key's base.
 */
export type SectionRef = readonly [StoredType, number, number] | readonly [StoredType, number, number, string, number, readonly number[]];

/** Keyed deltas (see the header): the key of element i is `keys[i] & mask`. */
export interface DeltaKeys {
  readonly section: string;
  readonly keys: Uint8Array;
  readonly mask: number;
}

/** Keyed deltas back to values, in place (the inverse of `keyedDeltas`, below). */
function undoKeyedDeltas(column: Int32Array, keys: Uint8Array, mask: number, bases: readonly number[]): void {
  const last = Int32Array.from(bases);
  for (let i = 0; i < column.length; i++) {
    const k = keys[i]! & mask;
    last[k] = column[i] = (column[i]! + last[k]!) | 0;
  }
}

/** Every problem with a snapshot's bytes surfaces as this error, before any model is built. */
export function snapshotError(why: string): never {
  throw new Error(`invalid model snapshot: ${why}`);
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function requireLittleEndian(): void {
  if (!littleEndian) throw new Error("model snapshots need a little-endian platform");
}

const align8 = (n: number): number => (n + 7) & ~7;

/**
 * Fletcher-style sums over the binary area as 32-bit words, in four lanes (a quarter of the loop
 * iterations: decoding runs it once, before the JIT has warmed up): catches flipped, lost and
 * reordered words, for 5-30 ms per 40 MB where a CRC would cost several times that.
 *
 * Fed in pieces (the writer's parts, which split words and blocks of four anywhere), it sums as
 * over the pieces joined: whole blocks of four words feed the lanes, the last one to three words
 * (when the area's word count is not a multiple of four) feed lane `a` alone; bytes past the last
 * whole word are not summed (the binary area has none).
 */
class Checksum {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private s = 0;
  /** Bytes of a block of four words not yet complete: the next piece completes it. */
  private readonly carry = new Uint8Array(16);
  private readonly carryWords = new Int32Array(this.carry.buffer);
  private carried = 0;
  /** For a piece not at a multiple of 4 in its buffer (in practice none: see `update`), lazily made. */
  private scratch: Uint8Array | undefined;

  update(bytes: Uint8Array): void {
    let at = 0;
    if (this.carried > 0) {
      at = Math.min(16 - this.carried, bytes.length);
      this.carry.set(bytes.subarray(0, at), this.carried);
      this.carried += at;
      if (this.carried < 16) return;
      this.blocks(this.carryWords, 4);
      this.carried = 0;
    }
    const whole = (bytes.length - at) & ~15;
    // Typed arrays start at a multiple of their element size, and sections at a multiple of 8 of
    // the area: pieces are viewed in place as words. The copy is only for foreign alignments.
    if ((bytes.byteOffset + at) % 4 === 0) {
      this.blocks(new Int32Array(bytes.buffer, bytes.byteOffset + at, whole >> 2), whole >> 2);
    } else {
      const scratch = (this.scratch ??= new Uint8Array(1 << 16));
      for (let from = at; from < at + whole; from += scratch.length) {
        const len = Math.min(scratch.length, at + whole - from);
        scratch.set(bytes.subarray(from, from + len));
        this.blocks(new Int32Array(scratch.buffer, 0, len >> 2), len >> 2);
      }
    }
    at += whole;
    this.carry.set(bytes.subarray(at), 0);
    this.carried = bytes.length - at;
  }

  /** The sum of everything fed so far. */
  digest(): number {
    let { a, s } = this;
    for (let i = 0; i < this.carried >> 2; i++) {
      a = (a + this.carryWords[i]!) | 0;
      s = (s + a) | 0;
    }
    const { b, c, d } = this;
    return (a ^ Math.imul(b, 3) ^ Math.imul(c, 5) ^ Math.imul(d, 7) ^ Math.imul(s, 0x9e3779b1)) >>> 0;
  }

  /** Feeds `count` words of `words` (a multiple of 4). */
  private blocks(words: Int32Array, count: number): void {
    let { a, b, c, d, s } = this;
    for (let i = 0; i < count; i += 4) {
      a = (a + words[i]!) | 0;
      b = (b + words[i + 1]!) | 0;
      c = (c + words[i + 2]!) | 0;
      d = (d + words[i + 3]!) | 0;
      s = (s + a + b + c + d) | 0;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.s = s;
  }
}

/** A section's content: one typed array, or several whose elements follow each other. */
export type SectionContent = Column | readonly Column[];

/** The narrowest of i8, i16 and i32 for values in [min, max]. */
const widthFor = (min: number, max: number): StoredType => (min >= -128 && max <= 127 ? "i8" : min >= -32768 && max <= 32767 ? "i16" : "i32");

/**
 * The narrowest type that holds every value of `columns`, and its copy when narrower than `i32`
 * (none when the one column already is an Int16Array and needs 16 bits).
 */
function narrowed(columns: readonly (Int16Array | Int32Array)[], count: number): { type: StoredType; copy?: Int8Array | Int16Array } {
  let min = 0;
  let max = 0;
  for (const c of columns) {
    for (let i = 0; i < c.length; i++) {
      const v = c[i]!;
      if (v < min) {
        if (v < -32768) return { type: "i32" };
        min = v;
      } else if (v > max) {
        if (v > 32767) return { type: "i32" };
        max = v;
      }
    }
  }
  const type = widthFor(min, max);
  if (type === "i16" && columns.length === 1 && columns[0] instanceof Int16Array) return { type };
  const copy = type === "i8" ? new Int8Array(count) : new Int16Array(count);
  let at = 0;
  for (const c of columns) {
    copy.set(c, at); // every value fits, so the conversion keeps it
    at += c.length;
  }
  return { type, copy };
}

/**
 * `column` as keyed deltas (see the header), when they fit 16 bits: each value minus the previous
 * value with the same key (the first minus the key's base, its own value: 0), in 32-bit
 * arithmetic, so `undoKeyedDeltas` restores the column exactly. A first pass finds their range
 * without writing anything; only deltas that fit are written, straight into the narrow copy.
 */
function keyedDeltas(column: Int32Array, keys: Uint8Array, mask: number): { type: StoredType; copy: Int8Array | Int16Array; bases: number[] } | undefined {
  const bases: number[] = new Array<number>(mask + 1).fill(0);
  const last = new Int32Array(mask + 1);
  const seen = new Uint8Array(mask + 1);
  let min = 0;
  let max = 0;
  for (let i = 0; i < column.length; i++) {
    const k = keys[i]! & mask;
    const v = column[i]!;
    if (seen[k] === 0) {
      seen[k] = 1;
      bases[k] = last[k] = v;
    }
    const d = (v - last[k]!) | 0;
    last[k] = v;
    if (d < min) {
      if (d < -32768) return undefined;
      min = d;
    } else if (d > max) {
      if (d > 32767) return undefined;
      max = d;
    }
  }
  const type = widthFor(min, max);
  const copy = type === "i8" ? new Int8Array(column.length) : new Int16Array(column.length);
  last.set(bases);
  for (let i = 0; i < column.length; i++) {
    const k = keys[i]! & mask;
    const v = column[i]!;
    copy[i] = (v - last[k]!) | 0;
    last[k] = v;
  }
  return { type, copy, bases };
}

/**
 * Collects sections, then lays the snapshot out as parts: one small fresh head (head, JSON and its
 * padding), then each section's arrays viewed in place (or its narrowed copy), each followed by its
 * zero padding (views of one fresh 8-byte buffer). The parts joined are the snapshot; no section
 * stored at its own width is copied.
 */
export class SnapshotWriter {
  private readonly contents: (readonly Column[])[] = [];
  private size = 0;
  readonly sections: Record<string, SectionRef> = {};

  /**
   * Adds a section; an `i32` one is stored narrowed when its values allow, or as keyed deltas
   * when `deltas` is given (one column with a key per element) and they come out narrower.
   */
  add(name: string, type: ElementType, content: SectionContent, deltas?: DeltaKeys): void {
    let columns: readonly Column[] = Array.isArray(content) ? content : [content as Column];
    let count = 0;
    let bytes = 0;
    for (const c of columns) count += c.length;
    let stored: StoredType = type;
    let ref: SectionRef | undefined;
    if (type === "i32") {
      let narrow: { type: StoredType; copy?: Int8Array | Int16Array } = narrowed(columns as readonly (Int16Array | Int32Array)[], count);
      // Deltas are tried where the values themselves need 32 bits (they are not worth a pass to
      // go from 16 bits to 8).
      if (deltas && narrow.type === "i32") {
        if (columns.length !== 1 || deltas.keys.length !== count) throw new Error(`section ${name}: keyed deltas need one column and a key per element`);
        const coded = keyedDeltas(columns[0] as Int32Array, deltas.keys, deltas.mask);
        if (coded) {
          narrow = coded;
          ref = [coded.type, this.size, count, deltas.section, deltas.mask, coded.bases];
        }
      }
      stored = narrow.type;
      if (narrow.copy) columns = [narrow.copy as unknown as Column];
    }
    for (const c of columns) bytes += c.byteLength;
    this.sections[name] = ref ?? [stored, this.size, count];
    this.contents.push(columns);
    this.size += align8(bytes);
  }

  /**
   * The snapshot as parts whose concatenation is the whole; the first starts at offset 0 of its own
   * ArrayBuffer. Parts view the added arrays: those must not change while the parts are in use.
   */
  finish(json: string): Uint8Array[] {
    requireLittleEndian();
    const text = new TextEncoder().encode(json);
    const binStart = align8(HEAD_BYTES + text.length);
    const head = new Uint8Array(binStart);
    const view = new DataView(head.buffer);
    for (let i = 0; i < MAGIC.length; i++) head[i] = MAGIC.charCodeAt(i);
    view.setUint32(8, SNAPSHOT_VERSION, true);
    view.setUint32(12, text.length, true);
    head.set(text, HEAD_BYTES);
    const parts: Uint8Array[] = [head];
    const zeros = new Uint8Array(8);
    const sum = new Checksum();
    const push = (part: Uint8Array) => {
      if (part.length === 0) return;
      parts.push(part);
      sum.update(part);
    };
    for (const columns of this.contents) {
      let bytes = 0;
      for (const c of columns) {
        push(new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
        bytes += c.byteLength;
      }
      push(zeros.subarray(0, align8(bytes) - bytes));
    }
    view.setUint32(16, sum.digest(), true);
    return parts;
  }
}

/** `parts` joined into one `Uint8Array` at offset 0 of its own ArrayBuffer. */
export const joinParts = concatBytes;

/** A checked snapshot: its parsed JSON, and its sections as views into its buffer. */
export class SnapshotReader {
  readonly json: Record<string, unknown>;
  private readonly bytes: Uint8Array;
  private readonly binStart: number;
  private readonly sections: Record<string, unknown>;

  /** Checks the head, the checksum and the JSON's framing; the model's fields are checked by the caller. */
  constructor(input: Uint8Array) {
    requireLittleEndian();
    if (!(input instanceof Uint8Array)) snapshotError("not a Uint8Array");
    if (input.length < HEAD_BYTES) snapshotError(`${input.length} bytes, shorter than the ${HEAD_BYTES}-byte head`);
    for (let i = 0; i < MAGIC.length; i++) {
      if (input[i] !== MAGIC.charCodeAt(i)) snapshotError("no GOROSNAP magic: not a model snapshot");
    }
    const head = new DataView(input.buffer, input.byteOffset, HEAD_BYTES);
    const version = head.getUint32(8, true);
    if (version !== SNAPSHOT_VERSION) snapshotError(`version ${version}, but this build reads version ${SNAPSHOT_VERSION}`);
    const jsonBytes = head.getUint32(12, true);
    this.binStart = align8(HEAD_BYTES + jsonBytes);
    if (input.length < this.binStart || (input.length - this.binStart) % 8 !== 0) {
      snapshotError(`${input.length} bytes do not hold a ${jsonBytes}-byte JSON section and whole 8-byte blocks: truncated?`);
    }
    // Views need the snapshot at a multiple of 8 in its buffer; one copy when it is not.
    this.bytes = input.byteOffset % 8 === 0 ? input : input.slice();
    const sum = new Checksum();
    sum.update(this.bytes.subarray(this.binStart));
    if (sum.digest() !== head.getUint32(16, true)) snapshotError("checksum mismatch: truncated or corrupt");
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(this.bytes.subarray(HEAD_BYTES, HEAD_BYTES + jsonBytes)));
    } catch (e) {
      snapshotError(`JSON section unreadable (${(e as Error).message})`);
    }
    if (typeof json !== "object" || json === null) snapshotError("JSON section is not an object");
    this.json = json as Record<string, unknown>;
    const sections = this.json.sections;
    if (typeof sections !== "object" || sections === null) snapshotError("no section table");
    this.sections = sections as Record<string, unknown>;
  }

  /**
   * Section `name` as a view (a widened copy when stored narrowed), checked for its type, its
   * bounds and (unless undefined) its count.
   */
  get<T extends ElementType>(name: string, type: T, count: number | undefined): ColumnOf<T> {
    const { ref, view } = this.section(name, type, count);
    if (view.constructor === ELEMENT_TYPES[type] && ref.length === 3) return view as ColumnOf<T>;
    // A full-width delta section is copied before it is decoded: the snapshot's bytes stay as they are.
    const wide = new Int32Array(view.length);
    wide.set(view);
    if (ref.length === 6) undoKeyedDeltas(wide, this.get(ref[3], "u8", view.length), ref[4], ref[5]);
    return wide as ColumnOf<T>;
  }

  /** Section `name`'s ref, checked, and a view of its elements as stored (see `get`). */
  private section(name: string, type: ElementType, count: number | undefined): { ref: SectionRef; view: Column | Int8Array } {
    const ref = Object.hasOwn(this.sections, name) ? this.sections[name] : undefined;
    if (!Array.isArray(ref) || (ref.length !== 3 && ref.length !== 6)) snapshotError(`section ${name} is missing`);
    const [t, offset, n, keySection, mask, bases] = ref as unknown[];
    const widen = type === "i32" && (t === "i8" || t === "i16");
    if (t !== type && !widen) snapshotError(`section ${name} holds ${String(t)}, expected ${type}`);
    if (ref.length === 6) {
      if (type !== "i32" || typeof keySection !== "string" || keySection === name) snapshotError(`section ${name} has bad delta keys`);
      if (!Number.isInteger(mask) || (mask as number) < 0 || (mask as number) > 255) snapshotError(`section ${name} has a bad delta key mask`);
      if (!Array.isArray(bases) || bases.length !== (mask as number) + 1 || !bases.every((b) => Number.isInteger(b) && (b | 0) === b)) {
        snapshotError(`section ${name} has bad delta bases`);
      }
    }
    if (!Number.isSafeInteger(offset) || (offset as number) < 0 || (offset as number) % 8 !== 0) snapshotError(`section ${name} has a bad offset`);
    if (!Number.isSafeInteger(n) || (n as number) < 0) snapshotError(`section ${name} has a bad length`);
    if (count !== undefined && n !== count) snapshotError(`section ${name} holds ${String(n)} elements, expected ${count}`);
    const ctor = STORED_TYPES[t as StoredType];
    const start = this.binStart + (offset as number);
    if (start + (n as number) * ctor.BYTES_PER_ELEMENT > this.bytes.length) snapshotError(`section ${name} runs past the end: truncated?`);
    // Typed as over an ArrayBuffer, as the model's own columns are; a SharedArrayBuffer views the same.
    return { ref: ref as unknown as SectionRef, view: new ctor(this.bytes.buffer as ArrayBuffer, this.bytes.byteOffset + start, n as number) };
  }

  /**
   * An `i32` section for a model's 16-or-32-bit column (`NarrowColumn`): stored as `i16`, a view
   * (no widening); as `i8`, a 16-bit copy; otherwise as `get` gives it.
   */
  narrow(name: string, count: number): Int16Array | Int32Array {
    const { ref, view } = this.section(name, "i32", count);
    if (ref.length === 3 && view instanceof Int16Array) return view;
    if (ref.length === 3 && view instanceof Int8Array) return Int16Array.from(view);
    return this.get(name, "i32", count);
  }

  /** `narrow` of section `name` when the table lists it, else undefined. */
  optionalNarrow(name: string, count: number): Int16Array | Int32Array | undefined {
    return Object.hasOwn(this.sections, name) ? this.narrow(name, count) : undefined;
  }

  /** Section `name` when the table lists it, else undefined. */
  optional<T extends ElementType>(name: string, type: T, count: number): ColumnOf<T> | undefined {
    return Object.hasOwn(this.sections, name) ? this.get(name, type, count) : undefined;
  }
}
