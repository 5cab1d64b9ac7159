/**
 * Loads a user's program for a run: bundles it with esbuild (CommonJS, for Node) and instruments
 * its call sites (instrument.ts).
 *
 * `goroscope/runtime` never goes through node_modules: it resolves to a virtual module that hands
 * back the runtime instance the worker already loaded (`globalThis[Symbol.for("goroscope.runtime")]`),
 * so a program anywhere on disk shares the instance `run` comes from. Everything else resolves as
 * esbuild resolves it for Node (node builtins stay external).
 *
 * Bad input is a result, not an exception: the error is one line for the user, without the
 * `goroscope: ` prefix, and never one of our stack traces.
 */
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";
import type { DecodedSourceMap, EncodedSourceMap } from "@jridgewell/trace-mapping";
import type { SourceLoc } from "../../runtime/index";
import { instrumentBundle } from "./instrument";

export const RUNTIME_SPECIFIER = "goroscope/runtime";
/** The global under which the worker publishes the loaded runtime module. */
export const RUNTIME_GLOBAL_KEY = "goroscope.runtime";
const VIRTUAL_NAMESPACE = "goroscope";

export interface LoadedProgram {
  /** Instrumented CommonJS: run it as a function of `(exports, require, module, __filename, __dirname)`. */
  readonly code: string;
  /** The absolute path of the program. */
  readonly programPath: string;
  /** The call-site table (index 0 unused). */
  readonly locs: readonly SourceLoc[];
  /** Maps `code` to the original sources (absolute paths). */
  readonly sourceMap: DecodedSourceMap;
}

export type LoadResult = { readonly ok: true; readonly program: LoadedProgram } | { readonly ok: false; readonly error: string };

/** How a path appears to the user: relative to `cwd` when inside it, absolute otherwise. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative;
}

/** The path to show for a bundle source, or undefined when it is not the user's code (node_modules, virtual modules). */
export function userFile(source: string, cwd: string): string | undefined {
  return path.isAbsolute(source) && !source.split(path.sep).includes("node_modules") ? displayPath(source, cwd) : undefined;
}

/**
 * @param program the path as the user gave it (messages repeat it as given)
 * @param cwd what `program` and the displayed paths are relative to
 */
export async function loadProgram(program: string, cwd: string): Promise<LoadResult> {
  const programPath = path.resolve(cwd, program);
  const unreadable = checkReadable(programPath);
  if (unreadable) return { ok: false, error: `cannot open ${program}: ${unreadable}` };

  let output: esbuild.OutputFile[];
  try {
    output = (await esbuild.build(bundleOptions(programPath, cwd))).outputFiles;
  } catch (err) {
    return { ok: false, error: describeBuildFailure(err, program, cwd) };
  }
  const code = output.find((f) => !f.path.endsWith(".map"))!.text;
  const map = JSON.parse(output.find((f) => f.path.endsWith(".map"))!.text) as EncodedSourceMap;
  const outDir = path.dirname(programPath);
  map.sources = map.sources.map((s) => (s === null || s.startsWith(`${VIRTUAL_NAMESPACE}:`) ? s : path.resolve(outDir, s)));

  const instrumented = instrumentBundle({
    code,
    map,
    userFile: (source) => userFile(source, cwd),
  });
  return { ok: true, program: { programPath, ...instrumented } };
}

function checkReadable(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return "is a directory";
    fs.accessSync(file, fs.constants.R_OK);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return "no such file";
    if (code === "EACCES") return "permission denied";
    return code ?? "unreadable";
  }
}

function bundleOptions(programPath: string, cwd: string): esbuild.BuildOptions & { write: false } {
  return {
    entryPoints: [programPath],
    absWorkingDir: cwd,
    bundle: true,
    write: false,
    format: "cjs",
    platform: "node",
    target: "node20",
    sourcemap: "external",
    sourcesContent: false,
    // Goroutine lanes are named from `fn.name`; keep it even where esbuild renames a binding.
    keepNames: true,
    outfile: path.join(path.dirname(programPath), `${path.basename(programPath)}.goroscope.cjs`),
    logLevel: "silent",
    plugins: [runtimePlugin],
  };
}

const runtimePlugin: esbuild.Plugin = {
  name: "goroscope-runtime",
  setup(build) {
    build.onResolve({ filter: /^goroscope\/runtime$/ }, () => ({ path: "runtime", namespace: VIRTUAL_NAMESPACE }));
    build.onLoad({ filter: /.*/, namespace: VIRTUAL_NAMESPACE }, () => ({
      contents: `module.exports = globalThis[Symbol.for(${JSON.stringify(RUNTIME_GLOBAL_KEY)})];`,
      loader: "js",
    }));
  },
};

function describeBuildFailure(err: unknown, program: string, cwd: string): string {
  const errors = (err as esbuild.BuildFailure | undefined)?.errors;
  const first = errors?.[0];
  if (!first) return `${program}: compile error: ${err instanceof Error ? err.message : String(err)}`;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more ${errors.length === 2 ? "error" : "errors"})` : "";
  const where = first.location
    ? `${displayPath(path.resolve(cwd, first.location.file), cwd)}:${first.location.line}:${first.location.column + 1}`
    : program;
  return `${where}: compile error: ${first.text}${more}`;
}
