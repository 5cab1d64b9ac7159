// The recent-files list on disk: bounded, deduplicated, most recent first, and never a reason
// to fail (a corrupt or unwritable file is an empty list).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRecentList, MAX_RECENT } from "../../../main/app/recent";

let dir: string;
beforeEach(() => void (dir = fs.mkdtempSync(path.join(os.tmpdir(), "goroscope-recent-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("recent list", () => {
  it("starts empty when there is no file, and creates its folder on the first add", () => {
    const list = createRecentList(path.join(dir, "nested", "config"));
    expect(list.list()).toEqual([]);
    list.add("/a/one.jsonl", 5);
    expect(list.list()).toEqual([{ path: path.resolve("/a/one.jsonl"), name: "one.jsonl", openedAt: 5 }]);
  });

  it("puts the latest first, keeps one entry per path and at most MAX_RECENT", () => {
    const list = createRecentList(dir);
    for (let i = 0; i < MAX_RECENT + 5; i++) list.add(`/f/${i}.jsonl`, i);
    list.add("/f/7.jsonl", 100);
    const paths = list.list().map((r) => r.path);
    expect(paths).toHaveLength(MAX_RECENT);
    expect(paths[0]).toBe(path.resolve("/f/7.jsonl"));
    expect(paths.filter((p) => p === path.resolve("/f/7.jsonl"))).toHaveLength(1);
    expect(paths[1]).toBe(path.resolve(`/f/${MAX_RECENT + 4}.jsonl`));
  });

  it("stores absolute paths, so the same file by two spellings is one entry", () => {
    const list = createRecentList(dir);
    list.add(path.join(dir, "x.jsonl"), 1);
    list.add(path.join(dir, "sub", "..", "x.jsonl"), 2);
    expect(list.list()).toEqual([{ path: path.join(dir, "x.jsonl"), name: "x.jsonl", openedAt: 2 }]);
  });

  it("reads a corrupt or foreign file as empty and drops malformed entries", () => {
    const file = path.join(dir, "recent.json");
    fs.writeFileSync(file, "not json");
    expect(createRecentList(dir).list()).toEqual([]);
    fs.writeFileSync(file, JSON.stringify({ path: "/x" }));
    expect(createRecentList(dir).list()).toEqual([]);
    fs.writeFileSync(file, JSON.stringify([{ path: "/ok", name: "ok", openedAt: 1 }, { path: 3 }, null, { path: "/n", name: "n" }]));
    expect(createRecentList(dir).list()).toEqual([{ path: "/ok", name: "ok", openedAt: 1 }]);
  });

  it("keeps at most MAX_RECENT even when the file holds more", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ path: `/p${i}`, name: `p${i}`, openedAt: i }));
    fs.writeFileSync(path.join(dir, "recent.json"), JSON.stringify(many));
    expect(createRecentList(dir).list()).toHaveLength(MAX_RECENT);
  });

  it("ignores a failed write and still returns the new list", () => {
    const blocker = path.join(dir, "file-not-dir");
    fs.writeFileSync(blocker, "");
    const list = createRecentList(path.join(blocker, "config"));
    expect(list.add("/a.jsonl", 1).map((r) => r.name)).toEqual(["a.jsonl"]);
    expect(list.list()).toEqual([]);
  });
});
