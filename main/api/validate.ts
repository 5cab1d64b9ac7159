/**
 * Checks every value that arrives from the renderer (IPC arguments, HTTP bodies) before the
 * backend acts on it. A failed check throws `ApiInputError`, which both transports turn into a
 * refused request; nothing reaches the file system unchecked.
 */
import { MENU_COMMANDS, type MenuCommand } from "./contract";

export class ApiInputError extends Error {
  override readonly name = "ApiInputError";
}

const MAX_PATH = 4096;
const MAX_NAME = 255;
const MAX_IMAGE_BYTES = 256 * 1024 * 1024;

export function requireString(value: unknown, what: string, max = MAX_PATH): string {
  if (typeof value !== "string") throw new ApiInputError(`${what} must be a string`);
  if (value.length === 0) throw new ApiInputError(`${what} is empty`);
  if (value.length > max) throw new ApiInputError(`${what} is longer than ${max} characters`);
  if (value.includes("\0")) throw new ApiInputError(`${what} contains a NUL character`);
  return value;
}

export function optionalString(value: unknown, what: string, max = MAX_PATH): string | undefined {
  return value === undefined || value === null ? undefined : requireString(value, what, max);
}

/** A sample name: a plain file stem, so it can never climb out of the samples folder. */
export function requireSampleName(value: unknown): string {
  const name = requireString(value, "sample name", MAX_NAME);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.includes("..")) throw new ApiInputError(`not a sample name: ${JSON.stringify(name)}`);
  return name;
}

/** A trace handle as the backend issued it. */
export function requireTraceId(value: unknown): string {
  const id = requireString(value, "trace id", 64);
  if (!/^t[0-9]+$/.test(id)) throw new ApiInputError(`not a trace id: ${JSON.stringify(id)}`);
  return id;
}

export function requireFileName(value: unknown, what: string): string {
  const name = requireString(value, what, MAX_NAME);
  if (/[\\/]/.test(name)) throw new ApiInputError(`${what} must be a file name, not a path`);
  return name;
}

export function requireBytes(value: unknown, what: string, max = MAX_IMAGE_BYTES): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new ApiInputError(`${what} must be bytes`);
  if (value.byteLength > max) throw new ApiInputError(`${what} is larger than ${max} bytes`);
  return value;
}

/** A PNG: checked by its signature, so the backend never writes anything else under a .png name. */
export function requirePng(value: unknown): Uint8Array {
  const bytes = requireBytes(value, "image");
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.byteLength < 8 || signature.some((b, i) => bytes[i] !== b)) throw new ApiInputError("image is not a PNG");
  return bytes;
}

const MAX_EXPORT_CHARS = 1024 * 1024 * 1024;

/** A trace-event export: a string that starts as the JSON object the exporter writes. */
export function requireExportJson(value: unknown): string {
  if (typeof value !== "string") throw new ApiInputError("export must be a string");
  if (value.length > MAX_EXPORT_CHARS) throw new ApiInputError(`export is longer than ${MAX_EXPORT_CHARS} characters`);
  if (!value.startsWith("{")) throw new ApiInputError("export is not a JSON object");
  return value;
}

export function requireNoteOpened(value: unknown): { name: string; path?: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ApiInputError("expected { name, path? }");
  const v = value as Record<string, unknown>;
  return { name: requireFileName(v.name, "name"), path: optionalString(v.path, "path") };
}

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === "string" && (MENU_COMMANDS as readonly string[]).includes(value);
}
