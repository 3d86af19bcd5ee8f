import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { singularValues, type Matrix } from "../../lib/linalg";
import { createRng, type Rng } from "../../lib/random";
import {
  MAX_RECURRENT_DIM,
  randomMatrixWithNorm,
  randomRecurrentSetup,
  recurrentBoundLog10,
  recurrentJacobian,
  recurrentJacobianSpectrum,
  recurrentState,
  spectralRadius,
  type RecurrentSpectrum,
} from "../../lib/recurrent-jacobian";
import {
  eye,
  inverse,
  kahanSum,
  log10AbsDetByElimination,
  log10SingularValuesByCompounds,
  powerSigmaMax,
  mul,
  randomOrthogonal,
  type M,
} from "./reference-linalg";

// The map x_1 ↦ x_n and its Jacobians, written out independently of lib/:
// tanh' as 1/cosh², plain loops.
function step(w: M, x: number[]): number[] {
  return w.map((row) => Math.tanh(row.reduce((s, v, j) => s + v * x[j], 0)));
}

function stateAt(w: M, x1: number[], n: number): number[] {
  let x: number[] = x1;
  for (let t = 1; t < n; t++) x = step(w, x);
  return x;
}

// J_1, …, J_{n−1} along the trajectory from x1.
function jacobianFactors(w: M, x1: number[], n: number): M[] {
  const out: M[] = [];
  let x: number[] = x1;
  for (let t = 1; t < n; t++) {
    const z: number[] = w.map((row) => row.reduce((s, v, j) => s + v * x[j], 0));
    out.push(w.map((row, i) => row.map((v) => v / Math.cosh(z[i]) ** 2)));
    x = z.map(Math.tanh);
  }
  return out;
}

function row(spec: RecurrentSpectrum, n: number): number[] {
  return Array.from(spec.log10SingularValues.subarray((n - 1) * spec.dim, n * spec.dim));
}

function orthogonalTimes(c: number, q: M): M {
  return q.map((r) => r.map((x) => c * x));
}

describe("recurrentJacobian: the product J_{n−1}···J_1", () => {
  it("n = 1 is the identity (no factor), and recurrentState(·, ·, 1) is x_1", () => {
    const { w, x1 } = randomRecurrentSetup(4, 0.7, 3);
    expect(recurrentJacobian(w, x1, 1)).toEqual(eye(4));
    const s: number[] = recurrentState(w, x1, 1);
    expect(s).toEqual(x1);
    expect(s).not.toBe(x1);
  });

  it("recurrentState matches the map iterated by hand", () => {
    const { w, x1 } = randomRecurrentSetup(5, 1.3, 8);
    // Same operations in the same order: identical doubles.
    expect(recurrentState(w, x1, 40)).toEqual(stateAt(w, x1, 40));
  });

  it("matches central finite differences of x_1 ↦ x_n", () => {
    // h = 1e-5. Truncation: |error| ≤ h²/6·‖∂³x_n/∂t³‖ along a unit e_j. With
    // s = ‖W‖₂ ≤ 1.2, |tanh''| ≤ 0.77, |tanh'''| ≤ 2 and the chain rule
    // (a_{L+1} = s·a_L, b_{L+1} ≤ 0.77s²a_L² + s·b_L,
    //  c_{L+1} ≤ 2s³a_L³ + 3·0.77s²a_L·b_L + s·c_L), four layers give
    // ‖∂³‖ ≤ 102, so truncation ≤ 1.7e-9. Rounding: x_n is computed to
    // ~n·dim·ε ≈ 3e-15, divided by 2h: 1.4e-10. Total < 2e-9; allow 5e-9.
    const h: number = 1e-5;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 0.3, max: 1.2, noNaN: true }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer(),
        (dim, sigma, n, seed) => {
          const { w, x1 } = randomRecurrentSetup(dim, sigma, seed);
          const jac: Matrix = recurrentJacobian(w, x1, n);
          for (let j = 0; j < dim; j++) {
            const xp: number[] = x1.slice();
            const xm: number[] = x1.slice();
            xp[j] += h;
            xm[j] -= h;
            const fp: number[] = stateAt(w, xp, n);
            const fm: number[] = stateAt(w, xm, n);
            for (let i = 0; i < dim; i++) {
              expect(Math.abs(jac[i][j] - (fp[i] - fm[i]) / (xp[j] - xm[j]))).toBeLessThan(5e-9);
            }
          }
        },
      ),
      { seed: 1212, numRuns: 150 },
    );
  });

  it("W = I/2, x_1 = 0 attains the bound: exactly (1/2)^{n−1}·I", () => {
    // x_t stays 0, tanh'(0) = 1, and every product of powers of two is exact.
    const w: Matrix = eye(3).map((r) => r.map((x) => x / 2));
    expect(recurrentJacobian(w, [0, 0, 0], 20)).toEqual(eye(3).map((r) => r.map((x) => x * 2 ** -19)));
  });

  it("σ_max(∂x_n/∂x_1) ≤ σ_max(W)^{n−1} on random W and x_1", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer(),
        (dim, sigma, n, seed) => {
          const { w, x1 } = randomRecurrentSetup(dim, sigma, seed);
          const bound: number = singularValues(w)[0] ** (n - 1);
          // Both sides carry ≤ ~1e-14 relative error per factor: 1e-12 covers n ≤ 60.
          expect(singularValues(recurrentJacobian(w, x1, n))[0]).toBeLessThanOrEqual(bound * (1 + 1e-12));
        },
      ),
      { seed: 77, numRuns: 300 },
    );
  });

  it("c·Q (Q orthogonal), x_1 = 0: all singular values are c^{n−1}", () => {
    const q: M = randomOrthogonal(createRng(21), 5);
    for (const c of [0.9, 1.1]) {
      const s: number[] = singularValues(recurrentJacobian(orthogonalTimes(c, q), [0, 0, 0, 0, 0], 50));
      // 49 products with an orthogonal-to-1e-15 matrix: ≤ ~1e-13 relative; allow 1e-12.
      for (const v of s) expect(Math.abs(v / c ** 49 - 1)).toBeLessThan(1e-12);
    }
  });
});

describe("recurrentJacobianSpectrum: every singular value for n = 1 … N", () => {
  it("row 1 (n = 1) is the identity and the bound is (n−1)·log₁₀σ_max(W)", () => {
    const { w, x1 } = randomRecurrentSetup(6, 0.5, 1);
    const spec: RecurrentSpectrum = recurrentJacobianSpectrum(w, x1, 100);
    expect(row(spec, 1)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(spec.log10AbsDet[0]).toBe(0);
    // σ_max(W) is 0.5 to ~1e-15 relative (independent power iteration agrees to its own accuracy).
    expect(Math.abs(spec.sigmaMaxW / powerSigmaMax(w) - 1)).toBeLessThan(1e-9);
    for (const n of [1, 2, 50, 100]) expect(spec.log10Bound[n - 1]).toBeCloseTo((n - 1) * Math.log10(spec.sigmaMaxW), 12);
  });

  it("W = I/2, x_1 = 0 to n = 1000: every σ is 2^{−(n−1)}, about 1e-301", () => {
    const w: Matrix = eye(3).map((r) => r.map((x) => x / 2));
    const spec: RecurrentSpectrum = recurrentJacobianSpectrum(w, [0, 0, 0], 1000);
    for (const n of [2, 10, 1000]) {
      // Exact powers of two; only e·log₁₀2 is rounded (≤ 1000·ε·0.3).
      for (const v of row(spec, n)) expect(v).toBeCloseTo(-(n - 1) * Math.log10(2), 12);
      expect(spec.log10Bound[n - 1]).toBeCloseTo(-(n - 1) * Math.log10(2), 12);
    }
  });

  it("c·Q, x_1 = 0 to n = 1000: every log₁₀σ is (n − 1)·log₁₀c, exactly the bound", () => {
    const q: M = randomOrthogonal(createRng(4), 8);
    for (const c of [0.1, 0.9, 1.05]) {
      const spec: RecurrentSpectrum = recurrentJacobianSpectrum(orthogonalTimes(c, q), new Array<number>(8).fill(0), 1000);
      // Q is orthogonal to ~1e-15, so after 999 factors each σ is c^999·(1 ± 1e-12):
      // 5e-13 in log₁₀, plus ~1e-13 conversion error; allow 1e-10.
      for (const v of row(spec, 1000)) expect(Math.abs(v - 999 * Math.log10(c))).toBeLessThan(1e-10);
    }
  });

  it("σ_max never exceeds the bound, at any n up to 1000", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.constantFrom(0.1, 0.5, 1, 3), fc.integer(), (dim, sigma, seed) => {
        const { w, x1 } = randomRecurrentSetup(dim, sigma, seed);
        const spec: RecurrentSpectrum = recurrentJacobianSpectrum(w, x1, 1000);
        // Relative errors ~1e-13 per log value of size ≤ 1000: 1e-10 absolute.
        for (let n = 1; n <= 1000; n++) expect(spec.log10SingularValues[(n - 1) * dim]).toBeLessThanOrEqual(spec.log10Bound[n - 1] + 1e-10);
      }),
      { seed: 5, numRuns: 20 },
    );
  });

  it("every σ_i agrees with exterior-power products, also thousands of decades below σ₁", () => {
    // Cases: contracting with complex eigenvalue pairs (σ 0.5), saturating (σ 3),
    // edge (σ 1), and hard saturation (σ 30: tanh' down to ~1e-35, so the rows
    // of each J_t differ by 35 orders of magnitude).
    for (const [dim, sigma, seed, n] of [
      [4, 0.5, 1, 1000],
      [4, 3, 2, 1000],
      [3, 1, 3, 1000],
      [4, 30, 2, 300],
    ] as const) {
      const { w, x1 } = randomRecurrentSetup(dim, sigma, seed);
      const spec: RecurrentSpectrum = recurrentJacobianSpectrum(w, x1, n);
      const ref: number[] = log10SingularValuesByCompounds(jacobianFactors(w, x1, n));
      const got: number[] = row(spec, n);
      // Both sides: ~1e-13 relative in logs of size ≤ ~3000, plus the
      // reference's own power iteration; observed ≤ 2e-11. Allow 1e-9.
      for (let i = 0; i < dim; i++) expect(Math.abs(got[i] - ref[i])).toBeLessThan(1e-9);
    }
  });

  it("Σ_i log₁₀σ_i equals log₁₀|det| = Σ_t log₁₀|det J_t| for every n (dim up to 16)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.constantFrom(0.1, 0.5, 1, 2), fc.integer(), (dim, sigma, seed) => {
        const { w, x1 } = randomRecurrentSetup(dim, sigma, seed);
        const spec: RecurrentSpectrum = recurrentJacobianSpectrum(w, x1, 300);
        // Independent: det J_t = det W · Π_i 1/cosh²(z_i), by elimination and cosh.
        const detW: number = log10AbsDetByElimination(w);
        const terms: number[] = [];
        let x: number[] = x1;
        for (let n = 2; n <= 300; n++) {
          const z: number[] = w.map((r) => r.reduce((s, v, j) => s + v * x[j], 0));
          terms.push(detW, ...z.map((v) => -2 * Math.log10(Math.cosh(v))));
          x = z.map(Math.tanh);
          const ref: number = kahanSum(terms);
          // Logs of size ≤ ~16·300·2: relative ~1e-13 → ≤ 1e-9.
          expect(Math.abs(kahanSum(row(spec, n)) - ref)).toBeLessThan(1e-9);
          expect(Math.abs(spec.log10AbsDet[n - 1] - ref)).toBeLessThan(1e-9);
        }
      }),
      { seed: 33, numRuns: 12 },
    );
  });

  it("at σ_max = 0.1, dim 16, n = 1000 nothing underflows (σ₁ ≈ 1e-1000)", () => {
    const { w, x1 } = randomRecurrentSetup(16, 0.1, 7);
    const spec: RecurrentSpectrum = recurrentJacobianSpectrum(w, x1, 1000);
    const last: number[] = row(spec, 1000);
    for (const v of last) expect(Number.isFinite(v)).toBe(true);
    for (let i = 1; i < 16; i++) expect(last[i]).toBeLessThanOrEqual(last[i - 1]);
    // The bound (0.1)^999 = 10^-999, far below the smallest double (~10^-324).
    expect(last[0]).toBeLessThanOrEqual(-999 + 1e-10);
    // Guard that this case needs per-direction scaling at all: the spread
    // exceeds the 16 decades one scale factor could hold.
    expect(last[0] - last[15]).toBeGreaterThan(16);
  });

  it("agrees with the plain product at small n, where the plain product is exact enough", () => {
    const { w, x1 } = randomRecurrentSetup(5, 1.5, 12);
    const spec: RecurrentSpectrum = recurrentJacobianSpectrum(w, x1, 12);
    for (const n of [2, 6, 12]) {
      const s: number[] = singularValues(recurrentJacobian(w, x1, n));
      const got: number[] = row(spec, n);
      // The plain SVD knows each σ_i to ~1e-14·σ₁; compare only where that is
      // still a small relative error (σ_i ≥ 1e-4·σ₁ ⇒ ≤ 1e-10 relative).
      for (let i = 0; i < 5; i++) if (s[i] >= 1e-4 * s[0]) expect(Math.abs(got[i] - Math.log10(s[i]))).toBeLessThan(1e-9);
    }
  });
});

describe("random systems", () => {
  it("randomMatrixWithNorm: N(0, 1) draws of createRng(seed), row by row, rescaled to σ_max = sigmaMax", () => {
    for (const [dim, sigma, seed] of [
      [1, 0.5, 1],
      [5, 0.5, 2],
      [16, 3, 3],
      [16, 1e-200, 4],
      [16, 1e200, 4],
    ] as const) {
      const w: Matrix = randomMatrixWithNorm(dim, sigma, seed);
      const rng: Rng = createRng(seed);
      const g: number[] = Array.from({ length: dim * dim }, () => rng.normal());
      const ratio: number = w[0][0] / g[0];
      // One ratio for all entries: (g/s)·σ rounds twice, ≤ 2.2e-16·2 relative.
      w.flat().forEach((x, k) => expect(Math.abs(x / g[k] / ratio - 1)).toBeLessThan(1e-15));
      // σ_max by power iteration (independent), to its own accuracy ~1e-12;
      // run on W/σ so that 1e-200-sized entries do not underflow in WᵀW.
      expect(Math.abs(powerSigmaMax(w.map((r) => r.map((x) => x / sigma))) - 1)).toBeLessThan(1e-9);
    }
    expect(randomMatrixWithNorm(4, 1, 9)).toEqual(randomMatrixWithNorm(4, 1, 9));
    expect(randomMatrixWithNorm(4, 1, 9)).not.toEqual(randomMatrixWithNorm(4, 1, 10));
  });

  it("randomRecurrentSetup: the same W, and x_1 = the next dim normals of the stream", () => {
    const { w, x1 } = randomRecurrentSetup(3, 0.5, 42);
    expect(w).toEqual(randomMatrixWithNorm(3, 0.5, 42));
    const rng: Rng = createRng(42);
    for (let k = 0; k < 9; k++) rng.normal();
    expect(x1).toEqual([rng.normal(), rng.normal(), rng.normal()]);
  });

  it("recurrentBoundLog10 is (n − 1)·log₁₀σ_max", () => {
    // (1/2)^{10}: log₁₀ = −10·0.30103 = −3.0103.
    expect(recurrentBoundLog10(0.5, 11)).toBeCloseTo(-10 * Math.log10(2), 14);
    expect(recurrentBoundLog10(3, 1)).toBe(0);
  });
});

describe("spectralRadius: max |λ_i| by Gelfand's formula", () => {
  // A = S·B·S⁻¹ with B block diagonal: real eigenvalues on the diagonal, and
  // 2×2 blocks r·[[cos θ, −sin θ], [sin θ, cos θ]] for a complex pair r·e^{±iθ}.
  // So ρ(A) = the largest |diagonal entry| or r, known exactly.
  function similar(rng: Rng, blocks: ({ real: number } | { r: number; theta: number })[]): { a: M; rho: number } {
    const n: number = blocks.reduce((s, b) => s + ("real" in b ? 1 : 2), 0);
    const b: M = eye(n).map((row) => row.map(() => 0));
    let i: number = 0;
    let rho: number = 0;
    for (const blk of blocks) {
      if ("real" in blk) {
        b[i][i] = blk.real;
        rho = Math.max(rho, Math.abs(blk.real));
        i += 1;
      } else {
        const c: number = blk.r * Math.cos(blk.theta);
        const s: number = blk.r * Math.sin(blk.theta);
        b[i][i] = c;
        b[i][i + 1] = -s;
        b[i + 1][i] = s;
        b[i + 1][i + 1] = c;
        rho = Math.max(rho, blk.r);
        i += 2;
      }
    }
    // S = I + 0.3·G (well conditioned, far from orthogonal, so A is not normal).
    const s: M = eye(n).map((row) => row.map((x) => x + 0.3 * rng.normal()));
    return { a: mul(mul(s, b), inverse(s)), rho };
  }

  it("matches the known ρ of non-normal matrices with real and complex dominant eigenvalues", () => {
    const rng: Rng = createRng(2024);
    const cases: { a: M; rho: number }[] = [
      similar(rng, [{ real: 0.9 }, { real: -0.3 }, { real: 0.1 }]),
      similar(rng, [{ real: -1.7 }, { real: 1.2 }, { r: 0.5, theta: 1 }]),
      similar(rng, [{ r: 2.5, theta: 0.3 }, { real: 2 }, { real: -1 }]),
      similar(rng, [{ r: 0.4, theta: 2 }, { r: 0.2, theta: 0.5 }, { real: 0.05 }]),
    ];
    // Forming S·B·S⁻¹ moves the eigenvalues by ~κ(S)·ε·‖B‖ ≈ 1e-14 here
    // (κ(S) ≲ 10); the squarings add ~1e-15. 1e-11 relative is safe.
    for (const { a, rho } of cases) expect(Math.abs(spectralRadius(a) / rho - 1)).toBeLessThan(1e-11);
  });

  it("is |a| for a Jordan block (‖Jᵐ‖ carries a factor m), 0 for a nilpotent matrix, |w| for 1×1", () => {
    expect(
      spectralRadius([
        [0.5, 1],
        [0, 0.5],
      ]),
    ).toBeCloseTo(0.5, 14);
    expect(
      spectralRadius([
        [-3, 1, 0],
        [0, -3, 1],
        [0, 0, -3],
      ]),
    ).toBeCloseTo(3, 13);
    expect(
      spectralRadius([
        [0, 1],
        [0, 0],
      ]),
    ).toBe(0);
    expect(
      spectralRadius([
        [0, 0],
        [0, 0],
      ]),
    ).toBe(0);
    expect(spectralRadius([[-0.25]])).toBe(0.25);
  });

  it("never exceeds σ_max, equals it for c·Q (Q orthogonal), and is the decay rate of W^n", () => {
    const q: M = randomOrthogonal(createRng(5), 6);
    expect(Math.abs(spectralRadius(orthogonalTimes(0.7, q)) / 0.7 - 1)).toBeLessThan(1e-13);
    for (const seed of [1, 2, 3]) {
      const { w } = randomRecurrentSetup(8, 0.5, seed);
      const rho: number = spectralRadius(w);
      expect(rho).toBeLessThanOrEqual(0.5 * (1 + 1e-14));
      // With x_1 = 0 the Jacobian product is W^{n−1}; between n = 1001 and
      // 3001 its log σ₁ grows by 2000·log₁₀ρ up to the change of the bounded
      // factor ‖W^m‖/ρ^m (≲ a few decades for a random 8×8 W): 1e-2 per step is generous.
      const spec: RecurrentSpectrum = recurrentJacobianSpectrum(w, new Array<number>(8).fill(0), 3001);
      const slope: number = (spec.log10SingularValues[3000 * 8] - spec.log10SingularValues[1000 * 8]) / 2000;
      expect(Math.abs(slope - Math.log10(rho))).toBeLessThan(1e-2);
    }
  });

  it("rejects what is not a square matrix", () => {
    expect(() => spectralRadius([[1, 2]])).toThrow("a must be square, got 1×2");
    expect(() =>
      spectralRadius([
        [1, NaN],
        [0, 1],
      ]),
    ).toThrow(RangeError);
  });
});

describe("bad arguments", () => {
  const { w, x1 } = randomRecurrentSetup(2, 0.5, 1);
  it("recurrentJacobian, recurrentState and the spectrum say what was wrong", () => {
    expect(() => recurrentJacobian([[1, 2], [3]], x1, 2)).toThrow("w is ragged: w[1] has 1 entries but w[0] has 2");
    expect(() => recurrentJacobian([[1, 2]], [1, 2], 2)).toThrow("w must be square, got 1×2");
    expect(() => recurrentJacobian(w, [1], 2)).toThrow("x1 must have 2 entries, got 1");
    expect(() => recurrentJacobian(w, [1, Number.NaN], 2)).toThrow("x1[1] must be a finite number, got NaN");
    expect(() => recurrentJacobian(w, x1, 0)).toThrow("n must be an integer ≥ 1, got 0");
    expect(() => recurrentJacobian(w, x1, 2.5)).toThrow("n must be an integer, got 2.5");
    expect(() => recurrentJacobian(w, x1, 10_001)).toThrow("n must be at most 10000, got 10001");
    expect(() => recurrentState(w, x1, Number.NaN)).toThrow("n must be an integer, got NaN");
    const big: Matrix = eye(MAX_RECURRENT_DIM + 1);
    expect(() => recurrentJacobian(big, new Array<number>(65).fill(0), 2)).toThrow("w must be at most 64×64, got 65×65");
    expect(() => recurrentJacobianSpectrum(w, x1, 0)).toThrow("steps must be an integer ≥ 1, got 0");
    expect(() => recurrentJacobianSpectrum(eye(64), new Array<number>(64).fill(0), 1025)).toThrow(
      "dim³·steps = 64³·1025 = 268697600 exceeds 268435456 (about a second of work); lower the dimension or the number of steps",
    );
    // W x_1 overflows: an error, not NaN.
    const huge: Matrix = [
      [1e300, 1e300],
      [0, 1],
    ];
    expect(() => recurrentJacobian(huge, [1e10, 1e10], 2)).toThrow("(W x_1)_0 must be finite, got Infinity");
    expect(() =>
      recurrentState(
        [
          [1e300, -1e300],
          [0, 1],
        ],
        [1e10, 1e10],
        3,
      ),
    ).toThrow("(W x_1)_0 must be finite, got NaN");
    expect(() => recurrentJacobianSpectrum([[1e300]], [1e10], 2)).toThrow("(W x_1)_0 must be finite, got Infinity");
    // tanh'(1000) = 4e^{-2000} underflows: the Jacobian is not representable.
    expect(() => recurrentJacobianSpectrum([[1000]], [1], 2)).toThrow("tanh'((W x_1)_0) underflows at (W x_1)_0 = 1000");
  });

  it("randomMatrixWithNorm and randomRecurrentSetup check dim, sigmaMax and seed", () => {
    expect(() => randomMatrixWithNorm(0, 1, 1)).toThrow("dim must be an integer ≥ 1, got 0");
    expect(() => randomMatrixWithNorm(65, 1, 1)).toThrow("dim must be at most 64, got 65");
    expect(() => randomMatrixWithNorm(2, 0, 1)).toThrow("sigmaMax must lie in [1e-300, 1e+300], got 0");
    expect(() => randomMatrixWithNorm(2, -1, 1)).toThrow("sigmaMax must lie in [1e-300, 1e+300], got -1");
    expect(() => randomMatrixWithNorm(2, Number.NaN, 1)).toThrow("sigmaMax must be a finite number, got NaN");
    expect(() => randomMatrixWithNorm(2, 1, 1.5)).toThrow("seed must be a safe integer, got 1.5");
    expect(() => randomRecurrentSetup(2, Infinity, 1)).toThrow("sigmaMax must be a finite number, got Infinity");
    expect(() => recurrentBoundLog10(0, 2)).toThrow("sigmaMaxW must be positive, got 0");
  });
});
