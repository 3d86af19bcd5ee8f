// lib/one-unit-chain.ts and lib/one-unit-chain-numbers.ts against the
// 40-digit fixture tests/reference/one-unit-chain.json, which
// tests/reference/one-unit-chain.py computes from the defining products,
// sums and equations in Python's decimal module (regenerate with
// `python3 tests/reference/one-unit-chain.py`). Two kinds of check:
//  1. every fixture case against the lib function that computes the same
//     quantity, with a tolerance justified per case;
//  2. every number the chapter prints (ONE_UNIT_CHAIN_SHOWN): the digits lib
//     prints equal the reference rounded exactly to the same digits, and that
//     rounding is robust (the reference ± lib's tolerance rounds the same way),
//     so a drift between prose, lib and the true value fails here.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sigmoidPrime, sigmoidPrimeMax, tanhPrime } from "../../lib/activations";
import { formatInteger, scientificFromLog10, superscriptInteger } from "../../lib/format";
import {
  chainFixedPoints,
  chainGradientLog10,
  chainGradientLog10Series,
  chainGradientPeak,
  chainLimitOrbit,
  chainTwoCycle,
  cubicChainGradientLog10Series,
  gradientBoundLog10,
  logLogSlope,
  perLayerSlope,
  sigmoidFixedPoint,
  sigmoidFixedPointMultiplier,
  sigmoidFixedPointRate,
  sigmoidFlipWeight,
  sigmoidPositiveWeightRateMaximum,
  sigmoidTwoLayerArgmax,
  tanhChainGradientAsymptote,
  tanhIterateAsymptote,
  tanhMarginalBias,
  tanhPowerLawConstant,
  tanhPowerLawEstimate,
  type FixedPoint,
  type TwoCycle,
} from "../../lib/one-unit-chain";
import {
  ONE_UNIT_CHAIN_SHOWN,
  shownText,
  shownValue,
  type OneUnitChainShownName,
  type ShownNumber,
} from "../../lib/one-unit-chain-numbers";
import { fixedText, parseDecimal, scaleBy, scientific, shiftBy, significantText, type Dec } from "../reference/decimal-string";

interface FixtureCase {
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  readonly value: string;
  readonly exact?: boolean;
  readonly antilog?: string;
  readonly what: string;
}

const fixture: { cases: FixtureCase[]; fatouCoefficients: string[] } = JSON.parse(
  readFileSync(new URL("../reference/one-unit-chain.json", import.meta.url), "utf8"),
);
const cases: Map<string, FixtureCase> = new Map(fixture.cases.map((c: FixtureCase): [string, FixtureCase] => [c.name, c]));

function refCase(name: string): FixtureCase {
  const c: FixtureCase | undefined = cases.get(name);
  if (c === undefined) throw new Error(`no fixture case ${name}`);
  return c;
}

// ---------------------------------------------------------------------------
// 1. Each case against lib

/** A lib computation and how far from the reference it may be. */
interface Check {
  readonly lib: () => number;
  /** Largest allowed |lib − ref|/|ref| (or |lib − ref| when abs is set); 0 means bit-exact. */
  readonly tol: number;
  readonly abs?: true;
}

// Tolerances. ε = 2^-52 ≈ 2.2e-16. Each group states the error model; the
// measured worst error (lib against the fixture, relative) is in brackets.
//
// EXACT: values lib produces with no rounding at all (1/4, 1, 0, integers).
const EXACT: number = 0;
// ELEMENTARY (1e-15): one or two correctly rounded operations on exact
// inputs, or a log10 of such a value: ≤ ~4ε relative. [≤ 1.6e-16]
const ELEMENTARY: number = 1e-15;
// ROOT (1e-14): a root bisected to adjacent doubles; error ≈ ε·|g|/|g'| with
// |g'| = |1 − multiplier| ≥ 0.02 in every case here (w = 1.01: 0.0198), i.e.
// ≤ ~1e-14 relative; the multiplier there inherits the same. [≤ 2.6e-15]
const ROOT: number = 1e-14;
// CYCLE (5e-14): a 2-cycle point solves g(g(p)) = p with |1 − M| ≥ 0.055
// (w = −6: M = 0.945) and two rounded activations per evaluation, and its
// multiplier is a product of two factors whose inputs carry that error
// times |w| ≤ 10. [≤ 1.4e-15]
const CYCLE: number = 5e-14;
// CHAIN (1e-12 relative in the log10): the compensated sum of ≤ 10⁵ log
// factors has ≈ ε·Σ|terms| error, and the iterates' own rounding errors
// neither grow (attracting orbits) nor, near tanh's parabolic 0, add up by
// more than ~ε·√n relative; the documented accuracy of chainGradientLog10 is
// ~1e-12, which is what is tested. [≤ 2.5e-14]
const CHAIN: number = 1e-12;
// SLOPE: a difference of two chain logs divided by the depth gap. For the
// log-log slope the two logs (−5.79 and −7.28) carry ≤ 1e-12 relative each,
// so the slope (−1.5) is good to ~2e-11 relative. The per-layer slopes over
// 5000 layers subtract logs of size ≤ 2000, which can carry ~1e-15·2000·…
// absolute error and then divide by 5000: stated per case. [≤ 1.5e-14]
const SLOPE: number = 2e-11;

const ONE_E5: number = 100_000;
let tanhX1Series: Float64Array | undefined;
function tanhX1(): Float64Array {
  tanhX1Series ??= chainGradientLog10Series("tanh", 1, ONE_E5);
  return tanhX1Series;
}
let cubicSeries: Float64Array | undefined;
function cubic(): Float64Array {
  cubicSeries ??= cubicChainGradientLog10Series(0.5, ONE_E5);
  return cubicSeries;
}

function cycleOf(name: "sigmoid" | "tanh", w: number, b: number = 0): TwoCycle {
  const c: TwoCycle | null = chainTwoCycle(name, w, b);
  if (c === null) throw new Error(`no 2-cycle for ${name}, w = ${w}, b = ${b}`);
  return c;
}

function fixedPointAt(name: "sigmoid" | "tanh", w: number, b: number, index: number, count: number): FixedPoint {
  const fps: FixedPoint[] = chainFixedPoints(name, w, b);
  if (fps.length !== count) throw new Error(`expected ${count} fixed points for ${name}, w = ${w}, b = ${b}, got ${fps.length}`);
  const fp: FixedPoint | undefined = fps[index];
  if (fp === undefined) throw new Error("index out of range");
  return fp;
}

function slopeOver(series: Float64Array, n1: number, n2: number): number {
  return perLayerSlope(series, n1, n2);
}

const CHECKS: Record<string, Check> = {
  "sigmoidPrime.0": { lib: () => sigmoidPrime(0), tol: EXACT },
  "tanhPrime.0": { lib: () => tanhPrime(0), tol: EXACT },
  "sigmoid.bound.depth10": { lib: () => gradientBoundLog10("sigmoid", 10), tol: ELEMENTARY },
  "sigmoid.bound.depth100": { lib: () => gradientBoundLog10("sigmoid", 100), tol: ELEMENTARY },
  "sigmoid.bound.depth1000": { lib: () => gradientBoundLog10("sigmoid", 1000), tol: ELEMENTARY },
  "log10.4": { lib: () => -Math.log10(sigmoidPrimeMax), tol: ELEMENTARY },
  "double.minPositive": { lib: () => Math.log10(Number.MIN_VALUE), tol: ELEMENTARY },
  "sigmoid.fixedPoint.w1": { lib: () => sigmoidFixedPoint(1), tol: ROOT },
  "sigmoid.fixedPoint.rate.w1": { lib: () => sigmoidFixedPointRate(1), tol: ROOT },
  "sigmoid.fixedPoint.rate.w1.negLog10": { lib: () => -Math.log10(sigmoidFixedPointRate(1)), tol: ROOT },
  "sigmoid.chain.x1.depth1000": { lib: () => chainGradientLog10("sigmoid", 1, 1000), tol: CHAIN },
  "tanh.chain.x0.depth100000": { lib: () => chainGradientLog10("tanh", 0, ONE_E5), tol: EXACT, abs: true },
  "tanh.chain.x1.depth1000": { lib: () => tanhX1()[1000] ?? Number.NaN, tol: CHAIN },
  "tanh.chain.x1.depth10000": { lib: () => tanhX1()[10_000] ?? Number.NaN, tol: CHAIN },
  "tanh.chain.x1.depth100000": { lib: () => tanhX1()[ONE_E5] ?? Number.NaN, tol: CHAIN },
  "tanh.logLogSlope.x1.n10000.n100000": { lib: () => logLogSlope(tanhX1(), 10_000, ONE_E5), tol: SLOPE },
  "tanh.iterateAsymptote.n10000": { lib: () => tanhIterateAsymptote(10_000), tol: ELEMENTARY },
  // 10^L with L ≈ −7.3 carrying 1e-12 relative (7e-12 absolute): the ratio
  // is good to 7e-12·ln 10 ≈ 2e-11 relative.
  "tanh.asymptoteRatio.x1.n100000": {
    lib: () => 10 ** (tanhX1()[ONE_E5] ?? Number.NaN) / tanhChainGradientAsymptote(1, ONE_E5),
    tol: 5e-11,
  },
  // Same 10^L argument: L ≈ −7.3 … −4.3 at 1e-12 relative → ≤ 2e-11.
  "tanh.powerLawEstimate.x1.n1000": { lib: () => tanhPowerLawEstimate(1, 1000), tol: 5e-11 },
  "tanh.powerLawEstimate.x1.n10000": { lib: () => tanhPowerLawEstimate(1, 10_000), tol: 5e-11 },
  "tanh.powerLawEstimate.x1.n100000": { lib: () => tanhPowerLawEstimate(1, ONE_E5), tol: 5e-11 },
  // tanhPowerLawConstant: ≤ ~600 log terms summing to |ln f'| ≲ 25 (x = 6:
  // tanh'(6) alone is e^{−10.6}), so ≈ ε·25 ≈ 6e-15 absolute in ln C, plus
  // the iterates' rounding; its doc promises ~3e-14. [≤ 7.4e-15, at x = 6]
  "tanh.powerLawConstant.x1": { lib: () => tanhPowerLawConstant(1), tol: 3e-14 },
  "tanh.powerLawConstant.x0.5": { lib: () => tanhPowerLawConstant(0.5), tol: 3e-14 },
  "tanh.powerLawConstant.x2": { lib: () => tanhPowerLawConstant(2), tol: 3e-14 },
  "tanh.powerLawConstant.x6": { lib: () => tanhPowerLawConstant(6), tol: 3e-14 },
  "tanh.powerLawConstant.x0.01": { lib: () => tanhPowerLawConstant(0.01), tol: 3e-14 },
  "sigmoid.fixedPoint.w6": { lib: () => sigmoidFixedPoint(6), tol: ROOT },
  "sigmoid.fixedPoint.rate.w6": { lib: () => sigmoidFixedPointRate(6), tol: ROOT },
  "sigmoid.fixedPoint.rate.w6.log10": { lib: () => Math.log10(sigmoidFixedPointRate(6)), tol: ROOT },
  "tanh.chain.x0.depth100.w2": { lib: () => chainGradientLog10("tanh", 0, 100, 2), tol: ELEMENTARY },
  "tanh.chain.x0.5.depth100.w2": { lib: () => chainGradientLog10("tanh", 0.5, 100, 2), tol: CHAIN },
  "sigmoid.flipWeight": { lib: () => sigmoidFlipWeight(), tol: ROOT },
  // x*(w_c) at the double nearest w_c: dx*/dw is O(0.01), so the input's
  // rounding adds nothing visible; the root itself has |1 − m| = 2.
  "sigmoid.flipWeight.fixedPoint": { lib: () => sigmoidFixedPoint(sigmoidFlipWeight()), tol: ROOT },
  "sigmoid.fixedPoint.w-6": { lib: () => sigmoidFixedPoint(-6), tol: ROOT },
  "sigmoid.fixedPoint.multiplier.w-6": { lib: () => sigmoidFixedPointMultiplier(-6), tol: ROOT },
  "sigmoid.fixedPoint.w-5": { lib: () => sigmoidFixedPoint(-5), tol: ROOT },
  "sigmoid.fixedPoint.multiplier.w-5": { lib: () => sigmoidFixedPointMultiplier(-5), tol: ROOT },
  "sigmoid.twoCycle.w-6.low": { lib: () => cycleOf("sigmoid", -6).low, tol: CYCLE },
  "sigmoid.twoCycle.w-6.high": { lib: () => cycleOf("sigmoid", -6).high, tol: CYCLE },
  "sigmoid.twoCycle.w-6.multiplier": { lib: () => cycleOf("sigmoid", -6).multiplier, tol: CYCLE },
  // log10 of a multiplier near 1 (0.945): relative error of M (≤ 5e-14)
  // becomes an absolute error 5e-14/ln 10 on a value of size 0.0123, i.e.
  // ~2e-12 relative.
  "sigmoid.twoCycle.w-6.perLayerLog10": { lib: () => chainLimitOrbit("sigmoid", 0.22, -6).perLayerFactorLog10, tol: 5e-12 },
  // √M through 10^(log₁₀ M / 2): M's CYCLE error halves, and the log/pow
  // round trip adds a few ulps.
  "sigmoid.twoCycle.w-6.perLayerFactor": { lib: () => 10 ** chainLimitOrbit("sigmoid", 0.22, -6).perLayerFactorLog10, tol: CYCLE },
  // A well-conditioned root (|1 − m| ≈ 2); the input −5.85 is not a double,
  // but the rate changes by only ~0.1 per unit of w, so its rounding
  // (4e-16) moves the rate by 4e-17.
  "sigmoid.fixedPoint.rate.w-5.85": { lib: () => sigmoidFixedPointRate(-5.85), tol: ROOT },
  // 1/(1 − r) multiplies r's relative error by r/(1 − r) ≈ 467: 467·1e-14 ≈
  // 5e-12; allow 1e-11.
  "sigmoid.fixedPoint.layers.w-5.85": { lib: () => 1 / (1 - sigmoidFixedPointRate(-5.85)), tol: 1e-11 },
  // As for w = −6 below: rounding errors grow by ≤ 1.0034^660 ≈ 9 while the
  // orbit leaves the repelling x*, still far inside CHAIN.
  "sigmoid.chain.x0.22.w-5.9.peakDepth": { lib: () => chainGradientPeak("sigmoid", 0.22, 10_000, -5.9).depth, tol: EXACT },
  "sigmoid.chain.x0.22.w-5.9.peak": { lib: () => chainGradientPeak("sigmoid", 0.22, 10_000, -5.9).log10, tol: CHAIN },
  "sigmoid.twoCycle.w-10.low": { lib: () => cycleOf("sigmoid", -10).low, tol: CYCLE },
  "sigmoid.twoCycle.w-10.high": { lib: () => cycleOf("sigmoid", -10).high, tol: CYCLE },
  "sigmoid.twoCycle.w-10.multiplier": { lib: () => cycleOf("sigmoid", -10).multiplier, tol: CYCLE },
  // The orbit starts 0.0046 from the repelling x* (multiplier −1.014), so
  // rounding errors grow by ≤ 1.014^170 ≈ 10 before the cycle takes over:
  // still far inside CHAIN.
  "sigmoid.chain.x0.22.w-6.depth100": { lib: () => chainGradientLog10("sigmoid", 0.22, 100, -6), tol: CHAIN },
  "sigmoid.chain.x0.22.w-6.peakDepth": { lib: () => chainGradientPeak("sigmoid", 0.22, 10_000, -6).depth, tol: EXACT },
  "sigmoid.chain.x0.22.w-6.peak": { lib: () => chainGradientPeak("sigmoid", 0.22, 10_000, -6).log10, tol: CHAIN },
  "sigmoid.chain.x0.22.w-6.depth10000": { lib: () => chainGradientLog10("sigmoid", 0.22, 10_000, -6), tol: CHAIN },
  // Two logs of size ≤ 119 at ≤ 1e-14·119 absolute each, over 5000 layers,
  // against a slope of 0.0123: ≤ ~5e-14 relative; 1e-11 is the CHAIN-level
  // promise (1e-12·119·2/5000/0.0123 ≈ 4e-12) with a margin.
  "sigmoid.chain.x0.22.w-6.slope5000.10000": {
    lib: () => slopeOver(chainGradientLog10Series("sigmoid", 0.22, 10_000, -6), 5000, 10_000),
    tol: 1e-11,
  },
  "tanh.chain.x0.01.w2.peakDepth": { lib: () => chainGradientPeak("tanh", 0.01, 100, 2).depth, tol: EXACT },
  "tanh.chain.x0.01.w2.peak": { lib: () => chainGradientPeak("tanh", 0.01, 100, 2).log10, tol: CHAIN },
  "tanh.chain.x0.01.w2.depth100": { lib: () => chainGradientLog10("tanh", 0.01, 100, 2), tol: CHAIN },
  "tanh.fixedPoint.w2": { lib: () => chainLimitOrbit("tanh", 0.5, 2).points[0] ?? Number.NaN, tol: ROOT },
  "tanh.fixedPoint.factor.w2": { lib: () => chainLimitOrbit("tanh", 0.5, 2).multiplier, tol: ROOT },
  "tanh.fixedPoint.factor.w2.log10": { lib: () => chainLimitOrbit("tanh", 0.5, 2).perLayerFactorLog10, tol: ROOT },
  // Logs of size ≤ 7800 at 1e-12 relative: 2·7.8e-9/5000 = 3e-12 absolute on
  // a slope of 0.78.
  "tanh.chain.x1.w2.slope5000.10000": {
    lib: () => slopeOver(chainGradientLog10Series("tanh", 1, 10_000, 2), 5000, 10_000),
    tol: 1e-11,
  },
  "tanh.twoCycle.w-2.multiplier": { lib: () => cycleOf("tanh", -2).multiplier, tol: CYCLE },
  "tanh.w0.99.fixedPoint": { lib: () => chainLimitOrbit("tanh", 1, 0.99).points[0] ?? Number.NaN, tol: EXACT, abs: true },
  "tanh.w0.99.factor": { lib: () => chainLimitOrbit("tanh", 1, 0.99).multiplier, tol: EXACT },
  "tanh.w0.99.factor.log10": { lib: () => chainLimitOrbit("tanh", 1, 0.99).perLayerFactorLog10, tol: ELEMENTARY },
  "tanh.w0.99.chain.x1.depth10000": { lib: () => chainGradientLog10("tanh", 1, 10_000, 0.99), tol: CHAIN },
  // Logs of size ≤ 46 at 1e-12 relative over 5000 layers, slope 0.0044:
  // 2·4.6e-11/5000/0.0044 ≈ 4e-12 relative.
  "tanh.w0.99.chain.x1.slope5000.10000": {
    lib: () => slopeOver(chainGradientLog10Series("tanh", 1, 10_000, 0.99), 5000, 10_000),
    tol: 1e-11,
  },
  "tanh.w1.01.fixedPoint": { lib: () => chainLimitOrbit("tanh", 1, 1.01).points[0] ?? Number.NaN, tol: ROOT },
  "tanh.w1.01.factor": { lib: () => chainLimitOrbit("tanh", 1, 1.01).multiplier, tol: ROOT },
  // log10 of 0.98: the factor's relative error becomes absolute, on a value
  // of size 0.0087: 1e-14/ln 10/0.0087 ≈ 5e-13 relative.
  "tanh.w1.01.factor.log10": { lib: () => chainLimitOrbit("tanh", 1, 1.01).perLayerFactorLog10, tol: 1e-12 },
  "tanh.w1.01.chain.x1.depth10000": { lib: () => chainGradientLog10("tanh", 1, 10_000, 1.01), tol: CHAIN },
  "tanh.w1.01.chain.x1.slope5000.10000": {
    lib: () => slopeOver(chainGradientLog10Series("tanh", 1, 10_000, 1.01), 5000, 10_000),
    tol: 1e-11,
  },
  "tanh.w1.b0.01.fixedPoint": { lib: () => chainLimitOrbit("tanh", 1, 1, 0.01).points[0] ?? Number.NaN, tol: ROOT },
  "tanh.w1.b0.01.factor": { lib: () => chainLimitOrbit("tanh", 1, 1, 0.01).multiplier, tol: ROOT },
  "tanh.w1.b0.01.factor.log10": { lib: () => chainLimitOrbit("tanh", 1, 1, 0.01).perLayerFactorLog10, tol: 1e-12 },
  "tanh.w1.b0.01.chain.x1.depth10000": { lib: () => chainGradientLog10("tanh", 1, 10_000, 1, 0.01), tol: CHAIN },
  "tanh.w1.b0.01.chain.x1.slope5000.10000": {
    lib: () => slopeOver(chainGradientLog10Series("tanh", 1, 10_000, 1, 0.01), 5000, 10_000),
    tol: 1e-11,
  },
  "sigmoid.fixedPoints.w8.b-4.0": { lib: () => fixedPointAt("sigmoid", 8, -4, 0, 3).point, tol: ROOT },
  "sigmoid.fixedPoints.w8.b-4.0.multiplier": { lib: () => fixedPointAt("sigmoid", 8, -4, 0, 3).multiplier, tol: ROOT },
  "sigmoid.fixedPoints.w8.b-4.1": { lib: () => fixedPointAt("sigmoid", 8, -4, 1, 3).point, tol: ROOT },
  "sigmoid.fixedPoints.w8.b-4.1.multiplier": { lib: () => fixedPointAt("sigmoid", 8, -4, 1, 3).multiplier, tol: ROOT },
  "sigmoid.fixedPoints.w8.b-4.2": { lib: () => fixedPointAt("sigmoid", 8, -4, 2, 3).point, tol: ROOT },
  "sigmoid.fixedPoints.w8.b-4.2.multiplier": { lib: () => fixedPointAt("sigmoid", 8, -4, 2, 3).multiplier, tol: ROOT },
  "tanh.fixedPoints.w3.b0.5.0": { lib: () => fixedPointAt("tanh", 3, 0.5, 0, 3).point, tol: ROOT },
  "tanh.fixedPoints.w3.b0.5.0.multiplier": { lib: () => fixedPointAt("tanh", 3, 0.5, 0, 3).multiplier, tol: ROOT },
  "tanh.fixedPoints.w3.b0.5.1": { lib: () => fixedPointAt("tanh", 3, 0.5, 1, 3).point, tol: ROOT },
  "tanh.fixedPoints.w3.b0.5.1.multiplier": { lib: () => fixedPointAt("tanh", 3, 0.5, 1, 3).multiplier, tol: ROOT },
  "tanh.fixedPoints.w3.b0.5.2": { lib: () => fixedPointAt("tanh", 3, 0.5, 2, 3).point, tol: ROOT },
  "tanh.fixedPoints.w3.b0.5.2.multiplier": { lib: () => fixedPointAt("tanh", 3, 0.5, 2, 3).multiplier, tol: ROOT },
  "sigmoid.fixedPoints.w-8.b2.0": { lib: () => fixedPointAt("sigmoid", -8, 2, 0, 1).point, tol: ROOT },
  "sigmoid.fixedPoints.w-8.b2.0.multiplier": { lib: () => fixedPointAt("sigmoid", -8, 2, 0, 1).multiplier, tol: ROOT },
  "sigmoid.twoCycle.w-8.b2.low": { lib: () => cycleOf("sigmoid", -8, 2).low, tol: CYCLE },
  "sigmoid.twoCycle.w-8.b2.high": { lib: () => cycleOf("sigmoid", -8, 2).high, tol: CYCLE },
  "sigmoid.twoCycle.w-8.b2.multiplier": { lib: () => cycleOf("sigmoid", -8, 2).multiplier, tol: CYCLE },
  // x_m bisected on x·ln(x/(1 − x)) − 1, whose slope is ≈ 5.9 there: a few
  // ulps; (1 − x_m)/x_m and 1/x_m² add one or two roundings.
  "sigmoid.positiveWeight.rateMax": { lib: () => sigmoidPositiveWeightRateMaximum().rate, tol: ROOT },
  "sigmoid.positiveWeight.rateMax.weight": { lib: () => sigmoidPositiveWeightRateMaximum().weight, tol: ROOT },
  "sigmoid.positiveWeight.rateMax.fixedPoint": { lib: () => sigmoidPositiveWeightRateMaximum().fixedPoint, tol: ROOT },
  // A maximiser bisected on the derivative of ln f', which is well
  // conditioned (slope ≈ −0.6 in x): a few ulps of 0.115 … ≤ 1e-14 relative.
  "sigmoid.twoLayer.argmax": { lib: () => sigmoidTwoLayerArgmax(), tol: ROOT },
  "sigmoid.twoLayer.max": { lib: () => 10 ** chainGradientLog10("sigmoid", sigmoidTwoLayerArgmax(), 2), tol: ELEMENTARY * 10 },
  "sigmoid.twoLayer.maxOverBound": {
    lib: () => 10 ** (chainGradientLog10("sigmoid", sigmoidTwoLayerArgmax(), 2) - gradientBoundLog10("sigmoid", 2)),
    tol: ELEMENTARY * 10,
  },
  "sigmoid.twoLayer.at0OverBound": {
    lib: () => 10 ** (chainGradientLog10("sigmoid", 0, 2) - gradientBoundLog10("sigmoid", 2)),
    tol: ELEMENTARY * 10,
  },
  // |b| = |artanh a − w·a|, a = √(1 − 1/|w|): a square root, an artanh
  // (≤ 1 ulp in V8) and a subtraction that cancels by at most w·a/|b| ≈ 2.7
  // (w = 2); no cancellation for w < 0. [≤ 6.2e-16]
  "tanh.marginalBias.w2": { lib: () => tanhMarginalBias(2), tol: 1e-14 },
  "tanh.marginalBias.w-1.05": { lib: () => tanhMarginalBias(-1.05), tol: 1e-14 },
  // A well-conditioned root (|1 − m| ≈ 2).
  "tanh.w-1.b0.01.fixedPoint": { lib: () => chainLimitOrbit("tanh", 1, -1, 0.01).points[0] ?? Number.NaN, tol: ROOT },
  "tanh.w-1.b0.01.factor": { lib: () => Math.abs(chainLimitOrbit("tanh", 1, -1, 0.01).multiplier), tol: ROOT },
  // 1/(1 − r) multiplies r's relative error by r/(1 − r) ≈ 4·10⁴: ROOT·4e4 =
  // 4e-10. [9.3e-12]
  "tanh.w-1.b0.01.layers": { lib: () => 1 / (1 - Math.abs(chainLimitOrbit("tanh", 1, -1, 0.01).multiplier)), tol: 4e-10 },
  "tanh.w-1.b0.01.chain.x1.depth10000": { lib: () => chainGradientLog10("tanh", 1, 10_000, -1, 0.01), tol: CHAIN },
  "cubic.chain.x0.5.depth10000": { lib: () => cubic()[10_000] ?? Number.NaN, tol: CHAIN },
  "cubic.chain.x0.5.depth100000": { lib: () => cubic()[ONE_E5] ?? Number.NaN, tol: CHAIN },
  "cubic.logLogSlope.x0.5.n10000.n100000": { lib: () => logLogSlope(cubic(), 10_000, ONE_E5), tol: SLOPE },
};

function relativeError(lib: number, ref: number): number {
  return ref === 0 ? Math.abs(lib) : Math.abs(lib - ref) / Math.abs(ref);
}

describe("lib against the 40-digit reference fixture", () => {
  it("the fixture has ≥ 40 significant digits per inexact case and every case has a check", () => {
    for (const c of fixture.cases) {
      if (c.exact !== true) {
        const digits: string = c.value.replace(/^-/, "").replace(/e.*$/, "").replace(".", "").replace(/^0+/, "");
        expect(digits.length, c.name).toBeGreaterThanOrEqual(40);
      }
      expect(Object.prototype.hasOwnProperty.call(CHECKS, c.name), `no check for fixture case ${c.name}`).toBe(true);
    }
    for (const name of Object.keys(CHECKS)) expect(cases.has(name), `check ${name} has no fixture case`).toBe(true);
  });

  for (const [name, check] of Object.entries(CHECKS)) {
    it(`${name}`, () => {
      const ref: number = Number(refCase(name).value);
      const lib: number = check.lib();
      const err: number = check.abs === true ? Math.abs(lib - ref) : relativeError(lib, ref);
      if (process.env["MEASURE"] === "1") console.log(`${name}\t${err.toExponential(2)}`);
      if (check.tol === EXACT) expect(lib, name).toBe(ref);
      else expect(err, name).toBeLessThanOrEqual(check.tol);
    });
  }
});

// ---------------------------------------------------------------------------
// 2. The digits the chapter prints

// The reference as an exact decimal, and lib's tolerance on the number the
// entry computes, as a relative (or for "log10" style, absolute) error.
function referenceOf(entry: ShownNumber): { ref: Dec; check: Check; relOnAntilog: boolean } {
  const c: FixtureCase = refCase(entry.reference);
  const check: Check | undefined = CHECKS[entry.reference];
  if (check === undefined) throw new Error(`no check for ${entry.reference}`);
  if (entry.referenceField === "antilog") {
    if (c.antilog === undefined) throw new Error(`${entry.reference} has no antilog`);
    return { ref: parseDecimal(c.antilog), check, relOnAntilog: true };
  }
  return { ref: parseDecimal(c.value), check, relOnAntilog: false };
}

// What the page prints for the true value d, with lib/format.ts's rules.
function printedFor(entry: ShownNumber, d: Dec): string {
  switch (entry.style) {
    case "fixed":
      return fixedText(d, entry.digits);
    case "significant":
      return significantText(d, entry.digits);
    case "integer":
      return formatInteger(Number(`${d.negative ? "-" : ""}${d.n}e${-d.scale}`));
    case "log10":
      throw new Error("log10 entries are compared through their antilog");
  }
}

describe("numbers chapter 1.1 prints", () => {
  const names: OneUnitChainShownName[] = Object.keys(ONE_UNIT_CHAIN_SHOWN) as OneUnitChainShownName[];

  for (const name of names) {
    const entry: ShownNumber = ONE_UNIT_CHAIN_SHOWN[name];
    it(`${name}: ${entry.what}`, () => {
      const { ref, check, relOnAntilog } = referenceOf(entry);
      const value: number = shownValue(name);
      const text: string = shownText(name);
      if (entry.style === "log10") {
        // The fixture's antilog is the printed number itself; lib's error on
        // the log10 (check.tol relative to it) is a relative error of
        // tol·|log10|·ln 10 on the antilog.
        const c: FixtureCase = refCase(entry.reference);
        if (c.antilog === undefined) throw new Error(`${entry.reference} has no antilog`);
        const antilog: Dec = parseDecimal(c.antilog);
        const expected: { mantissa: string; exponent: number } = scientific(antilog, entry.digits);
        expect(relativeError(value, Number(c.value)), "lib's value").toBeLessThanOrEqual(Math.max(check.tol, 1e-15));
        expect(scientificFromLog10(value, entry.digits)).toEqual(expected);
        expect(text).toBe(
          expected.exponent === 0 ? expected.mantissa : `${expected.mantissa} × 10${superscriptInteger(expected.exponent)}`,
        );
        const slack: number = Math.max(check.tol * Math.abs(Number(c.value)) * Math.LN10, 1e-15) * 1.5;
        expect(scientific(scaleBy(antilog, slack), entry.digits), "rounding is not robust to lib's error").toEqual(expected);
        expect(scientific(scaleBy(antilog, -slack), entry.digits), "rounding is not robust to lib's error").toEqual(expected);
        return;
      }
      // lib's tolerance on this number: the check's own, or for an antilog
      // the log10's tolerance carried through 10^x (δ·|log10|·ln 10).
      const tol: number = relOnAntilog ? check.tol * Math.abs(Number(refCase(entry.reference).value)) * Math.LN10 : check.tol;
      const refNumber: number = Number(`${ref.negative ? "-" : ""}${ref.n}e${-ref.scale}`);
      const err: number = check.abs === true ? Math.abs(value - refNumber) : relativeError(value, refNumber);
      expect(err, "lib's value").toBeLessThanOrEqual(Math.max(tol, check.abs === true ? 0 : 1e-15));
      const expected: string = printedFor(entry, ref);
      expect(text).toBe(expected);
      if (entry.style === "integer") return;
      // Robustness: anything within 1.5× lib's tolerance of the true value
      // prints the same digits, so passing here is not luck of the last bit.
      const margin: number = check.abs === true ? tol * 1.5 : Math.max(tol * 1.5, 1e-15);
      const up: Dec = check.abs === true ? shiftBy(ref, margin) : scaleBy(ref, margin);
      const down: Dec = check.abs === true ? shiftBy(ref, -margin) : scaleBy(ref, -margin);
      expect(printedFor(entry, up), "rounding is not robust to lib's error").toBe(expected);
      expect(printedFor(entry, down), "rounding is not robust to lib's error").toBe(expected);
    });
  }
});
