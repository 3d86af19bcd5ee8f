// Every computed number chapter 1.2 prints, as the strings it prints. The
// chapter renders these strings instead of calling lib itself, and
// tests/lib/jacobian-numbers.test.ts recomputes each one by an independent
// method (closed forms for 2×2 matrices, exact rational arithmetic,
// normalised products and products of inverses for long chains, the QR
// algorithm for eigenvalues) and formats it the same way, so prose, lib and
// the independent check cannot drift apart. The inputs are written once,
// here; the figures take their defaults from them.

import { formatFixed, formatLog10Tex, formatLog10Text, formatSignificant } from "./format";
import { determinant, singularValues, type Matrix } from "./linalg";
import { formatShort } from "./matrix-format";
import {
  randomRecurrentSetup,
  recurrentBoundLog10,
  recurrentJacobianSpectrum,
  spectralRadius,
  type RecurrentSetup,
  type RecurrentSpectrum,
} from "./recurrent-jacobian";
import { residualCounterexample, residualStepSummary, residualSymmetricExample, weylComparison } from "./residual-jacobian";
import { residualFactors, residualProductSpectra, type ResidualProductSpectra } from "./residual-products";

/** Inputs chapter 1.2 names in its prose and passes to lib, each written once (dimensionless; depths in steps or layers). Used in chapter 1.2. */
export const JACOBIAN_INPUTS = Object.freeze({
  /** σ_max(W) of the recurrent map in 1.2.1. */
  sigmaW: 0.5,
  /** The horizon n of 1.2.1, and the recurrent figure's largest n. */
  deep: 1000,
  /** The recurrent figure's default W: dimension and seed. */
  demoDim: 16,
  demoSeed: 1,
  /** The residual-stack figure's default: width, seed, number of layers (also its largest) and σ_max(F_t). */
  stackDim: 8,
  stackSeed: 1,
  layers: 200,
  mildScale: 0.4,
  /** Further scales the prose of 1.2.3 and its exercise quote. */
  unitScale: 1,
  midScale: 1.5,
  bigScale: 3,
  smallScale: 0.1,
  /** The shear of the SVD section and its exercise. */
  shear: [
    [1, 1],
    [0, 1],
  ] as Matrix,
  /** F = diag(−1.5, 0): normal, but σ_big + σ_small < 2. */
  diagonal: [
    [-1.5, 0],
    [0, 0],
  ] as Matrix,
  /** The counterexample with one sign flipped (exercise). */
  flipped: [
    [0, -0.01],
    [100, 0],
  ] as Matrix,
  /** The hint's counterexample: A = 0, B = diag(1, 0). */
  hintA: [
    [0, 0],
    [0, 0],
  ] as Matrix,
  hintB: [
    [1, 0],
    [0, 0],
  ] as Matrix,
  /** A per-layer floor on σ_min, and a depth, for the 1.2.3 verdict. */
  perLayerFloor: 0.99,
  manyLayers: 1000,
});

const IN = JACOBIAN_INPUTS;

/** The recurrent system of the 1.2.1 prose (the figure's default), with its spectrum to n = deep and ρ(W). Used in chapter 1.2. */
export interface DemoRecurrence {
  readonly setup: RecurrentSetup;
  readonly spectrum: RecurrentSpectrum;
  readonly rho: number;
}

let demoCache: DemoRecurrence | undefined;
/** W, x₁ = randomRecurrentSetup(demoDim, sigmaW, demoSeed), the spectrum of ∂xₙ/∂x₁ to n = deep, and ρ(W) (computed once). Used in chapter 1.2. */
export function demoRecurrence(): DemoRecurrence {
  if (!demoCache) {
    const setup = randomRecurrentSetup(IN.demoDim, IN.sigmaW, IN.demoSeed);
    demoCache = { setup, spectrum: recurrentJacobianSpectrum(setup.w, setup.x1, IN.deep), rho: spectralRadius(setup.w) };
  }
  return demoCache;
}

/** The residual stacks the 1.2.3 prose quotes (width stackDim, seed stackSeed, `layers` layers), by scale. */
function stacks(): Record<"mild" | "unit" | "mid" | "big" | "small", ResidualProductSpectra> {
  const base = residualFactors(IN.stackDim, IN.layers, IN.stackSeed);
  return {
    mild: residualProductSpectra(base, IN.mildScale),
    unit: residualProductSpectra(base, IN.unitScale),
    mid: residualProductSpectra(base, IN.midScale),
    big: residualProductSpectra(base, IN.bigScale),
    small: residualProductSpectra(base, IN.smallScale),
  };
}

/** The strings chapter 1.2 prints, by name: "…Tex" for use inside <Tex>, the others plain text (powers of ten as "7.59 × 10⁻⁴⁸⁷"). Used in chapter 1.2. */
export interface JacobianShown {
  readonly shearSigma1: string;
  readonly shearSigma2: string;
  readonly shearSigma1Long: string;
  readonly shearSigma2Long: string;
  readonly boundDeepTex: string;
  readonly boundDeep: string;
  readonly sigma1Deep: string;
  readonly sigmaLastDeep: string;
  readonly ordersBelowBound: string;
  readonly rho: string;
  readonly lateRate: string;
  readonly smallestDouble: string;
  readonly sumOfLogs: string;
  readonly logAbsDet: string;
  readonly counterSigma1: string;
  readonly counterSigma2: string;
  readonly counterClaimed: string;
  readonly counterDet: string;
  readonly counterSvdMin: string;
  readonly counterRoundingLevel: string;
  readonly counterSumSigma1: string;
  readonly symmetricEig1: string;
  readonly symmetricEig2: string;
  readonly symmetricSigma1: string;
  readonly symmetricSigma2: string;
  readonly diagonalSmall: string;
  readonly diagonalBig: string;
  readonly diagonalMin: string;
  readonly diagonalClaimed: string;
  readonly hintLower: string;
  readonly hintSigma2: string;
  readonly mildPlainMax: string;
  readonly mildResidualMin: string;
  readonly unitResidualMin: string;
  readonly unitResidualMax: string;
  readonly midPlainMax: string;
  readonly midResidualMax: string;
  readonly bigResidualMax: string;
  readonly bigPlainMax: string;
  readonly floorPowerTex: string;
  readonly smallFloor: string;
  readonly smallResidualMin: string;
  readonly flippedSigma1: string;
  readonly flippedSigma2: string;
  readonly flippedDet: string;
  readonly flippedMin: string;
  readonly flippedClaimed: string;
  readonly scalarW: string;
  readonly scalarX1: string;
  readonly scalarRatio: string;
}

let shownCache: JacobianShown | undefined;

/** Every computed number chapter 1.2 prints, formatted as printed (computed once; about 0.1 s). Used in chapter 1.2. */
export function jacobianShown(): JacobianShown {
  if (shownCache) return shownCache;
  const demo = demoRecurrence();
  const d: number = IN.demoDim;
  const at = (n: number, i: number): number => demo.spectrum.log10SingularValues[(n - 1) * d + i - 1];
  const bound: number = recurrentBoundLog10(IN.sigmaW, IN.deep);
  const half: number = IN.deep / 2;
  let sum: number = 0;
  for (let i = 1; i <= d; i++) sum += at(IN.deep, i);
  const shear: number[] = singularValues(IN.shear);
  const counter = residualStepSummary(residualCounterexample());
  const counterSum: Matrix = residualCounterexample().map((row, i) => row.map((x, j) => x + (i === j ? 1 : 0)));
  const symmetricF: Matrix = residualSymmetricExample();
  const symmetric = residualStepSummary(symmetricF);
  const diagonal = residualStepSummary(IN.diagonal);
  const hint = weylComparison(IN.hintA, IN.hintB);
  const s = stacks();
  const k: number = IN.layers;
  const flipped = residualStepSummary(IN.flipped);
  const scalarSetup = randomRecurrentSetup(1, IN.sigmaW, IN.demoSeed);
  const scalar = recurrentJacobianSpectrum(scalarSetup.w, scalarSetup.x1, IN.deep);
  const tex = (log10: number): string => formatLog10Tex(log10, 3);
  const text = (log10: number): string => formatLog10Text(log10, 3);
  shownCache = Object.freeze({
    shearSigma1: formatFixed(shear[0], 3),
    shearSigma2: formatFixed(shear[1], 3),
    shearSigma1Long: formatFixed(shear[0], 6),
    shearSigma2Long: formatFixed(shear[1], 6),
    boundDeepTex: tex(bound),
    boundDeep: text(bound),
    sigma1Deep: text(at(IN.deep, 1)),
    sigmaLastDeep: text(at(IN.deep, d)),
    ordersBelowBound: String(Math.round(bound - at(IN.deep, 1))),
    rho: formatSignificant(demo.rho, 3),
    lateRate: formatSignificant(10 ** ((at(IN.deep, 1) - at(half, 1)) / (IN.deep - half)), 3),
    smallestDouble: formatLog10Text(Math.log10(Number.MIN_VALUE), 1),
    sumOfLogs: formatFixed(sum, 4),
    logAbsDet: formatFixed(demo.spectrum.log10AbsDet[IN.deep - 1], 4),
    counterSigma1: formatShort(counter.sigmaF[0]),
    counterSigma2: formatShort(counter.sigmaF[1]),
    counterClaimed: formatShort(counter.claimedMinBound),
    counterDet: formatShort(determinant(counterSum)),
    counterSvdMin: formatShort(counter.sigmaIPlusF[1], 2),
    counterRoundingLevel: formatLog10Text(Math.log10(Number.EPSILON * counter.sigmaIPlusF[0]), 1),
    counterSumSigma1: formatShort(counter.sigmaIPlusF[0], 5),
    symmetricEig1: formatShort(symmetricF[0][0] + symmetricF[0][1]),
    symmetricEig2: formatShort(symmetricF[0][0] - symmetricF[0][1]),
    symmetricSigma1: formatShort(symmetric.sigmaIPlusF[0]),
    symmetricSigma2: formatShort(symmetric.sigmaIPlusF[1]),
    diagonalSmall: formatShort(diagonal.sigmaSmall),
    diagonalBig: formatShort(diagonal.sigmaBig),
    diagonalMin: formatShort(diagonal.sigmaIPlusF[1]),
    diagonalClaimed: formatShort(diagonal.claimedMinBound),
    hintLower: formatShort(hint.hintLower[1]),
    hintSigma2: formatShort(hint.sigmaSum[1]),
    mildPlainMax: text(s.mild.log10MaxPlain[k]),
    mildResidualMin: text(s.mild.log10MinResidual[k]),
    unitResidualMin: text(s.unit.log10MinResidual[k]),
    unitResidualMax: text(s.unit.log10MaxResidual[k]),
    midPlainMax: text(s.mid.log10MaxPlain[k]),
    midResidualMax: text(s.mid.log10MaxResidual[k]),
    bigResidualMax: text(s.big.log10MaxResidual[k]),
    bigPlainMax: text(s.big.log10MaxPlain[k]),
    // c^m = 10^{m·log₁₀c}: recurrentBoundLog10(c, m + 1) is exactly that product.
    floorPowerTex: `${formatShort(IN.perLayerFloor)}^{${IN.manyLayers}} = ${tex(recurrentBoundLog10(IN.perLayerFloor, IN.manyLayers + 1))}`,
    smallFloor: text(s.small.log10LowerResidual[k]),
    smallResidualMin: text(s.small.log10MinResidual[k]),
    flippedSigma1: formatShort(flipped.sigmaF[0]),
    flippedSigma2: formatShort(flipped.sigmaF[1]),
    flippedDet: formatShort(flipped.detIPlusF),
    flippedMin: formatShort(flipped.sigmaIPlusF[1], 3),
    flippedClaimed: formatShort(flipped.claimedMinBound),
    scalarW: formatShort(scalarSetup.w[0][0]),
    scalarX1: formatShort(scalarSetup.x1[0], 3),
    scalarRatio: formatSignificant(10 ** (scalar.log10SingularValues[IN.deep - 1] - scalar.log10Bound[IN.deep - 1]), 3),
  });
  return shownCache;
}
