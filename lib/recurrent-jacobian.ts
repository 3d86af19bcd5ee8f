// Chapter 1.2.1: the recurrent map x_{t+1} = tanh(W x_t) with one W for all
// steps, and its input–output Jacobian
//
//   ∂x_n/∂x_1 = J_{n−1} ··· J_2 J_1,   J_t = diag(1 − tanh²(W x_t)) · W,
//
// a product of n − 1 factors (n = 1 gives I). Each J_t is W with row i
// scaled by tanh'((W x_t)_i) ∈ (0, 1], so σ_max(J_t) ≤ σ_max(W) and
// σ_max(∂x_n/∂x_1) ≤ σ_max(W)^{n−1}.
//
// Randomness: W's entries are i.i.d. N(0, 1) drawn row by row from
// createRng(seed), then the whole matrix is multiplied by σ_max/σ_max(G);
// the random starting point x_1 takes the next `dim` normals of the SAME
// stream, so (dim, σ_max, seed) fixes the whole figure and W does not
// change when the reader only asks for a different x_1 convention.

import { logTanhPrime, tanhPrime } from "./activations";
import { LogAccumulator } from "./log-space";
import { determinantLog10, requireSquareMatrix, requireVector, singularValues, type Matrix } from "./linalg";
import { MAX_PRODUCT_DIM, ProductSpectrum } from "./product-spectrum";
import { createRng, type Rng } from "./random";
import { describeValue, requireFinite, requireIntegerInRange } from "./validate";

/** Largest dimension of W the chapter 1.2 functions accept: 64. Used in chapter 1.2. */
export const MAX_RECURRENT_DIM: number = MAX_PRODUCT_DIM;

/** Largest n (time index; n − 1 Jacobian factors) the chapter 1.2 functions accept: 10 000. Used in chapter 1.2. */
export const MAX_RECURRENT_STEPS: number = 10_000;

/**
 * Largest dim³·n the spectrum function accepts, 2^28 ≈ 2.7·10⁸ (≈ 1 s of work): dim 16 allows every n ≤ 10 000, dim 64 up to n = 1024. Used in chapter 1.2.
 *
 * The cost of a step is about 3·dim³ multiply–adds, so this caps the time a
 * typo in a widget (dim 64 and n 10 000, ~10 s) could freeze the page for.
 */
export const MAX_SPECTRUM_WORK: number = 2 ** 28;

/** Smallest and largest σ_max accepted for a random W: 1e-300 and 1e300, so that its entries stay normal doubles. Used in chapter 1.2. */
export const SIGMA_MAX_RANGE: readonly [number, number] = [1e-300, 1e300];

function requireDim(dim: unknown): number {
  return requireIntegerInRange("dim", dim, 1, MAX_RECURRENT_DIM);
}

function requireSteps(n: unknown): number {
  return requireIntegerInRange("n", n, 1, MAX_RECURRENT_STEPS);
}

function requireSigmaMax(name: string, sigmaMax: unknown): number {
  const s: number = requireFinite(name, sigmaMax);
  if (s < SIGMA_MAX_RANGE[0] || s > SIGMA_MAX_RANGE[1]) {
    throw new RangeError(`${name} must lie in [${SIGMA_MAX_RANGE[0]}, ${SIGMA_MAX_RANGE[1]}], got ${describeValue(sigmaMax)}`);
  }
  return s;
}

function requireSystem(w: unknown, x1: unknown): number {
  const dim: number = requireSquareMatrix("w", w);
  if (dim > MAX_RECURRENT_DIM) throw new RangeError(`w must be at most ${MAX_RECURRENT_DIM}×${MAX_RECURRENT_DIM}, got ${dim}×${dim}`);
  requireVector("x1", x1, dim);
  return dim;
}

// (W x_t)_i must be finite: it overflows only for inputs near 1e300, and the
// NaN it would then produce must not reach a figure.
function requireFinitePreactivation(z: number, t: number, i: number): void {
  if (!Number.isFinite(z)) {
    throw new RangeError(`(W x_${t})_${i} must be finite, got ${describeValue(z)}: W or x1 is too large`);
  }
}

// dim×dim matrix of N(0, 1) entries, row by row from `rng`.
function gaussianMatrix(rng: Rng, dim: number): Matrix {
  return Array.from({ length: dim }, () => Array.from({ length: dim }, () => rng.normal()));
}

// G·(σ/σ_max(G)). Dividing first (g/σ_max(G) ≤ 1 in magnitude) means no
// entry can overflow even for σ = 1e300.
function rescaleToNorm(g: Matrix, sigmaMax: number): Matrix {
  const s: number = singularValues(g)[0];
  return g.map((row) => row.map((x) => (x / s) * sigmaMax));
}

/**
 * A dim×dim matrix of i.i.d. N(0, 1) entries (row by row from createRng(seed)) rescaled so that σ_max = sigmaMax (to ~1e-15 relative); 1 ≤ dim ≤ 64. Used in chapter 1.2.
 *
 * Throws RangeError for a dim outside [1, 64], a seed that is not a safe
 * integer, or sigmaMax outside SIGMA_MAX_RANGE.
 */
export function randomMatrixWithNorm(dim: number, sigmaMax: number, seed: number): Matrix {
  requireDim(dim);
  requireSigmaMax("sigmaMax", sigmaMax);
  return rescaleToNorm(gaussianMatrix(createRng(seed), dim), sigmaMax);
}

/** A seeded recurrent system (W, x_1) for the widget of 1.2.1. Used in chapter 1.2. */
export interface RecurrentSetup {
  /** W = randomMatrixWithNorm(dim, sigmaMax, seed). */
  w: Matrix;
  /** x_1: the next dim N(0, 1) draws of the same stream, after W's dim² entries. */
  x1: number[];
}

/**
 * W = randomMatrixWithNorm(dim, sigmaMax, seed) together with a random x_1 whose entries are the next dim N(0, 1) draws of the same seeded stream. Used in chapter 1.2.
 *
 * ‖x_1‖ ≈ √dim, so tanh saturates noticeably from σ_max ≈ 1 on. Throws
 * RangeError as randomMatrixWithNorm does.
 */
export function randomRecurrentSetup(dim: number, sigmaMax: number, seed: number): RecurrentSetup {
  requireDim(dim);
  requireSigmaMax("sigmaMax", sigmaMax);
  const rng: Rng = createRng(seed);
  const w: Matrix = rescaleToNorm(gaussianMatrix(rng, dim), sigmaMax);
  const x1: number[] = Array.from({ length: dim }, () => rng.normal());
  return { w, x1 };
}

/** The state x_n of x_{t+1} = tanh(W x_t) started at x_1 (n ≥ 1; n = 1 returns a copy of x_1). Used in chapter 1.2. */
export function recurrentState(w: Matrix, x1: number[], n: number): number[] {
  const dim: number = requireSystem(w, x1);
  requireSteps(n);
  let x: number[] = x1.slice();
  for (let t = 1; t < n; t++) {
    const next: number[] = new Array<number>(dim);
    for (let i = 0; i < dim; i++) {
      let z: number = 0;
      for (let j = 0; j < dim; j++) z += w[i][j] * x[j];
      requireFinitePreactivation(z, t, i);
      next[i] = Math.tanh(z);
    }
    x = next;
  }
  return x;
}

/**
 * The Jacobian ∂x_n/∂x_1 = J_{n−1}···J_1, J_t = diag(1 − tanh²(W x_t))·W, of x_{t+1} = tanh(W x_t) (n − 1 factors; n = 1 gives I). Used in chapter 1.2.
 *
 * Plain products: once σ_max(W)^{n−1} drops below ~1e-300 the entries
 * underflow to 0 (e.g. σ_max = 1/2 from n ≈ 1000 on); use
 * recurrentJacobianSpectrum for long horizons. 1 − tanh² is tanhPrime,
 * which has no cancellation. Throws RangeError for a non-square or
 * non-finite W (dim ≤ 64), an x1 of the wrong length, n not an integer in
 * [1, 10 000], or W x_t overflowing (inputs near 1e300).
 */
export function recurrentJacobian(w: Matrix, x1: number[], n: number): Matrix {
  const dim: number = requireSystem(w, x1);
  requireSteps(n);
  let p: Float64Array = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) p[i * dim + i] = 1;
  let next: Float64Array = new Float64Array(dim * dim);
  const x: Float64Array = Float64Array.from(x1);
  const z: Float64Array = new Float64Array(dim);
  for (let t = 1; t < n; t++) {
    for (let i = 0; i < dim; i++) {
      let s: number = 0;
      for (let j = 0; j < dim; j++) s += w[i][j] * x[j];
      requireFinitePreactivation(s, t, i);
      z[i] = s;
    }
    // next = diag(tanh'(z))·W·p, row by row.
    for (let i = 0; i < dim; i++) {
      const di: number = tanhPrime(z[i]);
      const wi: number[] = w[i];
      for (let j = 0; j < dim; j++) {
        let s: number = 0;
        for (let k = 0; k < dim; k++) s += wi[k] * p[k * dim + j];
        next[i * dim + j] = di * s;
      }
    }
    [p, next] = [next, p];
    for (let i = 0; i < dim; i++) x[i] = Math.tanh(z[i]);
  }
  return Array.from({ length: dim }, (_, i) => Array.from(p.subarray(i * dim, i * dim + dim)));
}

/** log₁₀ of the bound σ_max(W)^{n−1} on σ_max(∂x_n/∂x_1), i.e. (n − 1)·log₁₀σ_max(W) (0 for n = 1; σ_max(W) > 0 finite, n ≥ 1). Used in chapter 1.2. */
export function recurrentBoundLog10(sigmaMaxW: number, n: number): number {
  const s: number = requireFinite("sigmaMaxW", sigmaMaxW);
  if (s <= 0) throw new RangeError(`sigmaMaxW must be positive, got ${describeValue(sigmaMaxW)}`);
  requireSteps(n);
  return (n - 1) * Math.log10(s);
}

/** Every singular value of ∂x_n/∂x_1 for n = 1 … N, in log₁₀ (dimensionless), with the bound and the determinant. Used in chapter 1.2. */
export interface RecurrentSpectrum {
  /** The dimension d of W. */
  readonly dim: number;
  /** N, the largest n. */
  readonly steps: number;
  /** σ_max(W), as computed by singularValues. */
  readonly sigmaMaxW: number;
  /** Row-major N×d: entry (n−1)·d + i is log₁₀σ_{i+1}(∂x_n/∂x_1), descending in i; row 0 (n = 1, the identity) is all 0. */
  readonly log10SingularValues: Float64Array;
  /** Entry n−1 is (n−1)·log₁₀σ_max(W), the bound on row n−1's first entry. */
  readonly log10Bound: Float64Array;
  /**
   * Entry n−1 is log₁₀|det ∂x_n/∂x_1| = (n−1)·log₁₀|det W| + Σ_{t<n} Σ_i log₁₀tanh'((W x_t)_i), computed from the trajectory alone; it equals the sum of row n−1 of log10SingularValues, a check on the smallest singular values that the figure can print. −Infinity if W is singular.
   */
  readonly log10AbsDet: Float64Array;
}

/**
 * log₁₀ of ALL singular values of ∂x_n/∂x_1 for n = 1 … N (x_{t+1} = tanh(W x_t)), without underflow, and with the smallest ones accurate in relative terms too; plus the bound line and log₁₀|det|. Used in chapter 1.2.
 *
 * Method: lib/product-spectrum.ts (per-column binary exponents and
 * one-sided Jacobi re-orthogonalisation at every step), so σ_d/σ₁ = 1e-700
 * at n = 1000 is still meaningful: on the tested random W (σ_max from 0.1
 * to 30) every log₁₀σ_i agrees with exterior-power references to ≤ 1e-10
 * at n = 1000, and each row sums to log10AbsDet within 1e-10. If W is exactly
 * singular, the directions it annihilates come out as rounding noise
 * (≈ 16 orders of magnitude below the column they cancelled from) or as
 * −Infinity, not as a true value.
 *
 * Throws RangeError for a bad W, x1 or N (as recurrentJacobian), for
 * dim³·N > MAX_SPECTRUM_WORK, and if the trajectory saturates so hard that
 * tanh'((W x_t)_i) underflows (|(W x_t)_i| > ~354): the Jacobian is then
 * too small for doubles to represent its rows, and a silent 0 would be wrong.
 */
export function recurrentJacobianSpectrum(w: Matrix, x1: number[], steps: number): RecurrentSpectrum {
  const dim: number = requireSystem(w, x1);
  requireIntegerInRange("steps", steps, 1, MAX_RECURRENT_STEPS);
  if (dim ** 3 * steps > MAX_SPECTRUM_WORK) {
    throw new RangeError(
      `dim³·steps = ${dim}³·${steps} = ${dim ** 3 * steps} exceeds ${MAX_SPECTRUM_WORK} (about a second of work); lower the dimension or the number of steps`,
    );
  }
  const sigmaMaxW: number = singularValues(w)[0];
  const log10SigmaMax: number = Math.log10(sigmaMaxW);
  const { log10Abs: log10AbsDetW } = determinantLog10(w);
  const flatW: Float64Array = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) flatW[i * dim + j] = w[i][j];

  const log10Sigma: Float64Array = new Float64Array(steps * dim);
  const log10Bound: Float64Array = new Float64Array(steps);
  const log10AbsDet: Float64Array = new Float64Array(steps);
  const tracker: ProductSpectrum = new ProductSpectrum(dim);
  const jt: Float64Array = new Float64Array(dim * dim);
  const x: Float64Array = Float64Array.from(x1);
  const z: Float64Array = new Float64Array(dim);
  tracker.log10SingularValues(log10Sigma, 0);
  // Σ ln tanh' over up to 6.4·10⁵ terms: compensated, so the check on the
  // smallest singular values is not limited by this sum's own rounding.
  const detLn: LogAccumulator = new LogAccumulator();
  for (let n = 2; n <= steps; n++) {
    const t: number = n - 1;
    for (let i = 0; i < dim; i++) {
      let s: number = 0;
      for (let j = 0; j < dim; j++) s += flatW[i * dim + j] * x[j];
      z[i] = s;
    }
    for (let i = 0; i < dim; i++) {
      requireFinitePreactivation(z[i], t, i);
      const di: number = tanhPrime(z[i]);
      if (!(di >= Number.MIN_VALUE * 2 ** 52)) {
        throw new RangeError(
          `tanh'((W x_${t})_${i}) underflows at (W x_${t})_${i} = ${describeValue(z[i])}: the trajectory saturates beyond what doubles can represent; use a smaller σ_max(W) or x1`,
        );
      }
      for (let j = 0; j < dim; j++) jt[i * dim + j] = di * flatW[i * dim + j];
      detLn.add(logTanhPrime(z[i]));
      x[i] = Math.tanh(z[i]);
    }
    tracker.multiplyLeft(jt);
    tracker.log10SingularValues(log10Sigma, t * dim);
    log10Bound[t] = t * log10SigmaMax;
    log10AbsDet[t] = t * log10AbsDetW + detLn.value() / Math.LN10;
  }
  return { dim, steps, sigmaMaxW, log10SingularValues: log10Sigma, log10Bound, log10AbsDet };
}

// Squarings spectralRadius performs: A^{2^64}. The estimate's error from the
// polynomial and constant factors of ‖A^m‖ is log(c·m^{d−1})/m, far below
// rounding for m = 2^64; each squaring costs dim³ multiply–adds.
const RADIUS_SQUARINGS: number = 64;

/**
 * The spectral radius ρ(A) = max_i |λ_i(A)| of a square matrix (dim ≤ 64), by Gelfand's formula ρ = lim_m ‖A^m‖^{1/m} with m = 2^64, through repeated squaring renormalised at every step; relative accuracy ~1e-13 times the conditioning of the dominant eigenvalues. Used in chapter 1.2.
 *
 * Chapter 1.2.1 needs it because the Jacobian product of x_{t+1} =
 * tanh(W x_t) shrinks, once x_t → 0, like ‖W^{n}‖ ≈ ρ(W)^n, not like the
 * bound σ_max(W)^n. Returns 0 when some power of A is exactly zero
 * (nilpotent A). Throws RangeError for a non-square, ragged, non-finite or
 * larger than 64×64 matrix.
 */
export function spectralRadius(a: Matrix): number {
  const dim: number = requireSquareMatrix("a", a);
  if (dim > MAX_RECURRENT_DIM) throw new RangeError(`a must be at most ${MAX_RECURRENT_DIM}×${MAX_RECURRENT_DIM}, got ${dim}×${dim}`);
  let p: Float64Array = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) p[i * dim + j] = a[i][j];
  let q: Float64Array = new Float64Array(dim * dim);
  // A^{2^k} = e^{logScale}·p with ‖p‖_F = 1.
  const first: number = frobeniusOfFlat(p);
  if (first === 0) return 0;
  for (let i = 0; i < dim * dim; i++) p[i] /= first;
  let logScale: number = Math.log(first);
  for (let k = 1; k <= RADIUS_SQUARINGS; k++) {
    for (let i = 0; i < dim; i++) {
      for (let j = 0; j < dim; j++) {
        let s: number = 0;
        for (let l = 0; l < dim; l++) s += p[i * dim + l] * p[l * dim + j];
        q[i * dim + j] = s;
      }
    }
    const norm: number = frobeniusOfFlat(q);
    if (norm === 0) return 0;
    for (let i = 0; i < dim * dim; i++) q[i] /= norm;
    [p, q] = [q, p];
    logScale = 2 * logScale + Math.log(norm);
  }
  return Math.exp(logScale / 2 ** RADIUS_SQUARINGS);
}

// ‖x‖₂ of a flat array, dividing by the largest entry first so that squares
// of tiny entries do not underflow (entries here are ≤ 1 in magnitude).
function frobeniusOfFlat(x: Float64Array): number {
  let m: number = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  if (m === 0) return 0;
  let s: number = 0;
  for (let i = 0; i < x.length; i++) {
    const r: number = x[i] / m;
    s += r * r;
  }
  return m * Math.sqrt(s);
}
