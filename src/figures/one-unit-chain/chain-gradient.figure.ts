/**
 * Figure (chapter 1.1): |f'(x)| of a chain of one-unit layers a ↦ act(w·a + b)
 * against depth, for sigmoid and tanh, with the bounds (|w|/4)ⁿ and |w|ⁿ
 * (which hold for every bias). Everything is plotted as log₁₀, because the
 * values reach 10⁻⁶⁰⁰⁰, far below what doubles or Plot's log scale can hold.
 * The description reads off the largest value along the way and the mean
 * change of log₁₀|f'| per layer over the second half of the depths: the
 * per-layer factor the chain has settled into.
 */
import * as Plot from "@observablehq/plot";
import type { ActivationName } from "../../../lib/activations";
import { formatFixed, formatLog10Text } from "../../../lib/format";
import { chainGradientLog10Series, gradientBoundLog10, perLayerSlope } from "../../../lib/one-unit-chain";
import { integerTick, integerTicks, powerOfTenTick } from "../axis-format";
import { defineFigure } from "../figure-spec";
import { choicesParam, numberParam, showNumber, toggleParam } from "../params";
import { evenIndices, tableDepths } from "../sampling";
import { factorText } from "./orbit-text";

/** Drawn points per line; more would not change the picture at any screen width. */
const MAX_POINTS = 600;

const SERIES: { name: ActivationName; label: string; color: string; bound: string }[] = [
  { name: "sigmoid", label: "sigmoid", color: "var(--c-sigmoid)", bound: "(|w|/4)ⁿ" },
  { name: "tanh", label: "tanh", color: "var(--c-tanh)", bound: "|w|ⁿ" },
];

const text = (log10: number) => (log10 === -Infinity ? "0" : formatLog10Text(log10, 3));

/** The first depth n ≥ 1 with the largest log₁₀|f′| (the same rule as lib's chainGradientPeak), read off the series already computed. */
function peakOf(log10: Float64Array): { depth: number; log10: number } {
  let best = { depth: 1, log10: log10[1] };
  for (let n = 2; n < log10.length; n++) if (log10[n] > best.log10) best = { depth: n, log10: log10[n] };
  return best;
}

export default defineFigure({
  id: "chain-gradient",
  title: "Gradient of a chain of one-unit layers against depth",
  params: {
    x: numberParam({ label: "Input x", min: -6, max: 6, step: 0.01, default: 1 }),
    depth: numberParam({ label: "Depth n (layers)", min: 1, max: 10000, step: 1, default: 100, integer: true }),
    weight: numberParam({ label: "Weight w", min: -6, max: 6, step: 0.05, default: 1 }),
    bias: numberParam({ label: "Bias b", min: -1, max: 1, step: 0.01, default: 0 }),
    show: choicesParam({
      label: "Activations",
      options: [
        { value: "sigmoid", label: "sigmoid" },
        { value: "tanh", label: "tanh" },
      ],
      default: ["sigmoid", "tanh"],
    }),
    bounds: toggleParam({ label: "Show the bounds", default: true }),
  },
  key: ({ show, bounds }) =>
    SERIES.filter((s) => show.includes(s.name)).flatMap((s) => [
      { label: `${s.label} chain`, color: s.color },
      ...(bounds ? [{ label: `${s.label} bound ${s.bound}`, color: s.color, dashed: true }] : []),
    ]),
  data({ x, depth, weight, bias, show }) {
    return SERIES.filter((s) => show.includes(s.name)).map((s) => ({
      ...s,
      log10: chainGradientLog10Series(s.name, x, depth, weight, bias),
    }));
  },
  plot(series, { values: { depth, weight, bounds: showBounds } }) {
    const drawn = evenIndices(depth, MAX_POINTS);
    const lines = series.flatMap((s) =>
      drawn.filter((n) => Number.isFinite(s.log10[n])).map((n) => ({ series: s.label, n, log10: s.log10[n], color: s.color })),
    );
    const bounds = showBounds
      ? series.flatMap((s) => [0, depth].map((n) => ({ series: s.label, n, log10: gradientBoundLog10(s.name, n, weight), color: s.color })))
      : [];
    const ends = series.map((s) => ({ n: depth, log10: s.log10[depth], label: s.label, color: s.color }));
    return {
      height: 340,
      marginLeft: 64,
      marginRight: 64,
      marginBottom: 40,
      x: {
        label: "depth n",
        labelAnchor: "center",
        labelArrow: "none",
        domain: [0, depth],
        ticks: integerTicks(0, depth),
        tickFormat: integerTick,
      },
      y: { label: "|f′(x)|", tickFormat: powerOfTenTick, grid: true, nice: true },
      marks: [
        Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.5 }),
        Plot.line(bounds, { x: "n", y: "log10", z: "series", stroke: "color", strokeDasharray: "5,4", strokeWidth: 1.5 }),
        Plot.line(lines, { x: "n", y: "log10", z: "series", stroke: "color", strokeWidth: 2.5 }),
        Plot.text(
          ends.filter((e) => Number.isFinite(e.log10)),
          { x: "n", y: "log10", text: "label", fill: "color", textAnchor: "start", dx: 6, fontSize: 12 },
        ),
      ],
    };
  },
  describe(series, { x, depth, weight, bias }) {
    if (weight === 0) {
      return `With weight w = 0 every layer outputs act(b) whatever its input, so the gradient is exactly 0 at every depth.`;
    }
    const half = Math.floor(depth / 2);
    return (
      `Gradient magnitude |f′(x)| of a chain of one-unit ${series.map((s) => s.label).join(" and ")} layers a ↦ act(w·a + b), from depth 0 to ${depth}, at x = ${showNumber(x)}, w = ${showNumber(weight)} and b = ${showNumber(bias)}, on a logarithmic axis. ` +
      series
        .map((s) => {
          const peak = peakOf(s.log10);
          const slope = perLayerSlope(s.log10, half, depth);
          return (
            `At depth ${depth} the ${s.label} chain's gradient is ${text(s.log10[depth])}, against the bound ${s.bound} = ${text(gradientBoundLog10(s.name, depth, weight))}; ` +
            `its largest value over depths 1 to ${depth} is ${text(peak.log10)}, at depth ${peak.depth}. ` +
            `From depth ${half} to ${depth}, log₁₀|f′| changes by ${formatFixed(slope, 4)} per layer on average, a factor of ${factorText(slope)} per layer.`
          );
        })
        .join(" ")
    );
  },
  table(series, { depth, weight }) {
    return {
      columns: ["depth n", ...series.flatMap((s) => [`${s.label} |f′|`, `bound ${s.bound}`])],
      rows: tableDepths(depth).map((n) => [
        String(n),
        ...series.flatMap((s) => [text(s.log10[n]), text(gradientBoundLog10(s.name, n, weight))]),
      ]),
    };
  },
  code: [
    { file: "src/figures/one-unit-chain/chain-gradient.figure.ts" },
    { file: "src/figures/one-unit-chain/orbit-text.ts", names: ["factorText"] },
    { file: "lib/one-unit-chain.ts", names: ["chainGradientLog10Series", "gradientBoundLog10", "perLayerSlope"] },
  ],
});
