import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MAX_PRODUCT_DIM, ProductSpectrum } from "../../lib/product-spectrum";
import { createRng, type Rng } from "../../lib/random";
import { detLaplace, kahanSum, log10SingularValuesByCompounds, mul, randomOrthogonal, type M } from "./reference-linalg";

const LOG10_2: number = Math.log10(2);

function flat(a: M): Float64Array {
  return Float64Array.from(a.flat());
}

function gaussian(rng: Rng, d: number, s: number = 1): M {
  return Array.from({ length: d }, () => Array.from({ length: d }, () => s * rng.normal()));
}

// Runs the tracker over the factors and returns log₁₀σ after each step.
function track(factors: M[]): Float64Array[] {
  const d: number = factors[0].length;
  const p: ProductSpectrum = new ProductSpectrum(d);
  return factors.map((f) => {
    p.multiplyLeft(flat(f));
    const out: Float64Array = new Float64Array(d);
    p.log10SingularValues(out);
    return out;
  });
}

describe("ProductSpectrum: arguments", () => {
  it("rejects bad dimensions and factors with a message saying what was wrong", () => {
    expect(() => new ProductSpectrum(0)).toThrow("dim must be an integer ≥ 1, got 0");
    expect(() => new ProductSpectrum(MAX_PRODUCT_DIM + 1)).toThrow("dim must be at most 64, got 65");
    expect(() => new ProductSpectrum(2.5)).toThrow("dim must be an integer, got 2.5");
    const p: ProductSpectrum = new ProductSpectrum(2);
    expect(() => p.multiplyLeft(new Float64Array(3))).toThrow("factor must be a Float64Array of 4 entries (row-major 2×2)");
    expect(() => p.multiplyLeft([1, 0, 0, 1] as unknown as Float64Array)).toThrow("factor must be a Float64Array of 4 entries");
    expect(() => p.multiplyLeft(Float64Array.from([1, Number.NaN, 0, 1]))).toThrow("factor[1] must be a finite number, got NaN");
    expect(() => p.multiplyLeft(Float64Array.from([1, 0, Infinity, 1]))).toThrow("factor[2] must be a finite number, got Infinity");
  });

  it("starts from the identity: every log₁₀σ is 0", () => {
    const out: Float64Array = new Float64Array(3).fill(7);
    new ProductSpectrum(3).log10SingularValues(out);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });
});

describe("ProductSpectrum: exact cases", () => {
  it("diagonal factors: log₁₀σ_i = k·log₁₀|d_i|, sorted, far beyond the double range", () => {
    const rows: Float64Array[] = track(
      Array.from({ length: 1000 }, () => [
        [0.25, 0, 0],
        [0, 2, 0],
        [0, 0, -0.5],
      ]),
    );
    const last: Float64Array = rows[999];
    // Exact powers of two: the mantissas never round, so only the final
    // e·log₁₀2 conversion rounds (|e| ≤ 2000, error ≤ 2000·ε·log₁₀2).
    expect(last[0]).toBeCloseTo(1000 * LOG10_2, 12);
    expect(last[1]).toBeCloseTo(-1000 * LOG10_2, 12);
    expect(last[2]).toBeCloseTo(-2000 * LOG10_2, 12);
  });

  it("c·Q with Q orthogonal: all σ equal c^k (one cluster of equal sizes forever)", () => {
    const rng: Rng = createRng(5);
    const q: M = randomOrthogonal(rng, 6);
    const rows: Float64Array[] = track(Array.from({ length: 500 }, () => q.map((r) => r.map((x) => 0.3 * x))));
    // Q is orthogonal to ~1e-15, so each step changes σ by ~1e-15 relative:
    // after 500 steps ≲ 5e-13 relative, 2e-13 in log₁₀; allow 1e-10.
    for (const v of rows[499]) expect(Math.abs(v - 500 * Math.log10(0.3))).toBeLessThan(1e-10);
  });

  it("factors of 1e200·Q and 1e-200·Q are rescaled, not overflowed", () => {
    const q: M = randomOrthogonal(createRng(6), 3);
    for (const c of [1e200, 1e-200]) {
      const rows: Float64Array[] = track(Array.from({ length: 50 }, () => q.map((r) => r.map((x) => c * x))));
      // 50 steps of log₁₀c each; rounding as in the previous test.
      for (const v of rows[49]) expect(Math.abs(v - 50 * Math.log10(c))).toBeLessThan(1e-9);
    }
  });

  it("an exactly singular factor gives −Infinity, not NaN", () => {
    const rows: Float64Array[] = track([
      [
        [3, 0],
        [0, 0],
      ],
    ]);
    expect(rows[0][0]).toBeCloseTo(Math.log10(3), 14);
    expect(rows[0][1]).toBe(-Infinity);
  });

  it("upper-triangular W^k: both σ from closed forms, with σ₂/σ₁ down to ~1e-700 at k = 1000", () => {
    // W = [a b; 0 c]: W^k = [a^k, b(a^k − c^k)/(a − c); 0, c^k]. Its singular
    // values satisfy σ₁σ₂ = |ac|^k and σ₁² + σ₂² = ‖W^k‖_F². For |c| < |a|
    // and large k, σ₂ ≪ σ₁, so σ₁² = F·(1 + √(1 − 4D/F²))/2 with D = (ac)^{2k},
    // all in log₁₀ (the products themselves are 10^-300 … 10^-1000).
    const a: number = 0.5;
    const b: number = 3;
    const c: number = -0.1;
    const rows: Float64Array[] = track(
      Array.from({ length: 1000 }, () => [
        [a, b],
        [0, c],
      ]),
    );
    for (const k of [1, 2, 5, 50, 400, 1000]) {
      const la: number = k * Math.log10(Math.abs(a));
      const lc: number = k * Math.log10(Math.abs(c));
      // a^k − c^k = a^k(1 − (c/a)^k); (c/a)^k = (−0.2)^k.
      const lOff: number = Math.log10(Math.abs(b)) + la + Math.log10(Math.abs(1 - (c / a) ** k)) - Math.log10(Math.abs(a - c));
      const terms: number[] = [2 * la, 2 * lc, 2 * lOff];
      const top: number = Math.max(...terms);
      const lF: number = top + Math.log10(terms.reduce((s, t) => s + 10 ** (t - top), 0));
      const lD: number = 2 * (la + lc);
      const ratio: number = 4 * 10 ** (lD - 2 * lF); // 4D/F², underflows harmlessly to 0
      const l1sq: number = lF + Math.log10((1 + Math.sqrt(1 - ratio)) / 2);
      const l1: number = l1sq / 2;
      const l2: number = (lD - l1sq) / 2;
      // Each step rounds at ~1e-16 relative; after 1000 steps the logs are
      // good to ~1e-13 relative of |log| ≤ 1000, i.e. 1e-10 absolute.
      expect(Math.abs(rows[k - 1][0] - l1)).toBeLessThan(1e-10);
      expect(Math.abs(rows[k - 1][1] - l2)).toBeLessThan(1e-10);
    }
  });
});

describe("ProductSpectrum: random products against independent references", () => {
  it("Σ_i log₁₀σ_i = Σ_t log₁₀|det A_t| at every step (a check on the smallest σ)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.double({ min: 0.05, max: 3, noNaN: true }), fc.integer(), (d, s, seed) => {
        const rng: Rng = createRng(seed);
        const factors: M[] = Array.from({ length: 400 }, () => gaussian(rng, d, s / Math.sqrt(d)));
        const rows: Float64Array[] = track(factors);
        const dets: number[] = factors.map((f) => Math.log10(Math.abs(detLaplace(f))));
        for (const k of [1, 10, 100, 400]) {
          const ref: number = kahanSum(dets.slice(0, k));
          // |Σ log| ≤ ~400·5·2 = 4000; relative ~1e-13 → 4e-10; allow 1e-9.
          expect(Math.abs(kahanSum(Array.from(rows[k - 1])) - ref)).toBeLessThan(1e-9);
        }
      }),
      { seed: 12, numRuns: 12 },
    );
  });

  it("every σ_i agrees with exterior-power products (d = 4, 300 Gaussian factors)", () => {
    for (const seed of [1, 2]) {
      const rng: Rng = createRng(seed);
      const factors: M[] = Array.from({ length: 300 }, () => gaussian(rng, 4, 0.4));
      const got: Float64Array = track(factors)[299];
      const ref: number[] = log10SingularValuesByCompounds(factors);
      // Both carry ~1e-13 relative error in logs of size ≤ ~800: 1e-10; allow 1e-9.
      for (let i = 0; i < 4; i++) expect(Math.abs(got[i] - ref[i])).toBeLessThan(1e-9);
      // Guard: the case is one that a single scale factor could not resolve
      // (spread beyond the 16 decades of double precision).
      expect(got[0] - got[3]).toBeGreaterThan(16);
    }
  });

  it("agrees with the exact product at small depth, where nothing underflows", () => {
    const rng: Rng = createRng(9);
    const factors: M[] = Array.from({ length: 6 }, () => gaussian(rng, 3));
    const rows: Float64Array[] = track(factors);
    let p: M = factors[0];
    for (let k = 2; k <= 6; k++) p = mul(factors[k - 1], p);
    const ref: number[] = log10SingularValuesByCompounds([p]);
    for (let i = 0; i < 3; i++) expect(Math.abs(rows[5][i] - ref[i])).toBeLessThan(1e-12);
  });
});
