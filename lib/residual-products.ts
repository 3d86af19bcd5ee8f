// Chapter 1.2.3: do residual connections solve vanishing / exploding
// gradients? The widget compares, over depth k, the Jacobian of a plain
// stack, F_k···F_1, with that of a residual stack, (I + F_k)···(I + F_1),
// for random layer Jacobians F_t of a chosen size ("scale" = σ_max(F_t)).
//
// Randomness: F_t = scale·Ĝ_t, where Ĝ_t is a dim×dim matrix of i.i.d.
// N(0, 1) entries drawn row by row from ONE createRng(seed) stream (Ĝ_1
// first), divided by its own largest singular value, so σ_max(F_t) = scale
// exactly (to rounding) and every bound below is rigorous:
//   σ_max(∏F_t) ≤ scale^k,
//   σ_max(∏(I + F_t)) ≤ (1 + scale)^k,
//   σ_min(∏(I + F_t)) ≥ (1 − scale)^k when scale < 1 (Weyl: σ_min(I + F) ≥ 1 − σ_max(F)).
//
// A scale slider should not redo what does not depend on the scale: the Ĝ_t
// (one SVD each, ~0.1 ms at dim 16) and the plain product, whose spectrum
// is scale^k times that of ∏Ĝ_t. So residualFactors() does that part once
// per (dim, depth, seed) and residualProductSpectra() the rest per scale.

import { singularValues, type Matrix } from "./linalg";
import { MAX_PRODUCT_DIM, ProductSpectrum } from "./product-spectrum";
import { createRng, type Rng } from "./random";
import { describeValue, requireFinite, requireIntegerInRange } from "./validate";

/** Largest depth the residual-product functions accept: 2000 layers. Used in chapter 1.2. */
export const MAX_RESIDUAL_DEPTH: number = 2000;

/** Largest dim²·depth (stored factor entries, 8 MB) the residual-product functions accept: 2^20; e.g. dim 16 to depth 2000, dim 64 to depth 256. Used in chapter 1.2. */
export const MAX_RESIDUAL_ENTRIES: number = 2 ** 20;

/** Largest scale = σ_max(F_t) accepted: 1e6 (products of 2000 such layers are still only 10^12000, fine in log space). Used in chapter 1.2. */
export const MAX_RESIDUAL_SCALE: number = 1e6;

/** The random layer Jacobians Ĝ_t of a residual-product figure (σ_max = 1 each), with log₁₀σ_max/σ_min of their plain product. Used in chapter 1.2. */
export interface ResidualFactors {
  readonly dim: number;
  readonly depth: number;
  readonly seed: number;
  /** Ĝ_1 … Ĝ_depth, row-major dim×dim, each with σ_max(Ĝ_t) = 1. */
  readonly factors: readonly Float64Array[];
  /** Entry k is log₁₀σ_max(Ĝ_k···Ĝ_1) (entry 0: the empty product, 0). */
  readonly log10MaxNormalized: Float64Array;
  /** Entry k is log₁₀σ_min(Ĝ_k···Ĝ_1) (entry 0: 0). */
  readonly log10MinNormalized: Float64Array;
}

/**
 * Draws Ĝ_1 … Ĝ_depth (i.i.d. N(0, 1) entries from createRng(seed), each divided by its largest singular value) and tracks log₁₀σ_max and σ_min of their running product; 1 ≤ dim ≤ 64, 1 ≤ depth ≤ 2000, dim²·depth ≤ 2^20. Used in chapter 1.2.
 *
 * Costs one SVD per layer plus one ProductSpectrum step, about 4× the work
 * of residualProductSpectra; compute it once per (dim, depth, seed) and
 * reuse it for every scale. Throws RangeError for out-of-range dim, depth or
 * their combination, or a seed that is not a safe integer.
 */
export function residualFactors(dim: number, depth: number, seed: number): ResidualFactors {
  requireIntegerInRange("dim", dim, 1, MAX_PRODUCT_DIM);
  requireIntegerInRange("depth", depth, 1, MAX_RESIDUAL_DEPTH);
  if (dim * dim * depth > MAX_RESIDUAL_ENTRIES) {
    throw new RangeError(
      `dim²·depth = ${dim}²·${depth} = ${dim * dim * depth} exceeds ${MAX_RESIDUAL_ENTRIES}; lower the dimension or the depth`,
    );
  }
  const rng: Rng = createRng(seed);
  const factors: Float64Array[] = [];
  const tracker: ProductSpectrum = new ProductSpectrum(dim);
  const logs: Float64Array = new Float64Array(dim);
  const log10MaxNormalized: Float64Array = new Float64Array(depth + 1);
  const log10MinNormalized: Float64Array = new Float64Array(depth + 1);
  for (let t = 1; t <= depth; t++) {
    const g: Matrix = Array.from({ length: dim }, () => Array.from({ length: dim }, () => rng.normal()));
    const s: number = singularValues(g)[0];
    const flat: Float64Array = new Float64Array(dim * dim);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) flat[i * dim + j] = g[i][j] / s;
    factors.push(flat);
    tracker.multiplyLeft(flat);
    tracker.log10SingularValues(logs);
    log10MaxNormalized[t] = logs[0];
    log10MinNormalized[t] = logs[dim - 1];
  }
  return { dim, depth, seed, factors, log10MaxNormalized, log10MinNormalized };
}

// residualProductSpectra trusts its cached spectra, so at least make sure the
// object has the shape residualFactors gives (a hand-made one would
// otherwise fail deep inside with an index error or silent NaN).
function requireFactors(base: unknown): ResidualFactors {
  const b = base as Partial<ResidualFactors> | null;
  const ok: boolean =
    typeof b === "object" &&
    b !== null &&
    Number.isInteger(b.dim) &&
    Number.isInteger(b.depth) &&
    Array.isArray(b.factors) &&
    b.factors.length === b.depth &&
    b.factors.every((f) => f instanceof Float64Array && f.length === (b.dim as number) ** 2) &&
    b.log10MaxNormalized instanceof Float64Array &&
    b.log10MaxNormalized.length === (b.depth as number) + 1 &&
    b.log10MinNormalized instanceof Float64Array &&
    b.log10MinNormalized.length === (b.depth as number) + 1;
  if (!ok) throw new RangeError(`base must be the result of residualFactors(dim, depth, seed), got ${describeShort(base)}`);
  return b as ResidualFactors;
}

function describeShort(value: unknown): string {
  const s: string = describeValue(value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** log₁₀ of σ_max and σ_min of the plain and the residual product at every depth, with the bounds; entry k of each array is depth k (k = 0 … depth; entry 0 is the empty product I, all 0). Used in chapter 1.2. */
export interface ResidualProductSpectra {
  readonly dim: number;
  readonly depth: number;
  /** σ_max(F_t), the same for every layer. */
  readonly scale: number;
  /** log₁₀σ_max(F_k···F_1). */
  readonly log10MaxPlain: Float64Array;
  /** log₁₀σ_min(F_k···F_1). */
  readonly log10MinPlain: Float64Array;
  /** log₁₀σ_max((I + F_k)···(I + F_1)). */
  readonly log10MaxResidual: Float64Array;
  /** log₁₀σ_min((I + F_k)···(I + F_1)). */
  readonly log10MinResidual: Float64Array;
  /** k·log₁₀(scale): upper bound for log10MaxPlain. */
  readonly log10BoundPlain: Float64Array;
  /** k·log₁₀(1 + scale): upper bound for log10MaxResidual. */
  readonly log10UpperResidual: Float64Array;
  /** k·log₁₀(1 − scale): lower bound for log10MinResidual when scale < 1; −Infinity (no bound) from scale = 1 on (entry 0 stays 0). */
  readonly log10LowerResidual: Float64Array;
}

/**
 * For F_t = scale·Ĝ_t (so σ_max(F_t) = scale, 0 < scale ≤ 1e6): log₁₀σ_max and σ_min of F_k···F_1 and of (I + F_k)···(I + F_1) for k = 0 … depth, in log space, with the bounds scale^k, (1 + scale)^k and (1 − scale)^k. Used in chapter 1.2.
 *
 * The plain product comes from the cached spectrum of ∏Ĝ_t (shifted by
 * k·log₁₀ scale, exact since the scale factors out); only the residual
 * product is computed, one ProductSpectrum step per layer. Throws
 * RangeError for a scale that is not finite, ≤ 0 or > 1e6, and for a `base`
 * that did not come from residualFactors.
 */
export function residualProductSpectra(base: ResidualFactors, scale: number): ResidualProductSpectra {
  requireFinite("scale", scale);
  if (!(scale > 0) || scale > MAX_RESIDUAL_SCALE) {
    throw new RangeError(`scale must lie in (0, ${MAX_RESIDUAL_SCALE}], got ${describeValue(scale)}`);
  }
  const { dim, depth, factors } = requireFactors(base);
  const log10Scale: number = Math.log10(scale);
  const log10OnePlus: number = Math.log1p(scale) / Math.LN10;
  // log1p(−s) keeps full relative precision for small s (1 − s would lose it).
  const log10OneMinus: number = scale < 1 ? Math.log1p(-scale) / Math.LN10 : -Infinity;
  const log10MaxPlain: Float64Array = new Float64Array(depth + 1);
  const log10MinPlain: Float64Array = new Float64Array(depth + 1);
  const log10MaxResidual: Float64Array = new Float64Array(depth + 1);
  const log10MinResidual: Float64Array = new Float64Array(depth + 1);
  const log10BoundPlain: Float64Array = new Float64Array(depth + 1);
  const log10UpperResidual: Float64Array = new Float64Array(depth + 1);
  const log10LowerResidual: Float64Array = new Float64Array(depth + 1);
  const tracker: ProductSpectrum = new ProductSpectrum(dim);
  const step: Float64Array = new Float64Array(dim * dim);
  const logs: Float64Array = new Float64Array(dim);
  for (let k = 1; k <= depth; k++) {
    const g: Float64Array = factors[k - 1];
    for (let i = 0; i < dim * dim; i++) step[i] = scale * g[i];
    for (let i = 0; i < dim; i++) step[i * dim + i] += 1;
    tracker.multiplyLeft(step);
    tracker.log10SingularValues(logs);
    log10MaxResidual[k] = logs[0];
    log10MinResidual[k] = logs[dim - 1];
    log10MaxPlain[k] = k * log10Scale + base.log10MaxNormalized[k];
    log10MinPlain[k] = k * log10Scale + base.log10MinNormalized[k];
    log10BoundPlain[k] = k * log10Scale;
    log10UpperResidual[k] = k * log10OnePlus;
    log10LowerResidual[k] = k * log10OneMinus;
  }
  return {
    dim,
    depth,
    scale,
    log10MaxPlain,
    log10MinPlain,
    log10MaxResidual,
    log10MinResidual,
    log10BoundPlain,
    log10UpperResidual,
    log10LowerResidual,
  };
}
