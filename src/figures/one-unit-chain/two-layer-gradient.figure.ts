/**
 * Figure (chapter 1.1, exercise 2): the two-layer sigmoid chain's gradient as
 * a fraction of its bound 1/16, against x, with its two factors (each as a
 * fraction of the largest slope 1/4). The first factor peaks at x = 0, the
 * second wants σ(x) near 0, i.e. x below 0; their product peaks at
 * x ≈ −0.115, and only 0.35% of the bound above its value at 0, which no
 * depth plot can resolve.
 */
import * as Plot from "@observablehq/plot";
import { sigmoid, sigmoidPrime } from "../../../lib/activations";
import { formatSignificant } from "../../../lib/format";
import { shownText, shownValue } from "../../../lib/one-unit-chain-numbers";
import { chainGradientLog10, gradientBoundLog10 } from "../../../lib/one-unit-chain";
import { defineFigure } from "../figure-spec";

const X_FROM = -0.4;
const X_TO = 0.25;
const SAMPLES = 260;

export default defineFigure({
  id: "two-layer-gradient",
  title: "The two-layer sigmoid chain's gradient as a fraction of its bound",
  params: {},
  key: [
    { label: "|f′(x)| / (1/4)², two layers", color: "var(--c-sigmoid)" },
    { label: "layer 1: σ′(x) / (1/4)", color: "var(--c-muted)", dashed: true },
    { label: "layer 2: σ′(σ(x)) / (1/4)", color: "var(--c-tanh)", dashed: true },
  ],
  data() {
    const bound = gradientBoundLog10("sigmoid", 2);
    const points = Array.from({ length: SAMPLES + 1 }, (_, i) => {
      // Rounded so that the sample at 0 is exactly 0, not 5e-17.
      const x = Math.round((X_FROM + ((X_TO - X_FROM) * i) / SAMPLES) * 1e9) / 1e9;
      return {
        x,
        ratio: 10 ** (chainGradientLog10("sigmoid", x, 2) - bound),
        first: 4 * sigmoidPrime(x),
        second: 4 * sigmoidPrime(sigmoid(x)),
      };
    });
    return {
      points,
      best: { x: shownValue("twoLayerArgmax"), ratio: shownValue("twoLayerMaxOverBound") },
      atZero: { x: 0, ratio: shownValue("twoLayerAtZeroOverBound") },
    };
  },
  plot({ points, best, atZero }) {
    const line = (key: "ratio" | "first" | "second") => points.map((p) => ({ x: p.x, y: p[key] }));
    return {
      height: 320,
      marginLeft: 56,
      marginRight: 20,
      marginBottom: 40,
      x: { label: "input x", labelAnchor: "center", labelArrow: "none", domain: [X_FROM, X_TO] },
      y: { label: "fraction of the largest value", labelArrow: "none", grid: true },
      marks: [
        Plot.ruleX([best.x], { stroke: "var(--c-muted)", strokeOpacity: 0.6 }),
        Plot.line(line("first"), { x: "x", y: "y", stroke: "var(--c-muted)", strokeDasharray: "5,4", strokeWidth: 1.5 }),
        Plot.line(line("second"), { x: "x", y: "y", stroke: "var(--c-tanh)", strokeDasharray: "5,4", strokeWidth: 1.5 }),
        Plot.line(line("ratio"), { x: "x", y: "y", stroke: "var(--c-sigmoid)", strokeWidth: 2.5 }),
        Plot.dot([best, atZero], { x: "x", y: "ratio", r: 4, fill: "var(--c-sigmoid)" }),
        Plot.text([best], {
          x: "x",
          y: "ratio",
          text: () => `${shownText("twoLayerMaxOverBound")} at x = ${shownText("twoLayerArgmax")}`,
          dy: -12,
          dx: -6,
          textAnchor: "end",
          fontSize: 12,
          fill: "currentColor",
          stroke: "var(--bg)",
          strokeWidth: 4,
          paintOrder: "stroke",
        }),
        Plot.text([atZero], {
          x: "x",
          y: "ratio",
          text: () => `${shownText("twoLayerAtZeroOverBound")} at x = 0`,
          dy: 14,
          dx: 4,
          textAnchor: "start",
          fontSize: 12,
          fill: "currentColor",
          stroke: "var(--bg)",
          strokeWidth: 4,
          paintOrder: "stroke",
        }),
      ],
    };
  },
  describe() {
    return (
      `For x from ${formatSignificant(X_FROM, 2)} to ${formatSignificant(X_TO, 2)}: the gradient of two sigmoid layers as a fraction of its bound (1/4)², and its two factors as fractions of 1/4. ` +
      `The first factor is largest at x = 0; the second grows as x decreases, because σ(x) then moves towards 0, where σ′ is largest. ` +
      `Their product is largest at x = ${shownText("twoLayerArgmax")}, where it is ${shownText("twoLayerMaxOverBound")} of the bound, against ${shownText("twoLayerAtZeroOverBound")} at x = 0.`
    );
  },
  table({ points }) {
    return {
      columns: ["x", "|f′| / (1/4)²", "σ′(x) / (1/4)", "σ′(σ(x)) / (1/4)"],
      rows: points
        .filter((_, i) => i % 20 === 0)
        .map((p) => [
          formatSignificant(p.x, 3),
          formatSignificant(p.ratio, 4),
          formatSignificant(p.first, 4),
          formatSignificant(p.second, 4),
        ]),
    };
  },
  code: [
    { file: "src/figures/one-unit-chain/two-layer-gradient.figure.ts" },
    { file: "lib/one-unit-chain.ts", names: ["chainGradientLog10", "gradientBoundLog10", "sigmoidTwoLayerArgmax"] },
  ],
});
