// IdIndex answers exactly as its Map, whatever ids come in (small, huge, negative, fractional).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdIndex } from "../../../traces/analysis/id-index";

describe("IdIndex", () => {
  it("gets what the Map holds after any sets", () => {
    const id = fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: -5, max: 1e7 }), fc.double({ min: -10, max: 10, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(id, fc.boolean()), { maxLength: 80 }), fc.array(id, { maxLength: 40 }), (ops, probes) => {
        const map = new Map<number, string>();
        const index = new IdIndex(map);
        const ref = new Map<number, string>();
        ops.forEach(([k, probe], i) => {
          if (probe) expect(index.get(k)).toBe(ref.get(k));
          else {
            index.set(k, `v${i}`);
            ref.set(k, `v${i}`);
          }
        });
        expect([...map]).toEqual([...ref]);
        for (const k of [...probes, ...ref.keys()]) expect(index.get(k)).toBe(ref.get(k));
      }),
      { numRuns: 1000, seed: 5 },
    );
  });
});
