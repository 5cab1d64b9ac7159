// Every value from the renderer is checked before the backend acts on it.
import { describe, expect, it } from "vitest";
import {
  ApiInputError, isMenuCommand, optionalString, requireBytes, requireFileName, requireNoteOpened, requirePng, requireSampleName,
  requireString, requireTraceId,
} from "../../../main/api/validate";
import { MENU_COMMANDS } from "../../../main/api/contract";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

describe("requireString", () => {
  it.each([
    [undefined, "p must be a string"],
    [null, "p must be a string"],
    [3, "p must be a string"],
    [["a"], "p must be a string"],
    ["", "p is empty"],
    ["a\0b", "p contains a NUL character"],
    ["x".repeat(4097), "p is longer than 4096 characters"],
  ])("refuses %j", (value, message) => {
    expect(() => requireString(value, "p")).toThrow(new ApiInputError(message));
  });

  it("accepts a string up to the limit, and honours a smaller limit", () => {
    expect(requireString("x".repeat(4096), "p")).toHaveLength(4096);
    expect(() => requireString("abc", "p", 2)).toThrow(ApiInputError);
  });

  it("optionalString: undefined and null are absent; anything else must be a valid string", () => {
    expect(optionalString(undefined, "p")).toBeUndefined();
    expect(optionalString(null, "p")).toBeUndefined();
    expect(optionalString("a", "p")).toBe("a");
    expect(() => optionalString("", "p")).toThrow(ApiInputError);
  });
});

describe("requireSampleName", () => {
  it.each(["worker-pools", "a", "A.b_c-1", "x".repeat(255)])("accepts %j", (name) => {
    expect(requireSampleName(name)).toBe(name);
  });
  it.each(["", ".", "..", "../x", "a..b", "a/b", "a\\b", ".hidden", "-x", "_x", "a b", "é", "x".repeat(256), 5])("refuses %j", (name) => {
    expect(() => requireSampleName(name)).toThrow(ApiInputError);
  });
});

describe("requireTraceId", () => {
  it.each(["t1", "t0", "t123456"])("accepts %j", (id) => expect(requireTraceId(id)).toBe(id));
  it.each(["", "t", "1", "T1", "t1a", "t-1", "../t1", "t1 ", "t" + "1".repeat(64), 1])("refuses %j", (id) => {
    expect(() => requireTraceId(id)).toThrow(ApiInputError);
  });
});

describe("requireFileName", () => {
  it("accepts a bare name and refuses a path", () => {
    expect(requireFileName("trace.jsonl", "name")).toBe("trace.jsonl");
    expect(() => requireFileName("a/b", "name")).toThrow("name must be a file name, not a path");
    expect(() => requireFileName("a\\b", "name")).toThrow(ApiInputError);
    expect(() => requireFileName("x".repeat(256), "name")).toThrow(ApiInputError);
  });
});

describe("requireBytes and requirePng", () => {
  it("accepts bytes under the limit and refuses other values", () => {
    expect(requireBytes(new Uint8Array(3), "b")).toHaveLength(3);
    expect(() => requireBytes(new Uint8Array(3), "b", 2)).toThrow("b is larger than 2 bytes");
    expect(() => requireBytes([1, 2], "b")).toThrow("b must be bytes");
    expect(() => requireBytes("abc", "b")).toThrow(ApiInputError);
  });

  it("accepts only data that starts with the PNG signature", () => {
    expect(requirePng(PNG)).toBe(PNG);
    expect(() => requirePng(PNG.slice(0, 7))).toThrow("image is not a PNG");
    expect(() => requirePng(new TextEncoder().encode("<svg onload=alert(1)>"))).toThrow("image is not a PNG");
  });
});

describe("requireNoteOpened", () => {
  it("takes { name, path? }", () => {
    expect(requireNoteOpened({ name: "a.jsonl" })).toEqual({ name: "a.jsonl", path: undefined });
    expect(requireNoteOpened({ name: "a.jsonl", path: "/x/a.jsonl", extra: 1 })).toEqual({ name: "a.jsonl", path: "/x/a.jsonl" });
  });
  it.each([null, "a", [], [{ name: "a" }], {}, { name: "a/b" }, { name: "a", path: 3 }, { name: "a", path: "" }])("refuses %j", (v) => {
    expect(() => requireNoteOpened(v)).toThrow(ApiInputError);
  });
});

describe("isMenuCommand", () => {
  it("knows exactly the menu's commands", () => {
    for (const c of MENU_COMMANDS) expect(isMenuCommand(c)).toBe(true);
    for (const c of ["", "quit", "open-trace ", 1, undefined, "__proto__", "toString"]) expect(isMenuCommand(c)).toBe(false);
  });
});
