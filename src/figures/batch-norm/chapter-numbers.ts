/**
 * Every number chapter 1.3 prints that results from a computation, computed
 * here once (from lib, through the figures' own data where a figure shows the
 * same thing) so that the chapter and the test that pins its digits
 * (tests/lib/batch-norm-shown-numbers.test.ts) read the same values.
 */
import { batchNormForward, batchNormJacobianDiagonal, batchNormJacobianSpectrum } from "../../../lib/batch-norm";
import { residualGradientLog10Norms, summariseGradientGrowth, type GradientGrowthSummary } from "../../../lib/residual-blocks";
import bnJacobian, { JACOBIAN_SPREADS, jacobianBatch } from "./bn-jacobian.figure";
import { DEFAULT_BATCH, DEFAULT_DEPTH, DEFAULT_WIDTH } from "./residual-gradients.figure";
import { runOf, stackRuns, type StackRuns } from "./simulation";

/** The example batch of the Jacobian section: the figure's defaults. */
export const EXAMPLE = { m: 6, seed: 1, spread: "1", tightSpread: "0.003" } as const;
/** The batch of exercise 2. */
export const PAIR: readonly number[] = [0, 1];
/** Settings of the simulation's numbers: the widget's defaults, a smaller batch, a shallower stack, and width 1 with batch 2. */
export const SIMULATION = {
  seed: 1,
  smallBatch: 32,
  issueDepth: 100,
  issueWidth: 128,
  issueBatch: 256,
  shallowDepth: 10,
  tinyDepth: 10,
  tinyWidth: 1,
  tinyBatch: 2,
} as const;

export interface ChapterNumbers {
  example: number[];
  exampleS: number;
  exampleSpectrum: ReturnType<typeof batchNormJacobianSpectrum>;
  exampleDiagonal: number[];
  exampleMaxError: number;
  exampleMaxEntry: number;
  /** ε/(σ² + ε): the x̂ eigenvalue over γ/s, for the tightly spread batch. */
  tightXHatShare: number;
  pairS: number;
  pairDiagonal: number[];
  sim: StackRuns;
  bnAfter: GradientGrowthSummary;
  reluBefore: GradientGrowthSummary;
  /** The four kinds other than BN after addition, at the defaults. */
  polynomial: GradientGrowthSummary[];
  bnAfterSmallBatch: GradientGrowthSummary;
  /** BN after addition at the issue's size, depth 100, width 128, batch 256 (beyond the widget's work budget). */
  bnAfterIssueSize: GradientGrowthSummary;
  shallow: StackRuns;
  tiny: GradientGrowthSummary;
}

function summaryOf(result: StackRuns, block: Parameters<typeof runOf>[1]): GradientGrowthSummary {
  const { summary } = runOf(result, block);
  if (summary === null) throw new RangeError(`the gradient of ${block} vanished exactly; the chapter has no number for it`);
  return summary;
}

let cached: ChapterNumbers | undefined;

/** The chapter's numbers (computed once: the simulation at the defaults takes a few seconds). */
export function chapterNumbers(): ChapterNumbers {
  if (cached) return cached;
  const example = jacobianBatch(EXAMPLE.m, EXAMPLE.seed, JACOBIAN_SPREADS[EXAMPLE.spread]);
  const check = bnJacobian.data({ m: EXAMPLE.m, seed: EXAMPLE.seed, spread: EXAMPLE.spread });
  const tight = batchNormJacobianSpectrum(jacobianBatch(EXAMPLE.m, EXAMPLE.seed, JACOBIAN_SPREADS[EXAMPLE.tightSpread]));
  const sim = stackRuns({ depth: DEFAULT_DEPTH, width: DEFAULT_WIDTH, batch: DEFAULT_BATCH, seed: SIMULATION.seed });
  const shallow = stackRuns({ depth: SIMULATION.shallowDepth, width: DEFAULT_WIDTH, batch: DEFAULT_BATCH, seed: SIMULATION.seed });
  const grow = (block: "bn-after-addition", depth: number, width: number, batch: number) =>
    summariseGradientGrowth(residualGradientLog10Norms({ block, depth, width, batch, seed: SIMULATION.seed }));
  cached = {
    example,
    exampleS: batchNormForward(example).s,
    exampleSpectrum: batchNormJacobianSpectrum(example),
    exampleDiagonal: batchNormJacobianDiagonal(example),
    exampleMaxError: check.maxError,
    exampleMaxEntry: check.maxEntry,
    tightXHatShare: tight.onXHat / tight.onRest,
    pairS: batchNormForward(PAIR).s,
    pairDiagonal: batchNormJacobianDiagonal(PAIR),
    sim,
    bnAfter: summaryOf(sim, "bn-after-addition"),
    reluBefore: summaryOf(sim, "relu-before-addition"),
    polynomial: sim.runs.filter((r) => r.block !== "bn-after-addition").map((r) => summaryOf(sim, r.block)),
    bnAfterSmallBatch: grow("bn-after-addition", DEFAULT_DEPTH, DEFAULT_WIDTH, SIMULATION.smallBatch),
    bnAfterIssueSize: grow("bn-after-addition", SIMULATION.issueDepth, SIMULATION.issueWidth, SIMULATION.issueBatch),
    shallow,
    tiny: grow("bn-after-addition", SIMULATION.tinyDepth, SIMULATION.tinyWidth, SIMULATION.tinyBatch),
  };
  return cached;
}
