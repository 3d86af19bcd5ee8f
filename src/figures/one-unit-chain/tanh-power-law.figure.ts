/**
 * Figure (chapter 1.1): the tanh chain's gradient on log-log axes, where a
 * power law is a straight line whose slope is the exponent, next to the limit
 * law C(x)·n^(−3/2) of the chain with w = 1 and b = 0. A weight or bias
 * slightly off (w = 0.99, 1.01, b = 0.01) bends the line away from it: the
 * decay is exponential again. 10⁵ layers per input, so it computes in a
 * worker.
 */
import * as Plot from "@observablehq/plot";
import { formatFixed, formatInteger, formatLog10Text, formatSignificant } from "../../../lib/format";
import { chainGradientLog10Series, chainLimitOrbit, logLogSlope, tanhPowerLawConstant, type LimitOrbit } from "../../../lib/one-unit-chain";
import { powerOfTenTick } from "../axis-format";
import { defineFigure } from "../figure-spec";
import { numberParam, showNumber } from "../params";
import { logIndices, tableDepths } from "../sampling";
import { orbitSentence } from "./orbit-text";

const DEPTH = 100_000;
/** The slope is measured over the last decade of depths. */
const SLOPE_FROM = 10_000;
/** Depths drawn (log-spaced) and tabulated: the same for every value, so computed once. */
const DRAWN = logIndices(1, DEPTH, 160);
const TABULATED = tableDepths(DEPTH);

/** Below this |x|, C(x) ≈ (3/2)^(3/2)/|x|³ nears overflow (lib refuses it); the law is not drawn. */
const LAW_MIN_X = 1e-100;
const hasLaw = (x: number) => Math.abs(x) >= LAW_MIN_X;

/** log₁₀ of C(x)·n^(−3/2), the w = 1, b = 0 limit law (x ≠ 0). */
const lawLog10 = (log10C: number, n: number) => log10C - 1.5 * Math.log10(n);

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
    return {
      series,
      slope: logLogSlope(series, SLOPE_FROM, DEPTH),
      // C(x) is defined for x ≠ 0 and is ≥ 1e-4 on |x| ≤ 4, so its log is finite.
      log10C: hasLaw(x) ? Math.log10(tanhPowerLawConstant(x)) : null,
      orbit: chainLimitOrbit("tanh", x, weight, bias) as LimitOrbit,
    };
  },
  plot({ series, slope, log10C }) {
    const exact = DRAWN.map((n) => ({ logN: Math.log10(n), log10: series[n] }));
    const law = log10C === null ? [] : DRAWN.map((n) => ({ logN: Math.log10(n), log10: lawLog10(log10C, n) }));
    const last = { logN: Math.log10(DEPTH), log10: series[DEPTH] };
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
  describe({ series, slope, log10C, orbit }, { x, weight, bias }) {
    const head =
      `Log-log plot of the gradient of the tanh chain a ↦ tanh(w·a + b) with w = ${showNumber(weight)} and b = ${showNumber(bias)}, ` +
      `from x = ${showNumber(x)}, for depths 1 to ${formatInteger(DEPTH)}. `;
    const end = `At depth ${formatInteger(DEPTH)} it is ${formatLog10Text(series[DEPTH])}`;
    const measured = `Between depth ${formatInteger(SLOPE_FROM)} and ${formatInteger(DEPTH)} the line has slope ${formatFixed(slope, 3)}`;
    if (weight === 1 && bias === 0) {
      if (x === 0) {
        return (
          head + `At x = 0 every layer passes 0 on with derivative 1, so the gradient is exactly 1 at every depth: a flat line at 10⁰.`
        );
      }
      return (
        head +
        measured +
        (Math.abs(slope + 1.5) < 0.05
          ? `, close to −3/2: the gradient falls like a power of n, not exponentially. `
          : `; the −3/2 power law only sets in once n is much larger than 1/x² = ${formatLog10Text(-2 * Math.log10(Math.abs(x)))}. `) +
        (log10C === null
          ? `${end}; the limit law C(x)·n^(−3/2) is not drawn, because C(x) ≈ (3/2)^(3/2)/|x|³ is too large for double precision when |x| < 10⁻¹⁰⁰.`
          : `${end}, ${formatSignificant(10 ** (series[DEPTH] - lawLog10(log10C, DEPTH)), 4)} times the limit law C(x)·n^(−3/2) (dashed) with C(x) = ${formatLog10Text(log10C, 4)}.`)
      );
    }
    return (
      head +
      `With w ≠ 1 or b ≠ 0 the chain no longer has a fixed point of slope 1 at 0. ${orbitSentence(orbit, "tanh", x, weight, bias)} ` +
      `${measured}. ${end}` +
      (log10C === null ? "." : `, against ${formatLog10Text(lawLog10(log10C, DEPTH))} for the limit law of w = 1, b = 0 (dashed).`)
    );
  },
  table({ series, log10C }) {
    return {
      columns: ["depth n", "tanh |f′|", "C(x)·n^(−3/2)"],
      rows: TABULATED.map((n) => [
        formatInteger(n),
        formatLog10Text(series[n]),
        log10C === null ? "—" : formatLog10Text(lawLog10(log10C, n)),
      ]),
    };
  },
  code: [
    { file: "src/figures/one-unit-chain/tanh-power-law.figure.ts" },
    { file: "src/figures/one-unit-chain/orbit-text.ts" },
    { file: "lib/one-unit-chain.ts", names: ["chainGradientLog10Series", "logLogSlope", "tanhPowerLawConstant", "chainLimitOrbit"] },
  ],
});
