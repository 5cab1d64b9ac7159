/** Reading the Go trace fixtures and looking at what they import as. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importGoTrace, type GoImportOptions, type GoImportResult } from "../../../traces/import";

export const FIXTURE_DIR = join(__dirname, "../../fixtures/go-traces");
export const VERSIONS = ["go119", "go121", "go122", "go123"] as const;
export const PROGRAMS = ["leak", "mutex", "selecttimeout", "workerpool"] as const;
export const FIXTURES: readonly string[] = VERSIONS.flatMap((v) => PROGRAMS.map((p) => `${v}/${p}`));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURE_DIR, `${name}.trace`)));
}

export function importFixture(name: string, options: GoImportOptions = {}): GoImportResult {
  return importGoTrace(fixtureBytes(name), { program: `${name}.trace`, ...options });
}

export const jsonl = (r: GoImportResult): string => r.lines.join("\n") + "\n";

export type Line = Record<string, unknown>;
export const records = (r: GoImportResult): Line[] => r.lines.map((l) => JSON.parse(l) as Line);

export function count<T>(items: Iterable<T>, key: (x: T) => string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of items) {
    const k = key(x);
    if (k !== undefined) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
