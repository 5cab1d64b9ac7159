// Runs the built CLI (`node bin/goroscope.js`) as a user would, and reads what it wrote.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const programs = path.join(repoRoot, "test", "fixtures", "programs");
const bin = path.join(repoRoot, "bin", "goroscope.js");

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export function goroscope(args: readonly string[], cwd = repoRoot): CliRun {
  const started = Date.now();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

/** A fresh directory under the OS temp dir (outside the repo). */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "goroscope-cli-"));
}

export function traceLines(file: string): Record<string, unknown>[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The fixture's path as the CLI shows it (relative to the repo root, where the tests run it). */
export function fixture(name: string): string {
  return path.join("test", "fixtures", "programs", name);
}
