// Scalar activations and their derivatives, written so that the chapter can
// push them to |x| = 1000 and through 10⁵ layers without rounding artefacts.
//
// The textbook forms σ'(x) = σ(x)(1 − σ(x)) and tanh'(x) = 1 − tanh²(x)
// subtract two numbers that are both ≈ 1 once |x| is moderately large; at
// x = 40 the difference is below half an ulp of 1 and comes out as exactly 0,
// which would make a vanishing gradient look like a vanished one. Every
// formula below is instead written in terms of e^{−|x|}, which is small and
// known to full relative precision, so no cancellation can happen.

import { describeValue } from "./validate";

/** σ(x) = 1/(1 + e^{−x}) for any finite x; output in (0, 1], and exactly 0 only where e^{x} underflows (x ≲ −745). Used in chapter 1.1. */
export function sigmoid(x: number): number {
  // Exponentiating only non-positive arguments means e^{…} never overflows,
  // and for x < 0 the result keeps its full relative precision all the way
  // into the subnormal range instead of being 1 − (something ≈ 1).
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e: number = Math.exp(x);
  return e / (1 + e);
}

/** σ'(x) = σ(x)(1 − σ(x)) = 1/(4cosh²(x/2)) = e^{−|x|}/(1 + e^{−|x|})², in (0, 1/4], relative error ~1e-16 for every finite x (0 only where e^{−|x|} underflows). Used in chapter 1.1. */
export function sigmoidPrime(x: number): number {
  const ax: number = Math.abs(x);
  if (ax < 1) {
    // Near 0 the exponential form rounds to values just above 1/4 (e.g.
    // 0.25000000000000006 at x = 3e-16), which would break the bound every
    // chapter relies on. cosh ≥ 1, so 0.25/cosh² can never exceed 1/4.
    const c: number = Math.cosh(ax / 2);
    return 0.25 / (c * c);
  }
  // σ' is even, so evaluate with the decaying exponential on both sides; it
  // cannot overflow and keeps full relative precision into the tail.
  const e: number = Math.exp(-ax);
  const d: number = 1 + e;
  return e / (d * d);
}

/**
 * Maximum of σ' over ℝ: σ'(0) = 1/4, the per-layer bound behind (|w|/4)^n. Used in chapter 1.1.
 *
 * Derivation: σ'(x) = s(1 − s) with s = σ(x) ∈ (0, 1); the parabola s(1 − s)
 * peaks at s = 1/2, i.e. x = 0, with value 1/2 · 1/2 = 1/4.
 */
export const sigmoidPrimeMax: number = 0.25;

/** tanh'(x) = 1 − tanh²(x) = sech²(x) = 4e^{−2|x|}/(1 + e^{−2|x|})², in (0, 1] with relative error ~1e-16 (0 only where it underflows, |x| ≳ 373). Used in chapter 1.1. */
export function tanhPrime(x: number): number {
  const ax: number = Math.abs(x);
  if (ax < 1) {
    // Same reason as in sigmoidPrime: the exponential form rounds above 1
    // for tiny x, while 1/cosh² with cosh ≥ 1 cannot.
    const c: number = Math.cosh(ax);
    return 1 / (c * c);
  }
  const e: number = Math.exp(-2 * ax);
  const d: number = 1 + e;
  return (4 * e) / (d * d);
}

/** ln σ'(x) = −|x| − 2·ln(1 + e^{−|x|}), in (−∞, −ln 4], finite for every finite x (≈ −1000 at x = ±1000). Used in chapter 1.1. */
export function logSigmoidPrime(x: number): number {
  // Both terms are ≤ 0, so the sum never cancels; log1p keeps the second
  // term accurate when e^{−|x|} is tiny.
  const ax: number = Math.abs(x);
  return -ax - 2 * Math.log1p(Math.exp(-ax));
}

/** ln tanh'(x) = −2·ln cosh(x) = ln 4 − 2|x| − 2·ln(1 + e^{−2|x|}), in (−∞, 0]; finite for |x| ≤ Number.MAX_VALUE/2 (beyond, the true value is below −Number.MAX_VALUE and −Infinity is returned). Used in chapter 1.1. */
export function logTanhPrime(x: number): number {
  const ax: number = Math.abs(x);
  if (ax < 1) {
    // Near 0 the answer is ≈ −x², tiny, and ln 4 − 2|x| − 2 ln(1 + e^{−2|x|})
    // would be a difference of O(1) terms with ~1e-16 absolute error, i.e. a
    // large relative error. The tanh chain spends almost all of its depth at
    // a ≈ √(3/(2n)) → 0, so these are exactly the terms that get summed
    // 10⁵ times. cosh x − 1 = 2 sinh²(x/2) is free of cancellation.
    const s: number = Math.sinh(ax / 2);
    return -2 * Math.log1p(2 * s * s);
  }
  return Math.log(4) - 2 * ax - 2 * Math.log1p(Math.exp(-2 * ax));
}

/** Names of the activations the chapters can switch between. Used in chapter 1.1. */
export type ActivationName = "sigmoid" | "tanh";

/** An activation with its derivative, the log of its derivative, and the derivative's maximum over ℝ. */
export interface Activation {
  readonly name: ActivationName;
  /** The activation itself, ℝ → (0, 1) for sigmoid or (−1, 1) for tanh. */
  readonly f: (x: number) => number;
  /** Its derivative, computed without cancellation. */
  readonly prime: (x: number) => number;
  /** Natural log of its derivative, finite where the derivative underflows. */
  readonly logPrime: (x: number) => number;
  /** sup over ℝ of the derivative: 1/4 for sigmoid, 1 for tanh (both at x = 0). */
  readonly maxPrime: number;
}

const SIGMOID: Activation = Object.freeze({
  name: "sigmoid",
  f: sigmoid,
  prime: sigmoidPrime,
  logPrime: logSigmoidPrime,
  maxPrime: sigmoidPrimeMax,
});

const TANH: Activation = Object.freeze({
  name: "tanh",
  f: Math.tanh,
  prime: tanhPrime,
  logPrime: logTanhPrime,
  // tanh' = 1 − tanh², maximal where tanh = 0, i.e. at x = 0.
  maxPrime: 1,
});

/** Looks up {f, f', ln f', max f'} for "sigmoid" or "tanh" so callers can be generic; throws RangeError for any other name. Used in chapter 1.1. */
export function activation(name: ActivationName): Activation {
  // The type already rules out other names, but the chapters pass strings
  // from the page (e.g. a <select>), so check at run time too.
  if (name === "sigmoid") return SIGMOID;
  if (name === "tanh") return TANH;
  throw new RangeError(`activation must be "sigmoid" or "tanh", got ${describeValue(name)}`);
}
