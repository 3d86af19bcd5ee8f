/**
 * Figure (chapter 1.3): the gradient norm at the input of every block of a
 * stack of residual blocks, for the five kinds of He et al. 2016, Fig. 4,
 * relative to the norm at the stack's output, on a log axis. One forward and
 * backward pass per kind shown, on the same random draws, in a Web Worker,
 * one kind per stage.
 */
import * as Plot from "@observablehq/plot";
import { formatLog10Text, formatSignificant } from "../../../lib/format";
import { RESIDUAL_BLOCKS, type ResidualBlock } from "../../../lib/residual-blocks";
import { integerTick, integerTicks, powerOfTenTick } from "../axis-format";
import { defineFigure } from "../figure-spec";
import { choiceParam, choicesParam, numberParam } from "../params";
import { tableDepths } from "../sampling";
import { BLOCK_STYLES, DASH } from "./blocks";
import { stackRuns, stackRunsInStages, type KindRun, type StackRuns } from "./simulation";

/**
 * The default size: depth 50 (half the largest), width 64, batch 256. The
 * issue's width 128 gives the same per-block factors to two digits (the
 * chapter prints both), at four times the cost.
 */
export const DEFAULT_DEPTH = 50;
export const MAX_DEPTH = 100;
export const DEFAULT_WIDTH = 64;
export const DEFAULT_BATCH = 256;

/**
 * The ranges. A run costs about depth · batch · width² multiply-adds per
 * kind; the largest setting (100 blocks, width 64, batch 256) costs twice
 * the default, about two seconds for all five kinds on one idle core. Width
 * beyond 64 changes the growth rates little (the chapter prints lib's run at
 * width 128) and costs its square.
 */
export const MIN_WIDTH = 8;
export const MAX_WIDTH = 64;
export const MIN_BATCH = 8;
export const MAX_BATCH = 256;

const BLOCK_OPTIONS = RESIDUAL_BLOCKS.map((b) => ({ value: b, label: `${BLOCK_STYLES[b].label} (${BLOCK_STYLES[b].panel})` }));

/** log₁₀(‖∂L/∂x_l‖ / ‖∂L/∂x_N‖); −Infinity where the gradient is exactly 0. */
const relative = (run: KindRun, l: number) => run.log10Norms[l] - run.log10Norms[run.log10Norms.length - 1];

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A ratio 10^log10 as the chapter writes it: plain below a thousand ("57.8", "0.316"), else "1.35 × 10⁴". */
const ratioText = (log10: number) => {
  if (!Number.isFinite(log10)) return "0";
  return Math.abs(log10) < 3 ? formatSignificant(10 ** log10, 3) : formatLog10Text(log10, 3);
};

/** The runs of the kinds the reader chose, among those computed so far. */
const shownRuns = (data: StackRuns, blocks: readonly ResidualBlock[]) => data.runs.filter((r) => blocks.includes(r.block));

function growthSentence(run: KindRun, depth: number): string {
  const name = BLOCK_STYLES[run.block].label;
  if (run.summary === null) {
    const last = run.log10Norms.findLastIndex((v) => !Number.isFinite(v));
    return `With ${name} the gradient becomes exactly 0 at the input of block ${last + 1} and stays 0 below it.`;
  }
  const { totalLog10Growth, perBlockFactor } = run.summary;
  const verb = totalLog10Growth >= 0 ? "grows" : "shrinks";
  const per = depth === 1 ? "" : ` (×${formatSignificant(perBlockFactor, 3)} per block on average)`;
  return `${capitalise(name)} ${verb} it to ${ratioText(totalLog10Growth)} times its size at the output${per}.`;
}

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
    view: choiceParam({
      label: "Axes",
      control: "radio",
      options: [
        { value: "log", label: "log y" },
        { value: "log-log", label: "log–log" },
      ],
      default: "log",
    }),
  },
  key: ({ blocks }) => blocks.map((b) => ({ label: BLOCK_STYLES[b].label, color: BLOCK_STYLES[b].color, dashed: BLOCK_STYLES[b].dashed })),
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
  plot(data, { values: { blocks, view } }) {
    const depth = data.depth;
    const logLog = view === "log-log";
    const points = shownRuns(data, blocks).flatMap((run) =>
      run.log10Norms
        .map((_, l) => ({ block: run.block, x: logLog ? l + 1 : l, y: relative(run, l), color: BLOCK_STYLES[run.block].color }))
        .filter((p) => Number.isFinite(p.y)),
    );
    const lines = (dashed: boolean) =>
      Plot.line(
        points.filter((p) => BLOCK_STYLES[p.block].dashed === dashed),
        { x: "x", y: "y", z: "block", stroke: "color", strokeWidth: dashed ? 2 : 2.5, strokeDasharray: dashed ? DASH : undefined },
      );
    const logTicks = [1, 2, 5, 10, 20, 50, 100, 200].filter((t) => t <= depth + 1);
    return {
      height: 340,
      marginLeft: 56,
      marginRight: 20,
      marginBottom: 40,
      x: logLog
        ? {
            type: "log",
            label: "block input l + 1 (log scale)",
            labelAnchor: "center",
            labelArrow: "none",
            domain: [1, depth + 1],
            ticks: logTicks,
            tickFormat: integerTick,
          }
        : {
            label: "block input l",
            labelAnchor: "center",
            labelArrow: "none",
            domain: [0, depth],
            ticks: integerTicks(0, depth),
            tickFormat: integerTick,
          },
      y: { label: "‖∂L/∂x_l‖ / ‖∂L/∂x_N‖", tickFormat: powerOfTenTick, grid: true, nice: true, domain: points.length ? undefined : [0, 1] },
      marks: [Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.5 }), lines(true), lines(false)],
    };
  },
  describe(data, { blocks, view }) {
    const shown = shownRuns(data, blocks);
    const waiting = blocks.filter((b) => !data.runs.some((r) => r.block === b));
    const axes = view === "log-log" ? "both axes logarithmic" : "a logarithmic vertical axis";
    return (
      `Gradient norm at the input of each block l of a stack of ${data.depth} residual block${data.depth === 1 ? "" : "s"} ` +
      `(width ${data.width}, batch ${data.batch}, seed ${data.seed}), divided by the norm at the output of the last block, with ${axes}. ` +
      `Going from the output back to the input, ` +
      shown.map((run) => growthSentence(run, data.depth)).join(" ") +
      (waiting.length ? ` Still computing: ${waiting.map((b) => BLOCK_STYLES[b].label).join(", ")}.` : "")
    );
  },
  table(data, { blocks }) {
    const shown = shownRuns(data, blocks);
    return {
      // Short names keep the table inside the figure's width.
      columns: ["l", ...shown.map((r) => `${BLOCK_STYLES[r.block].short} (${BLOCK_STYLES[r.block].panel})`)],
      rows: [0, ...tableDepths(data.depth)].map((l) => [String(l), ...shown.map((r) => ratioText(relative(r, l)))]),
    };
  },
  code: [
    { file: "src/figures/batch-norm/residual-gradients.figure.ts" },
    { file: "src/figures/batch-norm/simulation.ts" },
    { file: "lib/residual-blocks.ts", names: ["drawResidualStack", "simulateResidualStack"] },
  ],
});
