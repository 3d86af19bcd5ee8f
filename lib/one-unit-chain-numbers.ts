// Every computed number chapter 1.1 prints, in one table: its inputs, the lib
// call that produces it, how many digits the page shows, and the case of the
// 40-digit reference fixture (tests/reference/one-unit-chain.json) that pins
// it. The page renders these entries instead of calling lib itself, the unit
// tests check each entry's printed digits against the fixture rounded the
// same way, and a test of the built page can look for the same strings, so
// prose, lib and reference cannot drift apart.

import { sigmoidPrimeMax } from "./activations";
import { MINUS_SIGN, formatFixed, formatInteger, formatLog10Tex, formatLog10Text, formatSignificant } from "./format";
import {
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
  type GradientPeak,
  type LimitOrbit,
  type TwoCycle,
} from "./one-unit-chain";
import { describeValue } from "./validate";

/** Inputs chapter 1.1 names in its prose and passes to lib, each written once (depths in layers, weights and inputs dimensionless). Used in chapter 1.1. */
export const ONE_UNIT_CHAIN_INPUTS = Object.freeze({
  /** Depths of the sigmoid bound examples. */
  boundDepths: Object.freeze([10, 100] as const),
  /** The "deep" chain of the sigmoid and tanh comparisons, and its input. */
  deep: 1000,
  deepInput: 1,
  /** The tanh power-law depths: slope measured between slopeFrom and veryDeep. */
  slopeFrom: 10_000,
  veryDeep: 100_000,
  /** The positive large weight of the weight section. */
  largeWeight: 6,
  /** tanh with this weight over tanhGrowthDepth layers, from 0, from tanhGrowthStart (transient growth) and from tanhSettleStart. */
  tanhGrowthWeight: 2,
  tanhGrowthDepth: 100,
  tanhGrowthStart: 0.01,
  tanhSettleStart: 0.5,
  /** Sigmoid with a weight below the flip weight, from an input near its repelling fixed point. */
  negativeWeight: -6,
  negativeWeightStart: 0.22,
  negativeWeightDepth: 100,
  /** Sigmoid weights just above and just below the flip weight w_c ≈ −5.87 (same start). */
  nearFlipWeight: -5.85,
  pastFlipWeight: -5.9,
  /** The second cobweb (w = −6) opens from this input, outside the 2-cycle, with enough layers to reach it (its multiplier is 0.945 per two layers); from 0.22 the walk takes ~300 layers to reach the cycle. */
  cycleCobwebStart: 0.5,
  cycleCobwebSteps: 150,
  cycleCobwebStepsFromInside: 300,
  /** The widget's largest depth, over which peaks are searched. */
  widgetDepth: 10_000,
  /** The knife-edge cases of the n^{−3/2} law, all started from knifeStart. */
  knifeWeightBelow: 0.99,
  knifeWeightAbove: 1.01,
  knifeBias: 0.01,
  knifeStart: 1,
  /** The weight whose slope at 0 is −1, with the same knifeBias: a bias that matters only at second order. */
  knifeFlipWeight: -1,
  /** Weights at which the marginal bias is computed: two fixed points merge (w > 1), the fixed point flips (w < −1). */
  marginalMergeWeight: 2,
  marginalFlipWeight: -1.05,
  /** Depths between which a per-layer slope is measured in the widget's range. */
  rateFrom: 5000,
  /** Start of the a − a³ chain of the exercise. */
  cubicStart: 0.5,
});

const IN = ONE_UNIT_CHAIN_INPUTS;

/** How a shown number is printed: "fixed" and "significant" use formatFixed/formatSignificant, "log10" treats the value as log₁₀ of the printed number (formatLog10Text/Tex), "integer" uses formatInteger. */
export type ShownStyle = "fixed" | "significant" | "log10" | "integer";

/** One number the chapter prints. */
export interface ShownNumber {
  /** What it is, in one line. */
  readonly what: string;
  /** Name of the case in tests/reference/one-unit-chain.json that pins it. */
  readonly reference: string;
  /** Whether that case's "value" or its "antilog" (10^value) is the number computed here; "value" unless said. */
  readonly referenceField?: "value" | "antilog";
  readonly style: ShownStyle;
  /** Places after the point ("fixed"), significant digits ("significant", "log10"), ignored for "integer". */
  readonly digits: number;
  /** The lib computation (for "log10", the log₁₀ of the printed number). */
  readonly compute: () => number;
}

// Computations several entries share, evaluated once on first use.
function once<T>(f: () => T): () => T {
  let done: boolean = false;
  let value: T | undefined;
  return (): T => {
    if (!done) {
      value = f();
      done = true;
    }
    return value as T;
  };
}

const tanhVeryDeep = once((): Float64Array => chainGradientLog10Series("tanh", IN.deepInput, IN.veryDeep));
const sigmoidNegativePeak = once((): GradientPeak =>
  chainGradientPeak("sigmoid", IN.negativeWeightStart, IN.widgetDepth, IN.negativeWeight),
);
const sigmoidNegativeCycle = once((): TwoCycle => {
  const cycle: TwoCycle | null = chainTwoCycle("sigmoid", IN.negativeWeight);
  if (cycle === null) throw new RangeError(`no sigmoid 2-cycle at weight ${describeValue(IN.negativeWeight)}`);
  return cycle;
});
const sigmoidPastFlipPeak = once((): GradientPeak =>
  chainGradientPeak("sigmoid", IN.negativeWeightStart, IN.widgetDepth, IN.pastFlipWeight),
);
const tanhGrowthPeak = once((): GradientPeak => chainGradientPeak("tanh", IN.tanhGrowthStart, IN.tanhGrowthDepth, IN.tanhGrowthWeight));
const tanhW2Orbit = once((): LimitOrbit => chainLimitOrbit("tanh", IN.tanhSettleStart, IN.tanhGrowthWeight));
const knifeBelow = once((): LimitOrbit => chainLimitOrbit("tanh", IN.knifeStart, IN.knifeWeightBelow));
const knifeAbove = once((): LimitOrbit => chainLimitOrbit("tanh", IN.knifeStart, IN.knifeWeightAbove));
const knifeBias = once((): LimitOrbit => chainLimitOrbit("tanh", IN.knifeStart, 1, IN.knifeBias));
const knifeFlipBias = once((): LimitOrbit => chainLimitOrbit("tanh", IN.knifeStart, IN.knifeFlipWeight, IN.knifeBias));

/** Every computed number chapter 1.1 prints, by name, with its digits and the reference case that pins it. Used in chapter 1.1. */
export const ONE_UNIT_CHAIN_SHOWN = Object.freeze({
  sigmoidPrimeMax: {
    what: "max σ' = σ'(0) = 1/4, the largest per-layer factor of the sigmoid chain",
    reference: "sigmoidPrime.0",
    style: "fixed",
    digits: 2,
    compute: (): number => sigmoidPrimeMax,
  },
  sigmoidBound10: {
    what: "4^{−10}, the sigmoid bound after 10 layers",
    reference: "sigmoid.bound.depth10",
    style: "log10",
    digits: 3,
    compute: (): number => gradientBoundLog10("sigmoid", IN.boundDepths[0]),
  },
  sigmoidBound100: {
    what: "4^{−100}, the sigmoid bound after 100 layers",
    reference: "sigmoid.bound.depth100",
    style: "log10",
    digits: 3,
    compute: (): number => gradientBoundLog10("sigmoid", IN.boundDepths[1]),
  },
  sigmoidFixedPoint: {
    what: "x* = σ(x*)",
    reference: "sigmoid.fixedPoint.w1",
    style: "fixed",
    digits: 6,
    compute: (): number => sigmoidFixedPoint(),
  },
  sigmoidRate: {
    what: "σ'(x*) = x*(1 − x*), the asymptotic per-layer factor of the sigmoid chain",
    reference: "sigmoid.fixedPoint.rate.w1",
    style: "fixed",
    digits: 4,
    compute: (): number => sigmoidFixedPointRate(),
  },
  sigmoidRateDigits: {
    what: "−log₁₀ σ'(x*): decimal digits lost per layer at the fixed point",
    reference: "sigmoid.fixedPoint.rate.w1.negLog10",
    style: "fixed",
    digits: 3,
    compute: (): number => -Math.log10(sigmoidFixedPointRate()),
  },
  sigmoidBoundDigits: {
    what: "−log₁₀(1/4): decimal digits lost per layer at the bound",
    reference: "log10.4",
    style: "fixed",
    digits: 3,
    compute: (): number => -Math.log10(sigmoidPrimeMax),
  },
  sigmoidDeep: {
    what: "|f'(1)| after 1000 sigmoid layers",
    reference: "sigmoid.chain.x1.depth1000",
    style: "log10",
    digits: 3,
    compute: (): number => chainGradientLog10("sigmoid", IN.deepInput, IN.deep),
  },
  sigmoidBoundDeep: {
    what: "4^{−1000}, the sigmoid bound after 1000 layers",
    reference: "sigmoid.bound.depth1000",
    style: "log10",
    digits: 3,
    compute: (): number => gradientBoundLog10("sigmoid", IN.deep),
  },
  doubleMin: {
    what: "the smallest positive double, 2^{−1074}",
    reference: "double.minPositive",
    style: "log10",
    digits: 1,
    compute: (): number => Math.log10(Number.MIN_VALUE),
  },
  tanhAtZeroVeryDeep: {
    what: "|f'(0)| after 100 000 tanh layers (exactly 1)",
    reference: "tanh.chain.x0.depth100000",
    style: "log10",
    digits: 3,
    compute: (): number => chainGradientLog10("tanh", 0, IN.veryDeep),
  },
  tanhDeep: {
    what: "|f'(1)| after 1000 tanh layers",
    reference: "tanh.chain.x1.depth1000",
    style: "log10",
    digits: 3,
    compute: (): number => tanhVeryDeep()[IN.deep] ?? Number.NaN,
  },
  tanhIterateAtSlopeFrom: {
    what: "√(3/(2n)) at n = 10 000, the size of the tanh iterates",
    reference: "tanh.iterateAsymptote.n10000",
    style: "significant",
    digits: 4,
    compute: (): number => tanhIterateAsymptote(IN.slopeFrom),
  },
  tanhSlope: {
    what: "log-log slope of |f'(1)| between depths 10⁴ and 10⁵",
    reference: "tanh.logLogSlope.x1.n10000.n100000",
    style: "fixed",
    digits: 4,
    compute: (): number => logLogSlope(tanhVeryDeep(), IN.slopeFrom, IN.veryDeep),
  },
  tanhApproxRatio: {
    what: "true |f'(1)| over (1 + 2n/3)^{−3/2} at n = 10⁵",
    reference: "tanh.asymptoteRatio.x1.n100000",
    style: "fixed",
    digits: 3,
    compute: (): number => 10 ** (tanhVeryDeep()[IN.veryDeep] ?? Number.NaN) / tanhChainGradientAsymptote(IN.deepInput, IN.veryDeep),
  },
  tanhPowerLawConstant: {
    what: "C(1) = lim n^{3/2}|f'_n(1)|",
    reference: "tanh.powerLawConstant.x1",
    style: "fixed",
    digits: 4,
    compute: (): number => tanhPowerLawConstant(IN.deepInput),
  },
  tanhPowerLawEstimateDeep: {
    what: "n^{3/2}|f'_n(1)| at n = 1000",
    reference: "tanh.powerLawEstimate.x1.n1000",
    style: "fixed",
    digits: 4,
    compute: (): number => tanhPowerLawEstimate(IN.deepInput, IN.deep),
  },
  tanhPowerLawEstimateVeryDeep: {
    what: "n^{3/2}|f'_n(1)| at n = 100 000",
    reference: "tanh.powerLawEstimate.x1.n100000",
    style: "fixed",
    digits: 4,
    compute: (): number => tanhPowerLawEstimate(IN.deepInput, IN.veryDeep),
  },
  sigmoidLargeWeightFixedPoint: {
    what: "x* = σ(6x*)",
    reference: "sigmoid.fixedPoint.w6",
    style: "fixed",
    digits: 4,
    compute: (): number => sigmoidFixedPoint(IN.largeWeight),
  },
  sigmoidLargeWeightRate: {
    what: "6σ'(6x*), the per-layer factor at w = 6",
    reference: "sigmoid.fixedPoint.rate.w6.log10",
    style: "log10",
    digits: 3,
    compute: (): number => Math.log10(sigmoidFixedPointRate(IN.largeWeight)),
  },
  tanhAtZeroWeight2: {
    what: "|f'(0)| after 100 tanh layers with w = 2, i.e. 2^{100}",
    reference: "tanh.chain.x0.depth100.w2",
    style: "log10",
    digits: 3,
    compute: (): number => chainGradientLog10("tanh", 0, IN.tanhGrowthDepth, IN.tanhGrowthWeight),
  },
  tanhSettledWeight2: {
    what: "|f'(0.5)| after 100 tanh layers with w = 2",
    reference: "tanh.chain.x0.5.depth100.w2",
    style: "log10",
    digits: 3,
    compute: (): number => chainGradientLog10("tanh", IN.tanhSettleStart, IN.tanhGrowthDepth, IN.tanhGrowthWeight),
  },
  tanhGrowthPeak: {
    what: "largest |f'(0.01)| over depths 1…100, tanh with w = 2",
    reference: "tanh.chain.x0.01.w2.peak",
    referenceField: "antilog",
    style: "significant",
    digits: 3,
    compute: (): number => 10 ** tanhGrowthPeak().log10,
  },
  tanhGrowthPeakDepth: {
    what: "the depth of that peak",
    reference: "tanh.chain.x0.01.w2.peakDepth",
    style: "integer",
    digits: 0,
    compute: (): number => tanhGrowthPeak().depth,
  },
  tanhGrowthEnd: {
    what: "|f'(0.01)| after 100 tanh layers with w = 2",
    reference: "tanh.chain.x0.01.w2.depth100",
    style: "log10",
    digits: 3,
    compute: (): number => chainGradientLog10("tanh", IN.tanhGrowthStart, IN.tanhGrowthDepth, IN.tanhGrowthWeight),
  },
  tanhFixedPointWeight2: {
    what: "a* > 0 with a* = tanh(2a*) (exercise 4)",
    reference: "tanh.fixedPoint.w2",
    style: "fixed",
    digits: 4,
    compute: (): number => tanhW2Orbit().points[0] ?? Number.NaN,
  },
  tanhFactorWeight2: {
    what: "2(1 − a*²), the per-layer factor at a* (exercise 4)",
    reference: "tanh.fixedPoint.factor.w2",
    style: "fixed",
    digits: 4,
    compute: (): number => tanhW2Orbit().multiplier,
  },
  tanhFactorWeight2Log10: {
    what: "log₁₀ 2(1 − a*²): the asymptotic slope per layer of log₁₀|f'| (exercise 4)",
    reference: "tanh.fixedPoint.factor.w2.log10",
    style: "fixed",
    digits: 4,
    compute: (): number => tanhW2Orbit().perLayerFactorLog10,
  },
  tanhMeasuredSlopeWeight2: {
    what: "measured mean log₁₀ change per layer between depths 5000 and 10 000, tanh, w = 2, x = 1 (exercise 4)",
    reference: "tanh.chain.x1.w2.slope5000.10000",
    style: "fixed",
    digits: 4,
    compute: (): number =>
      perLayerSlope(chainGradientLog10Series("tanh", IN.deepInput, IN.widgetDepth, IN.tanhGrowthWeight), IN.rateFrom, IN.widgetDepth),
  },
  sigmoidFlipWeight: {
    what: "w_c: below it the sigmoid fixed point repels",
    reference: "sigmoid.flipWeight",
    style: "fixed",
    digits: 2,
    compute: (): number => sigmoidFlipWeight(),
  },
  sigmoidNegativeFixedPoint: {
    what: "x* = σ(−6x*)",
    reference: "sigmoid.fixedPoint.w-6",
    style: "fixed",
    digits: 4,
    compute: (): number => sigmoidFixedPoint(IN.negativeWeight),
  },
  sigmoidNegativeMultiplier: {
    what: "−6σ'(−6x*), the signed multiplier there (below −1: repelling)",
    reference: "sigmoid.fixedPoint.multiplier.w-6",
    style: "fixed",
    digits: 3,
    compute: (): number => sigmoidFixedPointMultiplier(IN.negativeWeight),
  },
  sigmoidNegativeCycleLow: {
    what: "lower point of the 2-cycle at w = −6",
    reference: "sigmoid.twoCycle.w-6.low",
    style: "fixed",
    digits: 4,
    compute: (): number => sigmoidNegativeCycle().low,
  },
  sigmoidNegativeCycleHigh: {
    what: "upper point of the 2-cycle at w = −6",
    reference: "sigmoid.twoCycle.w-6.high",
    style: "fixed",
    digits: 4,
    compute: (): number => sigmoidNegativeCycle().high,
  },
  sigmoidNegativeCycleMultiplier: {
    what: "multiplier of that 2-cycle over two layers (below 1: attracting)",
    reference: "sigmoid.twoCycle.w-6.multiplier",
    style: "fixed",
    digits: 3,
    compute: (): number => sigmoidNegativeCycle().multiplier,
  },
  sigmoidNegativeGrowth: {
    what: "|f'(0.22)| after 100 sigmoid layers with w = −6",
    reference: "sigmoid.chain.x0.22.w-6.depth100",
    referenceField: "antilog",
    style: "significant",
    digits: 3,
    compute: (): number => 10 ** chainGradientLog10("sigmoid", IN.negativeWeightStart, IN.negativeWeightDepth, IN.negativeWeight),
  },
  sigmoidNegativePeak: {
    what: "largest |f'(0.22)| over depths 1…10 000, sigmoid with w = −6",
    reference: "sigmoid.chain.x0.22.w-6.peak",
    referenceField: "antilog",
    style: "significant",
    digits: 3,
    compute: (): number => 10 ** sigmoidNegativePeak().log10,
  },
  sigmoidNegativePeakDepth: {
    what: "the depth of that peak",
    reference: "sigmoid.chain.x0.22.w-6.peakDepth",
    style: "integer",
    digits: 0,
    compute: (): number => sigmoidNegativePeak().depth,
  },
  sigmoidNegativeEnd: {
    what: "|f'(0.22)| after 10 000 sigmoid layers with w = −6",
    reference: "sigmoid.chain.x0.22.w-6.depth10000",
    style: "log10",
    digits: 3,
    compute: (): number => chainGradientLog10("sigmoid", IN.negativeWeightStart, IN.widgetDepth, IN.negativeWeight),
  },
  knifeBelowFactor: {
    what: "per-layer factor at the fixed point 0 for tanh with w = 0.99",
    reference: "tanh.w0.99.factor",
    style: "fixed",
    digits: 2,
    compute: (): number => knifeBelow().multiplier,
  },
  knifeBelowEnd: {
    what: "|f'(1)| after 10 000 tanh layers with w = 0.99",
    reference: "tanh.w0.99.chain.x1.depth10000",
    style: "log10",
    digits: 3,
    compute: (): number => chainGradientLog10("tanh", IN.knifeStart, IN.widgetDepth, IN.knifeWeightBelow),
  },
  knifeAboveFixedPoint: {
    what: "a* = tanh(1.01a*) > 0",
    reference: "tanh.w1.01.fixedPoint",
    style: "fixed",
    digits: 4,
    compute: (): number => knifeAbove().points[0] ?? Number.NaN,
  },
  knifeAboveFactor: {
    what: "1.01(1 − a*²), the per-layer factor there",
    reference: "tanh.w1.01.factor",
    style: "fixed",
    digits: 4,
    compute: (): number => knifeAbove().multiplier,
  },
  knifeAboveEnd: {
    what: "|f'(1)| after 10 000 tanh layers with w = 1.01",
    reference: "tanh.w1.01.chain.x1.depth10000",
    style: "log10",
    digits: 3,
    compute: (): number => chainGradientLog10("tanh", IN.knifeStart, IN.widgetDepth, IN.knifeWeightAbove),
  },
  knifeBiasFixedPoint: {
    what: "a* = tanh(a* + 0.01)",
    reference: "tanh.w1.b0.01.fixedPoint",
    style: "fixed",
    digits: 4,
    compute: (): number => knifeBias().points[0] ?? Number.NaN,
  },
  knifeBiasFactor: {
    what: "1 − a*², the per-layer factor there",
    reference: "tanh.w1.b0.01.factor",
    style: "fixed",
    digits: 4,
    compute: (): number => knifeBias().multiplier,
  },
  knifeBiasEnd: {
    what: "|f'(1)| after 10 000 tanh layers with w = 1, b = 0.01",
    reference: "tanh.w1.b0.01.chain.x1.depth10000",
    style: "log10",
    digits: 3,
    compute: (): number => chainGradientLog10("tanh", IN.knifeStart, IN.widgetDepth, 1, IN.knifeBias),
  },
  marginalMergeBias: {
    what: "|b| at which two fixed points of a ↦ tanh(2a + b) merge (slope +1)",
    reference: "tanh.marginalBias.w2",
    style: "fixed",
    digits: 4,
    compute: (): number => tanhMarginalBias(IN.marginalMergeWeight),
  },
  marginalFlipBias: {
    what: "|b| at which the fixed point of a ↦ tanh(−1.05a + b) flips (slope −1)",
    reference: "tanh.marginalBias.w-1.05",
    style: "fixed",
    digits: 4,
    compute: (): number => tanhMarginalBias(IN.marginalFlipWeight),
  },
  knifeFlipBiasFactor: {
    what: "|−(1 − a*²)|, the per-layer factor at the fixed point for tanh with w = −1, b = 0.01",
    reference: "tanh.w-1.b0.01.factor",
    style: "fixed",
    digits: 6,
    compute: (): number => Math.abs(knifeFlipBias().multiplier),
  },
  knifeFlipBiasEnd: {
    what: "|f'(1)| after 10 000 tanh layers with w = −1, b = 0.01",
    reference: "tanh.w-1.b0.01.chain.x1.depth10000",
    style: "log10",
    digits: 3,
    compute: (): number => chainGradientLog10("tanh", IN.knifeStart, IN.widgetDepth, IN.knifeFlipWeight, IN.knifeBias),
  },
  sigmoidNegativeCyclePerLayer: {
    what: "√(multiplier): the per-layer factor along the 2-cycle at w = −6",
    reference: "sigmoid.twoCycle.w-6.perLayerFactor",
    style: "fixed",
    digits: 3,
    compute: (): number => 10 ** chainLimitOrbit("sigmoid", IN.negativeWeightStart, IN.negativeWeight).perLayerFactorLog10,
  },
  sigmoidNearFlipRate: {
    what: "|w·σ'(w·x*)| at w = −5.85, just above w_c: the fixed point still attracts, barely",
    reference: "sigmoid.fixedPoint.rate.w-5.85",
    style: "fixed",
    digits: 4,
    compute: (): number => sigmoidFixedPointRate(IN.nearFlipWeight),
  },
  sigmoidNearFlipLayers: {
    what: "1/(1 − |multiplier|) at w = −5.85: the layers it takes to lose a factor e",
    reference: "sigmoid.fixedPoint.layers.w-5.85",
    style: "fixed",
    digits: 0,
    compute: (): number => 1 / (1 - sigmoidFixedPointRate(IN.nearFlipWeight)),
  },
  sigmoidPastFlipPeak: {
    what: "largest |f'(0.22)| over depths 1…10 000, sigmoid with w = −5.9",
    reference: "sigmoid.chain.x0.22.w-5.9.peak",
    referenceField: "antilog",
    style: "significant",
    digits: 3,
    compute: (): number => 10 ** sigmoidPastFlipPeak().log10,
  },
  sigmoidPastFlipPeakDepth: {
    what: "the depth of that peak",
    reference: "sigmoid.chain.x0.22.w-5.9.peakDepth",
    style: "integer",
    digits: 0,
    compute: (): number => sigmoidPastFlipPeak().depth,
  },
  sigmoidPositiveRateMax: {
    what: "max over w > 0 of the fixed-point factor w·σ'(w·x*) (b = 0)",
    reference: "sigmoid.positiveWeight.rateMax",
    style: "fixed",
    digits: 4,
    compute: (): number => sigmoidPositiveWeightRateMaximum().rate,
  },
  sigmoidPositiveRateMaxWeight: {
    what: "the weight where that maximum is reached",
    reference: "sigmoid.positiveWeight.rateMax.weight",
    style: "fixed",
    digits: 3,
    compute: (): number => sigmoidPositiveWeightRateMaximum().weight,
  },
  tanhMidDeep: {
    what: "|f'(1)| after 10 000 tanh layers (w = 1, b = 0), to compare with the knife-edge cases",
    reference: "tanh.chain.x1.depth10000",
    style: "log10",
    digits: 3,
    compute: (): number => tanhVeryDeep()[IN.widgetDepth] ?? Number.NaN,
  },
  twoLayerArgmax: {
    what: "x maximising the two-layer sigmoid gradient (exercise 2)",
    reference: "sigmoid.twoLayer.argmax",
    style: "fixed",
    digits: 4,
    compute: (): number => sigmoidTwoLayerArgmax(),
  },
  twoLayerMaxOverBound: {
    what: "that largest two-layer gradient over the bound 1/16 (exercise 2)",
    reference: "sigmoid.twoLayer.maxOverBound",
    style: "fixed",
    digits: 4,
    compute: (): number => 10 ** (chainGradientLog10("sigmoid", sigmoidTwoLayerArgmax(), 2) - gradientBoundLog10("sigmoid", 2)),
  },
  twoLayerAtZeroOverBound: {
    what: "the two-layer gradient at x = 0 over the bound 1/16 (exercise 2)",
    reference: "sigmoid.twoLayer.at0OverBound",
    style: "fixed",
    digits: 4,
    compute: (): number => 10 ** (chainGradientLog10("sigmoid", 0, 2) - gradientBoundLog10("sigmoid", 2)),
  },
  cubicSlope: {
    what: "log-log slope of a ↦ a − a³ between depths 10⁴ and 10⁵ (exercise 3)",
    reference: "cubic.logLogSlope.x0.5.n10000.n100000",
    style: "fixed",
    digits: 4,
    compute: (): number => logLogSlope(cubicChainGradientLog10Series(IN.cubicStart, IN.veryDeep), IN.slopeFrom, IN.veryDeep),
  },
} satisfies Record<string, ShownNumber>);

/** Names of the numbers chapter 1.1 prints. Used in chapter 1.1. */
export type OneUnitChainShownName = keyof typeof ONE_UNIT_CHAIN_SHOWN;

function requireShown(name: unknown): ShownNumber {
  if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(ONE_UNIT_CHAIN_SHOWN, name)) {
    throw new RangeError(`name must be one of the shown numbers of chapter 1.1, got ${describeValue(name)}`);
  }
  return ONE_UNIT_CHAIN_SHOWN[name as OneUnitChainShownName];
}

const valueCache: Map<string, number> = new Map();

/** The value behind a shown number (for "log10" style, its log₁₀), computed once per name; throws RangeError for an unknown name. Used in chapter 1.1. */
export function shownValue(name: OneUnitChainShownName): number {
  const entry: ShownNumber = requireShown(name);
  let v: number | undefined = valueCache.get(name);
  if (v === undefined) {
    v = entry.compute();
    valueCache.set(name, v);
  }
  return v;
}

/** A shown number as plain Unicode text with its digits ("0.2247", "3.47 × 10⁻⁶⁴⁹", "172"), for prose. Used in chapter 1.1. */
export function shownText(name: OneUnitChainShownName): string {
  const entry: ShownNumber = requireShown(name);
  const v: number = shownValue(name);
  switch (entry.style) {
    case "fixed":
      return formatFixed(v, entry.digits);
    case "significant":
      return formatSignificant(v, entry.digits);
    case "log10":
      return formatLog10Text(v, entry.digits);
    case "integer":
      return formatInteger(v);
  }
}

/** A shown number as TeX: "3.47 \\times 10^{-649}", "-1.4998", "10\\,000" (ASCII minus and a thin space, which TeX typesets itself). Used in chapter 1.1. */
export function shownTex(name: OneUnitChainShownName): string {
  const entry: ShownNumber = requireShown(name);
  if (entry.style === "log10") return formatLog10Tex(shownValue(name), entry.digits);
  return shownText(name)
    .replace(/\u2212/g, "-")
    .replace(/\u202F/g, "\\,");
}

/** An input of the chapter (ONE_UNIT_CHAIN_INPUTS) as prose writes it: "10 000", "−5.85", "0.22" (shortest decimal that round-trips, real minus sign). Used in chapter 1.1. */
export function inputText(value: number): string {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`value must be a finite number, got ${describeValue(value)}`);
  }
  if (Number.isSafeInteger(value)) return formatInteger(value);
  // String() gives the shortest round-tripping decimal; inputs are short
  // decimals such as 0.22 or −5.85, never in exponent form.
  const text: string = String(Math.abs(value));
  if (/e/i.test(text)) throw new RangeError(`value must be written without an exponent, got ${describeValue(value)}`);
  return value < 0 ? MINUS_SIGN + text : text;
}

/** The same input as TeX: "10\\,000", "-5.85" (TeX typesets the minus and the thin space). Used in chapter 1.1. */
export function inputTex(value: number): string {
  return inputText(value)
    .replace(/\u2212/g, "-")
    .replace(/\u202F/g, "\\,");
}
