/** The source panel's tokenizer: exact round trip, token kinds, and markup kept as text. */
import { describe, expect, it } from "vitest";
import { tokenize } from "../../../renderer/src/debugger/tokenize";

const join = (lines: ReturnType<typeof tokenize>) => lines.map((l) => l.map((t) => t.text).join("")).join("\n");
const kinds = (line: ReturnType<typeof tokenize>[number]) => line.filter((t) => t.kind !== "plain").map((t) => `${t.kind}:${t.text}`);

describe("tokenize", () => {
  it("gives each line back exactly", () => {
    const src = 'import { chan } from "goroscope/runtime";\n\nexport default async function main() {\n  const n = 0x1f + 1.5e3; // count\n  /* a\n  block */ const s = `x ${n}\n y`;\n}\n';
    expect(join(tokenize(src))).toBe(src.replace(/\n$/, ""));
    expect(tokenize(src)).toHaveLength(8);
  });

  it("colours keywords, strings, numbers, comments and type names", () => {
    const [line] = tokenize('const ch = chan<number>(3, { name: "jobs" }); // buffered');
    expect(kinds(line!)).toEqual(["keyword:const", "number:3", 'string:"jobs"', "comment:// buffered"]);
    expect(kinds(tokenize("await new Mutex()")[0]!)).toEqual(["keyword:await", "keyword:new", "type:Mutex"]);
  });

  it("carries block comments and template literals across lines", () => {
    const lines = tokenize("/* one\ntwo */ x\nconst t = `a\nb`;");
    expect(lines[0]).toEqual([{ kind: "comment", text: "/* one" }]);
    expect(lines[1]![0]).toEqual({ kind: "comment", text: "two */" });
    expect(lines[3]![0]).toEqual({ kind: "string", text: "b`" });
  });

  it("keeps markup as plain text tokens (rendered with React text, never HTML)", () => {
    const src = 'println("<img src=x onerror=alert(1)>"); // <script>alert(2)</script>';
    const [line] = tokenize(src);
    expect(line!.map((t) => t.text).join("")).toBe(src);
    expect(line!.find((t) => t.kind === "string")!.text).toBe('"<img src=x onerror=alert(1)>"');
  });

  it("never fails on unterminated strings and comments", () => {
    expect(join(tokenize('const s = "open\nnext'))).toBe('const s = "open\nnext');
    expect(join(tokenize("/* open"))).toBe("/* open");
    expect(tokenize("")).toEqual([[]]);
  });
});
