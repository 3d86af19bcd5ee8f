/**
 * Figure (chapter 1.2.3): the range of singular values [σ_min, σ_max] of a
 * plain stack's Jacobian F_k···F_1 against a residual stack's
 * (I + F_k)···(I + F_1), over depth k, for random layer Jacobians with
 * σ_max(F_t) = scale, with the bounds scaleᵏ, (1 + scale)ᵏ and (1 − scale)ᵏ.
 *
 * Cost: the random factors (one SVD each) are drawn once per (dimension,
 * seed) and kept; a new scale redoes only the residual product; a new depth
 * only slices what is there.
 */
import * as Plot from "@observablehq/plot";
import { formatLog10Text } from "../../../lib/format";
import { JACOBIAN_INPUTS } from "../../../lib/jacobian-numbers";
import { residualFactors, residualProductSpectra, type ResidualFactors, type ResidualProductSpectra } from "../../../lib/residual-products";
import { integerTick, integerTicks, powerOfTenTick } from "../axis-format";
import { defineFigure } from "../figure-spec";
import { numberParam } from "../params";
import { tableDepths } from "../sampling";
import { lruMemo } from "./memo";
import { drawnPoints, pixelScale } from "./simplify";
import { formatShort } from "../../../lib/matrix-format";

/** The deepest stack shown; the products are always computed this far. */
export const MAX_LAYERS = JACOBIAN_INPUTS.layers;
const HEIGHT = 360;
const MARGIN_LEFT = 64;
const MARGIN_RIGHT = 20;
const MARGIN_TOP = 24;
const MARGIN_BOTTOM = 40;
const PLAIN = "var(--c-sigmoid)";
const RESIDUAL = "var(--c-accent)";

const factorMemo = lruMemo<ResidualFactors>(6);
const spectraMemo = lruMemo<ResidualProductSpectra>(6);

/** σ_max and σ_min of both products for k = 0 … MAX_LAYERS, as the widget computes them (memoised). */
export function residualStack(dim: number, seed: number, scale: number): ResidualProductSpectra {
  const base = factorMemo(`${dim}|${seed}`, () => residualFactors(dim, MAX_LAYERS, seed));
  return spectraMemo(`${dim}|${seed}|${scale}`, () => residualProductSpectra(base, scale));
}

const text = (log10: number) => (log10 === -Infinity ? "0" : formatLog10Text(log10, 3));

export default defineFigure({
  id: "residual-stack",
  // Tens of milliseconds at the largest width: off the page's thread (a new depth only slices the memoised data).
  compute: "worker",
  // The depth shown only slices the data.
  dataParams: ["dim", "seed", "scale"],
  title: "Singular values of a plain and of a residual stack against depth",
  params: {
    scale: numberParam({ label: "Scale s = σ_max(Fₜ)", min: 0.05, max: 5, step: 0.05, default: JACOBIAN_INPUTS.mildScale }),
    dim: numberParam({ label: "Width d", min: 2, max: 16, step: 1, default: JACOBIAN_INPUTS.stackDim, integer: true }),
    seed: numberParam({ label: "Seed", min: 1, max: 100, step: 1, default: JACOBIAN_INPUTS.stackSeed, integer: true }),
    depth: numberParam({ label: "Show layers up to", min: 1, max: MAX_LAYERS, step: 1, default: MAX_LAYERS, integer: true }),
  },
  key: ({ scale }) => [
    { kind: "swatch", label: "plain stack Fₖ···F₁: σ_min to σ_max", color: PLAIN },
    { kind: "swatch", label: "residual stack (I + Fₖ)···(I + F₁): σ_min to σ_max", color: RESIDUAL },
    { label: "bound sᵏ on the plain σ_max", color: PLAIN, dashed: true },
    {
      label: scale < 1 ? "bounds (1 + s)ᵏ and (1 − s)ᵏ on the residual σ_max, σ_min" : "bound (1 + s)ᵏ on the residual σ_max",
      color: RESIDUAL,
      dashed: true,
    },
  ],
  data({ dim, seed, scale }) {
    return residualStack(dim, seed, scale);
  },
  plot(s, { width, values: { depth, scale } }) {
    // Every layer is computed; only the points that shape the lines are drawn.
    const ks = Array.from({ length: depth + 1 }, (_, k) => k);
    const all = [s.log10MaxPlain, s.log10MinPlain, s.log10MaxResidual, s.log10MinResidual].flatMap((a) =>
      Array.from(a.subarray(0, depth + 1)).filter(Number.isFinite),
    );
    const span = Math.max(0, ...all, s.log10UpperResidual[depth]) - Math.min(0, ...all, s.log10BoundPlain[depth]);
    const px = pixelScale(depth, width - MARGIN_LEFT - MARGIN_RIGHT, span, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM);
    const band = (max: Float64Array, min: Float64Array) => {
      const kept = new Set([...drawnPoints(ks, max, px, 0.8), ...drawnPoints(ks, min, px, 0.8)].map((p) => p.x));
      return ks
        .filter((k) => kept.has(k) && Number.isFinite(max[k]) && Number.isFinite(min[k]))
        .map((k) => ({ k, max: max[k], min: min[k] }));
    };
    const plain = band(s.log10MaxPlain, s.log10MinPlain);
    const residual = band(s.log10MaxResidual, s.log10MinResidual);
    const ends = [0, depth];
    const line = (values: Float64Array) => ends.map((k) => ({ k, y: values[k] }));
    const marks = [
      Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.5 }),
      Plot.areaY(plain, { x: "k", y1: "min", y2: "max", fill: PLAIN, fillOpacity: 0.18 }),
      Plot.areaY(residual, { x: "k", y1: "min", y2: "max", fill: RESIDUAL, fillOpacity: 0.18 }),
      Plot.line(plain, { x: "k", y: "max", stroke: PLAIN, strokeWidth: 2 }),
      Plot.line(plain, { x: "k", y: "min", stroke: PLAIN, strokeWidth: 2 }),
      Plot.line(residual, { x: "k", y: "max", stroke: RESIDUAL, strokeWidth: 2 }),
      Plot.line(residual, { x: "k", y: "min", stroke: RESIDUAL, strokeWidth: 2 }),
      Plot.line(line(s.log10BoundPlain), { x: "k", y: "y", stroke: PLAIN, strokeDasharray: "6,4", strokeWidth: 1.5 }),
      Plot.line(line(s.log10UpperResidual), { x: "k", y: "y", stroke: RESIDUAL, strokeDasharray: "6,4", strokeWidth: 1.5 }),
      ...(scale < 1
        ? [Plot.line(line(s.log10LowerResidual), { x: "k", y: "y", stroke: RESIDUAL, strokeDasharray: "6,4", strokeWidth: 1.5 })]
        : []),
    ];
    return {
      height: HEIGHT,
      marginLeft: MARGIN_LEFT,
      marginRight: MARGIN_RIGHT,
      marginTop: MARGIN_TOP,
      marginBottom: MARGIN_BOTTOM,
      x: {
        label: "layers k",
        labelAnchor: "center",
        labelArrow: "none",
        domain: [0, depth],
        ticks: integerTicks(0, depth),
        tickFormat: integerTick,
      },
      y: { label: "singular values of the product", tickFormat: powerOfTenTick, grid: true, nice: true },
      marks,
    };
  },
  describe(s, { dim, seed, depth, scale }) {
    const k = depth;
    const lower =
      scale < 1
        ? `σ_min of the residual stack cannot fall below (1 − s)ᵏ = ${text(s.log10LowerResidual[k])}`
        : `with s ≥ 1 nothing keeps the residual stack's σ_min away from 0`;
    return (
      `Singular values of the Jacobian of ${k} layer${k === 1 ? "" : "s"} of width ${dim}, each layer Jacobian Fₜ random (seed ${seed}) with σ_max(Fₜ) = s = ${formatShort(scale)}, on a logarithmic axis. ` +
      `Plain stack: σ_max = ${text(s.log10MaxPlain[k])}, σ_min = ${text(s.log10MinPlain[k])}, below the bound sᵏ = ${text(s.log10BoundPlain[k])}. ` +
      `Residual stack: σ_max = ${text(s.log10MaxResidual[k])}, σ_min = ${text(s.log10MinResidual[k])}; σ_max is at most (1 + s)ᵏ = ${text(s.log10UpperResidual[k])}, and ${lower}.`
    );
  },
  table(s, { depth }) {
    return {
      columns: ["layers k", "plain σ_max", "plain σ_min", "residual σ_max", "residual σ_min"],
      rows: [0, ...tableDepths(depth).filter((k) => k > 0)].map((k) => [
        String(k),
        text(s.log10MaxPlain[k]),
        text(s.log10MinPlain[k]),
        text(s.log10MaxResidual[k]),
        text(s.log10MinResidual[k]),
      ]),
    };
  },
  code: [{ file: "src/figures/jacobians/residual-stack.figure.ts" }],
});
