// Batch normalisation (Ioffe & Szegedy 2015) of one feature over a
// mini-batch of m examples, and its Jacobian, for chapter 1.3:
//
//   μ = (1/m) Σ x_i,   σ² = (1/m) Σ (x_i − μ)²   (biased, as in the paper),
//   s = √(σ² + ε),     x̂_i = (x_i − μ)/s,        y_i = γ x̂_i + β.
//
// Differentiating (∂μ/∂x_k = 1/m, ∂σ²/∂x_k = 2(x_k − μ)/m because the
// deviations sum to zero, hence ∂s/∂x_k = (x_k − μ)/(m s) = x̂_k/m):
//
//   ∂y_i/∂x_k = γ[(δ_ik − 1/m)/s − (x_i − μ)/s² · x̂_k/m]
//             = (γ/s)(δ_ik − 1/m − x̂_i x̂_k/m).
//
// This is exact for every ε ≥ 0 as long as x̂ is the normalised value that
// uses s (not σ). ε only shows up in x̂ᵀx̂ = mσ²/(σ² + ε) < m, which is why
// the Jacobian does not quite annihilate the x̂ direction when ε > 0:
// J·1 = 0, J·x̂ = (γε/s³)·x̂, and J·v = (γ/s)·v for v ⊥ {1, x̂}.
//
// The batch-matrix kernels at the end apply the same formulas to every
// column of a row-major batch × width Float64Array; the residual-block
// simulation runs on them.

import type { Matrix } from "./linalg";
import { describeValue, requireFinite, requireIntegerInRange } from "./validate";

/** Default ε of batchNormForward and friends, 1e-5 (the value used by Ioffe & Szegedy's reference implementations and by PyTorch). Used in chapter 1.3. */
export const BATCH_NORM_DEFAULT_EPS: number = 1e-5;

/** Everything the forward pass of one feature computes (all dimensionless, in the units of x where noted). Used in chapter 1.3. */
export interface BatchNormForward {
  /** Outputs y_i = γ x̂_i + β. */
  readonly y: number[];
  /** Normalised inputs x̂_i = (x_i − μ)/s. */
  readonly xHat: number[];
  /** Batch mean μ (units of x). */
  readonly mean: number;
  /** Biased batch variance σ² = (1/m) Σ (x_i − μ)² (units of x²; overflows to Infinity only when σ > 1.3e154, every other field stays accurate). */
  readonly variance: number;
  /** s = √(σ² + ε), the divisor (units of x). */
  readonly s: number;
}

// Exact multiplication by 2^k for any integer |k| ≤ 2200, in two steps so that
// neither power of two overflows or underflows on its own.
function timesPow2(v: number, k: number): number {
  const a: number = Math.trunc(k / 2);
  return v * 2 ** a * 2 ** (k - a);
}

// Moments of x in a power-of-two rescaled copy u = x·2^{−e} whose largest
// magnitude lies in [1, 2): squares of deviations then neither overflow
// (x ~ 1e200) nor underflow (x ~ 1e-200), and rescaling by 2^e is exact.
interface ScaledMoments {
  readonly e: number;
  readonly meanU: number;
  readonly varianceU: number;
  readonly deviationsU: Float64Array;
}

function scaledMoments(x: readonly number[]): ScaledMoments {
  const m: number = x.length;
  let maxAbs: number = 0;
  let min: number = Infinity;
  let max: number = -Infinity;
  for (let i = 0; i < m; i++) {
    const v: number = x[i];
    if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const deviationsU: Float64Array = new Float64Array(m);
  if (maxAbs === 0) return { e: 0, meanU: 0, varianceU: 0, deviationsU };
  const e: number = Math.floor(Math.log2(maxAbs));
  if (min === max) {
    // All entries equal: the mean is that entry and every deviation is an
    // exact zero (a summed mean could be off by an ulp and fake a variance).
    return { e, meanU: timesPow2(min, -e), varianceU: 0, deviationsU };
  }
  const u: Float64Array = new Float64Array(m);
  let sum: number = 0;
  for (let i = 0; i < m; i++) {
    u[i] = timesPow2(x[i], -e);
    sum += u[i];
  }
  // Two passes: the mean, then the mean of the residuals as a correction
  // (Björck's refinement). The mean is kept as an unevaluated sum hi + lo:
  // for x = 1e8 + noise of 1e-2, rounding μ to one double would shift every
  // deviation by up to half an ulp of 1e8 (7e-9), a relative error of ~1e-6,
  // while u_i − hi is exact there (Sterbenz) and lo then fixes the rest.
  const hi: number = sum / m;
  let residual: number = 0;
  for (let i = 0; i < m; i++) residual += u[i] - hi;
  const lo: number = residual / m;
  let squares: number = 0;
  for (let i = 0; i < m; i++) {
    const d: number = u[i] - hi - lo;
    deviationsU[i] = d;
    squares += d * d;
  }
  return { e, meanU: hi + lo, varianceU: squares / m, deviationsU };
}

function requireBatch(name: string, x: unknown): readonly number[] {
  if (!Array.isArray(x)) {
    throw new RangeError(`${name} must be an array of finite numbers, got ${describeValue(x)}`);
  }
  if (x.length === 0) throw new RangeError(`${name} must hold at least one example, got []`);
  for (let i = 0; i < x.length; i++) requireFinite(`${name}[${i}]`, x[i]);
  return x as readonly number[];
}

function requireEps(eps: unknown): number {
  const e: number = requireFinite("eps", eps);
  if (e < 0) throw new RangeError(`eps must be ≥ 0, got ${describeValue(eps)}`);
  return e;
}

// x̂ and s for validated arguments; shared by the forward pass and the Jacobians.
function normalise(x: readonly number[], eps: number): { xHat: number[]; mean: number; variance: number; s: number } {
  const { e, meanU, varianceU, deviationsU } = scaledMoments(x);
  const m: number = x.length;
  if (varianceU === 0 && eps === 0) {
    throw new RangeError(
      `x has zero variance (every entry equals ${describeValue(x[0])}) and eps = 0, so x̂ = 0/0 is undefined; use eps > 0 (or a batch whose entries differ)`,
    );
  }
  const epsU: number = timesPow2(eps, -2 * e);
  const xHat: number[] = new Array<number>(m);
  let s: number;
  if (Number.isFinite(epsU)) {
    const sU: number = Math.sqrt(varianceU + epsU);
    s = timesPow2(sU, e);
    for (let i = 0; i < m; i++) xHat[i] = deviationsU[i] / sU;
  } else {
    // ε·2^{−2e} overflowed, so σ² < ε·2^{−2000}: s = √ε to every digit.
    s = Math.sqrt(eps);
    for (let i = 0; i < m; i++) xHat[i] = timesPow2(deviationsU[i], e) / s;
  }
  return { xHat, mean: timesPow2(meanU, e), variance: timesPow2(varianceU, 2 * e), s };
}

/**
 * Batch-norm forward pass for one feature over a mini-batch x (m ≥ 1 finite values): μ, biased σ², s = √(σ² + ε), x̂ = (x − μ)/s, y = γx̂ + β. Used in chapter 1.3.
 *
 * The moments are computed in two passes on a power-of-two rescaled copy,
 * so x = 1e8 + tiny noise keeps its variance to ~1e-15 relative (the
 * one-pass E[x²] − E[x]² would lose it entirely) and |x| up to 1e308 or
 * down to subnormals neither overflows nor underflows. A batch of one
 * example is allowed (x̂ = 0, y = β) when ε > 0. Throws RangeError for an
 * empty batch, a non-finite entry, γ or β, ε < 0 or non-finite, zero
 * variance with ε = 0 (x̂ = 0/0), or an output that overflows.
 */
export function batchNormForward(
  x: readonly number[],
  gamma: number = 1,
  beta: number = 0,
  eps: number = BATCH_NORM_DEFAULT_EPS,
): BatchNormForward {
  requireBatch("x", x);
  requireFinite("gamma", gamma);
  requireFinite("beta", beta);
  const { xHat, mean, variance, s } = normalise(x, requireEps(eps));
  const y: number[] = xHat.map((v: number) => gamma * v + beta);
  if (!y.every(Number.isFinite)) {
    throw new RangeError(`gamma·x̂ + beta overflows for gamma = ${describeValue(gamma)}, beta = ${describeValue(beta)}`);
  }
  return { y, xHat, mean, variance, s };
}

// Entry (i, k) of (γ/s)(δ_ik − 1/m − x̂_i x̂_k/m), refusing to return ±Infinity.
function jacobianEntry(xHat: readonly number[], i: number, k: number, gamma: number, s: number): number {
  const m: number = xHat.length;
  const bracket: number = (i === k ? 1 : 0) - 1 / m - (xHat[i] * xHat[k]) / m;
  const v: number = (gamma * bracket) / s;
  if (!Number.isFinite(v)) {
    throw new RangeError(`the Jacobian overflows: gamma/s = ${describeValue(gamma)}/${describeValue(s)} is too large`);
  }
  return v;
}

/**
 * The m×m Jacobian of batchNormForward's y with respect to x: J_ik = ∂y_i/∂x_k = (γ/s)(δ_ik − 1/m − x̂_i x̂_k/m), exact for every ε ≥ 0 (β does not enter). Used in chapter 1.3.
 *
 * J is symmetric, J·1 = 0, J·x̂ = (γε/s³)x̂ and J·v = (γ/s)v for v ⊥ {1, x̂}
 * (see batchNormJacobianSpectrum). Same domain and errors as batchNormForward.
 */
export function batchNormJacobian(x: readonly number[], gamma: number = 1, eps: number = BATCH_NORM_DEFAULT_EPS): Matrix {
  requireBatch("x", x);
  requireFinite("gamma", gamma);
  const { xHat, s } = normalise(x, requireEps(eps));
  const m: number = x.length;
  const jac: Matrix = [];
  for (let i = 0; i < m; i++) {
    const row: number[] = new Array<number>(m);
    for (let k = 0; k < m; k++) row[k] = jacobianEntry(xHat, i, k, gamma, s);
    jac.push(row);
  }
  return jac;
}

/** The diagonal of batchNormJacobian, ∂y_i/∂x_i = (γ/s)(1 − 1/m − x̂_i²/m): how much an example's own output moves with its input. Used in chapter 1.3. */
export function batchNormJacobianDiagonal(x: readonly number[], gamma: number = 1, eps: number = BATCH_NORM_DEFAULT_EPS): number[] {
  requireBatch("x", x);
  requireFinite("gamma", gamma);
  const { xHat, s } = normalise(x, requireEps(eps));
  return xHat.map((_: number, i: number) => jacobianEntry(xHat, i, i, gamma, s));
}

/**
 * Default relative step of batchNormJacobianFiniteDifference, 2^-17 ≈ 7.6e-6: the step is h = 2^-17·s. Used in chapter 1.3.
 *
 * Central differences have truncation error ~h²·|y'''| ~ (h/s)²·γ/s and
 * rounding error ~ε_mach·|y|/h ~ ε_mach·(s/h)·γ/s; the two balance at
 * h/s ≈ ε_mach^{1/3} ≈ 6e-6, leaving ~1e-10 relative error per entry.
 */
export const BATCH_NORM_FD_RELATIVE_STEP: number = 2 ** -17;

/**
 * Central finite-difference estimate of batchNormJacobian: column k is (y(x + h e_k) − y(x − h e_k))/(2h), h = relativeStep·s (s of the unperturbed x). Used in chapter 1.3.
 *
 * The divisor is the step actually taken, (x_k + h) − (x_k − h) after
 * rounding, so a coarse grid of doubles near a large x_k does not bias the
 * quotient. Accurate to ~1e-10·|γ|/s per entry when |x_k − μ| is a few s;
 * when |x| ≫ s (say 1e8 + noise of size 1) the perturbation is below the
 * resolution of the data and the estimate degrades, as any difference
 * quotient must. Throws like batchNormForward, and for relativeStep not in
 * (0, 1].
 */
export function batchNormJacobianFiniteDifference(
  x: readonly number[],
  gamma: number = 1,
  eps: number = BATCH_NORM_DEFAULT_EPS,
  relativeStep: number = BATCH_NORM_FD_RELATIVE_STEP,
): Matrix {
  requireBatch("x", x);
  requireFinite("gamma", gamma);
  requireEps(eps);
  requireFinite("relativeStep", relativeStep);
  if (!(relativeStep > 0 && relativeStep <= 1)) {
    throw new RangeError(`relativeStep must lie in (0, 1], got ${describeValue(relativeStep)}`);
  }
  const m: number = x.length;
  const h: number = relativeStep * normalise(x, eps).s;
  const jac: Matrix = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  const xp: number[] = x.slice();
  for (let k = 0; k < m; k++) {
    const xk: number = x[k];
    const up: number = xk + h;
    const down: number = xk - h;
    const taken: number = up - down;
    if (!(taken > 0)) {
      throw new RangeError(`the step h = ${describeValue(h)} vanishes next to x[${k}] = ${describeValue(xk)}; use a larger relativeStep`);
    }
    xp[k] = up;
    const yUp: number[] = batchNormForward(xp, gamma, 0, eps).y;
    xp[k] = down;
    const yDown: number[] = batchNormForward(xp, gamma, 0, eps).y;
    xp[k] = xk;
    for (let i = 0; i < m; i++) jac[i][k] = (yUp[i] - yDown[i]) / taken;
  }
  return jac;
}

/** Eigen-decomposition of batchNormJacobian: eigenvalue 0 on the all-ones vector, γε/s³ on x̂, γ/s on the (m − 2)-dimensional rest (m ≥ 2). Used in chapter 1.3. */
export interface BatchNormJacobianSpectrum {
  /** Eigenvalue on 1 = (1, …, 1): always 0 (shifting the whole batch changes nothing). */
  readonly onOnes: number;
  /** Eigenvalue on x̂: γε/s³ = (γ/s)·ε/(σ² + ε), 0 for ε = 0 (rescaling the batch changes nothing). */
  readonly onXHat: number;
  /** Eigenvalue on every v ⊥ {1, x̂}: γ/s, so the spectral norm of J is |γ|/s. */
  readonly onRest: number;
  /** Dimension of the space ⊥ {1, x̂}: m − 2 (it has no x̂ direction when m = 1). */
  readonly restMultiplicity: number;
}

/**
 * The eigenvalues of batchNormJacobian (symmetric: J = (γ/s)(I − 11ᵀ/m − x̂x̂ᵀ/m) with 1 ⊥ x̂ and x̂ᵀx̂ = mσ²/s²). Used in chapter 1.3.
 *
 * When σ² = 0 (all entries equal, ε > 0) x̂ = 0 and γε/s³ = γ/s: then every
 * direction ⊥ 1 has eigenvalue γ/s, which is what the fields say with any
 * unit vector ⊥ 1 standing in for x̂. For m = 1, J = [0] and onXHat, onRest
 * have multiplicity 0. Same domain and errors as batchNormForward.
 */
export function batchNormJacobianSpectrum(
  x: readonly number[],
  gamma: number = 1,
  eps: number = BATCH_NORM_DEFAULT_EPS,
): BatchNormJacobianSpectrum {
  requireBatch("x", x);
  requireFinite("gamma", gamma);
  const { s } = normalise(x, requireEps(eps));
  const onRest: number = gamma / s;
  // ε/s² = ε/(σ² + ε) ∈ (0, 1], computed without forming s³ (which may overflow).
  const onXHat: number = onRest * (eps / s / s);
  if (!Number.isFinite(onRest) || !Number.isFinite(onXHat)) {
    throw new RangeError(`the Jacobian overflows: gamma/s = ${describeValue(gamma)}/${describeValue(s)} is too large`);
  }
  return { onOnes: 0, onXHat, onRest, restMultiplicity: Math.max(0, x.length - 2) };
}

/** Gradients of a loss through batch norm, given dy = ∂L/∂y. Used in chapter 1.3. */
export interface BatchNormBackward {
  /** ∂L/∂x_k = Σ_i dy_i J_ik = (γ/s)(dy_k − mean(dy) − x̂_k·mean(dy ⊙ x̂)). */
  readonly dx: number[];
  /** ∂L/∂γ = Σ_i dy_i x̂_i. */
  readonly dGamma: number;
  /** ∂L/∂β = Σ_i dy_i. */
  readonly dBeta: number;
}

/**
 * Batch-norm backward pass for one feature: dx = Jᵀdy = (γ/s)(dy − mean(dy) − x̂·mean(dy ⊙ x̂)) in O(m), plus ∂L/∂γ and ∂L/∂β. Used in chapter 1.3.
 *
 * Throws like batchNormForward, and for dy that is not an array of finite
 * numbers of the same length as x.
 */
export function batchNormBackward(
  x: readonly number[],
  dy: readonly number[],
  gamma: number = 1,
  eps: number = BATCH_NORM_DEFAULT_EPS,
): BatchNormBackward {
  requireBatch("x", x);
  requireBatch("dy", dy);
  if (dy.length !== x.length) {
    throw new RangeError(`dy must have the length of x (${x.length}), got length ${dy.length}`);
  }
  requireFinite("gamma", gamma);
  const { xHat, s } = normalise(x, requireEps(eps));
  const m: number = x.length;
  let dBeta: number = 0;
  let dGamma: number = 0;
  for (let i = 0; i < m; i++) {
    dBeta += dy[i];
    dGamma += dy[i] * xHat[i];
  }
  const meanDy: number = dBeta / m;
  const meanDyXHat: number = dGamma / m;
  const dx: number[] = new Array<number>(m);
  for (let k = 0; k < m; k++) {
    dx[k] = (gamma * (dy[k] - meanDy - xHat[k] * meanDyXHat)) / s;
    if (!Number.isFinite(dx[k])) {
      throw new RangeError(`the gradient overflows: gamma/s = ${describeValue(gamma)}/${describeValue(s)} times dy is too large`);
    }
  }
  return { dx, dGamma, dBeta };
}

// ---------------------------------------------------------------------------
// Column-wise kernels on row-major batch × width Float64Arrays (γ = 1, β = 0).

function requireBuffer(name: string, value: unknown, minLength: number): Float64Array {
  if (!(value instanceof Float64Array)) {
    throw new RangeError(`${name} must be a Float64Array, got ${describeValue(value)}`);
  }
  if (value.length < minLength) {
    throw new RangeError(`${name} must hold at least ${minLength} numbers, got ${value.length}`);
  }
  return value;
}

// Per-column sums of squares for batchNormColumnsForward, kept between calls
// so the simulation's block loop does not allocate; it only grows.
let columnScratch: Float64Array = new Float64Array(0);

/**
 * Normalises every column of the row-major rows×cols matrix h over its rows: xHat[i,j] = (h[i,j] − μ_j)/s_j and invS[j] = 1/s_j with s_j = √(σ_j² + ε), ε > 0; optionally also reluOut = max(xHat, 0). Used in chapter 1.3.
 *
 * Three sweeps streamed row by row (column sums; deviations and their
 * squares; scaling), i.e. the two-pass variance; meant for values of
 * moderate size (|h| < 1e150), as in a network's activations. xHat may be
 * h itself; reluOut must be a separate buffer. Throws RangeError for bad
 * sizes, buffers that are too short, or ε not finite and > 0.
 */
export function batchNormColumnsForward(
  h: Float64Array,
  xHat: Float64Array,
  invS: Float64Array,
  rows: number,
  cols: number,
  eps: number = BATCH_NORM_DEFAULT_EPS,
  reluOut: Float64Array | null = null,
): void {
  requireIntegerInRange("rows", rows, 1, 2 ** 26);
  requireIntegerInRange("cols", cols, 1, 2 ** 26);
  requireBuffer("h", h, rows * cols);
  requireBuffer("xHat", xHat, rows * cols);
  requireBuffer("invS", invS, cols);
  if (reluOut !== null) requireBuffer("reluOut", reluOut, rows * cols);
  requireFinite("eps", eps);
  if (!(eps > 0)) throw new RangeError(`eps must be > 0 for the batch-matrix kernels, got ${describeValue(eps)}`);
  // invS holds the column means first, then Σ(deviation²), then 1/s; the
  // deviations go to xHat, so no column scratch beyond invS is needed.
  invS.fill(0, 0, cols);
  for (let i = 0; i < rows; i++) {
    const o: number = i * cols;
    for (let j = 0; j < cols; j++) invS[j] += h[o + j];
  }
  for (let j = 0; j < cols; j++) invS[j] /= rows;
  if (columnScratch.length < cols) columnScratch = new Float64Array(cols);
  const squares: Float64Array = columnScratch;
  squares.fill(0, 0, cols);
  for (let i = 0; i < rows; i++) {
    const o: number = i * cols;
    for (let j = 0; j < cols; j++) {
      const d: number = h[o + j] - invS[j];
      xHat[o + j] = d;
      squares[j] += d * d;
    }
  }
  for (let j = 0; j < cols; j++) invS[j] = 1 / Math.sqrt(squares[j] / rows + eps);
  for (let i = 0; i < rows; i++) {
    const o: number = i * cols;
    if (reluOut === null) {
      for (let j = 0; j < cols; j++) xHat[o + j] *= invS[j];
    } else {
      for (let j = 0; j < cols; j++) {
        const v: number = xHat[o + j] * invS[j];
        xHat[o + j] = v;
        // Branch-free ReLU: the signs of x̂ are random, so a branch would be
        // mispredicted half the time (it made this loop ~5x slower in V8).
        // "+ 0" turns the −0 of a negative v times 0 into +0.
        reluOut[o + j] = v * +(v > 0) + 0;
      }
    }
  }
}

/**
 * Back-propagates through batchNormColumnsForward in place: g[i,j] ← invS[j]·(g[i,j] − mean_i g[·,j] − xHat[i,j]·mean_i(g ⊙ xHat)[·,j]); with throughRelu, g is first zeroed where xHat ≤ 0 (the gradient of ReLU(x̂), ReLU'(0) = 0). Used in chapter 1.3.
 *
 * scratch must hold 2·cols numbers. Throws RangeError for bad sizes or
 * buffers that are too short.
 */
export function batchNormColumnsBackward(
  g: Float64Array,
  xHat: Float64Array,
  invS: Float64Array,
  rows: number,
  cols: number,
  scratch: Float64Array,
  throughRelu: boolean = false,
): void {
  requireIntegerInRange("rows", rows, 1, 2 ** 26);
  requireIntegerInRange("cols", cols, 1, 2 ** 26);
  requireBuffer("g", g, rows * cols);
  requireBuffer("xHat", xHat, rows * cols);
  requireBuffer("invS", invS, cols);
  requireBuffer("scratch", scratch, 2 * cols);
  scratch.fill(0, 0, 2 * cols);
  for (let i = 0; i < rows; i++) {
    const o: number = i * cols;
    if (throughRelu) {
      for (let j = 0; j < cols; j++) {
        const x: number = xHat[o + j];
        // Branch-free mask, as in batchNormColumnsForward.
        const v: number = g[o + j] * +(x > 0) + 0;
        g[o + j] = v;
        scratch[j] += v;
        scratch[cols + j] += v * x;
      }
    } else {
      for (let j = 0; j < cols; j++) {
        const v: number = g[o + j];
        scratch[j] += v;
        scratch[cols + j] += v * xHat[o + j];
      }
    }
  }
  for (let j = 0; j < 2 * cols; j++) scratch[j] /= rows;
  for (let i = 0; i < rows; i++) {
    const o: number = i * cols;
    for (let j = 0; j < cols; j++) {
      g[o + j] = invS[j] * (g[o + j] - scratch[j] - xHat[o + j] * scratch[cols + j]);
    }
  }
}
