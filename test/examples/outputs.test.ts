/**
 * Every example under examples/ prints what Go prints for its seed program (at GOMAXPROCS=1, on a
 * virtual clock), returns from main with exit code 0, and leaves only the goroutines Go would
 * leave behind too. The expectations live in ./cases.ts.
 */
import { describe, expect, it } from "vitest";
import { run } from "goroscope/runtime";
import { cases, type ExampleCase } from "./cases";

async function runExample(c: ExampleCase) {
  const { default: main } = await c.load();
  let stdout = "";
  let stderr = "";
  const result = await run(main, { ...c.opts, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { stdout, stderr, result };
}

const sorted = (lines: readonly string[]): string[] => [...lines].sort();

describe("examples print their seed's output", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { stdout, stderr, result } = await runExample(c);

      const want = c.want.map((l) => l + "\n").join("");
      expect(stdout).toBe(c.finalNewline === false ? want.slice(0, -1) : want);
      expect(stderr).toBe("");
      expect(result.end).toBe("main-returned");
      expect(result.exitCode).toBe(0);
      expect(sorted(result.goroutines.map((g) => g.name ?? ""))).toEqual(sorted(c.leaks ?? []));

      if (c.seed === undefined) return;
      switch (c.differs) {
        case undefined:
          expect(c.want).toEqual(c.seed);
          break;
        case "order":
          expect(c.want).not.toEqual(c.seed);
          expect(sorted(c.want)).toEqual(sorted(c.seed));
          break;
        case "timing": {
          const patterns = c.patterns ?? [];
          expect(patterns).toHaveLength(c.want.length);
          expect(c.seed).toHaveLength(c.want.length);
          c.want.forEach((line, i) => expect(line).toMatch(patterns[i]));
          c.seed.forEach((line, i) => expect(line).toMatch(patterns[i]));
          break;
        }
      }
    });
  }
});

/** Schedules other than Go's one-P order: each still runs to a clean end, and what it prints holds. */
const OTHER_SEEDS = [1, 2, 3, 4, 5];

describe("examples under randomized schedules", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { default: main } = await c.load();
      for (const seed of OTHER_SEEDS) {
        let stdout = "";
        const result = await run(main, { ...c.opts, seed, stdout: (s) => (stdout += s) });
        const at = `${c.name}, seed ${seed}`;
        expect(result.end, at).toBe("main-returned");
        expect(result.exitCode, at).toBe(0);
        expect(sorted(result.goroutines.map((g) => g.name ?? "")), at).toEqual(sorted(c.leaks ?? []));
        const lines = stdout.split("\n").filter((l, i, all) => l !== "" || i < all.length - 1);
        if (c.otherSeeds === "same") expect(lines, at).toEqual(c.want);
        if (c.otherSeeds === "same-lines") expect(sorted(lines), at).toEqual(sorted(c.want));
      }
    });
  }
});
