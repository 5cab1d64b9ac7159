// Bad input and bad usage: one clear line on stderr, exit 2, never a stack trace of ours.
import { describe, expect, it } from "vitest";
import { fixture, goroscope } from "./cli-helpers";

const cases: ReadonlyArray<{ name: string; args: string[]; line: string | RegExp }> = [
  { name: "missing file", args: ["run", fixture("nope.ts")], line: `goroscope: cannot open ${fixture("nope.ts")}: no such file` },
  { name: "directory", args: ["run", "test"], line: "goroscope: cannot open test: is a directory" },
  {
    name: "compile error",
    args: ["run", fixture("compile-error.ts")],
    line: `goroscope: ${fixture("compile-error.ts")}:3:9: compile error: Expected ";" but found "x"`,
  },
  {
    name: "unresolvable import",
    args: ["run", fixture("bad-import.ts")],
    line: `goroscope: ${fixture("bad-import.ts")}:2:24: compile error: Could not resolve "./does-not-exist"`,
  },
  {
    name: "no default export",
    args: ["run", fixture("no-default.ts")],
    line: `goroscope: ${fixture("no-default.ts")} has no default export (export default async function main() {...})`,
  },
  {
    name: "exception at import",
    args: ["run", fixture("throws-at-import.ts")],
    line: `goroscope: ${fixture("throws-at-import.ts")} threw while loading: ReferenceError: foo is not defined (${fixture("throws-at-import.ts")}:4)`,
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
  it.each(cases)("$name: one line, exit 2", ({ args, line }) => {
    const r = goroscope(args);
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
