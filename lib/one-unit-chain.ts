// Chapter 1.1's toy network: `depth` layers of a single unit each,
//
//   a₁ = x,   a_{l+1} = act(w·a_l + b),   f(x) = a_{depth+1},
//
// so by the chain rule f'(x) = ∏_{l=1..depth} w·act'(w·a_l + b).
//
// The product leaves the range of doubles after a few hundred layers (for
// sigmoid it shrinks at least like 4^{-n}), so everything here works with
// ln|factor| and a compensated sum, and converts to log₁₀ only at the end.
//
// The second half of the module describes where the iterates a_l end up.
// The map g(a) = act(w·a + b) is monotone, so every orbit converges to a
// fixed point (w > 0: g increasing, orbits are monotone) or to a fixed point
// or 2-cycle (w < 0: g∘g increasing). Along the limit the per-layer factor
// |w·act'| settles to |multiplier|^{1/period}, which is < 1 for an attracting
// orbit: that is why vanishing is the generic fate of these chains, and why
// growth needs a marginal (|multiplier| = 1) or repelling orbit.

import { activation, logTanhPrime, sigmoid, sigmoidPrime, type Activation, type ActivationName } from "./activations";
import { LogAccumulator, log10FromLn } from "./log-space";
import { describeValue, requireFinite, requireIntegerInRange } from "./validate";

/**
 * Largest depth the chain functions accept: 1 000 000 layers (~0.15 s and, for the series, an 8 MB Float64Array). Used in chapter 1.1.
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

// The checks every public chain function makes, in the order their messages
// should be read; returns the activation.
function requireChainArguments(activationName: unknown, x: number, depth: number, weight: number, bias: number): Activation {
  const act: Activation = requireActivation(activationName);
  requireFinite("x", x);
  requireDepth(depth);
  requireFinite("weight", weight);
  requireFinite("bias", bias);
  return act;
}

// The largest partial product seen by accumulateChain (depths ≥ 1).
interface PeakTracker {
  depth: number;
  log10: number;
}

// The single loop behind the public chain functions. Writes log₁₀ of the
// partial products into `out` (when given), records the largest partial
// product in `peak` (when given) and returns the full one.
function accumulateChain(
  act: Activation,
  x: number,
  depth: number,
  weight: number,
  bias: number,
  out: Float64Array | null,
  peak: PeakTracker | null,
): number {
  // ln|w| is −Infinity for w = 0; the accumulator then stays at −Infinity,
  // which is the exact answer (every factor is 0).
  const lnAbsW: number = Math.log(Math.abs(weight));
  const acc: LogAccumulator = new LogAccumulator();
  if (out !== null) out[0] = 0;
  let a: number = x;
  for (let l = 1; l <= depth; l++) {
    const z: number = weight * a + bias;
    acc.add(lnAbsW + act.logPrime(z));
    if (out !== null || peak !== null) {
      const v: number = log10FromLn(acc.value());
      if (out !== null) out[l] = v;
      // Strict ">" keeps the first depth on ties.
      if (peak !== null && (l === 1 || v > peak.log10)) {
        peak.depth = l;
        peak.log10 = v;
      }
    }
    a = act.f(z);
  }
  return log10FromLn(acc.value());
}

/**
 * log₁₀|f'(x)| for `depth` one-unit layers a ↦ act(w·a + b) started at a₁ = x, i.e. Σ_l log₁₀|w·act'(w·a_l + b)| (dimensionless; 0 for depth 0). Used in chapter 1.1.
 *
 * Accurate to ~1e-12 relative in the log up to depth 10⁵ and never −Infinity
 * while the gradient is non-zero. It is −Infinity exactly when the gradient
 * is exactly zero, i.e. weight = 0 with depth ≥ 1 (the lone exception: if
 * |w·x + b| itself exceeds Number.MAX_VALUE the log is below −1.8e308 and
 * overflows to −Infinity too). The bias shifts where each layer evaluates
 * act' but not its maximum, so gradientBoundLog10 bounds this for every b.
 * Throws RangeError for an unknown activation, non-finite x, weight or bias,
 * or depth that is not an integer in [0, MAX_CHAIN_DEPTH].
 */
export function chainGradientLog10(activationName: ActivationName, x: number, depth: number, weight: number = 1, bias: number = 0): number {
  return accumulateChain(requireChainArguments(activationName, x, depth, weight, bias), x, depth, weight, bias, null, null);
}

/** Entry n (0 ≤ n ≤ depth) is log₁₀|f'(x)| of the first n layers of chainGradientLog10's chain (same weight and bias), computed in one O(depth) pass; entry 0 is 0. Used in chapter 1.1. */
export function chainGradientLog10Series(
  activationName: ActivationName,
  x: number,
  depth: number,
  weight: number = 1,
  bias: number = 0,
): Float64Array {
  const act: Activation = requireChainArguments(activationName, x, depth, weight, bias);
  const out: Float64Array = new Float64Array(depth + 1);
  accumulateChain(act, x, depth, weight, bias, out, null);
  return out;
}

/** Depth and size of the largest gradient along a chain. */
export interface GradientPeak {
  /** The depth n ∈ [1, depth] with the largest |f'|; the smallest such n on ties. */
  readonly depth: number;
  /** log₁₀|f'| at that depth. */
  readonly log10: number;
}

/**
 * The depth n ∈ [1, depth] where |f'(x)| of chainGradientLog10's chain is largest, and log₁₀ of that maximum; one O(depth) pass (~2 ms per 10⁴ layers). Used in chapter 1.1.
 *
 * Shows transient growth that the end value hides: sigmoid with w = −6 from
 * x = 0.22 peaks near 6 around depth 170 and has vanished by depth 10⁴;
 * tanh with w = 2 from x = 0.01 peaks near 40 at depth 6. Throws RangeError
 * like chainGradientLog10, and also for depth 0 (no layer to pick).
 */
export function chainGradientPeak(
  activationName: ActivationName,
  x: number,
  depth: number,
  weight: number = 1,
  bias: number = 0,
): GradientPeak {
  const act: Activation = requireChainArguments(activationName, x, depth, weight, bias);
  requireIntegerInRange("depth", depth, 1, MAX_CHAIN_DEPTH);
  const peak: PeakTracker = { depth: 1, log10: -Infinity };
  accumulateChain(act, x, depth, weight, bias, null, peak);
  return { depth: peak.depth, log10: peak.log10 };
}

/** The iterates of the chain a ↦ act(w·a + b) from a₁ = x: entry n (0 ≤ n ≤ depth) is a_{n+1}, the output after n layers (entry 0 is x itself), for cobweb plots. Used in chapter 1.1. */
export function chainIterates(
  activationName: ActivationName,
  x: number,
  depth: number,
  weight: number = 1,
  bias: number = 0,
): Float64Array {
  const act: Activation = requireChainArguments(activationName, x, depth, weight, bias);
  const out: Float64Array = new Float64Array(depth + 1);
  let a: number = x;
  out[0] = a;
  for (let n = 1; n <= depth; n++) {
    a = act.f(weight * a + bias);
    out[n] = a;
  }
  return out;
}

/**
 * Entry i (0 ≤ i < depth) is log₁₀|w·act'(w·a + b)| at a = chainIterates(…)[i], the factor layer i + 1 contributes to f'(x) (length depth; entries sum to chainGradientLog10). Used in chapter 1.1.
 *
 * Log space because a factor can underflow (σ'(z) for |z| > 745) while its
 * log is an ordinary number; 10^entry gives the factor itself for a plot.
 * −Infinity only for weight = 0.
 */
export function chainFactorLog10Series(
  activationName: ActivationName,
  x: number,
  depth: number,
  weight: number = 1,
  bias: number = 0,
): Float64Array {
  const act: Activation = requireChainArguments(activationName, x, depth, weight, bias);
  const lnAbsW: number = Math.log(Math.abs(weight));
  const out: Float64Array = new Float64Array(depth);
  let a: number = x;
  for (let i = 0; i < depth; i++) {
    const z: number = weight * a + bias;
    out[i] = log10FromLn(lnAbsW + act.logPrime(z));
    a = act.f(z);
  }
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
 * Per-layer factor at the sigmoid fixed point, |w·σ'(w·x*)| (= |w|·x*(1 − x*) since σ(wx*) = x*; w = 1: ≈ 0.2247). Used in chapter 1.1.
 *
 * When this is < 1 (every w ≥ 0, and w > sigmoidFlipWeight() ≈ −5.87 for
 * negative weights) the iterates converge to x* from any start, so
 * |f'| ~ C·rateⁿ: for w = 1 the gradient shrinks by 0.2247 per layer — faster
 * than the worst-case bound 1/4 suggests, because the chain sits at σ'
 * evaluated away from 0. Below w_c the fixed point repels, the chain ends in
 * a 2-cycle (chainTwoCycle), and this number is no longer the asymptotic rate.
 */
export function sigmoidFixedPointRate(weight: number = 1): number {
  return Math.abs(sigmoidFixedPointMultiplier(weight));
}

/** The weight at which the sigmoid fixed-point factor peaks over w > 0 (b = 0), and that largest factor. */
export interface RateMaximum {
  /** w_m ≈ 1.634 = 1/x_m². */
  readonly weight: number;
  /** x_m = x*(w_m) ≈ 0.7823. */
  readonly fixedPoint: number;
  /** w_m·σ'(w_m·x_m) = (1 − x_m)/x_m ≈ 0.2785: no w > 0 gives a larger per-layer factor at the fixed point. */
  readonly rate: number;
}

let rateMaximumCache: RateMaximum | undefined;

/**
 * max over w > 0 of sigmoidFixedPointRate(w) (no bias): ≈ 0.2785, at w_m ≈ 1.634, to a few ulps. Used in chapter 1.1.
 *
 * With x = x*(w), r(w) = w·x(1 − x) and dx/dw = x·r/(w(1 − r)) (differentiate
 * x = σ(wx)), so r'(w) = 0 reduces to 1 − w·x² = 0. Substituting
 * w = ln(x/(1 − x))/x (from x = σ(wx)) gives one equation in x alone,
 * x·ln(x/(1 − x)) = 1, whose left side increases on [1/2, 1) from 0 to ∞:
 * one root x_m ≈ 0.7823, bisected on [0.5, 0.99] to adjacent doubles. Then
 * w_m = 1/x_m² and r = w_m·x_m(1 − x_m) = (1 − x_m)/x_m (1 − x_m is exact
 * for x_m ∈ [1/2, 1]). r(0) = 0 and r(w) → 0 as w → ∞ (x* → 1), so this
 * single critical point is the maximum: every positive weight's sigmoid
 * chain ends up losing at least −log₁₀ 0.2785 ≈ 0.555 decimal digits per layer.
 */
export function sigmoidPositiveWeightRateMaximum(): RateMaximum {
  if (rateMaximumCache === undefined) {
    const h = (x: number): number => x * (Math.log(x) - Math.log1p(-x)) - 1;
    const xm: number = bisectRoot(h, 0.5, 0.99);
    rateMaximumCache = Object.freeze({ weight: 1 / (xm * xm), fixedPoint: xm, rate: (1 - xm) / xm });
  }
  return rateMaximumCache;
}

/** Signed multiplier of the sigmoid fixed point, w·σ'(w·x*) (dimensionless; equals −1 at w = sigmoidFlipWeight(), below −1 for smaller w). Used in chapter 1.1. */
export function sigmoidFixedPointMultiplier(weight: number = 1): number {
  const xStar: number = sigmoidFixedPoint(weight);
  // σ'(w·x*) rather than x*(1 − x*): for large w, x* is within 1e-3 of 1 and
  // 1 − x* would turn x*'s last-bit error into a 1e-13 relative error.
  return weight * sigmoidPrime(weight * xStar);
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
 * exact value 1). The exponent −3/2 is right for every x ≠ 0: the dropped
 * 1/(15u_l) terms only add (ln n)/10 to u. The prefactor is not: the first
 * layers are not in the small-a regime (and the dropped terms depend on x
 * there), so the ratio of the true gradient to this does NOT tend to 1 but
 * to C(x)·|x|³/(3/2)^{3/2} (tanhPowerLawConstant): 1 − x²/10 + O(x⁴) for
 * small x, 0.9745 at x = 0.5, 0.8933 at x = 1, 0.5685 at x = 2, 0.0047 at
 * x = 6 (the approximation always overestimates), approached with a further
 * O((ln n)/n + 1/(n x²)) drift. Use it for the n^{−3/2} shape, not the constant.
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

/** Mean log₁₀ change per layer between depths n1 < n2 of a log₁₀ series: (series[n2] − series[n1])/(n2 − n1); at large depth log₁₀ of the per-layer factor (the slope of a log-scale plot against linear depth). Used in chapter 1.1. */
export function perLayerSlope(series: Float64Array, n1: number, n2: number): number {
  if (!(series instanceof Float64Array)) {
    throw new RangeError(`series must be a Float64Array, got ${describeValue(series)}`);
  }
  const last: number = series.length - 1;
  if (last < 1) {
    throw new RangeError(`series must have at least 2 entries (depths 0, 1), got length ${series.length}`);
  }
  requireIntegerInRange("n1", n1, 0, last - 1);
  requireIntegerInRange("n2", n2, 0, last);
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
  return (y2 - y1) / (n2 - n1);
}

// ---------------------------------------------------------------------------
// Fixed points, 2-cycles and the orbit a chain settles into

// Root of g between lo < hi where g(lo) and g(hi) have opposite signs (or
// one is 0), bisected until no double lies strictly between the ends; returns
// the end with the smaller |g|. ≤ ~2100 halvings for any bracket of doubles.
function bisectRoot(g: (a: number) => number, lo: number, hi: number): number {
  let glo: number = g(lo);
  const ghi: number = g(hi);
  if (glo === 0) return lo;
  if (ghi === 0) return hi;
  let gh: number = ghi;
  for (let i = 0; i < 2200; i++) {
    const mid: number = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const gm: number = g(mid);
    if (gm === 0) return mid;
    if (gm > 0 === glo > 0) {
      lo = mid;
      glo = gm;
    } else {
      hi = mid;
      gh = gm;
    }
  }
  return Math.abs(glo) <= Math.abs(gh) ? lo : hi;
}

/** A fixed point a* = act(w·a* + b) of one layer, with its multiplier. */
export interface FixedPoint {
  /** a*, in [0, 1] for sigmoid and [−1, 1] for tanh. */
  readonly point: number;
  /** Signed multiplier w·act'(w·a* + b): the per-layer factor of f' while the chain sits at a*; |·| < 1 attracts, > 1 repels. */
  readonly multiplier: number;
}

// Range of the activation, which contains every fixed point and 2-cycle.
function activationRange(act: Activation): readonly [number, number] {
  return act.name === "sigmoid" ? [0, 1] : [-1, 1];
}

// +0 for −0, so that multipliers print as "0".
function plusZero(v: number): number {
  return v + 0;
}

/**
 * Every fixed point a* = act(w·a* + b) (1 to 3 of them), in ascending order, each with its signed multiplier w·act'(w·a* + b). Used in chapter 1.1.
 *
 * h(a) = act(wa + b) − a has h'' = w²·act''(wa + b), which changes sign
 * once, so h has at most two turning points: where w·act'(wa + b) = 1,
 * i.e. σ'(z) = 1/w at z = ±2·artanh√(1 − 4/w) (w > 4) or tanh'(z) = 1/w at
 * z = ±arcosh√w (w > 1). They cut the range into ≤ 3 pieces on which h is
 * monotone, and each piece holding a sign change is bisected to adjacent
 * doubles. So no root is missed however close two roots are (short of
 * rounding), and each point is accurate to ~1e-16/|1 − multiplier|.
 * Examples: sigmoid, w = 1: [0.659…]; tanh, w = 2: [−0.9575…, 0, 0.9575…];
 * tanh, w = 1: [0] (multiplier 1: marginal). Throws RangeError for an
 * unknown activation or non-finite weight or bias.
 */
export function chainFixedPoints(activationName: ActivationName, weight: number = 1, bias: number = 0): FixedPoint[] {
  const act: Activation = requireActivation(activationName);
  requireFinite("weight", weight);
  requireFinite("bias", bias);
  const multiplierAt = (a: number): number => plusZero(weight * act.prime(weight * a + bias));
  if (weight === 0) {
    // Every layer outputs act(b), whatever its input.
    const c: number = act.f(bias);
    return [{ point: c, multiplier: 0 }];
  }
  const [lo, hi] = activationRange(act);
  const h = (a: number): number => act.f(weight * a + bias) - a;
  const cuts: number[] = [lo];
  if (weight * act.maxPrime > 1) {
    const zc: number = act.name === "sigmoid" ? 2 * Math.atanh(Math.sqrt(1 - 4 / weight)) : Math.acosh(Math.sqrt(weight));
    for (const z of [-zc, zc]) {
      const a: number = (z - bias) / weight;
      if (a > cuts[cuts.length - 1]! && a < hi) cuts.push(a);
    }
  }
  cuts.push(hi);
  const roots: number[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const u: number = cuts[i]!;
    const v: number = cuts[i + 1]!;
    const hu: number = h(u);
    const hv: number = h(v);
    // h(lo) ≥ 0 ≥ h(hi) always (act maps into its range), so a piece with
    // no sign change has no root, and a root at a cut is found from both
    // sides: the duplicates are removed below.
    if (hu === 0) roots.push(u);
    if (hv === 0) roots.push(v);
    if (hu !== 0 && hv !== 0 && hu > 0 !== hv > 0) roots.push(bisectRoot(h, u, v));
  }
  roots.sort((p: number, q: number): number => p - q);
  const out: FixedPoint[] = [];
  for (const r of roots) {
    if (out.length > 0 && out[out.length - 1]!.point === r) continue;
    out.push({ point: plusZero(r), multiplier: multiplierAt(r) });
  }
  return out;
}

/** A 2-cycle low ↦ high ↦ low of one layer, with its multiplier. */
export interface TwoCycle {
  readonly low: number;
  readonly high: number;
  /** Multiplier over the two layers, w·act'(w·low + b)·w·act'(w·high + b) > 0; < 1 attracts. Its square root is the per-layer factor. */
  readonly multiplier: number;
}

/**
 * The 2-cycle low ↦ high ↦ low of a ↦ act(w·a + b), or null when there is none: exactly when w < 0 and the fixed point repels (|w·act'| > 1 there). Used in chapter 1.1.
 *
 * Why at most one, and only then: for w ≥ 0 the map is non-decreasing, and
 * a non-decreasing map has no cycles of period 2. For w < 0 it is
 * decreasing, with one fixed point x*, and g∘g is increasing. σ and tanh have
 * negative Schwarzian derivative, and so does g∘g, so (g∘g)' has no positive
 * local minimum and g∘g(a) − a has at most 3 zeros: x* and at most one
 * cycle p < x* < q. The zeros alternate in crossing direction, so the cycle
 * exists iff (g∘g)'(x*) = multiplier(x*)² > 1, and it then attracts
 * every start except x* itself (multiplier ≤ 1; < 1 for every case tried).
 * Sigmoid: exists for w < sigmoidFlipWeight() ≈ −5.87 (w = −6: 0.1507 ↔
 * 0.2882, multiplier 0.945). Tanh, b = 0: for w < −1, the cycle is
 * {−a*, a*} with a* = tanh(|w|a*). Accuracy: a few ulps/(1 − multiplier)
 * away from the flip; within ~1e-6 of it, g∘g − id has a nearly triple zero
 * and the points are only good to ~(ε)^{1/3} ≈ 1e-5, and when no sign
 * change is visible at all, low = high = x* is returned with multiplier 1,
 * the cycle's limit at the flip.
 */
export function chainTwoCycle(activationName: ActivationName, weight: number = 1, bias: number = 0): TwoCycle | null {
  const act: Activation = requireActivation(activationName);
  requireFinite("weight", weight);
  requireFinite("bias", bias);
  if (!(weight < 0)) return null;
  // h is strictly decreasing for w < 0: exactly one fixed point.
  const fixed: FixedPoint = chainFixedPoints(activationName, weight, bias)[0]!;
  if (!(Math.abs(fixed.multiplier) > 1)) return null;
  const xStar: number = fixed.point;
  const [lo] = activationRange(act);
  const g = (a: number): number => act.f(weight * a + bias);
  const G = (a: number): number => g(g(a)) - a;
  // G ≥ 0 at lo (g∘g maps into the range), G < 0 on (p, x*), G > 0 on
  // (lo, p). Step from the midpoint towards x* until G < 0: that brackets p.
  let right: number = Number.NaN;
  for (let k = 1; k <= 64; k++) {
    const a: number = xStar - (xStar - lo) * Math.pow(2, -k);
    if (!(a < xStar)) break;
    if (G(a) < 0) {
      right = a;
      break;
    }
  }
  if (Number.isNaN(right)) {
    // The cycle is born at x* with multiplier 1 (flip bifurcation) and
    // has not yet moved measurably away from either.
    return { low: xStar, high: xStar, multiplier: 1 };
  }
  const low: number = plusZero(bisectRoot(G, lo, right));
  const high: number = g(low);
  const multiplier: number = plusZero(weight * act.prime(weight * low + bias) * (weight * act.prime(weight * high + bias)));
  return { low, high, multiplier };
}

/** The fixed point or 2-cycle that a chain's iterates converge to, and the per-layer factor there. */
export interface LimitOrbit {
  /** [a*] for a fixed point, [low, high] for a 2-cycle. */
  readonly points: readonly number[];
  /** Multiplier over one period (signed for a fixed point, > 0 for a 2-cycle). */
  readonly multiplier: number;
  /** log₁₀|multiplier|/period: the limit of log₁₀|f'| per layer, the slope of chainGradientLog10Series at large depth (−Infinity for multiplier 0). */
  readonly perLayerFactorLog10: number;
  /** |multiplier| < 1, = 1 or > 1 (in floating point). Only an orbit the chain starts exactly on can repel. */
  readonly stability: "attracting" | "marginal" | "repelling";
}

function limitOrbit(points: readonly number[], multiplier: number): LimitOrbit {
  const m: number = Math.abs(multiplier);
  return {
    points,
    multiplier,
    perLayerFactorLog10: Math.log10(m) / points.length,
    stability: m < 1 ? "attracting" : m === 1 ? "marginal" : "repelling",
  };
}

/**
 * The orbit the iterates a_l of a ↦ act(w·a + b) from a₁ = x converge to, with the limiting per-layer factor of f'. Used in chapter 1.1.
 *
 * Exact dynamics, no iteration: for w > 0 the map is increasing, so the
 * orbit is monotone and stops at the first fixed point in the direction
 * it moves (sign of act(wx + b) − x); for w < 0 it ends in the 2-cycle if
 * there is one (chainTwoCycle), else at the fixed point; a start exactly on
 * a fixed point stays there. The rule behind every case of the chapter:
 * along the limit the factor tends to |multiplier|^{1/period}, which is < 1
 * for an attracting orbit, so |f'| vanishes exponentially; it stays 1
 * only on a marginal orbit (tanh with |w| = 1, b = 0, where the decay is a
 * power law) and exceeds 1 only on a repelling orbit, which the chain
 * follows only when started exactly on it. Starts within a few ulps of a
 * repelling point are classified by rounding. Throws RangeError for an
 * unknown activation or non-finite x, weight or bias.
 */
export function chainLimitOrbit(activationName: ActivationName, x: number, weight: number = 1, bias: number = 0): LimitOrbit {
  const act: Activation = requireActivation(activationName);
  requireFinite("x", x);
  requireFinite("weight", weight);
  requireFinite("bias", bias);
  const fixed: FixedPoint[] = chainFixedPoints(activationName, weight, bias);
  const on: FixedPoint | undefined = fixed.find((f: FixedPoint): boolean => f.point === x);
  if (on !== undefined) return limitOrbit([on.point], on.multiplier);
  if (weight < 0) {
    const cycle: TwoCycle | null = chainTwoCycle(activationName, weight, bias);
    if (cycle !== null) return limitOrbit([cycle.low, cycle.high], cycle.multiplier);
  }
  if (weight <= 0 || fixed.length === 1) return limitOrbit([fixed[0]!.point], fixed[0]!.multiplier);
  // w > 0 with several fixed points: the next one in the direction of motion.
  const step: number = act.f(weight * x + bias) - x;
  let target: FixedPoint | undefined;
  if (step > 0) target = fixed.find((f: FixedPoint): boolean => f.point > x);
  else if (step < 0) target = [...fixed].reverse().find((f: FixedPoint): boolean => f.point < x);
  // No fixed point on that side, or step = 0: x is a fixed point up to
  // rounding; take the nearest.
  if (target === undefined) {
    target = fixed.reduce((best: FixedPoint, f: FixedPoint): FixedPoint => (Math.abs(f.point - x) < Math.abs(best.point - x) ? f : best));
  }
  return limitOrbit([target.point], target.multiplier);
}

let flipWeightCache: number | undefined;

/**
 * w_c ≈ −5.8696: for w < w_c the sigmoid fixed point repels (w·σ'(w·x*) < −1) and the chain settles into a 2-cycle instead (flip bifurcation). Used in chapter 1.1.
 *
 * At the flip, x = σ(wx) gives wx = ln(x/(1 − x)), and w·x(1 − x) = −1
 * then reads (1 − x)·ln(x/(1 − x)) = −1, one equation in x alone; its root
 * x_c ≈ 0.2178 in [0.1, 0.4] is bisected to adjacent doubles (the left side
 * is increasing there, derivative 1/x + 1/(1 − x) ≈ 5.9) and
 * w_c = −1/(x_c(1 − x_c)). Accurate to a few ulps.
 */
export function sigmoidFlipWeight(): number {
  if (flipWeightCache === undefined) {
    const h = (x: number): number => (1 - x) * (Math.log(x) - Math.log1p(-x)) + 1;
    const xc: number = bisectRoot(h, 0.1, 0.4);
    flipWeightCache = -1 / (xc * (1 - xc));
  }
  return flipWeightCache;
}

// ---------------------------------------------------------------------------
// The tanh power law (w = 1, b = 0)

// Coefficients c_k of the Fatou coordinate of tanh at 0,
//   Φ(a) = 3/(2a²) + (3/10)·ln a + Σ_{k≥1} c_k·a^{2k},   Φ(tanh a) = Φ(a) + 1,
// found by matching powers of a² with exact rationals (the reference script
// tests/reference/one-unit-chain.py derives them). Only the first four
// matter for a ≤ 0.05: the fifth term is below 1e-19 relative.
const FATOU_C1: number = 47 / 4200;
const FATOU_C2: number = -1 / 12000;
const FATOU_C3: number = -83723 / 291060000;
const FATOU_C4: number = -27832729 / 454053600000;

// Where the series is used: |a| ≤ 0.05, i.e. s = a² ≤ 0.0025.
const FATOU_SWITCH: number = 0.05;

/**
 * C(x) = lim_{n→∞} n^{3/2}·|f'_n(x)| for the tanh chain with w = 1, b = 0 (x ≠ 0, 1e-100 ≤ |x|; C(1) ≈ 1.6411, C(x) ≈ (3/2)^{3/2}/|x|³ for small x), to ~3e-14 relative. Used in chapter 1.1.
 *
 * This is the constant in |f'_n(x)| ∼ C(x)·n^{−3/2}. It is not read off a
 * deep chain (n^{3/2}|f'_n| approaches C only like (ln n)/n; see
 * tanhPowerLawEstimate) but computed exactly through the Fatou coordinate
 * Φ (Φ(tanh a) = Φ(a) + 1): differentiating Φ(a_{n+1}) = Φ(x) + n gives
 * Φ'(x) = Φ'(a_{n+1})·f'_n(x) for every n, and Φ'(a) ~ −3/a³, a_{n+1}² ~ 3/(2n)
 * give C(x) = (3/2)^{3/2}|Φ'(x)|/3. So the chain is run only until
 * |a| ≤ 0.05 (≲ 600 layers from any x), where the series for Φ' is exact
 * to rounding. Cost ≲ 0.3 ms (x = 6). Underflows to 0 for |x| ≳ 370 (the first
 * factor tanh'(x) alone does). Throws RangeError for non-finite x,
 * x = 0 (where |f'| = 1 for every n) and 0 < |x| < 1e-100 (C would overflow).
 */
export function tanhPowerLawConstant(x: number): number {
  requireFinite("x", x);
  if (!(Math.abs(x) >= 1e-100)) {
    throw new RangeError(`x must be non-zero with |x| ≥ 1e-100 (C(x) ≈ 1.84/|x|³), got ${describeValue(x)}`);
  }
  // f' is even in x and the orbit of −x is the mirror image: work with |x|.
  let a: number = Math.abs(x);
  let lnGradient: number = 0;
  while (a > FATOU_SWITCH) {
    lnGradient += logTanhPrime(a);
    a = Math.tanh(a);
  }
  // |Φ'(a)|·a³/3 = 1 − s/10 − (2/3)·Σ k·c_k·s^{k+1}, s = a².
  const s: number = a * a;
  const series: number = 1 - s / 10 - (2 / 3) * s * s * (FATOU_C1 + s * (2 * FATOU_C2 + s * (3 * FATOU_C3 + s * 4 * FATOU_C4)));
  // C = (3/2)^{3/2}·|f'_N|·series/a³, assembled in logs: a³ can underflow
  // for tiny x while C itself is representable.
  return Math.exp(1.5 * Math.log(1.5) + lnGradient - 3 * Math.log(a) + Math.log(series));
}

/**
 * n^{3/2}·|f'_n(x)| for the tanh chain with w = 1, b = 0 after n ≥ 1 layers: the finite-depth estimate of tanhPowerLawConstant(x). Used in chapter 1.1.
 *
 * It approaches C(x) slowly, from below for x = 1: with the Fatou coordinate Φ
 * of tanhPowerLawConstant, n^{3/2}|f'_n|/C − 1 =
 * −(9/(4n))·((ln(2n/3))/10 + (2/3)·Φ(x)) + 3/(20n) + O((ln n)²/n²), where
 * the (ln n)/10 is the sum of the a⁴/15 terms dropped by the n^{−3/2}
 * approximation and Φ(1) ≈ 1.5108 (x = 1: −3.6e-3, −4.1e-4, −4.6e-5 at
 * n = 10³, 10⁴, 10⁵). Same arguments and errors as chainGradientLog10.
 */
export function tanhPowerLawEstimate(x: number, n: number): number {
  requireIntegerInRange("n", n, 1, MAX_CHAIN_DEPTH);
  return Math.pow(10, chainGradientLog10("tanh", x, n) + 1.5 * Math.log10(n));
}

/**
 * The bias magnitude |b| ≥ 0 at which a ↦ tanh(w·a + b) has a marginal fixed point (slope w·tanh' = ±1), for weights |w| ≥ 1. Used in chapter 1.1.
 *
 * The slope condition gives a*² = 1 − 1/|w|, and the fixed-point equation
 * then fixes b = artanh(a*) − w·a* (and its mirror image −b, at −a*). For
 * w > 1 two fixed points merge there (slope +1); for w < −1 the fixed point
 * flips and a 2-cycle splits off (slope −1). Both curves meet at w = ±1,
 * b = 0. For w > 1 the two terms nearly cancel when a* is small, so there
 * b = −Σ_{k≥1} 2k/(2k+1)·a*^{2k+1} is summed instead (to a*^{21} for
 * a* < 0.1: a relative error below 1e-16). Throws RangeError for |w| < 1 or
 * non-finite w.
 */
export function tanhMarginalBias(weight: number): number {
  requireFinite("weight", weight);
  if (!(Math.abs(weight) >= 1)) throw new RangeError(`weight must have |w| ≥ 1 for a marginal fixed point, got ${describeValue(weight)}`);
  const a: number = Math.sqrt(1 - 1 / Math.abs(weight));
  if (weight < 0) return Math.atanh(a) - weight * a;
  if (a >= 0.1) return weight * a - Math.atanh(a);
  let sum: number = 0;
  for (let k = 10; k >= 1; k--) sum = (sum + (2 * k) / (2 * k + 1)) * a * a;
  return sum * a;
}

// ---------------------------------------------------------------------------
// Exercises

/**
 * The input x ≈ −0.1154 at which the two-layer sigmoid chain's gradient σ'(x)·σ'(σ(x)) is largest (w = 1, b = 0), to full double precision. Used in chapter 1.1.
 *
 * Not 0: the second layer's input σ(x) is then 1/2, not 0, so moving x
 * left trades a little of σ'(x) for more of σ'(σ(x)). With s = σ(x),
 * d/dx ln f' = G(s) = (1 − 2s) + s(1 − s)(1 − 2σ(s)), and
 * G'(s) = −2 + (1 − 2s)(1 − 2σ(s)) − 2s(1 − s)σ'(s) < −2 + 0.47 on (0, 1)
 * (|1 − 2s| < 1, 1 − 2σ(s) ∈ (1 − 2σ(1), 0) ≈ (−0.462, 0), last term ≤ 0).
 * G(0) = 1 > 0 > −1 = G(1), so there is exactly one critical point, and as
 * f' → 0 for x → ±∞ it is the maximum. It is bisected in x on [−1, 1].
 */
export function sigmoidTwoLayerArgmax(): number {
  const dLogGradient = (x: number): number => {
    const s: number = sigmoid(x);
    return 1 - 2 * s + (1 - 2 * sigmoid(s)) * sigmoidPrime(x);
  };
  return bisectRoot(dLogGradient, -1, 1);
}

/**
 * Entry n (0 ≤ n ≤ depth) is log₁₀|f'(x)| after n layers of the map a ↦ a − a³ (factor 1 − 3a_l²), from a₁ = x with |x| ≤ 1; the truncated activation of the chapter's exercise on other cubic terms. Used in chapter 1.1.
 *
 * Same analysis as tanh: u = 1/a² grows by 2 per layer (instead of 2/3),
 * a_n ~ (2n)^{−1/2}, the factors are 1 − 3/(2n) + …, and |f'| ∝ n^{−3/2}:
 * the exponent depends only on the ratio of the cubic coefficient in the
 * factor to the one in u's growth, 3·c/(2c) = 3/2 for a − c·a³. For
 * |x| ≤ 1 every iterate stays in [−2/(3√3), 2/(3√3)] after the first layer, so
 * nothing overflows; x = ±1 maps to 0 in one layer.
 */
export function cubicChainGradientLog10Series(x: number, depth: number): Float64Array {
  requireFinite("x", x);
  if (!(Math.abs(x) <= 1)) throw new RangeError(`x must be in [−1, 1], got ${describeValue(x)}`);
  requireDepth(depth);
  const out: Float64Array = new Float64Array(depth + 1);
  const acc: LogAccumulator = new LogAccumulator();
  let a: number = x;
  for (let l = 1; l <= depth; l++) {
    const a2: number = a * a;
    // ln|1 − 3a²|: log1p keeps full relative precision when the factor is
    // 1 − (tiny), as logTanhPrime does for tanh; 3a² > 1 only happens in the
    // first layer (|x| > 1/√3). 3a² = 1 gives −Infinity: the factor is 0.
    const t: number = 3 * a2;
    acc.add(t <= 1 ? Math.log1p(-t) : Math.log(t - 1));
    out[l] = log10FromLn(acc.value());
    a = a - a * a2;
  }
  return out;
}
