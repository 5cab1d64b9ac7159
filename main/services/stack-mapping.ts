/**
 * Stack traces in the user's TypeScript. The worker evaluates the instrumented bundle under one
 * file name; V8's frames point into that bundle. This installs an `Error.prepareStackTrace` that
 * rewrites those frames through the loader's composed source map to `file.ts:line:col`, so panics,
 * crash dumps and load errors name the user's lines. Other frames are formatted as V8 formats them.
 *
 * It also remembers, per error, the first frame in the user's code: the "(examples/x.ts:4)" of a
 * one-line load error.
 */
import { TraceMap, originalPositionFor, type DecodedSourceMap } from "@jridgewell/trace-mapping";

export interface StackMappingOptions {
  /** The file name the bundle was compiled under. */
  readonly bundleFile: string;
  readonly sourceMap: DecodedSourceMap;
  /** The path to show for an original source, or undefined when it is not user code. */
  readonly userFile: (source: string) => string | undefined;
}

export interface StackMapping {
  /** `file.ts:line` of the innermost user frame of `err`, if any. */
  userSite(err: unknown): string | undefined;
}

interface MappedFrame {
  readonly text: string;
  readonly userSite?: string;
}

export function installStackMapping(options: StackMappingOptions): StackMapping {
  const map = new TraceMap(options.sourceMap);
  const sites = new WeakMap<object, string>();

  function mapFrame(frame: NodeJS.CallSite): MappedFrame {
    const text = frame.toString();
    const line = frame.getLineNumber();
    const column = frame.getColumnNumber();
    if (frame.getFileName() !== options.bundleFile || line === null || column === null) return { text };
    const original = originalPositionFor(map, { line, column: column - 1 });
    if (original.source === null) return { text };
    const file = options.userFile(original.source) ?? original.source;
    const where = `${file}:${original.line}:${original.column + 1}`;
    const mapped = text.replace(`${options.bundleFile}:${line}:${column}`, where);
    return options.userFile(original.source) === undefined ? { text: mapped } : { text: mapped, userSite: `${file}:${original.line}` };
  }

  Error.prepareStackTrace = (err: Error, frames: NodeJS.CallSite[]): string => {
    const mapped = frames.map(mapFrame);
    const site = mapped.find((f) => f.userSite !== undefined)?.userSite;
    if (site !== undefined && typeof err === "object" && err !== null) sites.set(err, site);
    return errorHeader(err) + mapped.map((f) => `\n    at ${f.text}`).join("");
  };

  return {
    userSite(err) {
      if (typeof err !== "object" || err === null) return undefined;
      void (err as { stack?: unknown }).stack; // formats the stack (once), which records the site
      return sites.get(err);
    },
  };
}

function errorHeader(err: unknown): string {
  try {
    return Error.prototype.toString.call(err);
  } catch {
    return "Error";
  }
}

/** `ReferenceError: foo is not defined`, or the thrown value itself when it is not an Error: its first line only. */
export function describeThrown(err: unknown): string {
  let text: string;
  if (err instanceof Error || (typeof err === "object" && err !== null && "message" in err)) text = errorHeader(err);
  else {
    try {
      text = String(err);
    } catch {
      text = "a value that cannot be printed";
    }
  }
  return text.split("\n", 1)[0]!;
}
