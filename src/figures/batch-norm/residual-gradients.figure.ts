/**
 * Figure (chapter 1.3): the gradient norm at the input of every block of a
 * stack of residual blocks, for the five kinds of He et al. 2016, Fig. 4,
 * relative to the norm at the stack's output, on a log axis. One forward and
 * backward pass per kind shown, on the same random draws, in a Web Worker,
 * one kind per stage. The same runs on log–log axes, at the defaults, are the
 * residual-gradients-log-log figure.
 */
import { RESIDUAL_BLOCKS } from "../../../lib/residual-blocks";
import { defineFigure } from "../figure-spec";
import { choicesParam, numberParam } from "../params";
import { BLOCK_OPTIONS, gradientDescription, gradientDrawing, gradientKey, gradientTable } from "./gradient-plot";
import { stackRuns, stackRunsInStages } from "./simulation";

/**
 * The default size: depth 50 (half the largest), width 32, batch 128. Wider
 * and larger batches change the growth rates little (the chapter prints
 * lib's run at the width 128 and batch 256) and cost a lot: a run
 * costs about depth · batch · width² multiply-adds per kind.
 */
export const DEFAULT_DEPTH = 50;
export const MAX_DEPTH = 100;
export const DEFAULT_WIDTH = 32;
export const DEFAULT_BATCH = 128;

/**
 * The ranges. The largest setting (100 blocks, width 32, batch 128) costs
 * twice the default, a fraction of a second for all five kinds on one idle
 * core, so every change (and every step of a dragged slider that pauses)
 * is redrawn at once.
 */
export const MIN_WIDTH = 8;
export const MAX_WIDTH = 32;
export const MIN_BATCH = 8;
export const MAX_BATCH = 128;

export default defineFigure({
  id: "residual-gradients",
  title: "Gradient norm through a stack of residual blocks, five kinds",
  compute: "worker",
  params: {
    depth: numberParam({ label: "Blocks N", min: 1, max: MAX_DEPTH, step: 1, default: DEFAULT_DEPTH, integer: true }),
    width: numberParam({ label: "Width (features)", min: MIN_WIDTH, max: MAX_WIDTH, step: 1, default: DEFAULT_WIDTH, integer: true }),
    batch: numberParam({ label: "Batch size m", min: MIN_BATCH, max: MAX_BATCH, step: 1, default: DEFAULT_BATCH, integer: true }),
    seed: numberParam({ label: "Seed", min: 1, max: 1000, step: 1, default: 1, integer: true }),
    blocks: choicesParam({ label: "Blocks shown", options: BLOCK_OPTIONS, default: [...RESIDUAL_BLOCKS] }),
  },
  key: ({ blocks }) => gradientKey(blocks),
  // Only the kinds shown are computed. The runtime memoises data per full set
  // of values, blocks included, so a plot-only filter would not spare a trip
  // to the worker; computing only what is shown makes every request cheaper,
  // and the per-kind memo in the worker makes a kind shown again free.
  data({ depth, width, batch, seed, blocks }) {
    return stackRuns({ depth, width, batch, seed }, blocks);
  },
  dataInStages({ depth, width, batch, seed, blocks }) {
    return stackRunsInStages({ depth, width, batch, seed }, blocks);
  },
  plot: (data, { values: { blocks } }) => gradientDrawing(data, blocks, false),
  describe: (data, { blocks }) => gradientDescription(data, blocks, false),
  table: (data, { blocks }) => gradientTable(data, blocks),
  code: [
    { file: "src/figures/batch-norm/residual-gradients.figure.ts" },
    { file: "src/figures/batch-norm/simulation.ts" },
    { file: "lib/residual-blocks.ts", names: ["drawResidualStack", "simulateResidualStack"] },
  ],
});
