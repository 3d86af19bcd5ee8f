import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simplifyIndices } from "../../src/figures/jacobians/simplify";

/** Distance (in tolerance units) from point i to the polyline through the kept points around it. */
function deviation(xs: number[], ys: number[], kept: number[], tolX: number, tolY: number): number {
  let worst = 0;
  for (let j = 0; j + 1 < kept.length; j++) {
    const [a, b] = [kept[j], kept[j + 1]];
    for (let i = a + 1; i < b; i++) {
      // Vertical distance to the chord at x_i (x increasing), in units of tolY,
      // bounds the perpendicular distance the algorithm uses from above.
      const t = (xs[i] - xs[a]) / (xs[b] - xs[a]);
      const y = ys[a] + t * (ys[b] - ys[a]);
      worst = Math.max(worst, Math.abs(ys[i] - y) / tolY);
    }
  }
  return worst;
}

describe("simplifyIndices", () => {
  it("keeps the ends, drops the middle of a straight line, keeps a corner", () => {
    const xs = Array.from({ length: 101 }, (_, i) => i);
    expect(
      simplifyIndices(
        xs,
        xs.map((x) => -3 * x),
        0.1,
        0.1,
      ),
    ).toEqual([0, 100]);
    expect(
      simplifyIndices(
        xs,
        xs.map((x) => -Math.abs(x - 40)),
        0.1,
        0.1,
      ),
    ).toEqual([0, 40, 100]);
    expect(simplifyIndices([1], [2], 1, 1)).toEqual([0]);
    expect(simplifyIndices([], [], 1, 1)).toEqual([]);
  });

  it("every dropped point lies within the tolerance of the drawn line (perpendicular, so within √2 tolerances vertically for slopes ≤ 1 in tolerance units)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 3, maxLength: 300 }), (steps) => {
        const xs = steps.map((_, i) => i);
        const ys: number[] = [];
        steps.reduce((acc, s) => (ys.push(acc + s), acc + s), 0);
        const tolX = 1;
        const tolY = 5;
        const kept = simplifyIndices(xs, ys, tolX, tolY);
        expect(kept[0]).toBe(0);
        expect(kept.at(-1)).toBe(xs.length - 1);
        // A point within 1 (perpendicular, tolerance units) of a chord whose slope in
        // tolerance units is m lies within √(1 + m²) vertically.
        for (let j = 0; j + 1 < kept.length; j++) {
          const [a, b] = [kept[j], kept[j + 1]];
          const m = Math.abs((ys[b] - ys[a]) / tolY / ((xs[b] - xs[a]) / tolX));
          expect(deviation(xs, ys, [a, b], tolX, tolY)).toBeLessThanOrEqual(Math.sqrt(1 + m * m) + 1e-9);
        }
      }),
      { seed: 12, numRuns: 200 },
    );
  });
});
