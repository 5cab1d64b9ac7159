// ReadHolds against the Map it replaces (state.ts before it): same holders, counts and order
// after any sequence of read locks and unlocks, by holders or by others.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ReadHolds } from "../../../traces/analysis/read-holds";

/** The reference: the analyzer's former `readers` Map and its release rule. */
function mapRelease(m: Map<number, number>, actor: number): number {
  let owner = actor;
  if (!m.has(actor)) owner = m.keys().next().value ?? actor;
  const n = (m.get(owner) ?? 1) - 1;
  if (n > 0) m.set(owner, n);
  else m.delete(owner);
  return owner;
}

describe("ReadHolds", () => {
  it("lists the same holders, counts and order as a Map under any operations", () => {
    const op = fc.record({ lock: fc.boolean(), g: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const r = new ReadHolds();
        const m = new Map<number, number>();
        for (const { lock, g } of ops) {
          if (lock) {
            r.add(g);
            m.set(g, (m.get(g) ?? 0) + 1);
          } else expect(r.release(g)).toBe(mapRelease(m, g));
          expect(r.keys()).toEqual([...m.keys()]);
          expect(r.size).toBe(m.size);
          for (let h = 1; h <= 5; h++) expect(r.count(h)).toBe(m.get(h) ?? 0);
        }
      }),
      { numRuns: 2000, seed: 3 },
    );
  });
});
