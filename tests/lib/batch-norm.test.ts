import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  BATCH_NORM_FD_RELATIVE_STEP,
  batchNormBackward,
  batchNormColumnsBackward,
  batchNormColumnsForward,
  batchNormForward,
  batchNormJacobian,
  batchNormJacobianDiagonal,
  batchNormJacobianFiniteDifference,
  batchNormJacobianSpectrum,
} from "../../lib/batch-norm";
import { createRng } from "../../lib/random";

const EPS_MACHINE: number = 2 ** -52;

// ---------------------------------------------------------------------------
// Independent references, written from the definitions with plain loops.

function mean(v: readonly number[]): number {
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}

// Biased variance by the textbook two-pass formula (fine for the well-scaled
// batches used with it: |mean| at most a few standard deviations).
function biasedVariance(v: readonly number[]): number {
  const mu = mean(v);
  let s = 0;
  for (const x of v) s += (x - mu) ** 2;
  return s / v.length;
}

// Forward-mode derivative of y = γ(x − μ)/√(σ² + ε) along direction e_k,
// carried through every intermediate as a (value, derivative) pair. No
// difference quotient, so it is exact up to rounding; it shares nothing with
// the closed formula in lib/ (it never forms x̂_i x̂_k/m).
function dualColumn(x: readonly number[], k: number, gamma: number, eps: number): number[] {
  const m = x.length;
  const dx = x.map((_, i) => (i === k ? 1 : 0));
  const mu = mean(x);
  const dmu = mean(dx);
  let varSum = 0;
  let dVarSum = 0;
  for (let i = 0; i < m; i++) {
    const d = x[i] - mu;
    const dd = dx[i] - dmu;
    varSum += d * d;
    dVarSum += 2 * d * dd;
  }
  const s = Math.sqrt(varSum / m + eps);
  const ds = dVarSum / m / (2 * s);
  return x.map((xi, i) => (gamma * ((dx[i] - dmu) * s - (xi - mu) * ds)) / (s * s));
}

function dualJacobian(x: readonly number[], gamma: number, eps: number): number[][] {
  const cols = x.map((_, k) => dualColumn(x, k, gamma, eps));
  return x.map((_, i) => cols.map((col) => col[i]));
}

// The closed formula of the spec, typed out independently of lib/.
function closedFormJacobian(x: readonly number[], gamma: number, eps: number): number[][] {
  const m = x.length;
  const mu = mean(x);
  const s = Math.sqrt(biasedVariance(x) + eps);
  const xh = x.map((v) => (v - mu) / s);
  return xh.map((xi, i) => xh.map((xk, k) => (gamma / s) * ((i === k ? 1 : 0) - 1 / m - (xi * xk) / m)));
}

// Central differences of the forward pass, written here (not lib's version).
function finiteDifferenceJacobian(x: readonly number[], gamma: number, eps: number, h: number): number[][] {
  const forward = (v: readonly number[]): number[] => {
    const mu = mean(v);
    const s = Math.sqrt(biasedVariance(v) + eps);
    return v.map((vi) => (gamma * (vi - mu)) / s);
  };
  const m = x.length;
  const jac = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (let k = 0; k < m; k++) {
    const up = x.slice();
    const down = x.slice();
    up[k] = x[k] + h;
    down[k] = x[k] - h;
    const yu = forward(up);
    const yd = forward(down);
    const taken = up[k] - down[k];
    for (let i = 0; i < m; i++) jac[i][k] = (yu[i] - yd[i]) / taken;
  }
  return jac;
}

function maxAbsDiff(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  let d = 0;
  a.forEach((row, i) => row.forEach((v, k) => (d = Math.max(d, Math.abs(v - b[i][k])))));
  return d;
}

function matVec(a: readonly (readonly number[])[], v: readonly number[]): number[] {
  return a.map((row) => row.reduce((s, aik, k) => s + aik * v[k], 0));
}

// A seeded batch: m values with centre `shift` and spread `scale`.
function randomBatch(seed: number, m: number, scale = 1, shift = 0): number[] {
  const rng = createRng(seed);
  return Array.from({ length: m }, () => shift + scale * rng.normal());
}

// fast-check generator of well-scaled batches (m from 2 to 24) with γ and ε.
const caseArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  m: fc.integer({ min: 2, max: 24 }),
  logScale: fc.double({ min: -3, max: 3, noNaN: true }),
  gamma: fc.double({ min: -3, max: 3, noNaN: true }).filter((g) => Math.abs(g) > 1e-3),
  eps: fc.constantFrom(0, 1e-5, 0.1, 1, 4),
});

describe("batchNormForward", () => {
  it("y has mean β and biased variance γ²σ²/(σ² + ε); mean and variance match a direct computation", () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: -5, max: 5, noNaN: true }), ({ seed, m, logScale, gamma, eps }, beta) => {
        const scale = 10 ** logScale;
        const x = randomBatch(seed, m, scale, 2 * scale);
        const { y, mean: mu, variance } = batchNormForward(x, gamma, beta, eps);
        const sigma2 = biasedVariance(x);
        // μ and σ² are sums of ≤ 24 terms with |x| ≲ 6·scale: each side is
        // within ~24·ε relative (~5e-15) of the truth; 1e-13 is a 10x margin.
        expect(Math.abs(mu - mean(x))).toBeLessThanOrEqual(1e-13 * scale);
        expect(Math.abs(variance - sigma2)).toBeLessThanOrEqual(1e-13 * sigma2);
        // |γ x̂_i| ≤ |γ|√m, so summing y in the test loses ≤ m·ε·(|β| + |γ|√m);
        // lib's own Σx̂ is zero to the same order. 4·m·ε·(…) bounds both.
        const bound = 4 * m * EPS_MACHINE * (Math.abs(beta) + Math.abs(gamma) * Math.sqrt(m));
        expect(Math.abs(mean(y) - beta)).toBeLessThanOrEqual(bound);
        // Variance of y: a well-conditioned quotient of sums; relative 1e-12
        // is ~100x the accumulated rounding of m ≤ 24 terms.
        const expected = (gamma * gamma * sigma2) / (sigma2 + eps);
        expect(Math.abs(biasedVariance(y) - expected)).toBeLessThanOrEqual(1e-12 * expected);
      }),
      { seed: 13, numRuns: 300 },
    );
  });

  it("with ε = 0, BN(a·x + b) = sign(a)·BN(x) up to rounding", () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.double({ min: -8, max: 8, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        ({ seed, m }, logA, bOverSpread) => {
          const x = randomBatch(seed, m);
          if (biasedVariance(x) === 0) return;
          const a = (logA >= 0 ? 1 : -1) * 10 ** Math.abs(logA) * (seed % 2 === 0 ? 1 : -1);
          // b a few spreads of a·x away: a·x_i + b then carries rounding of
          // ~ε·(|a x_i| + |b|) ≤ ~20ε·|a|·σ, i.e. ≲ 1e-14 in x̂.
          const b = bOverSpread * Math.abs(a) * Math.sqrt(biasedVariance(x));
          const base = batchNormForward(x, 1, 0, 0).xHat;
          const moved = batchNormForward(
            x.map((v) => a * v + b),
            1,
            0,
            0,
          ).xHat;
          const sign = Math.sign(a);
          // |x̂| ≤ √m ≤ 5; 1e-12 absolute is ~50x the rounding estimate above.
          base.forEach((v, i) => expect(Math.abs(moved[i] - sign * v)).toBeLessThanOrEqual(1e-12));
        },
      ),
      { seed: 14, numRuns: 300 },
    );
  });

  it("with ε > 0 the invariance is approximate: |x̂(ax + b) − sign(a)x̂(x)| ≤ |x̂|·(ε/2σ²)·|1 − 1/a²|", () => {
    // x̂' = x̂·√(σ² + ε)/√(σ² + ε/a²), and |√(1 + u) − √(1 + v)| ≤ |u − v|/2
    // for u, v ≥ 0, with u = ε/σ², v = ε/(a²σ²): the exact relative change
    // is at most (ε/2σ²)|1 − 1/a²|. For a = ±1 the invariance is exact.
    fc.assert(
      fc.property(caseArb, fc.double({ min: -2, max: 2, noNaN: true }), fc.boolean(), ({ seed, m, eps }, logA, negative) => {
        const x = randomBatch(seed, m);
        const sigma2 = biasedVariance(x);
        if (sigma2 < 1e-3) return;
        const a = (negative ? -1 : 1) * 10 ** logA;
        const base = batchNormForward(x, 1, 0, eps).xHat;
        const moved = batchNormForward(
          x.map((v) => a * v + 3),
          1,
          0,
          eps,
        ).xHat;
        const rel = (eps / (2 * sigma2)) * Math.abs(1 - 1 / (a * a));
        // 1e-12 absolute covers rounding (as in the ε = 0 test).
        base.forEach((v, i) => expect(Math.abs(moved[i] - Math.sign(a) * v)).toBeLessThanOrEqual(Math.abs(v) * rel + 1e-12));
      }),
      { seed: 15, numRuns: 300 },
    );
    // The bound is not vacuous: ε = 1, σ² ≈ 1 and a = 10 change x̂ by ~25%.
    const x = randomBatch(3, 16);
    const sigma2 = biasedVariance(x);
    const base = batchNormForward(x, 1, 0, 1).xHat;
    const moved = batchNormForward(
      x.map((v) => 10 * v),
      1,
      0,
      1,
    ).xHat;
    const ratio = moved[0] / base[0];
    // Exact ratio √(σ² + 1)/√(σ² + 1/100), evaluated directly.
    expect(ratio).toBeCloseTo(Math.sqrt(sigma2 + 1) / Math.sqrt(sigma2 + 0.01), 12);
    expect(ratio).toBeGreaterThan(1.1);
  });

  it("keeps x = 1e8 + small noise exact to a few ulps (BigInt reference), where E[x²] − E[x]² fails", () => {
    const m = 64;
    const rng = createRng(2024);
    const x = Array.from({ length: m }, () => 1e8 + 1e-2 * rng.normal());
    // Every double in [2^26, 2^27) is an integer multiple of 2^-26, so
    // n_i = x_i·2^26 is an exact integer and the exact moments are rational:
    //   μ = Σn/(m·2^26),  σ² = (mΣn² − (Σn)²)/(m²·2^52).
    const n = x.map((v) => BigInt(v * 2 ** 26));
    const sumN = n.reduce((s, v) => s + v, 0n);
    const sumN2 = n.reduce((s, v) => s + v * v, 0n);
    const M = BigInt(m);
    const varNumerator = M * sumN2 - sumN * sumN; // exact; then one rounding
    const exactVariance = Number(varNumerator) / Number(M * M) / 2 ** 52;
    // μ·2^26·m = Σn exactly; split off the integer part to keep every digit.
    const exactMean = Number(sumN / M) / 2 ** 26 + Number(sumN % M) / m / 2 ** 26;
    const eps = 1e-5;
    const r = batchNormForward(x, 1, 0, eps);
    // Mean: correctly rounded, within half an ulp of 1e8 (7.5e-9). Variance
    // (~1e-4): the deviations are exact to an ulp, so only the sum of 64
    // squares rounds: ≲ 64ε ≈ 1.4e-14 relative in the worst case; 1e-14
    // is about 45 ε, and the one-pass formula misses it by a factor > 100.
    expect(Math.abs(r.mean - exactMean)).toBeLessThanOrEqual(7.5e-9);
    expect(Math.abs(r.variance - exactVariance)).toBeLessThanOrEqual(1e-14 * exactVariance);
    // x̂_i = (m·n_i − Σn)/(m·2^26·s): the numerator is an exact BigInt.
    // |x̂| ≤ 3 here, so 4e-15 is ~10 ulps. Rounding μ to a single double
    // before subtracting would already cost ~7e-9/1e-2 ≈ 1e-6.
    const s = Math.sqrt(exactVariance + eps);
    r.xHat.forEach((v, i) => {
      const exact = Number(M * n[i] - sumN) / m / 2 ** 26 / s;
      expect(Math.abs(v - exact)).toBeLessThanOrEqual(4e-15);
    });
    // The one-pass formula on the same data: its error is orders of
    // magnitude above the variance itself (catastrophic cancellation of
    // two 1e16-sized numbers with ulp 2), so this test does discriminate.
    const naive = mean(x.map((v) => v * v)) - mean(x) ** 2;
    expect(Math.abs(naive - exactVariance)).toBeGreaterThan(100 * exactVariance);
  });

  it("is exact under power-of-two scaling, even at 1e±200 where squares leave the range of doubles", () => {
    const x = randomBatch(5, 10, 1, 0.5);
    const base = batchNormForward(x, 1, 0, 0);
    for (const k of [664, -664, 1000]) {
      // |x|·2^1000 ≈ 1e301: its squares would overflow; 2^-664 ≈ 1e-200: they would underflow.
      const r = batchNormForward(
        x.map((v) => v * 2 ** k),
        1,
        0,
        0,
      );
      expect(r.xHat).toEqual(base.xHat);
      expect(r.mean).toBe(base.mean * 2 ** k);
      expect(r.s).toBe(base.s * 2 ** k);
      // σ² itself overflows for k = 664 and 1000 (σ ≈ 2^664 ⇒ σ² ≈ 2^1328):
      // documented behaviour, while s, x̂ and y stay exact.
      expect(r.variance).toBe(k < 0 ? base.variance * 2 ** (2 * k) : Infinity);
    }
  });

  it("handles ε far above σ² (ε·2^-2e overflowing internally) and a batch of one", () => {
    const tiny = [1e-300, 2e-300, 4e-300];
    const r = batchNormForward(tiny, 1, 0, 1);
    // s = √(σ² + 1) = 1 to every digit, so x̂ = x − μ.
    const mu = (1e-300 + 2e-300 + 4e-300) / 3;
    expect(r.s).toBe(1);
    r.xHat.forEach((v, i) => expect(Math.abs(v - (tiny[i] - mu))).toBeLessThanOrEqual(1e-315));
    const single = batchNormForward([42], 2, 3, 1e-5);
    expect(single.xHat).toEqual([0]);
    expect(single.y).toEqual([3]);
    expect(single.variance).toBe(0);
  });

  it("treats a constant batch exactly: x̂ = 0, y = β when ε > 0", () => {
    const r = batchNormForward([0.1, 0.1, 0.1, 0.1, 0.1], 2, -1, 1e-5);
    expect(r.mean).toBe(0.1);
    expect(r.variance).toBe(0);
    expect(r.xHat).toEqual([0, 0, 0, 0, 0]);
    expect(r.y).toEqual([-1, -1, -1, -1, -1]);
  });

  it("rejects bad arguments with RangeErrors that name them", () => {
    expect(() => batchNormForward([])).toThrow("x must hold at least one example, got []");
    expect(() => batchNormForward([1, Number.NaN])).toThrow("x[1] must be a finite number, got NaN");
    expect(() => batchNormForward([1, Infinity])).toThrow(RangeError);
    expect(() => batchNormForward("12" as unknown as number[])).toThrow('x must be an array of finite numbers, got "12"');
    expect(() => batchNormForward([1, 2], Number.NaN)).toThrow("gamma must be a finite number, got NaN");
    expect(() => batchNormForward([1, 2], 1, -Infinity)).toThrow("beta must be a finite number, got -Infinity");
    expect(() => batchNormForward([1, 2], 1, 0, -1e-9)).toThrow("eps must be ≥ 0, got -1e-9");
    expect(() => batchNormForward([1, 2], 1, 0, Infinity)).toThrow("eps must be a finite number, got Infinity");
    expect(() => batchNormForward([3, 3, 3], 1, 0, 0)).toThrow(/zero variance \(every entry equals 3\) and eps = 0/);
    expect(() => batchNormForward([7], 1, 0, 0)).toThrow(RangeError);
    expect(() => batchNormForward([0, 1], 1e308, 1e308)).toThrow(/overflows/);
  });
});

describe("batchNormJacobian", () => {
  it("matches forward-mode (dual-number) differentiation of the forward pass for every ε ≥ 0", () => {
    fc.assert(
      fc.property(caseArb, ({ seed, m, logScale, gamma, eps }) => {
        const scale = 10 ** logScale;
        const x = randomBatch(seed, m, scale, scale);
        if (eps === 0 && biasedVariance(x) === 0) return;
        const jac = batchNormJacobian(x, gamma, eps);
        const ref = dualJacobian(x, gamma, eps);
        // Entries are (γ/s)·O(1); both sides round a few times over sums of
        // m ≤ 24 terms: ~m·ε·|γ|/s ≈ 5e-15·|γ|/s. 1e-13·|γ|/s is ~20x that.
        const s = Math.sqrt(biasedVariance(x) + eps);
        expect(maxAbsDiff(jac, ref)).toBeLessThanOrEqual((1e-13 * Math.abs(gamma)) / s);
      }),
      { seed: 21, numRuns: 300 },
    );
  });

  it("matches central finite differences (step 1e-5·s, error ≤ 1e-9·|γ|/s) and the closed formula typed out independently", () => {
    fc.assert(
      fc.property(caseArb, ({ seed, m, logScale, gamma, eps }) => {
        const scale = 10 ** logScale;
        const x = randomBatch(seed, m, scale, -scale);
        const s = Math.sqrt(biasedVariance(x) + eps);
        const jac = batchNormJacobian(x, gamma, eps);
        // Step h = 1e-5·s: truncation (h²/6)·|y'''| with |y'''| ~ |γ|/s³
        // gives ~2e-11·|γ|/s; rounding ε·max|y|/h ≲ 2.2e-16·√24/1e-5 ≈ 1e-10
        // (·|γ|/s). Measured worst case over 400 seeded batches: 7e-11·|γ|/s.
        // Tolerance 1e-9·|γ|/s: 10x above that, and 10⁶x below the error of
        // a formula that ignored ε (next test).
        const fd = finiteDifferenceJacobian(x, gamma, eps, 1e-5 * s);
        expect(maxAbsDiff(jac, fd)).toBeLessThanOrEqual((1e-9 * Math.abs(gamma)) / s);
        // Same formula, same inputs, different code: rounding only.
        expect(maxAbsDiff(jac, closedFormJacobian(x, gamma, eps))).toBeLessThanOrEqual((1e-13 * Math.abs(gamma)) / s);
      }),
      { seed: 22, numRuns: 200 },
    );
  });

  it("is exact for ε > 0: a variant that normalises x̂ by σ instead of s fails the same check", () => {
    // ε = 1 and σ² ≈ 1: if the x̂_i x̂_k/m term were built from (x − μ)/σ
    // (as if ε = 0), entries would be off by ~(σ²/s² − 1)·x̂²/m ≈ 0.05.
    const x = randomBatch(8, 8);
    const eps = 1;
    const s = Math.sqrt(biasedVariance(x) + eps);
    const sigma = Math.sqrt(biasedVariance(x));
    const mu = mean(x);
    const m = x.length;
    const bySigma = x.map((v) => (v - mu) / sigma);
    const wrong = bySigma.map((xi, i) => bySigma.map((xk, k) => (1 / s) * ((i === k ? 1 : 0) - 1 / m - (xi * xk) / m)));
    const fd = finiteDifferenceJacobian(x, 1, eps, 1e-5 * s);
    expect(maxAbsDiff(wrong, fd)).toBeGreaterThan(1e-3);
    expect(maxAbsDiff(batchNormJacobian(x, 1, eps), fd)).toBeLessThanOrEqual(1e-9 / s);
  });

  it("lib's finite-difference Jacobian agrees with the closed formula to ~1e-10·|γ|/s at its default step", () => {
    expect(BATCH_NORM_FD_RELATIVE_STEP).toBeCloseTo(Math.cbrt(EPS_MACHINE), 5);
    fc.assert(
      fc.property(caseArb, ({ seed, m, logScale, gamma, eps }) => {
        const scale = 10 ** logScale;
        const x = randomBatch(seed, m, scale);
        const s = Math.sqrt(biasedVariance(x) + eps);
        // Step 7.6e-6·s: truncation ~1e-11 and rounding ~1.5e-10 (both
        // ·|γ|/s, as in the previous test); measured worst 9e-11·|γ|/s over
        // 400 seeded batches. 1e-9 leaves a 10x margin.
        const fd = batchNormJacobianFiniteDifference(x, gamma, eps);
        expect(maxAbsDiff(fd, closedFormJacobian(x, gamma, eps))).toBeLessThanOrEqual((1e-9 * Math.abs(gamma)) / s);
      }),
      { seed: 23, numRuns: 200 },
    );
  });

  it("is symmetric, kills 1, scales x̂ by γε/s³ and every v ⊥ {1, x̂} by γ/s", () => {
    fc.assert(
      fc.property(caseArb, ({ seed, m, gamma, eps }) => {
        if (m < 3) return;
        const x = randomBatch(seed, m);
        const jac = batchNormJacobian(x, gamma, eps);
        const s = Math.sqrt(biasedVariance(x) + eps);
        const xh = batchNormForward(x, 1, 0, eps).xHat;
        // Symmetric bit for bit: entry (i, k) and (k, i) are the same operations.
        expect(jac).toEqual(jac.map((row, i) => row.map((_, k) => jac[k][i])));
        // All rates below are (γ/s)·O(1) computed from m ≤ 24 products:
        // 1e-13·|γ|/s·√m covers the rounding with a ~10x margin.
        const tol = (1e-13 * Math.abs(gamma) * Math.sqrt(m)) / s;
        const worst = (v: number[], target: number[]): number => Math.max(...v.map((vi, i) => Math.abs(vi - target[i])));
        expect(worst(matVec(jac, new Array<number>(m).fill(1)), new Array<number>(m).fill(0))).toBeLessThanOrEqual(tol);
        const lambdaXh = (gamma * eps) / s ** 3;
        expect(
          worst(
            matVec(jac, xh),
            xh.map((q) => lambdaXh * q),
          ),
        ).toBeLessThanOrEqual(tol);
        // A random v with its components along 1 and x̂ removed (1 ⊥ x̂ already).
        const rng = createRng(seed + 1);
        let v = Array.from({ length: m }, () => rng.normal());
        const vm = mean(v);
        v = v.map((vi) => vi - vm);
        const proj = v.reduce((acc, vi, i) => acc + vi * xh[i], 0) / xh.reduce((acc, q) => acc + q * q, 0);
        v = v.map((vi, i) => vi - proj * xh[i]);
        expect(
          worst(
            matVec(jac, v),
            v.map((vi) => (gamma / s) * vi),
          ),
        ).toBeLessThanOrEqual(tol);
      }),
      { seed: 24, numRuns: 300 },
    );
  });

  it("batchNormJacobianSpectrum reproduces the trace and the Frobenius norm of the matrix", () => {
    fc.assert(
      fc.property(caseArb, ({ seed, m, logScale, gamma, eps }) => {
        const x = randomBatch(seed, m, 10 ** logScale);
        const jac = batchNormJacobian(x, gamma, eps);
        const sp = batchNormJacobianSpectrum(x, gamma, eps);
        expect(sp.onOnes).toBe(0);
        expect(sp.restMultiplicity).toBe(m - 2);
        let trace = 0;
        let frob2 = 0;
        jac.forEach((row, i) => row.forEach((v, k) => ((frob2 += v * v), i === k && (trace += v))));
        const eigenTrace = sp.onXHat + sp.restMultiplicity * sp.onRest;
        const eigenFrob2 = sp.onXHat ** 2 + sp.restMultiplicity * sp.onRest ** 2;
        // Sums of m² ≤ 576 terms of size (γ/s)²: relative 1e-12 is ~10x
        // their accumulated rounding.
        expect(Math.abs(trace - eigenTrace)).toBeLessThanOrEqual(1e-12 * m * Math.abs(sp.onRest));
        expect(Math.abs(frob2 - eigenFrob2)).toBeLessThanOrEqual(1e-12 * m * sp.onRest ** 2);
      }),
      { seed: 25, numRuns: 300 },
    );
    // Constant batch with ε > 0: x̂ = 0, and γε/s³ = γ/s (s² = ε).
    const sp = batchNormJacobianSpectrum([2, 2, 2, 2], 3, 0.25);
    expect(sp.onRest).toBe(6);
    expect(sp.onXHat).toBe(6);
    expect(batchNormJacobianSpectrum([5], 1, 1).restMultiplicity).toBe(0);
  });

  it("batchNormJacobianDiagonal is the diagonal (γ/s)(1 − 1/m − x̂_i²/m)", () => {
    const x = randomBatch(31, 9, 2, 1);
    const jac = batchNormJacobian(x, 1.5, 1e-3);
    expect(batchNormJacobianDiagonal(x, 1.5, 1e-3)).toEqual(jac.map((row, i) => row[i]));
    // And from the definition: with x̂ from the test's own moments.
    const s = Math.sqrt(biasedVariance(x) + 1e-3);
    const mu = mean(x);
    batchNormJacobianDiagonal(x, 1.5, 1e-3).forEach((d, i) => {
      const xh = (x[i] - mu) / s;
      expect(d).toBeCloseTo((1.5 / s) * (1 - 1 / 9 - (xh * xh) / 9), 14);
    });
  });

  it("rejects bad arguments", () => {
    expect(() => batchNormJacobian([])).toThrow(RangeError);
    expect(() => batchNormJacobian([1, 1], 1, 0)).toThrow(/zero variance/);
    expect(() => batchNormJacobian([1, 2], Infinity)).toThrow("gamma must be a finite number, got Infinity");
    expect(() => batchNormJacobian([0, 1e-300, 3e-300], 1e300, 0)).toThrow(/the Jacobian overflows/);
    expect(() => batchNormJacobianDiagonal([1, 2], 1, Number.NaN)).toThrow("eps must be a finite number, got NaN");
    expect(() => batchNormJacobianFiniteDifference([1, 2], 1, 1e-5, 0)).toThrow("relativeStep must lie in (0, 1], got 0");
    expect(() => batchNormJacobianFiniteDifference([1, 2], 1, 1e-5, 2)).toThrow(RangeError);
    expect(() => batchNormJacobianFiniteDifference([1e20, 1e20 + 65536], 1, 0, 1e-12)).toThrow(/vanishes next to x\[0\]/);
    expect(() => batchNormJacobianSpectrum([1, 2], 1, -1)).toThrow("eps must be ≥ 0, got -1");
  });
});

describe("batchNormBackward", () => {
  it("dx = Jᵀdy (J from dual numbers), dγ = Σ dy·x̂, dβ = Σ dy", () => {
    fc.assert(
      fc.property(caseArb, ({ seed, m, logScale, gamma, eps }) => {
        const x = randomBatch(seed, m, 10 ** logScale);
        const dy = randomBatch(seed + 7, m);
        const { dx, dGamma, dBeta } = batchNormBackward(x, dy, gamma, eps);
        const jac = dualJacobian(x, gamma, eps);
        const s = Math.sqrt(biasedVariance(x) + eps);
        const expected = x.map((_, k) => jac.reduce((acc, row, i) => acc + row[k] * dy[i], 0));
        // Sums of m ≤ 24 terms of size |γ|/s·|dy| (|dy| ≲ 4): 1e-13·|γ|/s·m.
        expected.forEach((e, k) => expect(Math.abs(dx[k] - e)).toBeLessThanOrEqual((1e-13 * Math.abs(gamma) * m) / s));
        const xh = batchNormForward(x, 1, 0, eps).xHat;
        expect(dBeta).toBeCloseTo(
          dy.reduce((a, v) => a + v, 0),
          12,
        );
        expect(dGamma).toBeCloseTo(
          dy.reduce((a, v, i) => a + v * xh[i], 0),
          12,
        );
      }),
      { seed: 31, numRuns: 200 },
    );
  });

  it("rejects dy of the wrong length or with non-finite entries", () => {
    expect(() => batchNormBackward([1, 2, 3], [1, 2])).toThrow("dy must have the length of x (3), got length 2");
    expect(() => batchNormBackward([1, 2], [1, Number.NaN])).toThrow("dy[1] must be a finite number, got NaN");
  });
});

describe("batch-matrix kernels", () => {
  it("normalise every column like batchNormForward and back-propagate like batchNormBackward", () => {
    const rows = 37;
    const cols = 11;
    const rng = createRng(99);
    const h = Float64Array.from({ length: rows * cols }, (_, i) => 3 * rng.normal() + (i % cols));
    const dy = Float64Array.from({ length: rows * cols }, () => rng.normal());
    const xHat = new Float64Array(rows * cols);
    const invS = new Float64Array(cols);
    batchNormColumnsForward(h, xHat, invS, rows, cols, 1e-5);
    const g = Float64Array.from(dy);
    batchNormColumnsBackward(g, xHat, invS, rows, cols, new Float64Array(2 * cols));
    for (let j = 0; j < cols; j++) {
      const column = Array.from({ length: rows }, (_, i) => h[i * cols + j]);
      const dyColumn = Array.from({ length: rows }, (_, i) => dy[i * cols + j]);
      const ref = batchNormForward(column, 1, 0, 1e-5);
      const back = batchNormBackward(column, dyColumn, 1, 1e-5).dx;
      // Two different two-pass implementations of the same moments (the
      // per-feature one adds a mean correction and rescales): they agree to
      // a few ulps of O(1) values times √rows; 1e-13 is a ~10x margin.
      expect(Math.abs(invS[j] * ref.s - 1)).toBeLessThanOrEqual(1e-13);
      for (let i = 0; i < rows; i++) {
        expect(Math.abs(xHat[i * cols + j] - ref.xHat[i])).toBeLessThanOrEqual(1e-13);
        expect(Math.abs(g[i * cols + j] - back[i])).toBeLessThanOrEqual(1e-13);
      }
    }
    // In place (xHat = h) gives the same numbers.
    const inPlace = Float64Array.from(h);
    batchNormColumnsForward(inPlace, inPlace, new Float64Array(cols), rows, cols, 1e-5);
    expect(Array.from(inPlace)).toEqual(Array.from(xHat));
  });

  it("fuse the ReLU that follows BN: reluOut = max(x̂, 0), and throughRelu back-propagates ReLU∘BN", () => {
    const rows = 9;
    const cols = 4;
    const rng = createRng(100);
    const h = Float64Array.from({ length: rows * cols }, () => rng.normal());
    const dy = Float64Array.from({ length: rows * cols }, () => rng.normal());
    const xHat = new Float64Array(rows * cols);
    const relu = new Float64Array(rows * cols).fill(Number.NaN);
    const invS = new Float64Array(cols);
    batchNormColumnsForward(h, xHat, invS, rows, cols, 1e-5, relu);
    expect(Array.from(relu)).toEqual(Array.from(xHat, (v) => Math.max(v, 0)));
    expect(relu.some((v) => v === 0) && relu.some((v) => v > 0)).toBe(true);
    // Fused: BN backward of g ⊙ [x̂ > 0]; unfused: the mask applied by hand first.
    const fused = Float64Array.from(dy);
    batchNormColumnsBackward(fused, xHat, invS, rows, cols, new Float64Array(2 * cols), true);
    const byHand = Float64Array.from(dy, (v, i) => (xHat[i] > 0 ? v : 0));
    batchNormColumnsBackward(byHand, xHat, invS, rows, cols, new Float64Array(2 * cols));
    expect(Array.from(fused)).toEqual(Array.from(byHand));
  });

  it("reject bad sizes, short buffers and ε ≤ 0", () => {
    const b = new Float64Array(12);
    expect(() => batchNormColumnsForward(b, b, new Float64Array(4), 3, 4, 0)).toThrow(
      "eps must be > 0 for the batch-matrix kernels, got 0",
    );
    expect(() => batchNormColumnsForward(b, b, new Float64Array(4), 4, 4)).toThrow("h must hold at least 16 numbers, got 12");
    expect(() => batchNormColumnsForward(b, b, new Float64Array(4), 3.5, 4)).toThrow("rows must be an integer, got 3.5");
    expect(() => batchNormColumnsBackward(b, b, new Float64Array(4), 3, 4, new Float64Array(7))).toThrow(
      "scratch must hold at least 8 numbers, got 7",
    );
    expect(() => batchNormColumnsBackward([] as unknown as Float64Array, b, new Float64Array(4), 3, 4, new Float64Array(8))).toThrow(
      "g must be a Float64Array, got []",
    );
  });
});
