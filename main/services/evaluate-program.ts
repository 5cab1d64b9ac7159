/**
 * Evaluates a loaded program's bundle in the current (worker) thread and returns its `main`.
 *
 * The bundle is compiled as a CommonJS module body with `vm.compileFunction`, which adds no
 * wrapper text, so the source map's lines and columns hold as they are. `require` resolves from
 * the program's own directory (only node builtins are left external by the loader). Failures are
 * one-line results: an exception while the module initialises, or no function to run.
 */
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import type { LoadedProgram } from "./load-program";
import { describeThrown, type StackMapping } from "./stack-mapping";

export type ProgramMain = (...args: unknown[]) => unknown;
export type EvaluateResult = { readonly ok: true; readonly main: ProgramMain } | { readonly ok: false; readonly error: string };

/** The file name stack frames of the bundle carry (the stack mapping rewrites them). */
export function bundleFileName(programPath: string): string {
  return `${programPath}.goroscope.cjs`;
}

/**
 * Compiles the bundle once; each `instantiate()` runs the module body afresh — a new module
 * scope, so a program's top-level state starts over for every run of `goroscope check`.
 * @param program the program's path as the user gave it, for messages
 */
export function compileProgram(
  loaded: LoadedProgram,
  program: string,
  stacks: StackMapping,
): { instantiate(): EvaluateResult } | { readonly ok: false; readonly error: string } {
  const filename = bundleFileName(loaded.programPath);
  let body: (...args: unknown[]) => unknown;
  try {
    body = vm.compileFunction(loaded.code, ["exports", "require", "module", "__filename", "__dirname"], { filename }) as (...args: unknown[]) => unknown;
  } catch (err) {
    return { ok: false, error: `${program} threw while loading: ${describeThrown(err)}` };
  }
  const require = createRequire(loaded.programPath);
  return {
    instantiate(): EvaluateResult {
      const module = { exports: {} as Record<string, unknown> };
      try {
        body.call(module.exports, module.exports, require, module, loaded.programPath, path.dirname(loaded.programPath));
      } catch (err) {
        const site = stacks.userSite(err);
        return { ok: false, error: `${program} threw while loading: ${describeThrown(err)}${site ? ` (${site})` : ""}` };
      }
      const exported: unknown = module.exports;
      const main = typeof exported === "function" ? exported : (exported as Record<string, unknown> | null)?.default;
      if (typeof main === "function") return { ok: true, main: main as ProgramMain };
      return { ok: false, error: `${program} has no default export (export default async function main() {...})` };
    },
  };
}

/**
 * @param program the program's path as the user gave it, for messages
 */
export function evaluateProgram(loaded: LoadedProgram, program: string, stacks: StackMapping): EvaluateResult {
  const compiled = compileProgram(loaded, program, stacks);
  return "instantiate" in compiled ? compiled.instantiate() : compiled;
}
