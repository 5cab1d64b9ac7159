// The loader's call-site instrumentation, on sample programs: what it rewrites, the loc table it
// builds, and that the id a call sees is its own even with nested calls and awaits.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { loadProgram, type LoadedProgram } from "../../main/services/load-program";
import { tempDir } from "./cli-helpers";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function load(source: string, name = "prog.ts"): Promise<LoadedProgram> {
  fs.writeFileSync(path.join(dir, name), source);
  const r = await loadProgram(name, dir);
  if (!r.ok) throw new Error(r.error);
  return r.program;
}

/** Evaluates a bundle against a fake runtime whose functions record the loc id they were called with. */
function evaluate(program: LoadedProgram, fake: Record<string, unknown>): Record<string, unknown> {
  const cursor = { l: 0, t: undefined as unknown };
  (globalThis as Record<symbol, unknown>)[Symbol.for("goroscope.loc")] = cursor;
  (globalThis as Record<symbol, unknown>)[Symbol.for("goroscope.runtime")] = fake;
  const module = { exports: {} as Record<string, unknown> };
  vm.compileFunction(program.code, ["exports", "require", "module"]).call(null, module.exports, require, module);
  return { ...module, cursor };
}

const lineOf = (program: LoadedProgram, id: number) => program.locs[id]!.line;

describe("instrumentation", () => {
  it("numbers call sites from 1 with TypeScript lines, columns and Go-style function names", async () => {
    const p = await load(
      [
        'import { go, chan, println } from "goroscope/runtime";', // 1
        "async function worker(c: any) {", // 2
        "  await c.send(1);", // 3
        "}", // 4
        "export default async function main() {", // 5
        "  const c = chan<number>();", // 6
        "  go(worker, c);", // 7
        "  go(async () => { println(await c.recv()); });", // 8
        "  const f = () => println('f');", // 9
        "  [1].forEach(() => { [2].map(function () { println(); }); });", // 10
        "}", // 11
        "class Box { open() { println('open'); } }", // 12
        "println(new Box());", // 13
      ].join("\n"),
    );
    expect(p.locs[0]).toEqual({ file: "", line: 0, col: 0, fn: "" });
    const sites = p.locs.slice(1).map((l) => `${l.file}:${l.line}:${l.col} ${l.fn}`);
    expect(sites).toEqual([
      "prog.ts:3:11 worker",
      "prog.ts:6:13 main",
      "prog.ts:7:3 main",
      "prog.ts:8:3 main",
      "prog.ts:8:20 main.func1",
      "prog.ts:8:36 main.func1",
      "prog.ts:9:19 f",
      "prog.ts:10:7 main",
      "prog.ts:10:27 main.func2",
      "prog.ts:10:45 main.func2.func1",
      "prog.ts:12:22 Box.open",
      "prog.ts:13:1 init",
      "prog.ts:13:9 init",
    ]);
  });

  it("keeps every line where it was: no newline is inserted", async () => {
    const p = await load('import { println } from "goroscope/runtime";\nexport default async function main() {\n  println(1, 2);\n}\n');
    const bundleLines = p.code.split("\n").length;
    expect(p.code).toContain("println)(1, (__gs.l = 1, 2))");
    expect(p.code.split("\n").find((l) => l.includes("__gs.l = 1"))).toBeDefined();
    expect(bundleLines).toBeGreaterThan(3);
  });

  it("sets the id after the arguments ran: nested calls and awaits cannot leave theirs", async () => {
    const p = await load(
      [
        'import { send, id, wait } from "goroscope/runtime";',
        "export default async function main() {",
        "  send(id(1), id(2));",
        "  send(await wait(), 3);",
        "  id(4).toString();",
        "  send(...[id(5)]);",
        "  new (id(6) as any)();",
        "}",
      ].join("\n"),
    );
    const seen: Array<[string, number]> = [];
    let cursor: { l: number } = { l: 0 };
    const fake = {
      send: () => seen.push(["send", cursor.l]),
      id: (v: number) => (seen.push(["id", cursor.l]), v === 6 ? class {} : { toString: () => seen.push(["toString", cursor.l]) }),
      wait: async () => {
        cursor.l = -1; // another goroutine ran meanwhile
        return 0;
      },
    };
    const m = evaluate(p, fake);
    cursor = m.cursor as { l: number };
    await ((m.exports as Record<string, unknown>).default as () => Promise<void>)();
    expect(seen.map(([what, l]) => `${what}@${lineOf(p, l)}`)).toEqual([
      "id@3", "id@3", "send@3", "send@4", "id@5", "toString@5", "id@6", "send@6", "id@7",
    ]);
  });

  it("tags for await so a channel range knows its site", async () => {
    const p = await load('import { chan } from "goroscope/runtime";\nexport default async function main() {\n  for await (const x of chan()) void x;\n}\n');
    expect(p.code).toMatch(/for await \(const x of \(__gs\.t = .*chan\)\(\)\), __gs\.l = 1, __gs\.t\)\)/);
    expect(p.locs[1]).toMatchObject({ line: 3, col: 3, fn: "main" });
  });

  it("leaves super() calls and esbuild's helpers alone, and optional chains intact", async () => {
    const p = await load(
      [
        "class A { constructor(x: number) {} }",
        "class B extends A { constructor() { super(1); } }",
        "export default async function main() {",
        "  const o: any = undefined;",
        "  return [o?.a().b, o?.f?.(), new B()];",
        "}",
      ].join("\n"),
    );
    expect(p.code).toContain("super(1)");
    expect(p.code).not.toMatch(/__name\(\(__gs/);
    const m = evaluate(p, {});
    const result = await ((m.exports as Record<string, unknown>).default as () => Promise<unknown[]>)();
    expect(result.slice(0, 2)).toEqual([undefined, undefined]);
  });

  it("names the default export main whatever its name, and anonymous ones too", async () => {
    const named = await load('import { println } from "goroscope/runtime";\nexport default async function run() { println(1); }\n', "named.ts");
    expect(named.locs[1]).toMatchObject({ file: "named.ts", fn: "main" });
    const anon = await load('import { println } from "goroscope/runtime";\nexport default async () => { println(1); };\n', "anon.ts");
    expect(anon.locs[1]).toMatchObject({ file: "anon.ts", fn: "main" });
  });

  it("does not instrument code from node_modules", async () => {
    fs.mkdirSync(path.join(dir, "node_modules", "lib"), { recursive: true });
    fs.writeFileSync(path.join(dir, "node_modules", "lib", "index.js"), "exports.twice = (f) => { f(); f(); };\n");
    const p = await load('import { twice } from "lib";\nexport default async function main() { twice(() => 1); }\n', "uses-lib.ts");
    expect(p.locs.slice(1).map((l) => l.file)).toEqual(["uses-lib.ts"]);
  });
});
