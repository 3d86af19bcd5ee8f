import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { add, singularValues, type Matrix } from "../../lib/linalg";
import { createRng, type Rng } from "../../lib/random";
import {
  isNormalMatrix,
  residualCounterexample,
  residualStepSummary,
  residualSymmetricExample,
  weylComparison,
  type ResidualStepSummary,
} from "../../lib/residual-jacobian";
import { eye, mul, randomOrthogonal, transposeRef } from "./reference-linalg";

function randomMatrix(rng: Rng, n: number, s: number): Matrix {
  return Array.from({ length: n }, () => Array.from({ length: n }, () => s * rng.normal()));
}

describe("the counterexample F = [[0, 0.01], [100, 0]]", () => {
  const summary: ResidualStepSummary = residualStepSummary(residualCounterexample());

  it("has σ(F) = {100, 0.01}", () => {
    // FᵀF = [[0, 100], [0.01, 0]]·[[0, 0.01], [100, 0]] = diag(100², 0.01²) by hand.
    // The two columns are exactly orthogonal, so Jacobi only takes their norms (≤ 1 ulp).
    expect(summary.sigmaF[0]).toBe(100);
    expect(Math.abs(summary.sigmaF[1] / 0.01 - 1)).toBeLessThan(2 * Number.EPSILON);
    expect(summary.sigmaBig).toBe(summary.sigmaF[0]);
    expect(summary.sigmaSmall).toBe(summary.sigmaF[1]);
  });

  it("yet I + F is singular: det = 1 − 0.01·100 = 0 and σ_min(I + F) is rounding noise", () => {
    expect(summary.detIPlusF).toBe(0);
    // Jacobi's absolute error is ~m·ε·σ_max = 2·2.2e-16·100 ≈ 4e-14; allow 1e-13.
    expect(summary.sigmaIPlusF[1]).toBeLessThan(1e-13);
    // I + F = (1, 100)ᵀ·(1, 0.01) has rank one, σ_max = √(1 + 10⁴)·√(1 + 10⁻⁴) =
    // √10002.0001 = 100.01 exactly (100.01² = 10002.0001).
    expect(Math.abs(summary.sigmaIPlusF[0] / 100.01 - 1)).toBeLessThan(1e-14);
  });

  it("so the claim σ_min(I + F) ≥ 1 − σ_small fails, while the valid bounds hold", () => {
    expect(summary.claimedMinBound).toBeCloseTo(0.99, 14);
    expect(summary.sigmaIPlusF[1]).toBeLessThan(summary.claimedMinBound);
    expect(summary.validMinBound).toBe(-99); // 1 − σ_max(F): true but vacuous
    expect(summary.sigmaIPlusF[0]).toBeGreaterThanOrEqual(summary.maxBound); // 100.01 ≥ 99
  });

  it("the whole family [[0, a], [1/a, 0]] has σ = {a, 1/a} and a singular I + F", () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), (logA) => {
        const a: number = 10 ** logA;
        const s: ResidualStepSummary = residualStepSummary([
          [0, a],
          [1 / a, 0],
        ]);
        // The columns are orthogonal: σ are the entries (to 1 ulp).
        expect(Math.abs(s.sigmaBig / Math.max(a, 1 / a) - 1)).toBeLessThan(4 * Number.EPSILON);
        // det(I + F) = 1 − a·(1/a) is 0 up to one rounding of a·(1/a); σ_min ≈ |det|/σ_max.
        expect(s.sigmaIPlusF[1]).toBeLessThan(1e-14 * s.sigmaIPlusF[0]);
        if (Math.abs(logA) > 0.1) expect(s.sigmaIPlusF[1]).toBeLessThan(s.claimedMinBound);
      }),
      { seed: 3, numRuns: 500 },
    );
  });

  it("returns a fresh matrix each call", () => {
    const f: Matrix = residualCounterexample();
    f[0][1] = 5;
    expect(residualCounterexample()[0][1]).toBe(0.01);
  });
});

describe("the claim for normal F", () => {
  it("the symmetric example attains it: σ(I + F) = {101, 0.99} = {1 + σ_big, 1 − σ_small}", () => {
    const s: ResidualStepSummary = residualStepSummary(residualSymmetricExample());
    // 49.995 and 50.005 are not exact doubles: their difference is off by ~5e-15,
    // Jacobi adds ~4e-14 absolute at σ_max ≈ 100; allow 2e-13.
    expect(Math.abs(s.sigmaF[0] - 100)).toBeLessThan(2e-13);
    expect(Math.abs(s.sigmaF[1] - 0.01)).toBeLessThan(2e-13);
    expect(Math.abs(s.sigmaIPlusF[0] - 101)).toBeLessThan(2e-13);
    expect(Math.abs(s.sigmaIPlusF[1] - 0.99)).toBeLessThan(2e-13);
  });

  it("for symmetric F, σ(I + F) = |1 + λ_i|, so the small half gives σ_min ≥ 1 − σ_small when σ_big + σ_small ≥ 2", () => {
    // Statement tested: F = QΛQᵀ with k eigenvalues |λ| ≤ σ_s < 1 and k with
    // |λ| ≥ σ_b, σ_b + σ_s ≥ 2. Then |1 + λ| ≥ 1 − |λ| ≥ 1 − σ_s for the
    // small ones and |1 + λ| ≥ |λ| − 1 ≥ σ_b − 1 ≥ 1 − σ_s for the big ones.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 2, max: 50, noNaN: true }),
        fc.integer(),
        (k, sSmall, sBig, seed) => {
          const rng: Rng = createRng(seed);
          const lambda: number[] = [
            ...Array.from({ length: k }, () => sSmall * (2 * rng.uniform() - 1)),
            ...Array.from({ length: k }, () => (rng.uniform() < 0.5 ? -1 : 1) * sBig * (1 + 9 * rng.uniform())),
          ];
          const q: Matrix = randomOrthogonal(rng, 2 * k);
          const f: Matrix = mul(
            q.map((r) => r.map((x, j) => x * lambda[j])),
            transposeRef(q),
          );
          const s: ResidualStepSummary = residualStepSummary(f);
          const expected: number[] = lambda.map((l) => Math.abs(1 + l)).sort((x, y) => y - x);
          // Forming F rounds at ~2k·ε·max|λ| ≤ 8·2.2e-16·500 ≈ 1e-12 absolute; allow 1e-11.
          for (let i = 0; i < 2 * k; i++) expect(Math.abs(s.sigmaIPlusF[i] - expected[i])).toBeLessThan(1e-11);
          expect(s.sigmaIPlusF[2 * k - 1]).toBeGreaterThanOrEqual(1 - sSmall - 1e-11);
        },
      ),
      { seed: 21, numRuns: 200 },
    );
  });

  it("needs σ_big ≥ 2 − σ_small even when F is normal: F = diag(−1.5, 0)", () => {
    // σ(F) = {1.5, 0}: σ_small = 0, σ_big = 1.5. I + F = diag(−0.5, 1): σ_min = 0.5 < 1 − 0.
    const s: ResidualStepSummary = residualStepSummary([
      [-1.5, 0],
      [0, 0],
    ]);
    expect(s.sigmaIPlusF).toEqual([1, 0.5]);
    expect(s.claimedMinBound).toBe(1);
  });
});

describe("the bounds that always hold", () => {
  it("σ_min(I + F) ≥ 1 − σ_max(F) and σ_max(I + F) ≥ σ_max(F) − 1 ≥ σ_big − 1, for any square F", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.double({ min: -3, max: 1.5, noNaN: true }), fc.integer(), (n, logS, seed) => {
        const f: Matrix = randomMatrix(createRng(seed), n, 10 ** logS);
        const sf: number[] = singularValues(f);
        const s: number[] = singularValues(add(eye(n), f));
        // Each σ is off by ≤ ~1e-14·(its matrix's σ_max ≤ 1 + σ_max(F)).
        const tol: number = 1e-13 * (1 + sf[0]);
        expect(s[n - 1]).toBeGreaterThanOrEqual(1 - sf[0] - tol);
        expect(s[0]).toBeGreaterThanOrEqual(sf[0] - 1 - tol);
      }),
      { seed: 8, numRuns: 500 },
    );
  });

  it("residualStepSummary's bounds hold on random even-sized F", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.double({ min: -2, max: 2, noNaN: true }), fc.integer(), (k, logS, seed) => {
        const s: ResidualStepSummary = residualStepSummary(randomMatrix(createRng(seed), 2 * k, 10 ** logS));
        const tol: number = 1e-13 * (1 + s.sigmaF[0]);
        expect(s.sigmaIPlusF[2 * k - 1]).toBeGreaterThanOrEqual(s.validMinBound - tol);
        expect(s.sigmaIPlusF[0]).toBeGreaterThanOrEqual(s.maxBound - tol);
        expect(s.sigmaSmall).toBeLessThanOrEqual(s.sigmaBig);
      }),
      { seed: 9, numRuns: 300 },
    );
  });
});

describe("Weyl's inequality and the printed hint", () => {
  it("Weyl: |σ_i(A + B) − σ_i(A)| ≤ σ_max(B) on random pairs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.double({ min: -3, max: 3, noNaN: true }), fc.integer(), (n, logS, seed) => {
        const rng: Rng = createRng(seed);
        const w = weylComparison(randomMatrix(rng, n, 1), randomMatrix(rng, n, 10 ** logS));
        const tol: number = 1e-13 * (w.sigmaA[0] + w.sigmaSum[0]);
        for (const gap of w.weylGap) expect(gap).toBeLessThanOrEqual(w.sigmaMaxB + tol);
      }),
      { seed: 10, numRuns: 300 },
    );
  });

  it("the hint σ_i(A + B) ≥ |σ_i(A) − σ_max(B)| fails at A = 0, B = diag(1, 0)", () => {
    const w = weylComparison(
      [
        [0, 0],
        [0, 0],
      ],
      [
        [1, 0],
        [0, 0],
      ],
    );
    // σ(A + B) = σ(B) = {1, 0}; the hint wants σ₂(A + B) ≥ |σ₂(A) − σ_max(B)| = |0 − 1| = 1.
    expect(w.sigmaSum).toEqual([1, 0]);
    expect(w.hintLower).toEqual([1, 1]);
    expect(w.sigmaSum[1]).toBeLessThan(w.hintLower[1]);
  });

  it("the hint also fails for A = F (the counterexample), B = I, and Weyl still holds", () => {
    const w = weylComparison(residualCounterexample(), eye(2));
    // σ₂(I + F) ≈ 0 but |σ₂(F) − σ_max(I)| = |0.01 − 1| = 0.99.
    expect(w.sigmaSum[1]).toBeLessThan(1e-13);
    expect(w.hintLower[1]).toBeCloseTo(0.99, 14);
    expect(w.weylGap[0]).toBeLessThanOrEqual(1); // 100.01 − 100
    expect(w.weylGap[1]).toBeLessThanOrEqual(1); // |0 − 0.01|
  });
});

describe("isNormalMatrix", () => {
  it("is true for symmetric, orthogonal-times-c and skew matrices, false for the counterexample and a shear", () => {
    const q: Matrix = randomOrthogonal(createRng(3), 5);
    const s: Matrix = mul(
      q,
      transposeRef(q).map((row, i) => row.map((x) => x * (i + 1))),
    );
    expect(isNormalMatrix(residualSymmetricExample())).toBe(true);
    expect(isNormalMatrix(q.map((row) => row.map((x) => 7 * x)))).toBe(true);
    // Q·diag(1, …, 5)·Qᵀ is symmetric up to rounding (≈ 1e-15 relative).
    expect(isNormalMatrix(s)).toBe(true);
    expect(
      isNormalMatrix([
        [0, -3],
        [3, 0],
      ]),
    ).toBe(true);
    expect(isNormalMatrix(residualCounterexample())).toBe(false);
    expect(
      isNormalMatrix([
        [1, 1],
        [0, 1],
      ]),
    ).toBe(false);
  });

  it("does not depend on the scale of F, and takes 0 and huge entries", () => {
    for (const c of [1e-200, 1, 1e200]) {
      expect(isNormalMatrix(residualSymmetricExample().map((row) => row.map((x) => c * x)))).toBe(true);
      expect(isNormalMatrix(residualCounterexample().map((row) => row.map((x) => c * x)))).toBe(false);
    }
    expect(isNormalMatrix([[0]])).toBe(true);
    expect(() => isNormalMatrix([[1, 2]])).toThrow(RangeError);
  });
});

describe("bad arguments", () => {
  it("residualStepSummary and weylComparison say what was wrong", () => {
    expect(() => residualStepSummary([[1, 2, 3]])).toThrow("f must be square, got 1×3");
    expect(() => residualStepSummary(eye(3))).toThrow("f must be 2k×2k with 2k ≤ 64 (half small, half big), got 3×3");
    expect(() => residualStepSummary([[1, 2], [3]])).toThrow("f is ragged");
    expect(() =>
      residualStepSummary([
        [1, Number.NaN],
        [0, 0],
      ]),
    ).toThrow("f[0][1] must be a finite number, got NaN");
    expect(() => weylComparison(eye(2), eye(3))).toThrow("add: a is 2×2 but b is 3×3; the shapes must be equal");
  });
});
