/**
 * Figure (chapter 1.3): every entry of the batch-norm Jacobian ∂y_i/∂x_k of
 * one feature over a mini-batch, the closed formula against central finite
 * differences of the forward pass. The diagonal entries, which the problem
 * asks for, are drawn filled.
 */
import * as Plot from "@observablehq/plot";
import { BATCH_NORM_DEFAULT_EPS, batchNormForward, batchNormJacobian, batchNormJacobianFiniteDifference } from "../../../lib/batch-norm";
import { formatLog10Text, formatSignificant } from "../../../lib/format";
import { createRng } from "../../../lib/random";
import { defineFigure } from "../figure-spec";
import { choiceParam, numberParam } from "../params";

/** The batch's values are centred here, so the figure shows that the mean does not matter. */
export const JACOBIAN_INPUT_MEAN = 3;

/** A batch of m values x_k = 3 + spread · z_k, z_k standard normal from createRng(seed). */
export function jacobianBatch(m: number, seed: number, spread: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: m }, () => JACOBIAN_INPUT_MEAN + spread * rng.normal());
}

/** The spreads a reader can choose, by the text of the option. */
export const JACOBIAN_SPREADS = { "1": 1, "0.01": 0.01, "0.003": 0.003 } as const;

interface Entry {
  i: number;
  k: number;
  formula: number;
  finiteDifference: number;
  diagonal: boolean;
}

export default defineFigure({
  id: "bn-jacobian",
  title: "Batch-norm Jacobian: closed formula against finite differences",
  params: {
    m: numberParam({ label: "Batch size m", min: 2, max: 12, step: 1, default: 6, integer: true }),
    seed: numberParam({ label: "Seed", min: 1, max: 100, step: 1, default: 1, integer: true }),
    spread: choiceParam({
      label: "Spread of the inputs",
      control: "radio",
      options: [
        { value: "1", label: "1" },
        { value: "0.01", label: "0.01" },
        { value: "0.003", label: "0.003 (ε matters)" },
      ],
      default: "1",
    }),
  },
  key: [
    { kind: "swatch", label: "diagonal entry ∂y_i/∂x_i", color: "var(--c-block-bn-after)" },
    { kind: "swatch", label: "off-diagonal entry ∂y_i/∂x_k", color: "var(--c-block-relu-before)" },
    { label: "formula = finite difference", color: "var(--c-muted)", dashed: true },
  ],
  data({ m, seed, spread }) {
    const x = jacobianBatch(m, seed, JACOBIAN_SPREADS[spread]);
    const { s, variance } = batchNormForward(x);
    const formula = batchNormJacobian(x);
    const fd = batchNormJacobianFiniteDifference(x);
    const entries: Entry[] = [];
    let maxError = 0;
    let maxEntry = 0;
    for (let i = 0; i < m; i++) {
      for (let k = 0; k < m; k++) {
        entries.push({ i: i + 1, k: k + 1, formula: formula[i][k], finiteDifference: fd[i][k], diagonal: i === k });
        maxError = Math.max(maxError, Math.abs(formula[i][k] - fd[i][k]));
        maxEntry = Math.max(maxEntry, Math.abs(formula[i][k]));
      }
    }
    return { x, s, variance, entries, maxError, maxEntry, eps: BATCH_NORM_DEFAULT_EPS };
  },
  plot({ entries, maxEntry }) {
    const r = maxEntry * 1.1;
    const dot = (diagonal: boolean) =>
      Plot.dot(
        entries.filter((e) => e.diagonal === diagonal),
        {
          x: "formula",
          y: "finiteDifference",
          r: diagonal ? 5 : 3.5,
          fill: diagonal ? "var(--c-block-bn-after)" : "none",
          stroke: diagonal ? "var(--c-block-bn-after)" : "var(--c-block-relu-before)",
          strokeWidth: 1.5,
        },
      );
    return {
      height: 320,
      marginLeft: 56,
      marginBottom: 40,
      aspectRatio: 1,
      x: { label: "formula (γ/s)(δ_ik − 1/m − x̂_i x̂_k/m)", labelAnchor: "center", labelArrow: "none", domain: [-r, r], ticks: 5 },
      y: { label: "finite difference", domain: [-r, r], ticks: 5, grid: true },
      marks: [
        Plot.ruleX([0], { stroke: "currentColor", strokeOpacity: 0.3 }),
        Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.3 }),
        Plot.line(
          [
            [-r, -r],
            [r, r],
          ],
          { stroke: "var(--c-muted)", strokeDasharray: "5,4" },
        ),
        dot(false),
        dot(true),
      ],
    };
  },
  describe({ x, s, entries, maxError, maxEntry }, { m }) {
    const diagonal = entries.filter((e) => e.diagonal).map((e) => e.formula);
    return (
      `All ${m * m} entries of the Jacobian of batch norm over a batch of ${m} values (γ = 1, ε = 10⁻⁵, s = ${formatSignificant(s, 3)}), ` +
      `the closed formula on the horizontal axis against central finite differences on the vertical one. Every point lies on the diagonal line: ` +
      `the largest difference is ${maxError === 0 ? "0" : formatLog10Text(Math.log10(maxError), 2)}, against entries up to ${formatSignificant(maxEntry, 3)}. ` +
      `The diagonal entries ∂y_i/∂x_i range from ${formatSignificant(Math.min(...diagonal), 3)} to ${formatSignificant(Math.max(...diagonal), 3)}; ` +
      `the inputs range from ${formatSignificant(Math.min(...x), 4)} to ${formatSignificant(Math.max(...x), 4)}.`
    );
  },
  table({ entries }) {
    return {
      columns: ["i", "k", "formula", "finite difference"],
      rows: entries.map((e) => [String(e.i), String(e.k), formatSignificant(e.formula, 6), formatSignificant(e.finiteDifference, 6)]),
    };
  },
  code: [
    { file: "src/figures/batch-norm/bn-jacobian.figure.ts" },
    { file: "lib/batch-norm.ts", names: ["batchNormJacobian", "batchNormJacobianFiniteDifference"] },
  ],
});
