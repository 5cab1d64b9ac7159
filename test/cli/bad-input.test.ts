// Bad input and bad usage: one clear line on stderr, exit 2, never a stack trace of ours.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, goroscope, repoRoot, tempDir } from "./cli-helpers";

// Broken programs are written to a temp dir here: as files of the repo they would break `tsc`.
const broken = tempDir();
afterAll(() => fs.rmSync(broken, { recursive: true, force: true }));
const sources: Record<string, string> = {
  "compile-error.ts": "// A syntax error on line 3.\nconst a = 1;\nconst b x = 2;\nexport default async function main() {}\n",
  "bad-import.ts": '// Imports a module that does not exist.\nimport { helper } from "./does-not-exist";\nexport default async function main() { helper(); }\n',
  "no-default.ts": 'import { println } from "goroscope/runtime";\nexport async function main() { println("never runs"); }\n',
  "throws-at-import.ts": '// Fails while the module initialises.\nimport { println } from "goroscope/runtime";\n\nconst table = foo.bar;\nexport default async function main() { println(table); }\n',
};
for (const [name, text] of Object.entries(sources)) fs.writeFileSync(path.join(broken, name), text);
const outside = (name: string) => path.join(broken, name);

const cases: ReadonlyArray<{ name: string; args: string[]; line: string | RegExp; cwd?: string }> = [
  { name: "missing file", args: ["run", fixture("nope.ts")], line: `goroscope: cannot open ${fixture("nope.ts")}: no such file` },
  { name: "directory", args: ["run", "test"], line: "goroscope: cannot open test: is a directory" },
  {
    name: "compile error",
    args: ["run", "compile-error.ts"],
    cwd: broken,
    line: 'goroscope: compile-error.ts:3:9: compile error: Expected ";" but found "x"',
  },
  {
    name: "unresolvable import",
    args: ["run", "bad-import.ts"],
    cwd: broken,
    line: 'goroscope: bad-import.ts:2:24: compile error: Could not resolve "./does-not-exist"',
  },
  {
    name: "no default export",
    args: ["run", "no-default.ts"],
    cwd: broken,
    line: "goroscope: no-default.ts has no default export (export default async function main() {...})",
  },
  {
    name: "exception at import (paths outside the cwd stay absolute)",
    args: ["run", outside("throws-at-import.ts")],
    line: `goroscope: ${outside("throws-at-import.ts")} threw while loading: ReferenceError: foo is not defined (${outside("throws-at-import.ts")}:4)`,
  },
  {
    name: "unwritable trace path",
    args: ["run", fixture("hello.ts"), "-o", "/nonexistent-dir/t.jsonl"],
    line: "goroscope: cannot write the trace to /nonexistent-dir/t.jsonl: no such directory",
  },
  { name: "unknown flag", args: ["run", fixture("hello.ts"), "--bogus"], line: "error: unknown option '--bogus'" },
  { name: "bad --seed", args: ["run", fixture("hello.ts"), "--seed", "abc"], line: /^error: option '--seed <n>' argument 'abc' is invalid/ },
  { name: "bad --clock", args: ["run", fixture("hello.ts"), "--clock", "fast"], line: /^error: option '--clock <clock>' argument 'fast' is invalid/ },
  { name: "bad --timeout", args: ["run", fixture("hello.ts"), "--timeout", "0"], line: /^error: option '--timeout <seconds>' argument '0' is invalid/ },
  { name: "missing program", args: ["run"], line: "error: missing required argument 'program'" },
  { name: "unknown command", args: ["frobnicate"], line: "error: unknown command 'frobnicate'" },
];

describe("bad input", () => {
  it.each(cases)("$name: one line, exit 2", ({ args, line, cwd }) => {
    const r = goroscope(args, cwd ?? repoRoot);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    if (typeof line === "string") expect(lines[0]).toBe(line);
    else expect(lines[0]).toMatch(line);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("--help and --version exit 0", () => {
    expect(goroscope(["--help"])).toMatchObject({ code: 0, stderr: "" });
    expect(goroscope(["run", "--help"]).stdout).toContain("--max-steps <n>");
    expect(goroscope(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
