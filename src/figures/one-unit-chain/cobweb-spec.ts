/**
 * The cobweb figures of chapter 1.1 (cobweb.figure.ts, cobweb-cycle.figure.ts):
 * one spec, built with the values each opens at. A cobweb of the one-unit chain a ↦ act(w·a + b). The
 * curve is one layer, the diagonal returns its output as the next input, and
 * the staircase between them walks the iterates a₁ = x, a₂, a₃, … one layer
 * per step. The factor a layer contributes to f′(x) is the slope of the curve
 * where that layer is evaluated (the short tangent at the current layer), so
 * once the iterates settle on a fixed point or a 2-cycle the factors settle
 * too. Fixed points are marked on the diagonal: filled if they attract, open
 * if not.
 */
import * as Plot from "@observablehq/plot";
import { activation } from "../../../lib/activations";
import { formatFixed } from "../../../lib/format";
import {
  chainFactorLog10Series,
  chainFixedPoints,
  chainIterates,
  chainLimitOrbit,
  chainTwoCycle,
  type LimitOrbit,
} from "../../../lib/one-unit-chain";
import { integerTick, integerTicks } from "../axis-format";
import { defineFigure, type Drawing } from "../figure-spec";
import { choiceParam, numberParam, showNumber, stepParam, toggleParam } from "../params";
import { tableDepths } from "../sampling";
import { factorText, numberText, orbitSentence } from "./orbit-text";
import { logTicks } from "./log-ticks";
import { pixelScale, simplifyLine } from "./simplify";

/** Samples of the curve across the plotted interval. */
const CURVE_POINTS = 240;
/** The last steps of the staircase, drawn darker than the earlier ones. */
const RECENT = 12;

interface Point {
  a: number;
  y: number;
}
interface Segment {
  a1: number;
  y1: number;
  a2: number;
  y2: number;
  visible: boolean;
  recent: boolean;
}

/** Segments as the points of one line: joined where one ends where the next starts, broken (a point with no y) elsewhere. */
function polyline(segments: readonly Segment[]): { a: number; y: number | null }[] {
  const out: { a: number; y: number | null }[] = [];
  let last: Segment | undefined;
  for (const g of segments) {
    if (last === undefined || last.a2 !== g.a1 || last.y2 !== g.y1) {
      if (last !== undefined) out.push({ a: g.a1, y: null });
      out.push({ a: g.a1, y: g.y1 });
    }
    out.push({ a: g.a2, y: g.y2 });
    last = g;
  }
  return out;
}

/** An axis-parallel segment from p to q, cut to the frame (invisible if it misses it). */
function cut(p: Point, q: Point, xDomain: [number, number], yDomain: [number, number]): Omit<Segment, "recent"> {
  const clamp = (v: number, [d0, d1]: [number, number]) => Math.min(d1, Math.max(d0, v));
  const within = (v: number, [d0, d1]: [number, number]) => v >= d0 && v <= d1;
  const seg = { a1: clamp(p.a, xDomain), y1: clamp(p.y, yDomain), a2: clamp(q.a, xDomain), y2: clamp(q.y, yDomain) };
  // A vertical segment must lie at an a inside the frame, a horizontal one at a y inside it.
  const visible = p.a === q.a ? within(p.a, xDomain) : within(p.y, yDomain);
  return { ...seg, visible };
}
const COLOR = { sigmoid: "var(--c-sigmoid)", tanh: "var(--c-tanh)" } as const;
const SYMBOL = { sigmoid: "σ", tanh: "tanh" } as const;

const STABILITY = (multiplier: number) => (Math.abs(multiplier) < 1 ? "attracts" : Math.abs(multiplier) === 1 ? "marginal" : "repels");

/** The values a cobweb is drawn for. */
export interface CobwebValues {
  activation: "sigmoid" | "tanh";
  view?: "cobweb" | "factors";
  weight: number;
  bias: number;
  x: number;
  step: number;
  zoom: boolean;
}

/** The cobweb's numbers, all from lib: the iterates, the log₁₀ factor of each layer, the fixed points, the 2-cycle, the orbit the chain settles on, and the curve over the frame (zoomed in on the iterates when asked). */
export function cobwebData({ activation: name, weight, bias, x, step, zoom }: CobwebValues) {
  const act = activation(name);
  const iterates = chainIterates(name, x, step, weight, bias);
  const factors = chainFactorLog10Series(name, x, step, weight, bias);
  const orbit = chainLimitOrbit(name, x, weight, bias);
  let xDomain: [number, number];
  let yDomain: [number, number];
  if (zoom) {
    // A square around the outputs so far and the orbit they approach.
    const seen = step === 0 ? [x] : Array.from(iterates.subarray(1));
    const all = [...seen, ...orbit.points];
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const half = 0.65 * Math.max(hi - lo, 0.02);
    const mid = (lo + hi) / 2;
    xDomain = [mid - half, mid + half];
    yDomain = [mid - half, mid + half];
  } else {
    // Outputs lie in the activation's range (the y axis); inputs also reach x.
    const [lo, hi] = name === "sigmoid" ? [0, 1] : [-1, 1];
    const yPad = 0.04 * (hi - lo);
    yDomain = [lo - yPad, hi + yPad];
    const from = Math.min(lo, x);
    const to = Math.max(hi, x);
    const pad = 0.04 * (to - from);
    xDomain = [from - pad, to + pad];
  }
  // Points of the curve outside the frame are left undefined, which breaks the line there.
  const curve = Array.from({ length: CURVE_POINTS + 1 }, (_, i) => {
    const a = xDomain[0] + ((xDomain[1] - xDomain[0]) * i) / CURVE_POINTS;
    const y = act.f(weight * a + bias);
    return { a, y: y >= yDomain[0] && y <= yDomain[1] ? y : null };
  });
  return {
    iterates,
    factors,
    curve,
    xDomain,
    yDomain,
    fixed: chainFixedPoints(name, weight, bias),
    cycle: chainTwoCycle(name, weight, bias),
    orbit,
  };
}

/** The values a cobweb opens at (the rest take the first cobweb's). */
export interface CobwebDefaults {
  activation?: "sigmoid" | "tanh";
  view?: "cobweb" | "factors";
  weight?: number;
  bias?: number;
  x?: number;
  step?: number;
  zoom?: boolean;
}

/**
 * A cobweb spec with its own id, title and opening values: the chapter's two
 * cobwebs are two specs, so each has its own snapshot and gallery entry at the
 * values it opens with.
 */
export function cobwebSpec(id: string, title: string, file: string, d: CobwebDefaults = {}) {
  return defineFigure({
    id,
    // Each cobweb needs its own title: it names the figure's controls and data table, which must differ on one page.
    title,
    params: {
      activation: choiceParam({
        label: "Activation",
        options: [
          { value: "sigmoid", label: "sigmoid" },
          { value: "tanh", label: "tanh" },
        ],
        default: d.activation ?? "sigmoid",
        control: "radio",
      }),
      view: choiceParam({
        label: "Show",
        options: [
          { value: "cobweb", label: "the cobweb" },
          { value: "factors", label: "the factor of each layer" },
        ],
        default: d.view ?? "cobweb",
        control: "radio",
      }),
      weight: numberParam({ label: "Weight w", min: -6, max: 6, step: 0.05, default: d.weight ?? 1 }),
      bias: numberParam({ label: "Bias b", min: -1, max: 1, step: 0.01, default: d.bias ?? 0 }),
      x: numberParam({ label: "Input x", min: -3, max: 3, step: 0.01, default: d.x ?? -2 }),
      step: stepParam({ label: "Layers applied", min: 0, max: 400, default: d.step ?? 6, interval: 400 }),
      zoom: toggleParam({ label: "Zoom in on the iterates", default: d.zoom ?? false }),
    },
    key: ({ activation: name, view }) =>
      view === "factors"
        ? [
            { label: "factor |w·act′(w·a_l + b)| of layer l", color: COLOR[name] },
            { label: "per-layer factor where the chain settles", color: "var(--c-accent)", dashed: true },
            { label: "factor 1", color: "var(--c-muted)" },
          ]
        : [
            { label: `one layer, ${SYMBOL[name]}(w·a + b)`, color: COLOR[name] },
            { label: "the diagonal: output becomes input", color: "var(--c-muted)", dashed: true },
            { label: "the iterates, one layer per step", color: "currentColor" },
            { label: "slope at the current layer = its factor", color: "var(--c-accent)" },
          ],
    data: cobwebData,
    plot(data, frame) {
      if (frame.values.view === "factors") return factorsPlot(data.factors, data.orbit, frame.values.activation, frame.values.step);
      const { iterates, factors, curve, xDomain, yDomain, fixed, cycle } = data;
      const {
        width,
        values: { activation: name, weight, bias, step },
      } = frame;
      const inside = (a: number, y: number) => a >= xDomain[0] && a <= xDomain[1] && y >= yDomain[0] && y <= yDomain[1];
      const clampY = (v: number) => Math.min(yDomain[1], Math.max(yDomain[0], v));
      // The staircase (a₁, a₁) → (a₁, a₂) → (a₂, a₂) → (a₂, a₃) → … as
      // axis-parallel segments, each cut to the frame (Plot's clip option would
      // add a randomly named clip path); the last RECENT steps drawn darker.
      const segments: Segment[] = [];
      const start = { a: iterates[0], y: clampY(iterates[0]) };
      let from = start;
      for (let l = 1; l <= step; l++) {
        const up = { a: iterates[l - 1], y: iterates[l] };
        const across = { a: iterates[l], y: iterates[l] };
        const recent = step - l < RECENT;
        segments.push({ ...cut(from, up, xDomain, yDomain), recent }, { ...cut(up, across, xDomain, yDomain), recent });
        from = across;
      }
      const drawn = segments.filter((g) => g.visible);
      const span = yDomain[1] - yDomain[0];
      // The current layer k = step is evaluated at a_k = iterates[k − 1]; its slope is the factor.
      const tangent: { a: number; y: number }[] = [];
      if (step > 0 && inside(iterates[step - 1], iterates[step])) {
        const a = iterates[step - 1];
        const y = iterates[step];
        const slope = Math.sign(weight) * 10 ** factors[step - 1];
        // A fixed length, shortened so that both ends stay inside the frame.
        const room = (v: number, dv: number, [d0, d1]: [number, number]) => (dv === 0 ? Infinity : Math.min(d1 - v, v - d0) / Math.abs(dv));
        const half = Math.max(0, Math.min((0.09 * span) / Math.sqrt(1 + slope * slope), room(a, 1, xDomain), room(y, slope, yDomain)));
        tangent.push({ a: a - half, y: y - slope * half }, { a: a + half, y: y + slope * half });
      }
      const current = (step === 0 ? [start] : [{ a: iterates[step - 1], y: iterates[step] }]).filter((p) => inside(p.a, p.y));
      const cycleSegments: Segment[] = [];
      if (cycle !== null && cycle.low !== cycle.high) {
        const corners = [
          { a: cycle.low, y: cycle.low },
          { a: cycle.low, y: cycle.high },
          { a: cycle.high, y: cycle.high },
          { a: cycle.high, y: cycle.low },
        ];
        for (let i = 0; i < 4; i++) cycleSegments.push({ ...cut(corners[i], corners[(i + 1) % 4], xDomain, yDomain), recent: true });
      }
      const mid = (xDomain[0] + xDomain[1]) / 2;
      const points = fixed
        .filter((f) => inside(f.point, f.point))
        .map((f) => ({ a: f.point, y: f.point, kind: STABILITY(f.multiplier), right: f.point > mid }));
      const diagonal = [Math.max(xDomain[0], yDomain[0]), Math.min(xDomain[1], yDomain[1])];
      const inner = width - 64;
      const height = Math.round(Math.min(460, Math.max(280, inner * 0.72 + 56)));
      const scale = pixelScale(
        width,
        height,
        { left: 52, right: 16, top: 16, bottom: 40 },
        xDomain[1] - xDomain[0],
        yDomain[1] - yDomain[0],
      );
      return {
        height,
        marginLeft: 52,
        marginRight: 16,
        marginTop: 16,
        marginBottom: 40,
        x: { label: "input a of a layer", labelAnchor: "center", labelArrow: "none", domain: xDomain, nice: false },
        y: { label: "output", labelArrow: "none", domain: yDomain, nice: false, grid: true },
        marks: [
          Plot.line(
            diagonal.map((v) => ({ a: v, y: v })),
            { x: "a", y: "y", stroke: "var(--c-muted)", strokeDasharray: "5,4", strokeWidth: 1.5 },
          ),
          Plot.line(
            simplifyLine(curve, (p) => [p.a, p.y ?? Number.NaN], scale),
            { x: "a", y: "y", stroke: COLOR[name], strokeWidth: 2.5 },
          ),
          Plot.link(
            cycleSegments.filter((g) => g.visible),
            { x1: "a1", y1: "y1", x2: "a2", y2: "y2", stroke: COLOR[name], strokeDasharray: "2,3", strokeWidth: 1.5 },
          ),
          // One path per shade (a line per segment would be hundreds of elements).
          Plot.line(polyline(drawn.filter((g) => !g.recent)), {
            x: "a",
            y: "y",
            stroke: "currentColor",
            strokeWidth: 1,
            strokeOpacity: 0.3,
          }),
          Plot.line(polyline(drawn.filter((g) => g.recent)), {
            x: "a",
            y: "y",
            stroke: "currentColor",
            strokeWidth: 1.2,
            strokeOpacity: 0.85,
          }),
          Plot.line(tangent, { x: "a", y: "y", stroke: "var(--c-accent)", strokeWidth: 2.5 }),
          Plot.dot(current, { x: "a", y: "y", r: 4, fill: "var(--c-accent)" }),
          Plot.dot(points, {
            x: "a",
            y: "y",
            r: 5,
            stroke: "currentColor",
            strokeWidth: 1.5,
            fill: (d: { kind: string }) => (d.kind === "attracts" ? "currentColor" : "var(--bg)"),
          }),
          // Labels point inwards, so none runs off the frame.
          Plot.text(
            points.filter((p) => !p.right),
            {
              x: "a",
              y: "y",
              text: "kind",
              dx: 8,
              dy: 12,
              textAnchor: "start",
              fontSize: 11,
              fill: "currentColor",
              stroke: "var(--bg)",
              strokeWidth: 3,
              paintOrder: "stroke",
            },
          ),
          Plot.text(
            points.filter((p) => p.right),
            {
              x: "a",
              y: "y",
              text: "kind",
              dx: -8,
              dy: 12,
              textAnchor: "end",
              fontSize: 11,
              fill: "currentColor",
              stroke: "var(--bg)",
              strokeWidth: 3,
              paintOrder: "stroke",
            },
          ),
          Plot.text([{ a: xDomain[0], y: yDomain[1] }], {
            x: "a",
            y: "y",
            text: () => `${SYMBOL[name]}(${showNumber(weight)}·a ${bias < 0 ? "−" : "+"} ${showNumber(Math.abs(bias))})`,
            textAnchor: "start",
            dx: 6,
            dy: 10,
            fontSize: 12,
            fill: COLOR[name],
          }),
        ],
      };
    },
    describe({ iterates, factors, orbit }, { activation: name, view, weight, bias, x, step }) {
      const symbol = SYMBOL[name];
      const head =
        view === "factors"
          ? `The factor each of the first ${step} layers of the chain a ↦ ${symbol}(w·a + b) contributes to the gradient, on a logarithmic axis, with w = ${showNumber(weight)} and b = ${showNumber(bias)}, from x = ${showNumber(x)}. `
          : `Cobweb of the chain a ↦ ${symbol}(w·a + b) with w = ${showNumber(weight)} and b = ${showNumber(bias)}, from a₁ = x = ${showNumber(x)}. `;
      if (step === 0) return head + `No layer has been applied yet. ` + orbitSentence(orbit, name, x, weight, bias);
      const where =
        `After ${step} layer${step === 1 ? "" : "s"} the chain is at a${subscript(step + 1)} = ${numberText(iterates[step])}. ` +
        `Layer ${step} was evaluated at a${subscript(step)} = ${numberText(iterates[step - 1])}, and the slope of the curve there, w·${symbol}′(w·a + b) = ${numberText(Math.sign(weight) * 10 ** factors[step - 1])}, is the factor it contributes to f′(x). `;
      if (weight === 0) return head + where + orbitSentence(orbit, name, x, weight, bias);
      // The mean log₁₀ factor over the second half: the slope of log₁₀|f′| against depth there.
      const half = Math.floor(step / 2);
      let sum = 0;
      for (let i = half; i < step; i++) sum += factors[i];
      const mean = sum / (step - half);
      return (
        head +
        where +
        orbitSentence(orbit, name, x, weight, bias) +
        ` Over layers ${half + 1} to ${step} the factors average ${formatFixed(mean, 4)} in log₁₀, a factor of ${factorText(mean)} per layer.`
      );
    },
    table({ iterates, factors }, { step, weight }) {
      return {
        columns: ["layer l", "input a_l", "output a_(l+1)", "factor w·act′(w·a_l + b)"],
        rows:
          step === 0
            ? [["none yet", numberText(iterates[0]), "—", "—"]]
            : // Every layer up to 20, then layers 1, 2, 5, 10, 20, 50, … and the last.
              (step <= 20 ? Array.from({ length: step }, (_, i) => i + 1) : tableDepths(step)).map((l) => [
                String(l),
                numberText(iterates[l - 1]),
                numberText(iterates[l]),
                numberText(Math.sign(weight) * 10 ** factors[l - 1]),
              ]),
      };
    },
    code: [
      { file },
      { file: "src/figures/one-unit-chain/cobweb-spec.ts", names: ["cobwebData"] },
      { file: "lib/one-unit-chain.ts", names: ["chainFactorLog10Series", "chainLimitOrbit"] },
    ],
  });
}

/** The factor of each layer against the layer, with the per-layer factor of the orbit the chain settles on and the line of factor 1. */
function factorsPlot(factors: Float64Array, orbit: LimitOrbit, name: "sigmoid" | "tanh", step: number): Drawing {
  const points = Array.from(factors, (log10, i) => ({ l: i + 1, log10 })).filter((p) => Number.isFinite(p.log10));
  const limit = Number.isFinite(orbit.perLayerFactorLog10) ? orbit.perLayerFactorLog10 : null;
  const values = [0, ...points.map((p) => p.log10), ...(limit === null ? [] : [limit])];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max(0.02, 0.05 * (hi - lo));
  const { ticks, format } = logTicks(lo - pad, hi + pad);
  const last = Math.max(step, 1);
  return {
    height: 300,
    marginLeft: 56,
    marginRight: 20,
    marginBottom: 40,
    x: {
      label: "layer l",
      labelAnchor: "center",
      labelArrow: "none",
      domain: [0.5, last + 0.5],
      ticks: integerTicks(1, last).filter((t) => t >= 1),
      tickFormat: integerTick,
    },
    y: { label: "factor of layer l", domain: [lo - pad, hi + pad], ticks, tickFormat: format, grid: true },
    marks: [
      Plot.ruleY([0], { stroke: "var(--c-muted)", strokeWidth: 1.5 }),
      ...(limit === null ? [] : [Plot.ruleY([limit], { stroke: "var(--c-accent)", strokeDasharray: "5,4", strokeWidth: 1.5 })]),
      // Joining the dots helps up to ~100 layers; beyond, a zig-zag would fill the band.
      ...(step <= 100 ? [Plot.line(points, { x: "l", y: "log10", stroke: COLOR[name], strokeWidth: 1, strokeOpacity: 0.5 })] : []),
      Plot.dot(points, { x: "l", y: "log10", r: step <= 100 ? 3 : 1.5, fill: COLOR[name] }),
    ],
  };
}

const SUBSCRIPT_DIGITS = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"];
function subscript(n: number): string {
  return String(n)
    .split("")
    .map((c) => SUBSCRIPT_DIGITS[Number(c)])
    .join("");
}
