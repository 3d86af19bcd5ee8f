/**
 * Figure (chapter 1.3): the residual-gradients simulation at its defaults on
 * log–log axes, gradient norm against l + 1, where a power law (l + 1)^(−p)
 * is a straight line and an exponential bends down ever more steeply. Static:
 * the widget above it in the chapter changes the settings.
 */
import { RESIDUAL_BLOCKS } from "../../../lib/residual-blocks";
import { defineFigure } from "../figure-spec";
import { gradientDescription, gradientDrawing, gradientKey, gradientTable } from "./gradient-plot";
import { DEFAULT_BATCH, DEFAULT_DEPTH, DEFAULT_WIDTH } from "./residual-gradients.figure";
import { stackRuns } from "./simulation";

const SEED = 1;

export default defineFigure({
  id: "residual-gradients-log-log",
  title: "Gradient norm through a stack of residual blocks, log–log axes",
  params: {},
  key: gradientKey(RESIDUAL_BLOCKS),
  // The widget's default runs (memoised: computed once at build time for both figures).
  data: () => stackRuns({ depth: DEFAULT_DEPTH, width: DEFAULT_WIDTH, batch: DEFAULT_BATCH, seed: SEED }),
  plot: (data) => gradientDrawing(data, RESIDUAL_BLOCKS, true),
  describe: (data) => gradientDescription(data, RESIDUAL_BLOCKS, true),
  table: (data) => gradientTable(data, RESIDUAL_BLOCKS),
  code: [{ file: "src/figures/batch-norm/residual-gradients-log-log.figure.ts" }],
});
