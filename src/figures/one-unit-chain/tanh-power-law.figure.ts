/**
 * Figure (chapter 1.1): the tanh chain's gradient on log-log axes, where a
 * power law is a straight line whose slope is the exponent, next to the limit
 * law C(x)·n^(−3/2) of the chain with w = 1 and b = 0. A weight or bias
 * slightly off (w = 0.99, 1.01, b = 0.01) bends the line away from it: the
 * decay is exponential again. 10⁵ layers per input, so it computes in a
 * worker.
 */
import * as Plot from "@observablehq/plot";
import { formatFixed } from "../../../lib/format";
import { chainGradientLog10Series, chainLimitOrbit, logLogSlope, tanhPowerLawConstant, type LimitOrbit } from "../../../lib/one-unit-chain";
import { powerOfTenTick } from "../axis-format";
import { defineFigure } from "../figure-spec";
import { numberParam } from "../params";
import { pixelScale, simplifyLine } from "./simplify";
import { DEPTH, DRAWN, SLOPE_FROM, TABULATED, describeTanhPowerLaw, hasLaw, lawLog10, tableTanhPowerLaw } from "./tanh-power-law-text";

export default defineFigure({
  id: "tanh-power-law",
  title: "The tanh chain's gradient on log-log axes",
  compute: "worker",
  params: {
    x: numberParam({ label: "Input x", min: -4, max: 4, step: 0.01, default: 1 }),
    weight: numberParam({ label: "Weight w", min: 0.9, max: 1.1, step: 0.01, default: 1 }),
    bias: numberParam({ label: "Bias b", min: -0.1, max: 0.1, step: 0.01, default: 0 }),
  },
  key: ({ x }) => [
    { label: "tanh chain", color: "var(--c-tanh)" },
    ...(!hasLaw(x) ? [] : [{ label: "C(x)·n^(−3/2): the limit law for w = 1, b = 0", color: "var(--c-muted)", dashed: true }]),
  ],
  data({ x, weight, bias }) {
    const series = chainGradientLog10Series("tanh", x, DEPTH, weight, bias);
    // Only what is drawn, tabulated and described: the widget ships this
    // (from the worker, and as build-time data in the page), not 10⁵ numbers.
    // Drawn values rounded to 1e-6 in log₁₀ (far below a pixel) keep the
    // page's build-time copy of this data short.
    const short = (v: number) => Math.round(v * 1e6) / 1e6;
    return {
      drawn: DRAWN.map((n) => short(series[n])),
      tabulated: TABULATED.map((n) => series[n]),
      end: series[DEPTH],
      slope: logLogSlope(series, SLOPE_FROM, DEPTH),
      // C(x) is defined for x ≠ 0 and is ≥ 1e-4 on |x| ≤ 4, so its log is finite.
      log10C: hasLaw(x) ? Math.log10(tanhPowerLawConstant(x)) : null,
      orbit: chainLimitOrbit("tanh", x, weight, bias) as LimitOrbit,
    };
  },
  plot({ drawn, end, slope, log10C }, { width }) {
    const exactAll = DRAWN.map((n, i) => ({ logN: Math.log10(n), log10: drawn[i] }));
    const lawAll = log10C === null ? [] : DRAWN.map((n) => ({ logN: Math.log10(n), log10: lawLog10(log10C, n) }));
    const ys = [...exactAll, ...lawAll].map((p) => p.log10);
    const scale = pixelScale(
      width,
      320,
      { left: 64, right: 30, top: 20, bottom: 40 },
      Math.log10(DEPTH),
      Math.max(...ys) - Math.min(...ys),
    );
    const exact = simplifyLine(exactAll, (p) => [p.logN, p.log10], scale);
    const law = simplifyLine(lawAll, (p) => [p.logN, p.log10], scale);
    const last = { logN: Math.log10(DEPTH), log10: end };
    return {
      height: 320,
      marginLeft: 64,
      marginRight: 30,
      marginBottom: 40,
      x: { label: "depth n", labelAnchor: "center", labelArrow: "none", tickFormat: powerOfTenTick, ticks: [0, 1, 2, 3, 4, 5] },
      y: { label: "|f′(x)|", tickFormat: powerOfTenTick, grid: true, nice: true },
      marks: [
        Plot.line(law, { x: "logN", y: "log10", stroke: "var(--c-muted)", strokeDasharray: "5,4", strokeWidth: 1.5 }),
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
  describe: describeTanhPowerLaw,
  table: tableTanhPowerLaw,
  code: [
    { file: "src/figures/one-unit-chain/tanh-power-law.figure.ts" },
    { file: "lib/one-unit-chain.ts", names: ["tanhPowerLawConstant"] },
  ],
});
