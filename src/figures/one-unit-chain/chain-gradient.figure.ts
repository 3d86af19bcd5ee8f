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
import { chainGradientLog10Series, gradientBoundLog10 } from "../../../lib/one-unit-chain";
import { integerTick, integerTicks, powerOfTenTick } from "../axis-format";
import { defineFigure } from "../figure-spec";
import { choicesParam, numberParam, toggleParam } from "../params";
import { evenIndices } from "../sampling";
import { describeChainGradient, tableChainGradient, type ChainSeriesInfo } from "./chain-gradient-text";
import { pixelScale, simplifyLine } from "./simplify";

/** Drawn points per line; more would not change the picture at any screen width. */
const MAX_POINTS = 400;
const HEIGHT = 340;

const SERIES: ChainSeriesInfo[] = [
  { name: "sigmoid", label: "sigmoid", color: "var(--c-sigmoid)", bound: "(|w|/4)ⁿ" },
  { name: "tanh", label: "tanh", color: "var(--c-tanh)", bound: "|w|ⁿ" },
];

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
  plot(series, { width, values: { depth, weight, bounds: showBounds } }) {
    const drawn = evenIndices(depth, MAX_POINTS);
    const bounds = showBounds
      ? series.flatMap((s) => [0, depth].map((n) => ({ series: s.label, n, log10: gradientBoundLog10(s.name, n, weight), color: s.color })))
      : [];
    const finite = series.flatMap((s) => drawn.map((n) => s.log10[n]).filter(Number.isFinite));
    const ys = [0, ...finite, ...bounds.map((b) => b.log10)];
    const scale = pixelScale(width, HEIGHT, { left: 64, right: 64, top: 20, bottom: 40 }, depth, Math.max(...ys) - Math.min(...ys));
    const lines = series.flatMap((s) =>
      simplifyLine(
        drawn.filter((n) => Number.isFinite(s.log10[n])).map((n) => ({ series: s.label, n, log10: s.log10[n], color: s.color })),
        (p) => [p.n, p.log10],
        scale,
      ),
    );
    const ends = series.map((s) => ({ n: depth, log10: s.log10[depth], label: s.label, color: s.color }));
    return {
      height: HEIGHT,
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
  describe: describeChainGradient,
  table: tableChainGradient,
  code: [
    { file: "src/figures/one-unit-chain/chain-gradient.figure.ts" },
    { file: "lib/one-unit-chain.ts", names: ["chainGradientLog10Series"] },
  ],
});
