import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { END_REASONS, EVENT_KINDS } from "../../../traces/format/schema";
import { readTrace } from "../../../traces/reader";

const doc = readFileSync(new URL("../../../docs/trace-format.md", import.meta.url), "utf8");

describe("docs/trace-format.md", () => {
  it("has an example trace that reads without errors or warnings", () => {
    const blocks = [...doc.matchAll(/```jsonl\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(blocks).toHaveLength(1);
    const result = readTrace(blocks[0] as string);
    expect(result).toMatchObject({ ok: true, warnings: [], end: { end: "main-returned" } });
    expect(result.events.length).toBeGreaterThan(5);
  });

  it.each(EVENT_KINDS)("documents the event kind %s in a table", (k) => {
    expect(doc).toContain(`| \`${k}\``);
  });

  it.each(END_REASONS)("documents the end reason %s", (reason) => {
    expect(doc).toContain(`\`${reason}\``);
  });
});
