/**
 * The recent-files list: most recent first, at most `MAX_RECENT`, one entry per path, kept in
 * `recent.json` of the config folder. A missing or unreadable file is an empty list; a write that
 * fails is ignored (the list is a convenience, never a reason to fail an open).
 */
import fs from "node:fs";
import path from "node:path";
import type { RecentFile } from "../api/contract";

export const MAX_RECENT = 10;

export interface RecentList {
  list(): readonly RecentFile[];
  add(file: string, now?: number): readonly RecentFile[];
}

export function createRecentList(dir: string): RecentList {
  const file = path.join(dir, "recent.json");
  const read = (): RecentFile[] => {
    try {
      const data: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
      if (!Array.isArray(data)) return [];
      return data
        .filter((r): r is RecentFile => typeof r?.path === "string" && typeof r?.name === "string" && typeof r?.openedAt === "number")
        .slice(0, MAX_RECENT);
    } catch {
      return [];
    }
  };
  return {
    list: read,
    add(p, now = Date.now()) {
      const abs = path.resolve(p);
      const next = [{ path: abs, name: path.basename(abs), openedAt: now }, ...read().filter((r) => r.path !== abs)].slice(0, MAX_RECENT);
      try {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(file, JSON.stringify(next, null, 2));
      } catch {
        // best effort
      }
      return next;
    },
  };
}
