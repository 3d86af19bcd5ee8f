/**
 * Figure (chapter 1.2.1): every singular value of the Jacobian ∂x_n/∂x_1 of
 * x_{t+1} = tanh(W x_t) against n, on a log axis, with the bound
 * σ_max(W)^{n−1} and the rate ρ(W)^{n−1} of Wⁿ. Values reach 10⁻³⁰⁰⁰, so
 * everything is plotted as log₁₀ (lib/product-spectrum.ts keeps every
 * singular value accurate, not only the largest).
 * The spectrum (tens of milliseconds at dimension 16) is computed once per
 * (W, x₁) up to MAX_N; a new depth only slices it.
 */
import * as Plot from "@observablehq/plot";
import { formatInteger, formatLog10Text } from "../../../lib/format";
import { JACOBIAN_INPUTS } from "../../../lib/jacobian-numbers";
import { identity, scale } from "../../../lib/linalg";
import { randomRecurrentSetup, recurrentJacobianSpectrum, spectralRadius, type RecurrentSpectrum } from "../../../lib/recurrent-jacobian";
import { integerTick, integerTicks, powerOfTenTick } from "../axis-format";
import { defineFigure } from "../figure-spec";
import { choiceParam, numberParam } from "../params";
import { tableDepths } from "../sampling";
import { lruMemo } from "./memo";
import { drawnPoints, pixelScale } from "./simplify";
import { formatShort } from "../../../lib/matrix-format";

/** The largest n the widget shows; the spectrum is always computed this far. */
export const MAX_N = JACOBIAN_INPUTS.deep;
const HEIGHT = 360;
const MARGIN_LEFT = 64;
const MARGIN_RIGHT = 20;
const MARGIN_TOP = 24;
const MARGIN_BOTTOM = 40;
export interface RecurrentSystem {
  spectrum: RecurrentSpectrum;
  /** ρ(W), the largest |eigenvalue|: the rate of Wⁿ. */
  rho: number;
}

/** Systems kept (each 1000 × 16 numbers): enough to go back and forth between a few settings. */
const memo = lruMemo<RecurrentSystem>(8);

/** W and x₁ as the widget defines them, with the spectrum of ∂x_n/∂x_1 for n = 1 … MAX_N (memoised). */
export function recurrentSystem(dim: number, sigmaMax: number, seed: number, wKind: string, start: string): RecurrentSystem {
  return memo(`${dim}|${sigmaMax}|${seed}|${wKind}|${start}`, () => {
    const setup = randomRecurrentSetup(dim, sigmaMax, seed);
    const w = wKind === "random" ? setup.w : scale(sigmaMax, identity(dim));
    const x1 = start === "random" ? setup.x1 : new Array<number>(dim).fill(0);
    return { spectrum: recurrentJacobianSpectrum(w, x1, MAX_N), rho: spectralRadius(w) };
  });
}

/** log₁₀σ_i(∂x_n/∂x_1), i = 1 … d. */
const sigmaAt = (s: RecurrentSpectrum, n: number, i: number) => s.log10SingularValues[(n - 1) * s.dim + i - 1];
const text = (log10: number) => (log10 === -Infinity ? "0" : formatLog10Text(log10, 3));

const FIRST = "var(--c-accent)";
const LAST = "var(--c-sigmoid)";
const MIDDLE = "var(--c-muted)";

export default defineFigure({
  id: "recurrent-spectrum",
  // Tens of milliseconds at the largest width: off the page's thread (a new depth only slices the memoised data).
  compute: "worker",
  // The depth shown only slices the data.
  dataParams: ["sigma", "dim", "seed", "w", "start"],
  title: "Singular values of the Jacobian of a recurrent map against n",
  params: {
    sigma: numberParam({ label: "σ_max(W)", min: 0.05, max: 3, step: 0.05, default: JACOBIAN_INPUTS.sigmaW }),
    dim: numberParam({ label: "Dimension d", min: 1, max: 16, step: 1, default: JACOBIAN_INPUTS.demoDim, integer: true }),
    seed: numberParam({ label: "Seed", min: 1, max: 100, step: 1, default: JACOBIAN_INPUTS.demoSeed, integer: true }),
    depth: numberParam({ label: "Show n up to", min: 2, max: MAX_N, step: 1, default: MAX_N, integer: true }),
    w: choiceParam({
      label: "W",
      control: "radio",
      options: [
        { value: "random", label: "random, rescaled" },
        { value: "identity", label: "σ_max(W)·I" },
      ],
      default: "random",
    }),
    start: choiceParam({
      label: "Start x₁",
      control: "radio",
      options: [
        { value: "random", label: "random" },
        { value: "zero", label: "0" },
      ],
      default: "random",
    }),
  },
  key: ({ dim }) => [
    { label: dim === 1 ? "σ₁ (the only one)" : "σ₁, the largest", color: FIRST },
    ...(dim > 2 ? [{ label: `σ₂ … σ${subscript(dim - 1)}`, color: MIDDLE }] : []),
    ...(dim > 1 ? [{ label: `σ${subscript(dim)}, the smallest`, color: LAST }] : []),
    { label: "bound σ_max(W)ⁿ⁻¹", color: "currentColor", dashed: true },
    { label: "ρ(W)ⁿ⁻¹, ρ = largest |eigenvalue|", color: "var(--c-tanh)", dashed: true },
  ],
  data({ sigma, dim, seed, w, start }) {
    return recurrentSystem(dim, sigma, seed, w, start);
  },
  plot({ spectrum, rho }, { width, values: { depth, dim } }) {
    // Every n is computed; only the points that shape each line are drawn.
    const ns = Array.from({ length: depth }, (_, k) => k + 1);
    const column = (i: number) => ns.map((n) => sigmaAt(spectrum, n, i));
    const low = Math.min(
      0,
      ...column(dim).filter(Number.isFinite),
      spectrum.log10Bound[depth - 1],
      rho > 0 ? (depth - 1) * Math.log10(rho) : 0,
    );
    const scale = pixelScale(depth - 1, width - MARGIN_LEFT - MARGIN_RIGHT, -low, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM);
    // Middle ones first, so σ₁ and σ_d are drawn on top.
    const order = [...Array.from({ length: Math.max(0, dim - 2) }, (_, k) => k + 2), ...(dim > 1 ? [dim] : []), 1];
    const lines = order.flatMap((i) => drawnPoints(ns, column(i), scale, 0.5).map((p) => ({ i, n: p.x, log10: p.y })));
    const color = (i: number) => (i === 1 ? FIRST : i === dim ? LAST : MIDDLE);
    const ends = [1, depth].map((n) => ({ n, bound: spectrum.log10Bound[n - 1], rate: rho > 0 ? (n - 1) * Math.log10(rho) : NaN }));
    return {
      height: HEIGHT,
      marginLeft: MARGIN_LEFT,
      marginRight: MARGIN_RIGHT,
      marginTop: MARGIN_TOP,
      marginBottom: MARGIN_BOTTOM,
      x: {
        label: "n",
        labelAnchor: "center",
        labelArrow: "none",
        domain: [1, depth],
        ticks: integerTicks(1, depth),
        tickFormat: integerTick,
      },
      y: { label: "σᵢ(∂xₙ/∂x₁)", tickFormat: powerOfTenTick, grid: true, nice: true },
      marks: [
        Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.5 }),
        // Under the singular values: σ₁ runs along this line once x_t has reached 0.
        ...(rho > 0 ? [Plot.line(ends, { x: "n", y: "rate", stroke: "var(--c-tanh)", strokeDasharray: "4,3", strokeWidth: 2.5 })] : []),
        Plot.line(lines, {
          x: "n",
          y: "log10",
          z: "i",
          stroke: (d: { i: number }) => color(d.i),
          strokeWidth: (d: { i: number }) => (d.i === 1 || d.i === dim ? 2.5 : 1.2),
        }),
        Plot.line(ends, { x: "n", y: "bound", stroke: "currentColor", strokeDasharray: "6,4", strokeWidth: 1.5 }),
      ],
    };
  },
  describe({ spectrum, rho }, { sigma, dim, seed, depth, w, start }) {
    const system =
      w === "random"
        ? `a random ${dim} × ${dim} W (seed ${seed}) rescaled to σ_max(W) = ${formatShort(sigma)}`
        : `W = ${formatShort(sigma)}·I (${dim} × ${dim})`;
    const spread =
      dim === 1
        ? `the Jacobian is the number ${text(sigmaAt(spectrum, depth, 1))}`
        : `σ₁ = ${text(sigmaAt(spectrum, depth, 1))} and σ${subscript(dim)} = ${text(sigmaAt(spectrum, depth, dim))}`;
    return (
      `All ${dim} singular value${dim === 1 ? "" : "s"} of ∂xₙ/∂x₁ for xₜ₊₁ = tanh(W xₜ), n = 1 to ${formatInteger(depth)}, on a logarithmic axis, with ${system} and ${start === "zero" ? "x₁ = 0" : "a random x₁"}. ` +
      `At n = ${formatInteger(depth)}, ${spread}; the bound σ_max(W)ⁿ⁻¹ is ${text(spectrum.log10Bound[depth - 1])}, which σ₁ never exceeds, ` +
      `and ρ(W)ⁿ⁻¹ is ${rho > 0 ? text((depth - 1) * Math.log10(rho)) : "0"}, with ρ(W) = ${formatShort(rho, 3)} the largest |eigenvalue| of W.`
    );
  },
  table({ spectrum, rho }, { depth, dim }) {
    const rows = [1, ...tableDepths(depth).filter((n) => n > 1)].map((n) => [
      formatInteger(n),
      text(sigmaAt(spectrum, n, 1)),
      ...(dim > 1 ? [text(sigmaAt(spectrum, n, dim))] : []),
      text(spectrum.log10Bound[n - 1]),
      rho > 0 ? text((n - 1) * Math.log10(rho)) : "0",
    ]);
    return { columns: ["n", "σ₁", ...(dim > 1 ? [`σ${subscript(dim)}`] : []), "bound σ_max(W)ⁿ⁻¹", "ρ(W)ⁿ⁻¹"], rows };
  },
  code: [
    { file: "src/figures/jacobians/recurrent-spectrum.figure.ts" },
    { file: "lib/recurrent-jacobian.ts", names: ["recurrentJacobianSpectrum"] },
  ],
});

function subscript(n: number): string {
  return [...String(n)].map((c) => "₀₁₂₃₄₅₆₇₈₉"[Number(c)]).join("");
}
