/** Figure (chapter 1.1): an activation and its derivative, with the derivative's maximum marked. */
import * as Plot from "@observablehq/plot";
import { activation } from "../../../lib/activations";
import { formatSignificant } from "../../../lib/format";
import { defineFigure } from "../figure-spec";
import { choiceParam } from "../params";

const X_MAX = 6;
const STEP = 0.05;
const SYMBOL = { sigmoid: "σ", tanh: "tanh" } as const;

export default defineFigure({
  id: "activation-derivative",
  title: "An activation and its derivative",
  params: {
    activation: choiceParam({
      label: "Activation",
      options: [
        { value: "sigmoid", label: "sigmoid σ" },
        { value: "tanh", label: "tanh" },
      ],
      default: "sigmoid",
    }),
  },
  data({ activation: name }) {
    const act = activation(name);
    const points = Array.from({ length: Math.round((2 * X_MAX) / STEP) + 1 }, (_, i) => {
      const x = -X_MAX + i * STEP;
      return { x, f: act.f(x), prime: act.prime(x) };
    });
    return { points, peak: { x: 0, prime: act.prime(0) }, edge: act.prime(X_MAX) };
  },
  plot({ points, peak }, { values: { activation: name } }) {
    const symbol = SYMBOL[name];
    return {
      height: 300,
      marginRight: 20,
      marginBottom: 40,
      x: { label: "x", labelAnchor: "center", labelArrow: "none", domain: [-X_MAX, X_MAX] },
      y: { label: null, domain: name === "sigmoid" ? [0, 1] : [-1, 1], grid: true },
      marks: [
        Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.4 }),
        Plot.line(points, { x: "x", y: "f", stroke: "var(--c-muted)", strokeWidth: 2 }),
        Plot.line(points, { x: "x", y: "prime", stroke: "var(--c-accent)", strokeWidth: 2.5 }),
        Plot.dot([peak], { x: "x", y: "prime", r: 4, fill: "var(--c-accent)" }),
        Plot.text([peak], {
          x: "x",
          y: "prime",
          text: () => `maximum ${formatSignificant(peak.prime, 3)} at x = 0`,
          dy: -12,
          fill: "currentColor",
          fontSize: 12,
        }),
        Plot.text([points[points.length - 1]], {
          x: "x",
          y: "f",
          text: () => `${symbol}(x)`,
          textAnchor: "end",
          dy: -10,
          fontSize: 12,
          fill: "currentColor",
        }),
        Plot.text([points[Math.round(points.length * 0.72)]], {
          x: "x",
          y: "prime",
          text: () => `${symbol}′(x)`,
          dy: -10,
          fontSize: 12,
          fill: "var(--c-accent)",
        }),
      ],
    };
  },
  describe({ peak, edge }, { activation: name }) {
    const symbol = SYMBOL[name];
    return (
      `${symbol}(x) for x from −${X_MAX} to ${X_MAX}, with its derivative ${symbol}′(x). ` +
      `The derivative is largest at x = 0, where it equals ${formatSignificant(peak.prime, 3)}, ` +
      `and falls to ${formatSignificant(edge, 3)} at x = ±${X_MAX}.`
    );
  },
  table({ points }, { activation: name }) {
    const symbol = SYMBOL[name];
    return {
      columns: ["x", `${symbol}(x)`, `${symbol}′(x)`],
      rows: points
        .filter((p) => Math.abs(p.x - Math.round(p.x)) < 1e-9)
        .map((p) => [formatSignificant(Math.round(p.x), 2), formatSignificant(p.f, 4), formatSignificant(p.prime, 4)]),
    };
  },
  code: [
    { file: "src/figures/one-unit-chain/activation-derivative.figure.ts" },
    { file: "lib/activations.ts", names: ["sigmoid", "sigmoidPrime", "tanhPrime"] },
  ],
});
