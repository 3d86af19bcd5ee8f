/**
 * Figure (chapter 1.1): the factor each layer of a one-unit chain contributes
 * to f′(x), |w·act′(w·a_l + b)|, against the layer l, with the per-layer
 * factor of the orbit the iterates settle on (dashed; lib's chainLimitOrbit)
 * and the line of factor 1 that separates shrinking from growing. The slope
 * of log₁₀|f′| against depth is the mean of these logs, which the
 * description gives over the last half of the layers.
 */
import * as Plot from "@observablehq/plot";
import { formatFixed } from "../../../lib/format";
import { chainFactorLog10Series, chainIterates, chainLimitOrbit } from "../../../lib/one-unit-chain";
import { integerTick, integerTicks } from "../axis-format";
import { defineFigure } from "../figure-spec";
import { choiceParam, numberParam, showNumber } from "../params";
import { evenIndices, tableDepths } from "../sampling";
import { logTicks } from "./log-ticks";
import { factorText, numberText, orbitSentence } from "./orbit-text";

const MAX_POINTS = 600;
const COLOR = { sigmoid: "var(--c-sigmoid)", tanh: "var(--c-tanh)" } as const;

export default defineFigure({
  id: "layer-factors",
  title: "The factor each layer contributes to the gradient",
  params: {
    activation: choiceParam({
      label: "Activation",
      options: [
        { value: "sigmoid", label: "sigmoid" },
        { value: "tanh", label: "tanh" },
      ],
      default: "sigmoid",
      control: "radio",
    }),
    weight: numberParam({ label: "Weight w", min: -6, max: 6, step: 0.05, default: 1 }),
    bias: numberParam({ label: "Bias b", min: -1, max: 1, step: 0.01, default: 0 }),
    x: numberParam({ label: "Input x", min: -6, max: 6, step: 0.01, default: 1 }),
    depth: numberParam({ label: "Layers n", min: 1, max: 2000, step: 1, default: 40, integer: true }),
  },
  key: ({ activation: name }) => [
    { label: "factor of layer l", color: COLOR[name] },
    { label: "per-layer factor where the chain settles", color: "var(--c-accent)", dashed: true },
    { label: "factor 1", color: "var(--c-muted)" },
  ],
  data({ activation: name, weight, bias, x, depth }) {
    return {
      factors: chainFactorLog10Series(name, x, depth, weight, bias),
      iterates: chainIterates(name, x, depth, weight, bias),
      orbit: chainLimitOrbit(name, x, weight, bias),
    };
  },
  plot({ factors, orbit }, { values: { activation: name, depth } }) {
    const drawn = evenIndices(depth - 1, MAX_POINTS);
    const points = drawn.filter((i) => Number.isFinite(factors[i])).map((i) => ({ l: i + 1, log10: factors[i] }));
    const limit = Number.isFinite(orbit.perLayerFactorLog10) ? orbit.perLayerFactorLog10 : null;
    const values = [0, ...points.map((p) => p.log10), ...(limit === null ? [] : [limit])];
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const pad = Math.max(0.02, 0.05 * (hi - lo));
    const { ticks, format } = logTicks(lo - pad, hi + pad);
    return {
      height: 300,
      marginLeft: 56,
      marginRight: 20,
      marginBottom: 40,
      x: {
        label: "layer l",
        labelAnchor: "center",
        labelArrow: "none",
        domain: [0.5, depth + 0.5],
        ticks: integerTicks(1, depth).filter((t) => t >= 1),
        tickFormat: integerTick,
      },
      y: { label: "factor of layer l", domain: [lo - pad, hi + pad], ticks, tickFormat: format, grid: true },
      marks: [
        Plot.ruleY([0], { stroke: "var(--c-muted)", strokeWidth: 1.5 }),
        ...(limit === null ? [] : [Plot.ruleY([limit], { stroke: "var(--c-accent)", strokeDasharray: "5,4", strokeWidth: 1.5 })]),
        // Joining the dots helps up to ~100 layers; beyond, a zig-zag would fill the band.
        ...(depth <= 100 ? [Plot.line(points, { x: "l", y: "log10", stroke: COLOR[name], strokeWidth: 1, strokeOpacity: 0.5 })] : []),
        Plot.dot(points, { x: "l", y: "log10", r: depth <= 100 ? 3 : 1.5, fill: COLOR[name] }),
      ],
    };
  },
  describe({ factors, orbit }, { activation: name, weight, bias, x, depth }) {
    const head = `The factor each of the first ${depth} layer${depth === 1 ? "" : "s"} of the ${name} chain a ↦ act(w·a + b), w = ${showNumber(weight)}, b = ${showNumber(bias)}, contributes to the gradient at x = ${showNumber(x)}, on a logarithmic axis. `;
    if (weight === 0) return head + orbitSentence(orbit, name, x, weight, bias);
    const half = Math.floor(depth / 2);
    let sum = 0;
    for (let i = half; i < depth; i++) sum += factors[i];
    const mean = sum / (depth - half);
    return (
      head +
      `Layer 1's factor is ${factorText(factors[0])} and layer ${depth}'s is ${factorText(factors[depth - 1])}. ` +
      orbitSentence(orbit, name, x, weight, bias) +
      ` Over layers ${half + 1} to ${depth} the factors average ${formatFixed(mean, 4)} in log₁₀ (a factor of ${factorText(mean)} per layer): the slope of log₁₀|f′| against depth there.`
    );
  },
  table({ factors, iterates }, { depth }) {
    return {
      columns: ["layer l", "input a_l", "factor |w·act′(w·a_l + b)|"],
      rows: tableDepths(depth).map((l) => [
        String(l),
        numberText(iterates[l - 1]),
        Number.isFinite(factors[l - 1]) ? factorText(factors[l - 1]) : "0",
      ]),
    };
  },
  code: [
    { file: "src/figures/one-unit-chain/layer-factors.figure.ts" },
    { file: "src/figures/one-unit-chain/orbit-text.ts" },
    { file: "lib/one-unit-chain.ts", names: ["chainFactorLog10Series", "chainIterates", "chainLimitOrbit"] },
  ],
});
