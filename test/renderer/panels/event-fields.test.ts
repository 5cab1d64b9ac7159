import { describe, expect, it } from "vitest";
import { chanPartner, eventDetails } from "../../../renderer/src/panels/event-fields";
import { baseName, formatTimePrecise, goroutineLabel, objectLabel, siteText } from "../../../renderer/src/panels/format";
import { neighbourEvent } from "../../../renderer/src/panels/refs";
import { loadFile } from "./helpers";

describe("neighbourEvent", () => {
  const events = Int32Array.from([2, 5, 9]);
  it.each([
    [null, 1, 2],
    [null, -1, 9],
    [0, 1, 2],
    [2, 1, 5],
    [3, 1, 5],
    [9, 1, undefined],
    [5, -1, 2],
    [6, -1, 5],
    [2, -1, undefined],
    [100, -1, 9],
  ] as const)("from %s dir %d → %s", (from, dir, expected) => {
    expect(neighbourEvent(events, from, dir)).toBe(expected);
  });
  it("is undefined for an empty list", () => expect(neighbourEvent(new Int32Array(), null, 1)).toBeUndefined());
});

describe("format", () => {
  it.each([
    [0, "0 ns"],
    [12, "12 ns"],
    [1500, "1.5 µs"],
    [10_000_000, "10 ms"],
    [1_234_567_891, "1.234568 s"],
  ] as const)("formatTimePrecise(%d) = %s", (ns, text) => expect(formatTimePrecise(ns)).toBe(text));
  it("names sites by base name and line", () => {
    expect(siteText({ file: "examples/bugs/leak.ts", line: 12 })).toBe("leak.ts:12");
    expect(siteText(undefined)).toBe("—");
    expect(baseName("C:\\x\\y.ts")).toBe("y.ts");
  });
});

describe("event fields", () => {
  it("pairs each receive with its send and back, on a real trace", async () => {
    const { model } = await loadFile("test/renderer/panels/fixtures/mixed.jsonl");
    expect(goroutineLabel(model, 2)).toBe("worker #2");
    expect(goroutineLabel(model, 0)).toBe("runtime");
    expect(objectLabel(model, 1)).toBe("jobs (chan #1)");
    const send = model.indexOfSeq(6);
    const recv = model.indexOfSeq(16);
    expect(chanPartner(model, recv)).toBe(send);
    expect(chanPartner(model, send)).toBe(recv);
    expect(chanPartner(model, model.indexOfSeq(7))).toBeUndefined(); // "2" is never received
    expect(chanPartner(model, model.indexOfSeq(1))).toBeUndefined(); // not a send or receive
    const fields = eventDetails(model, model.event(recv));
    expect(fields.map((f) => [f.label, f.text])).toEqual([
      ["channel", "jobs (chan #1)"],
      ["value", "1"],
      ["ok", "true"],
      ["len after", "1"],
    ]);
    expect(fields[0]!.ref).toEqual({ kind: "object", id: 1 });
  });

  it("describes every event of every sample without throwing", async () => {
    for (const name of ["mixed", "markup"]) {
      const { model } = await loadFile(`test/renderer/panels/fixtures/${name}.jsonl`);
      for (let i = 0; i < model.eventCount; i++) expect(() => eventDetails(model, model.event(i))).not.toThrow();
    }
  });
});
