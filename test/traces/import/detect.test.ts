import { describe, expect, it } from "vitest";
import { detectTraceFormat } from "../../../traces/import";
import { fixtureBytes } from "./helpers";

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("detectTraceFormat", () => {
  it.each([
    ["go119/leak", "go-pre-1.22"],
    ["go121/mutex", "go-pre-1.22"],
    ["go122/leak", "go-1.22+"],
    ["go123/workerpool", "go-1.22+"],
  ] as const)("knows %s from its first 16 bytes", (name, format) => {
    expect(detectTraceFormat(fixtureBytes(name).subarray(0, 16))).toBe(format);
  });

  it.each([
    ['{"format":"goroscope","version":1,"program":"x"}\n', "goroscope"],
    ['\uFEFF{"format": "goroscope"', "goroscope"],
    ['{"traceEvents":[]}', "unknown"],
    ["go 1.5 trace\0\0\0\0", "go-pre-1.22"],
    ["go 1.25 trace\0\0\0", "go-1.22+"],
    ["go 1.", "unknown"],
    ["", "unknown"],
    ["\x89PNG\r\n", "unknown"],
  ] as const)("%j is %s", (input, format) => {
    expect(detectTraceFormat(text(input))).toBe(format);
  });
});
