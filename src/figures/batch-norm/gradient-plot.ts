/**
 * The drawing, description and table shared by chapter 1.3's two views of
 * the residual-block simulation: the widget (log y against the block) and
 * the log–log figure (where a power law is a straight line).
 */
import * as Plot from "@observablehq/plot";
import type { PlotOptions } from "@observablehq/plot";
import { formatLog10Text, formatSignificant } from "../../../lib/format";
import { RESIDUAL_BLOCKS, type ResidualBlock } from "../../../lib/residual-blocks";
import { integerTick, integerTicks, powerOfTenTick } from "../axis-format";
import type { DataTable } from "../figure-spec";
import type { KeyEntry } from "../key";
import { logIndices, tableDepths } from "../sampling";
import { BLOCK_STYLES, DASH } from "./blocks";
import type { KindRun, StackRuns } from "./simulation";

/** Points per line on log–log axes. */
const LOG_POINTS = 24;

/** The kinds as options of a choices parameter, with He et al.'s panel letters. */
export const BLOCK_OPTIONS = RESIDUAL_BLOCKS.map((b) => ({ value: b, label: `${BLOCK_STYLES[b].label} (${BLOCK_STYLES[b].panel})` }));

/** The key: one line sample per kind shown. */
export const gradientKey = (blocks: readonly ResidualBlock[]): KeyEntry[] =>
  blocks.map((b) => ({ label: BLOCK_STYLES[b].label, color: BLOCK_STYLES[b].color, dashed: BLOCK_STYLES[b].dashed }));

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

/** The plot: one line per kind shown, log y against l, or against l + 1 on log–log axes. */
export function gradientDrawing(data: StackRuns, blocks: readonly ResidualBlock[], logLog: boolean): PlotOptions {
  const depth = data.depth;
  const points = shownRuns(data, blocks).flatMap((run) =>
    // On a log axis the points near the output crowd together: keep about 24, spread evenly in log(l + 1).
    (logLog ? logIndices(1, depth + 1, LOG_POINTS).map((x) => x - 1) : run.log10Norms.map((_, l) => l))
      .map((l) => ({ block: run.block, x: logLog ? l + 1 : l, y: relative(run, l), color: BLOCK_STYLES[run.block].color }))
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
}

/** The figure in words: the size, then each kind's growth from the output back to the input. */
export function gradientDescription(data: StackRuns, blocks: readonly ResidualBlock[], logLog: boolean): string {
  const shown = shownRuns(data, blocks);
  const waiting = blocks.filter((b) => !data.runs.some((r) => r.block === b));
  const axes = logLog ? "both axes logarithmic" : "a logarithmic vertical axis";
  return (
    `Gradient norm at the input of each block l of a stack of ${data.depth} residual block${data.depth === 1 ? "" : "s"} ` +
    `(width ${data.width}, batch ${data.batch}, seed ${data.seed}), divided by the norm at the output of the last block, with ${axes}. ` +
    `Going from the output back to the input, ` +
    shown.map((run) => growthSentence(run, data.depth)).join(" ") +
    (waiting.length ? ` Still computing: ${waiting.map((b) => BLOCK_STYLES[b].label).join(", ")}.` : "")
  );
}

/** The plotted ratios at l = 0, 1, 2, 5, 10, 20, 50, … and N. */
export function gradientTable(data: StackRuns, blocks: readonly ResidualBlock[]): DataTable {
  const shown = shownRuns(data, blocks);
  return {
    // Short names keep the table inside the figure's width.
    columns: ["l", ...shown.map((r) => `${BLOCK_STYLES[r.block].short} (${BLOCK_STYLES[r.block].panel})`)],
    rows: [0, ...tableDepths(data.depth)].map((l) => [String(l), ...shown.map((r) => ratioText(relative(r, l)))]),
  };
}
