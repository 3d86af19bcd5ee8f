/**
 * Figure (chapter 1.1): the slopes a chain of one-unit layers multiplies
 * together. "sigmoid" or "tanh": the activation and its derivative, with the
 * derivative's maximum marked; "both": the two derivatives side by side (σ′
 * never exceeds 1/4, tanh′ reaches 1 at 0); "two-layers" (exercise 2): the
 * two-layer sigmoid chain's gradient as a fraction of its bound 1/16, with
 * its two factors as fractions of 1/4. Their product peaks at x ≈ −0.115, less
 * than a hundredth of the bound above its value at 0.
 */
import * as Plot from "@observablehq/plot";
import { activation, sigmoid, sigmoidPrime, type ActivationName } from "../../../lib/activations";
import { formatSignificant } from "../../../lib/format";
import { chainGradientLog10, gradientBoundLog10 } from "../../../lib/one-unit-chain";
import { shownText, shownValue } from "../../../lib/one-unit-chain-numbers";
import type { KeyEntry } from "../key";
import { defineFigure } from "../figure-spec";
import { choiceParam } from "../params";
import { pixelScale, simplifyLine } from "./simplify";

const X_MAX = 6;
const STEP = 0.05;
const SYMBOL = { sigmoid: "σ", tanh: "tanh" } as const;
const COLOR = { sigmoid: "var(--c-sigmoid)", tanh: "var(--c-tanh)" } as const;
/** The two-layer view: x from X_FROM to X_TO in SAMPLES steps. */
const X_FROM = -0.4;
const X_TO = 0.25;
const SAMPLES = 130;
const HALO = { fontSize: 12, fill: "currentColor", stroke: "var(--bg)", strokeWidth: 4, paintOrder: "stroke" } as const;

type Show = "sigmoid" | "tanh" | "both" | "two-layers";
const shownActivations = (show: Show): ActivationName[] =>
  show === "both" ? ["sigmoid", "tanh"] : show === "tanh" ? ["tanh"] : ["sigmoid"];

/** One activation over [−X_MAX, X_MAX]: its values and slopes, its largest slope (at 0) and its slope at the edge. */
function curves(name: ActivationName) {
  const act = activation(name);
  const points = Array.from({ length: Math.round((2 * X_MAX) / STEP) + 1 }, (_, i) => {
    const x = -X_MAX + i * STEP;
    return { x, f: act.f(x), prime: act.prime(x) };
  });
  return { name, points, peak: { x: 0, prime: act.prime(0) }, edge: act.prime(X_MAX) };
}

/** Exercise 2: |f′₂(x)|/(1/4)² and its factors 4σ′(x), 4σ′(σ(x)); the maximum and the value at 0 from the chapter's table. */
function twoLayers() {
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
}

type Data = { kind: "curves"; activations: ReturnType<typeof curves>[] } | ({ kind: "two-layers" } & ReturnType<typeof twoLayers>);

const TWO_LAYER_KEY: KeyEntry[] = [
  { label: "|f′(x)| / (1/4)², two layers", color: "var(--c-sigmoid)" },
  { label: "layer 1: σ′(x) / (1/4)", color: "var(--c-muted)", dashed: true },
  { label: "layer 2: σ′(σ(x)) / (1/4)", color: "var(--c-tanh)", dashed: true },
];

export default defineFigure({
  id: "activation-derivative",
  title: "The slopes a chain of sigmoid or tanh layers multiplies",
  params: {
    show: choiceParam({
      label: "Show",
      options: [
        { value: "sigmoid", label: "sigmoid σ" },
        { value: "tanh", label: "tanh" },
        { value: "both", label: "both slopes" },
        { value: "two-layers", label: "two sigmoid layers" },
      ],
      default: "both",
    }),
  },
  key: ({ show }) =>
    show === "two-layers"
      ? TWO_LAYER_KEY
      : show === "both"
        ? shownActivations(show).flatMap((n) => [
            { label: `${SYMBOL[n]}′(x)`, color: COLOR[n] },
            { label: `${SYMBOL[n]}(x)`, color: COLOR[n], dashed: true },
          ])
        : [
            { label: `${SYMBOL[shownActivations(show)[0]]}(x)`, color: "var(--c-muted)" },
            { label: `${SYMBOL[shownActivations(show)[0]]}′(x)`, color: "var(--c-accent)" },
          ],
  data({ show }): Data {
    return show === "two-layers"
      ? { kind: "two-layers", ...twoLayers() }
      : { kind: "curves", activations: shownActivations(show).map(curves) };
  },
  plot(data, { width, values: { show } }) {
    if (data.kind === "two-layers") {
      const { points, best, atZero } = data;
      const ys = points.flatMap((p) => [p.ratio, p.first, p.second]);
      const scale = pixelScale(width, 320, { left: 56, right: 20, top: 20, bottom: 40 }, X_TO - X_FROM, Math.max(...ys) - Math.min(...ys));
      const line = (key: "ratio" | "first" | "second") => simplifyLine(points, (p) => [p.x, p[key]], scale);
      return {
        height: 320,
        marginLeft: 56,
        marginRight: 20,
        marginBottom: 40,
        x: { label: "input x", labelAnchor: "center", labelArrow: "none", domain: [X_FROM, X_TO] },
        y: { label: "fraction of the largest value", labelArrow: "none", grid: true },
        marks: [
          Plot.ruleX([best.x], { stroke: "var(--c-muted)", strokeOpacity: 0.6 }),
          Plot.line(line("first"), { x: "x", y: "first", stroke: "var(--c-muted)", strokeDasharray: "5,4", strokeWidth: 1.5 }),
          Plot.line(line("second"), { x: "x", y: "second", stroke: "var(--c-tanh)", strokeDasharray: "5,4", strokeWidth: 1.5 }),
          Plot.line(line("ratio"), { x: "x", y: "ratio", stroke: "var(--c-sigmoid)", strokeWidth: 2.5 }),
          Plot.dot([best, atZero], { x: "x", y: "ratio", r: 4, fill: "var(--c-sigmoid)" }),
          Plot.text([best], {
            ...HALO,
            x: "x",
            y: "ratio",
            text: () => `${shownText("twoLayerMaxOverBound")} at x = ${shownText("twoLayerArgmax")}`,
            dy: -12,
            dx: -6,
            textAnchor: "end",
          }),
          Plot.text([atZero], {
            ...HALO,
            x: "x",
            y: "ratio",
            text: () => `${shownText("twoLayerAtZeroOverBound")} at x = 0`,
            dy: 14,
            dx: 4,
            textAnchor: "start",
          }),
        ],
      };
    }
    const both = show === "both";
    const scale = pixelScale(width, 300, { left: 40, right: 20, top: 20, bottom: 40 }, 2 * X_MAX, both || show === "tanh" ? 2 : 1);
    return {
      height: 300,
      marginRight: 20,
      marginBottom: 40,
      x: { label: "x", labelAnchor: "center", labelArrow: "none", domain: [-X_MAX, X_MAX] },
      y: { label: null, domain: show === "sigmoid" ? [0, 1] : [-1, 1], grid: true },
      marks: [
        Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.4 }),
        ...data.activations.flatMap(({ name, points, peak }) => {
          const value = both
            ? { stroke: COLOR[name], strokeDasharray: "5,4", strokeWidth: 1.5 }
            : { stroke: "var(--c-muted)", strokeWidth: 2 };
          const slope = both ? COLOR[name] : "var(--c-accent)";
          return [
            Plot.line(
              simplifyLine(points, (p) => [p.x, p.f], scale),
              { x: "x", y: "f", ...value },
            ),
            Plot.line(
              simplifyLine(points, (p) => [p.x, p.prime], scale),
              { x: "x", y: "prime", stroke: slope, strokeWidth: 2.5 },
            ),
            Plot.dot([peak], { x: "x", y: "prime", r: 4, fill: slope }),
            Plot.text([peak], {
              ...HALO,
              x: "x",
              y: "prime",
              text: () => `largest ${SYMBOL[name]}′: ${formatSignificant(peak.prime, 3)}`,
              dy: name === "tanh" || !both ? -12 : 14,
            }),
          ];
        }),
      ],
    };
  },
  describe(data) {
    if (data.kind === "two-layers") {
      return (
        `For x from ${formatSignificant(X_FROM, 2)} to ${formatSignificant(X_TO, 2)}: the gradient of two sigmoid layers as a fraction of its bound (1/4)², and its two factors as fractions of 1/4. ` +
        `The first factor is largest at x = 0; the second grows as x decreases, because σ(x) then moves towards 0, where σ′ is largest. ` +
        `Their product is largest at x = ${shownText("twoLayerArgmax")}, where it is ${shownText("twoLayerMaxOverBound")} of the bound, against ${shownText("twoLayerAtZeroOverBound")} at x = 0.`
      );
    }
    return data.activations
      .map(
        ({ name, peak, edge }) =>
          `${SYMBOL[name]}(x) for x from −${X_MAX} to ${X_MAX}, with its derivative ${SYMBOL[name]}′(x), which is largest at x = 0, where it equals ${formatSignificant(peak.prime, 3)}, ` +
          `and falls to ${formatSignificant(edge, 3)} at x = ±${X_MAX}.`,
      )
      .join(" ");
  },
  table(data) {
    if (data.kind === "two-layers") {
      return {
        columns: ["x", "|f′| / (1/4)²", "σ′(x) / (1/4)", "σ′(σ(x)) / (1/4)"],
        rows: data.points
          .filter((_, i) => i % 10 === 0)
          .map((p) => [p.x, p.ratio, p.first, p.second].map((v, j) => formatSignificant(v, j === 0 ? 3 : 4))),
      };
    }
    return {
      columns: ["x", ...data.activations.flatMap(({ name }) => [`${SYMBOL[name]}(x)`, `${SYMBOL[name]}′(x)`])],
      rows: data.activations[0].points
        .map((p, i) => ({ p, i }))
        .filter(({ p }) => Math.abs(p.x - Math.round(p.x)) < 1e-9)
        .map(({ p, i }) => [
          formatSignificant(Math.round(p.x), 2),
          ...data.activations.flatMap((a) => [formatSignificant(a.points[i].f, 4), formatSignificant(a.points[i].prime, 4)]),
        ]),
    };
  },
  code: [
    { file: "src/figures/one-unit-chain/activation-derivative.figure.ts" },
    { file: "lib/activations.ts", names: ["sigmoidPrime", "tanhPrime"] },
  ],
});
