/**
 * Figure (chapter 1.1): |f'(x)| of a chain of one-unit layers against depth,
 * for sigmoid and tanh, with the bounds (|w|/4)ⁿ and |w|ⁿ. Everything is
 * plotted as log₁₀, because the values reach 10⁻⁶⁰⁰⁰, far below what doubles
 * or Plot's log scale can hold.
 */
import * as Plot from "@observablehq/plot";
import type { ActivationName } from "../../../lib/activations";
import { formatLog10Text, formatSignificant } from "../../../lib/format";
import { chainGradientLog10Series, gradientBoundLog10 } from "../../../lib/one-unit-chain";
import { integerTick, integerTicks, powerOfTenTick } from "../axis-format";
import { defineFigure } from "../figure-spec";
import { choicesParam, numberParam, toggleParam } from "../params";
import { evenIndices, tableDepths } from "../sampling";

/** Drawn points per line; more would not change the picture at any screen width. */
const MAX_POINTS = 600;

const SERIES: { name: ActivationName; label: string; color: string; bound: string }[] = [
  { name: "sigmoid", label: "sigmoid", color: "var(--c-sigmoid)", bound: "(|w|/4)ⁿ" },
  { name: "tanh", label: "tanh", color: "var(--c-tanh)", bound: "|w|ⁿ" },
];

const text = (log10: number) => (log10 === -Infinity ? "0" : formatLog10Text(log10, 3));

export default defineFigure({
  id: "chain-gradient",
  title: "Gradient of a chain of one-unit layers against depth",
  params: {
    x: numberParam({ label: "Input x", min: -6, max: 6, step: 0.01, default: 1 }),
    depth: numberParam({ label: "Depth n (layers)", min: 1, max: 10000, step: 1, default: 100, integer: true }),
    weight: numberParam({ label: "Weight w", min: -6, max: 6, step: 0.05, default: 1 }),
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
  data({ x, depth, weight, show }) {
    return SERIES.filter((s) => show.includes(s.name)).map((s) => ({ ...s, log10: chainGradientLog10Series(s.name, x, depth, weight) }));
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
  describe(series, { x, depth, weight }) {
    if (weight === 0) {
      return `With weight w = 0 every layer outputs act(0) whatever its input, so the gradient is exactly 0 at every depth.`;
    }
    return (
      `Gradient magnitude |f′(x)| of a chain of one-unit ${series.map((s) => s.label).join(" and ")} layers, from depth 0 to ${depth}, at x = ${formatSignificant(x, 3)} and w = ${formatSignificant(weight, 3)}, on a logarithmic axis. ` +
      series
        .map(
          (s) =>
            `At depth ${depth} the ${s.label} chain's gradient is ${text(s.log10[depth])}, against the bound ${s.bound} = ${text(gradientBoundLog10(s.name, depth, weight))}.`,
        )
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
    { file: "lib/one-unit-chain.ts", names: ["chainGradientLog10Series", "gradientBoundLog10"] },
  ],
});
