/**
 * Figure (chapter 1.1): the tanh chain's gradient on log-log axes, where a
 * power law n^(−3/2) is a straight line of slope −3/2, next to the large-n
 * approximation (1/x² + 2n/3)^(−3/2)/|x|³.
 */
import * as Plot from "@observablehq/plot";
import { formatFixed, formatInteger, formatLog10Text, formatSignificant } from "../../../lib/format";
import { chainGradientLog10Series, logLogSlope, tanhChainGradientAsymptote } from "../../../lib/one-unit-chain";
import { powerOfTenTick } from "../axis-format";
import { defineFigure } from "../figure-spec";
import { numberParam } from "../params";
import { logIndices, tableDepths } from "../sampling";

const DEPTH = 100_000;
/** The slope is measured over the last decade of depths. */
const SLOPE_FROM = 10_000;
/** Depths drawn (log-spaced) and tabulated: the same for every x, so computed once. */
const DRAWN = logIndices(1, DEPTH, 160);
const TABULATED = tableDepths(DEPTH);

export default defineFigure({
  id: "tanh-power-law",
  title: "The tanh chain's gradient on log-log axes",
  params: {
    x: numberParam({ label: "Input x", min: -4, max: 4, step: 0.01, default: 1 }),
  },
  key: [
    { label: "tanh chain", color: "var(--c-tanh)" },
    { label: "approximation (1/x² + 2n/3)^(−3/2) / |x|³", color: "var(--c-muted)", dashed: true },
  ],
  data({ x }) {
    const series = chainGradientLog10Series("tanh", x, DEPTH);
    return { series, slope: logLogSlope(series, SLOPE_FROM, DEPTH) };
  },
  plot({ series, slope }, { values: { x } }) {
    const exact = DRAWN.map((n) => ({ logN: Math.log10(n), log10: series[n] }));
    const approx = x === 0 ? [] : DRAWN.map((n) => ({ logN: Math.log10(n), log10: Math.log10(tanhChainGradientAsymptote(x, n)) }));
    const last = { logN: Math.log10(DEPTH), log10: series[DEPTH] };
    return {
      height: 320,
      marginLeft: 56,
      marginRight: 30,
      marginBottom: 40,
      x: { label: "depth n", labelAnchor: "center", labelArrow: "none", tickFormat: powerOfTenTick, ticks: [0, 1, 2, 3, 4, 5] },
      y: { label: "|f′(x)|", tickFormat: powerOfTenTick, grid: true, nice: true },
      marks: [
        Plot.line(approx, { x: "logN", y: "log10", stroke: "var(--c-muted)", strokeDasharray: "5,4", strokeWidth: 1.5 }),
        Plot.line(exact, { x: "logN", y: "log10", stroke: "var(--c-tanh)", strokeWidth: 2.5 }),
        Plot.text([last], {
          x: "logN",
          y: "log10",
          text: () => `slope ${formatFixed(slope, 3)}`,
          textAnchor: "end",
          dx: -8,
          dy: -24,
          fontSize: 12,
          fill: "var(--c-tanh)",
        }),
      ],
    };
  },
  describe({ series, slope }, { x }) {
    if (x === 0) {
      return `At x = 0 every layer passes 0 on with derivative 1, so the gradient is exactly 1 at every depth: a flat line at 10⁰.`;
    }
    return (
      `Log-log plot of the tanh chain's gradient at x = ${formatSignificant(x, 3)} for depths 1 to ${formatInteger(DEPTH)}. ` +
      `Between depth ${formatInteger(SLOPE_FROM)} and ${formatInteger(DEPTH)} the line has slope ${formatFixed(slope, 3)}` +
      (Math.abs(slope + 1.5) < 0.05
        ? `, close to −3/2: the gradient falls like a power of n, not exponentially. `
        : `; the −3/2 power law only sets in once n is much larger than 1/x² = ${formatLog10Text(-2 * Math.log10(Math.abs(x)))}. `) +
      `At depth ${formatInteger(DEPTH)} it is ${formatLog10Text(series[DEPTH])}. ` +
      `The dashed line is the approximation.`
    );
  },
  table({ series }, { x }) {
    return {
      columns: ["depth n", "tanh |f′|", "approximation"],
      rows: TABULATED.map((n) => [
        formatInteger(n),
        formatLog10Text(series[n]),
        x === 0 ? "—" : formatLog10Text(Math.log10(tanhChainGradientAsymptote(x, n))),
      ]),
    };
  },
  code: [
    { file: "src/figures/one-unit-chain/tanh-power-law.figure.ts" },
    { file: "lib/one-unit-chain.ts", names: ["chainGradientLog10Series", "tanhChainGradientAsymptote", "logLogSlope"] },
  ],
});
