import { describe, expect, it } from "vitest";
import { createRng, type Rng } from "../../lib/random";
import {
  MAX_RESIDUAL_DEPTH,
  residualFactors,
  residualProductSpectra,
  type ResidualFactors,
  type ResidualProductSpectra,
} from "../../lib/residual-products";
import { kahanSum, log10SingularValuesByCompounds, powerSigmaMax, type M } from "./reference-linalg";

function toMatrix(f: Float64Array, d: number): M {
  return Array.from({ length: d }, (_, i) => Array.from(f.subarray(i * d, i * d + d)));
}

// I + s·G.
function residualFactor(g: M, s: number): M {
  return g.map((row, i) => row.map((x, j) => s * x + (i === j ? 1 : 0)));
}

/**
 * log₁₀σ_max and log₁₀σ_min of every prefix product of 2×2 factors, independently:
 * the product is rescaled by a scalar each step (σ_max of a product is as
 * stable as a power iteration), σ_max of the rescaled 2×2 matrix comes from
 * the quadratic formula with the cancellation-free discriminant, and
 * σ_min = |det P|/σ_max with log|det P| = Σ log|ad − bc| (compensated sum).
 */
function reference2x2(factors: M[]): { max: number[]; min: number[] } {
  let p: M = [
    [1, 0],
    [0, 1],
  ];
  const logScale: number[] = [];
  const logDet: number[] = [];
  const max: number[] = [0];
  const min: number[] = [0];
  for (const f of factors) {
    p = [
      [f[0][0] * p[0][0] + f[0][1] * p[1][0], f[0][0] * p[0][1] + f[0][1] * p[1][1]],
      [f[1][0] * p[0][0] + f[1][1] * p[1][0], f[1][0] * p[0][1] + f[1][1] * p[1][1]],
    ];
    const m: number = Math.max(...p.flat().map(Math.abs));
    p = p.map((r) => r.map((x) => x / m));
    logScale.push(Math.log10(m));
    logDet.push(Math.log10(Math.abs(f[0][0] * f[1][1] - f[0][1] * f[1][0])));
    const [[a, b], [c, d]] = p;
    const t: number = a * a + b * b + c * c + d * d;
    const disc: number = Math.sqrt(((a + d) ** 2 + (b - c) ** 2) * ((a - d) ** 2 + (b + c) ** 2));
    const lmax: number = kahanSum(logScale) + 0.5 * Math.log10((t + disc) / 2);
    max.push(lmax);
    min.push(kahanSum(logDet) - lmax);
  }
  return { max, min };
}

describe("residualFactors", () => {
  it("draws Ĝ_t from one createRng(seed) stream, row by row, each scaled to σ_max = 1", () => {
    const base: ResidualFactors = residualFactors(3, 4, 17);
    const rng: Rng = createRng(17);
    for (const f of base.factors) {
      const raw: number[] = Array.from({ length: 9 }, () => rng.normal());
      const ratio: number = f[0] / raw[0];
      // One division per entry: the ratio is the same to 1 ulp-ish.
      f.forEach((x, k) => expect(Math.abs(x / raw[k] / ratio - 1)).toBeLessThan(1e-15));
      // σ_max(Ĝ_t) = 1 by independent power iteration (accurate to ~1e-12 here).
      expect(Math.abs(powerSigmaMax(toMatrix(f, 3)) - 1)).toBeLessThan(1e-9);
    }
    expect(residualFactors(3, 4, 17).factors).toEqual(base.factors);
    expect(residualFactors(3, 4, 18).factors).not.toEqual(base.factors);
    expect(base.log10MaxNormalized[0]).toBe(0);
    expect(base.log10MinNormalized[0]).toBe(0);
  });
});

describe("residualProductSpectra against independent references", () => {
  it("dim 2, depth 2000: plain and residual products match the rescaled-product reference", () => {
    const base: ResidualFactors = residualFactors(2, 2000, 5);
    const gs: M[] = base.factors.map((f) => toMatrix(f, 2));
    for (const scale of [0.1, 0.5, 1, 3]) {
      const r: ResidualProductSpectra = residualProductSpectra(base, scale);
      const plain = reference2x2(gs.map((g) => g.map((row) => row.map((x) => scale * x))));
      const res = reference2x2(gs.map((g) => residualFactor(g, scale)));
      // Logs of size ≤ ~2000·2: both sides ~1e-13 relative, and the reference's
      // σ_min inherits any cancellation in a single det(I + F_t) (|det| ≳ 1e-3
      // here, so ≤ 1e-13 relative). Allow 1e-9.
      for (const k of [1, 2, 10, 100, 1000, 2000]) {
        expect(Math.abs(r.log10MaxPlain[k] - plain.max[k])).toBeLessThan(1e-9);
        expect(Math.abs(r.log10MinPlain[k] - plain.min[k])).toBeLessThan(1e-9);
        expect(Math.abs(r.log10MaxResidual[k] - res.max[k])).toBeLessThan(1e-9);
        expect(Math.abs(r.log10MinResidual[k] - res.min[k])).toBeLessThan(1e-9);
      }
    }
  });

  it("dim 4, depth 200: σ_max and σ_min match exterior-power products", () => {
    const base: ResidualFactors = residualFactors(4, 200, 6);
    const gs: M[] = base.factors.map((f) => toMatrix(f, 4));
    for (const scale of [0.5, 3]) {
      const r: ResidualProductSpectra = residualProductSpectra(base, scale);
      const plain: number[] = log10SingularValuesByCompounds(gs.map((g) => g.map((row) => row.map((x) => scale * x))));
      const res: number[] = log10SingularValuesByCompounds(gs.map((g) => residualFactor(g, scale)));
      // As in the product-spectrum tests: ~1e-13 relative of logs ≤ ~500; allow 1e-9.
      expect(Math.abs(r.log10MaxPlain[200] - plain[0])).toBeLessThan(1e-9);
      expect(Math.abs(r.log10MinPlain[200] - plain[3])).toBeLessThan(1e-9);
      expect(Math.abs(r.log10MaxResidual[200] - res[0])).toBeLessThan(1e-9);
      expect(Math.abs(r.log10MinResidual[200] - res[3])).toBeLessThan(1e-9);
    }
  });
});

describe("the bounds, at every depth", () => {
  it("σ_max(∏F) ≤ scale^k, σ_max(∏(I + F)) ≤ (1 + scale)^k, σ_min(∏(I + F)) ≥ (1 − scale)^k", () => {
    for (const [dim, seed] of [
      [2, 1],
      [8, 2],
      [16, 3],
    ] as const) {
      const base: ResidualFactors = residualFactors(dim, 200, seed);
      for (const scale of [0.05, 0.5, 0.99, 1, 3]) {
        const r: ResidualProductSpectra = residualProductSpectra(base, scale);
        expect([r.log10MaxPlain[0], r.log10MinResidual[0], r.log10LowerResidual[0]]).toEqual([0, 0, 0]);
        for (let k = 1; k <= 200; k++) {
          // 1e-10: relative ~1e-13 of logs ≤ 200·log₁₀4.
          expect(r.log10MaxPlain[k]).toBeLessThanOrEqual(r.log10BoundPlain[k] + 1e-10);
          expect(r.log10MinPlain[k]).toBeLessThanOrEqual(r.log10MaxPlain[k]);
          expect(r.log10MaxResidual[k]).toBeLessThanOrEqual(r.log10UpperResidual[k] + 1e-10);
          expect(r.log10MinResidual[k]).toBeGreaterThanOrEqual(r.log10LowerResidual[k] - 1e-10);
        }
        if (scale >= 1) expect(r.log10LowerResidual[1]).toBe(-Infinity);
        // The bound lines are k·log₁₀(·), by hand: e.g. scale 0.5, k = 200 → 200·log₁₀0.5 = −60.206.
        expect(r.log10BoundPlain[200]).toBeCloseTo(200 * Math.log10(scale), 10);
        expect(r.log10UpperResidual[200]).toBeCloseTo(200 * Math.log10(1 + scale), 10);
      }
    }
  });

  it("what the chapter argues: at scale 0.1 the plain stack vanishes and the residual one does not", () => {
    const r: ResidualProductSpectra = residualProductSpectra(residualFactors(16, 200, 11), 0.1);
    // σ_max(∏F) ≤ 0.1^200 = 1e-200, while σ_min(∏(I + F)) ≥ 0.9^200 ≈ 10^-9.15.
    expect(r.log10MaxPlain[200]).toBeLessThanOrEqual(-200 + 1e-10);
    expect(r.log10MinResidual[200]).toBeGreaterThanOrEqual(200 * Math.log10(0.9) - 1e-10);
  });
});

describe("bad arguments", () => {
  it("residualFactors and residualProductSpectra say what was wrong", () => {
    expect(() => residualFactors(0, 10, 1)).toThrow("dim must be an integer ≥ 1, got 0");
    expect(() => residualFactors(65, 10, 1)).toThrow("dim must be at most 64, got 65");
    expect(() => residualFactors(2, 0, 1)).toThrow("depth must be an integer ≥ 1, got 0");
    expect(() => residualFactors(2, MAX_RESIDUAL_DEPTH + 1, 1)).toThrow("depth must be at most 2000, got 2001");
    expect(() => residualFactors(64, 257, 1)).toThrow("dim²·depth = 64²·257 = 1052672 exceeds 1048576; lower the dimension or the depth");
    expect(() => residualFactors(2, 10, 0.5)).toThrow("seed must be a safe integer, got 0.5");
    const base: ResidualFactors = residualFactors(2, 3, 1);
    expect(() => residualProductSpectra(base, 0)).toThrow("scale must lie in (0, 1000000], got 0");
    expect(() => residualProductSpectra(base, -1)).toThrow("scale must lie in (0, 1000000], got -1");
    expect(() => residualProductSpectra(base, 2e6)).toThrow("scale must lie in (0, 1000000], got 2000000");
    expect(() => residualProductSpectra(base, Number.NaN)).toThrow("scale must be a finite number, got NaN");
    expect(() => residualProductSpectra({} as ResidualFactors, 1)).toThrow(
      "base must be the result of residualFactors(dim, depth, seed), got {}",
    );
    expect(() => residualProductSpectra({ ...base, factors: base.factors.slice(1) }, 1)).toThrow(
      "base must be the result of residualFactors",
    );
  });
});
