// Chapter 1.1's toy network: `depth` layers of a single unit each,
//
//   a₁ = x,   a_{l+1} = act(w·a_l),   f(x) = a_{depth+1},
//
// so by the chain rule f'(x) = ∏_{l=1..depth} w·act'(w·a_l).
//
// The product leaves the range of doubles after a few hundred layers (for
// sigmoid it shrinks at least like 4^{-n}), so everything here works with
// ln|factor| and a compensated sum, and converts to log₁₀ only at the end.

import { activation, sigmoid, type Activation, type ActivationName } from "./activations";
import { LogAccumulator, log10FromLn } from "./log-space";
import { describeValue, requireFinite, requireIntegerInRange } from "./validate";

/**
 * Largest depth the chain functions accept: 1 000 000 layers (~0.1 s and, for the series, an 8 MB Float64Array). Used in chapter 1.1.
 *
 * A slider or URL parameter can ask for any number; this cap keeps a typo
 * from freezing the tab or exhausting memory.
 */
export const MAX_CHAIN_DEPTH: number = 1_000_000;

function requireActivation(name: unknown): Activation {
  if (name !== "sigmoid" && name !== "tanh") {
    throw new RangeError(`activation must be "sigmoid" or "tanh", got ${describeValue(name)}`);
  }
  return activation(name);
}

function requireDepth(depth: unknown): number {
  return requireIntegerInRange("depth", depth, 0, MAX_CHAIN_DEPTH);
}

// The checks both public chain functions make, in the order their messages
// should be read; returns the activation.
function requireChainArguments(activationName: unknown, x: number, depth: number, weight: number): Activation {
  const act: Activation = requireActivation(activationName);
  requireFinite("x", x);
  requireDepth(depth);
  requireFinite("weight", weight);
  return act;
}

// The single loop behind both public chain functions. Writes log₁₀ of the
// partial products into `out` (when given) and returns the full one.
function accumulateChain(act: Activation, x: number, depth: number, weight: number, out: Float64Array | null): number {
  // ln|w| is −Infinity for w = 0; the accumulator then stays at −Infinity,
  // which is the exact answer (every factor is 0).
  const lnAbsW: number = Math.log(Math.abs(weight));
  const acc: LogAccumulator = new LogAccumulator();
  if (out !== null) out[0] = 0;
  let a: number = x;
  for (let l = 1; l <= depth; l++) {
    const z: number = weight * a;
    acc.add(lnAbsW + act.logPrime(z));
    if (out !== null) out[l] = log10FromLn(acc.value());
    a = act.f(z);
  }
  return log10FromLn(acc.value());
}

/**
 * log₁₀|f'(x)| for `depth` one-unit layers a ↦ act(w·a) started at a₁ = x, i.e. Σ_l log₁₀|w·act'(w·a_l)| (dimensionless; 0 for depth 0). Used in chapter 1.1.
 *
 * Accurate to ~1e-12 relative in the log up to depth 10⁵ and never −Infinity
 * while the gradient is non-zero. It is −Infinity exactly when the gradient
 * is exactly zero, i.e. weight = 0 with depth ≥ 1 (the lone exception: if
 * |w·x| itself exceeds Number.MAX_VALUE the log is below −1.8e308 and
 * overflows to −Infinity too). Throws RangeError for an unknown activation,
 * non-finite x or weight, or depth that is not an integer in
 * [0, MAX_CHAIN_DEPTH].
 */
export function chainGradientLog10(activationName: ActivationName, x: number, depth: number, weight: number = 1): number {
  return accumulateChain(requireChainArguments(activationName, x, depth, weight), x, depth, weight, null);
}

/** Entry n (0 ≤ n ≤ depth) is log₁₀|f'(x)| of the first n layers of chainGradientLog10's chain, computed in one O(depth) pass; entry 0 is 0. Used in chapter 1.1. */
export function chainGradientLog10Series(activationName: ActivationName, x: number, depth: number, weight: number = 1): Float64Array {
  const act: Activation = requireChainArguments(activationName, x, depth, weight);
  const out: Float64Array = new Float64Array(depth + 1);
  accumulateChain(act, x, depth, weight, out);
  return out;
}

/**
 * The unique x* ∈ (0, 1] with x* = σ(w·x*), to full double precision (for w = 1, x* ≈ 0.6590460684). Used in chapter 1.1.
 *
 * Uniqueness: for w ≥ 0, σ(wx) ≥ 1/2 > x whenever x < 1/2, and on [1/2, 1]
 * g(x) = σ(wx) − x has g' = w·σ'(wx) − 1 ≤ 2u·σ'(u) − 1 < 0 (u = w/2,
 * max 2uσ'(u) ≈ 0.45), so the root lies in [1/2, 1). For w < 0, g is strictly
 * decreasing on all of ℝ and g(0) = 1/2 > 0 ≥ g(1/2), so the root is in
 * (0, 1/2]. (In doubles x* rounds to 1 once w ≳ 37.)
 */
export function sigmoidFixedPoint(weight: number = 1): number {
  requireFinite("weight", weight);
  // Bisection rather than x ← σ(wx): the plain iteration only converges when
  // the fixed point is attracting, which fails for w below about −5.87
  // (there the chain settles into a 2-cycle instead).
  let lo: number;
  let hi: number;
  if (weight >= 0) {
    lo = 0.5;
    hi = 1;
  } else {
    lo = 0;
    hi = 0.5;
  }
  const g = (x: number): number => sigmoid(weight * x) - x;
  // Invariant: g(lo) ≥ 0 ≥ g(hi). Stop when no double lies strictly between
  // them; at most ~1100 halvings even for a root near the subnormal range.
  if (g(hi) >= 0) return hi;
  for (let i = 0; i < 2000; i++) {
    const mid: number = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (g(mid) >= 0) lo = mid;
    else hi = mid;
  }
  return Math.abs(g(lo)) <= Math.abs(g(hi)) ? lo : hi;
}

/**
 * Per-layer factor at the sigmoid fixed point, |w·σ'(w·x*)| = |w|·x*(1 − x*) because σ(wx*) = x* (w = 1: ≈ 0.2247). Used in chapter 1.1.
 *
 * When this is < 1 (every w ≥ 0, and w > −5.87… for negative weights) the
 * iterates converge to x* from any start, so |f'| ~ C·rateⁿ: for w = 1 the
 * gradient shrinks by 0.2247 per layer — faster than the worst-case bound
 * 1/4 suggests, because the chain sits at σ' evaluated away from 0. Below
 * w ≈ −5.87 the fixed point repels, the chain ends in a 2-cycle, and this
 * number is no longer the asymptotic rate.
 */
export function sigmoidFixedPointRate(weight: number = 1): number {
  const xStar: number = sigmoidFixedPoint(weight);
  return Math.abs(weight) * xStar * (1 - xStar);
}

/** log₁₀ of the per-layer bound to the power depth: depth·log₁₀(|w|·max act'), i.e. log₁₀((|w|/4)ⁿ) for sigmoid and log₁₀(|w|ⁿ) for tanh (0 for depth 0). Used in chapter 1.1. */
export function gradientBoundLog10(activationName: ActivationName, depth: number, weight: number = 1): number {
  const act: Activation = requireActivation(activationName);
  requireDepth(depth);
  requireFinite("weight", weight);
  // An empty product is 1 even when w = 0 (0 · −Infinity would give NaN).
  if (depth === 0) return 0;
  // Add logs rather than multiply |w|·max: for subnormal |w| the product
  // would lose most of its digits (|w|/4 at |w| = 4e-323 is off by 10%).
  return depth * (Math.log10(Math.abs(weight)) + Math.log10(act.maxPrime));
}

/**
 * Large-n approximation of |f'(x)| for the tanh chain with w = 1: (1/x² + 2n/3)^{−3/2}/|x|³ = (1 + 2n·x²/3)^{−3/2} ~ (3/(2n))^{3/2}/|x|³ (n ≥ 0 layers). Used in chapter 1.1.
 *
 * From u_l = 1/a_l²: tanh a = a − a³/3 + … gives u_{l+1} = u_l + 2/3 + 1/(15u_l) + …,
 * so a_{n+1} ≈ (1/x² + 2n/3)^{−1/2}; differentiating in x gives the formula
 * (the second form is the same expression, written so that x = 0 gives the
 * exact value 1). The exponent −3/2 is right for every x ≠ 0, but the
 * prefactor is not: the dropped 1/(15u_l) terms change how the limit depends
 * on x, so the relative error does NOT vanish as n → ∞. It tends to
 * ≈ −x²/10 for small |x| (measured at n = 10³…10⁶: −0.10% at x = 0.1,
 * −2.6% at x = 0.5, −10.7% at x = 1, −43% at x = 2, −98% at x = 5; the
 * approximation always overestimates), and settles only once n ≫ 1/x², with
 * a further (ln n)/n drift. Use it for the n^{−3/2} shape, not the constant.
 */
export function tanhChainGradientAsymptote(x: number, n: number): number {
  requireFinite("x", x);
  requireNonNegative("n", n);
  return Math.pow(1 + ((2 * n) / 3) * x * x, -1.5);
}

/** √(3/(2n)): the large-n size |a_{n+1}| of the tanh chain's output after n layers with w = 1, for any non-zero start (n > 0, may be fractional). Used in chapter 1.1. */
export function tanhIterateAsymptote(n: number): number {
  requireFinite("n", n);
  if (!(n > 0)) throw new RangeError(`n must be a positive number, got ${describeValue(n)}`);
  return Math.sqrt(3 / (2 * n));
}

/** Slope of log₁₀|f'| against log₁₀ n between depths n1 < n2: (series[n2] − series[n1])/(log₁₀ n2 − log₁₀ n1); −3/2 for the tanh chain at large n. Used in chapter 1.1. */
export function logLogSlope(series: Float64Array, n1: number, n2: number): number {
  if (!(series instanceof Float64Array)) {
    throw new RangeError(`series must be a Float64Array, got ${describeValue(series)}`);
  }
  const last: number = series.length - 1;
  if (last < 2) {
    throw new RangeError(`series must have at least 3 entries (depths 0, 1, 2), got length ${series.length}`);
  }
  // n = 0 is excluded because log₁₀ 0 = −Infinity.
  requireIntegerInRange("n1", n1, 1, last - 1);
  requireIntegerInRange("n2", n2, 1, last);
  if (n2 <= n1) {
    throw new RangeError(`n2 must be greater than n1, got n1 = ${n1}, n2 = ${n2}`);
  }
  const y1: number = series[n1] ?? Number.NaN;
  const y2: number = series[n2] ?? Number.NaN;
  if (!Number.isFinite(y1) || !Number.isFinite(y2)) {
    throw new RangeError(
      `series entries at n1 and n2 must be finite, got series[${n1}] = ${describeValue(y1)}, series[${n2}] = ${describeValue(y2)}`,
    );
  }
  return (y2 - y1) / (Math.log10(n2) - Math.log10(n1));
}

function requireNonNegative(name: string, value: unknown): number {
  const v: number = requireFinite(name, value);
  if (v < 0) throw new RangeError(`${name} must be a non-negative number, got ${describeValue(v)}`);
  return v;
}
