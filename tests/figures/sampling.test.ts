import fc from "fast-check";
import { expect, it } from "vitest";
import { evenIndices, logIndices, tableDepths } from "../../src/figures/sampling";

it("evenIndices: strictly increasing, both ends, at most max points", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 200000 }), fc.integer({ min: 2, max: 2000 }), (last, max) => {
      const idx = evenIndices(last, max);
      expect(idx[0]).toBe(0);
      expect(idx.at(-1)).toBe(last);
      expect(idx.length).toBeLessThanOrEqual(max + 1);
      for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1]);
    }),
    { seed: 1, numRuns: 300 },
  );
});

it("logIndices: distinct integers from first to last", () => {
  const idx = logIndices(1, 100000, 160);
  expect(idx[0]).toBe(1);
  expect(idx.at(-1)).toBe(100000);
  expect(new Set(idx).size).toBe(idx.length);
});

it("tableDepths: 1-2-5 steps then the last depth", () => {
  expect(tableDepths(100)).toEqual([1, 2, 5, 10, 20, 50, 100]);
  expect(tableDepths(37)).toEqual([1, 2, 5, 10, 20, 37]);
  expect(tableDepths(1)).toEqual([1]);
});
