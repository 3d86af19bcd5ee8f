/**
 * Figure (chapter 1.2): M = UΣVᵀ as three steps applied to the unit circle.
 * Vᵀ turns (or reflects) the circle onto itself, taking the right singular
 * vectors v₁, v₂ to the axes; Σ stretches the axes by σ₁ and σ₂; U turns the
 * resulting ellipse into place, so its half-axes are σ₁u₁ and σ₂u₂. The
 * reader edits the 2×2 matrix M.
 */
import { determinantLog10, determinant, svd, type Matrix, type Svd } from "../../../lib/linalg";
import { defineFigure } from "../figure-spec";
import { matrixParam } from "../params";
import { px, svg, type SvgNode } from "../svg";
import { formatMatrixText, formatShort, formatVector } from "../../../lib/matrix-format";

/** Points on the circle and the ellipse: smooth at any drawn size. */
const CIRCLE_POINTS = 96;
const GAP = 14;
const TITLE = 36;
const FIRST = "var(--c-accent)";
const SECOND = "var(--c-sigmoid)";

export const SVD_PRESETS = [
  {
    label: "rotation (53°)",
    value: [
      [0.6, -0.8],
      [0.8, 0.6],
    ],
  },
  {
    label: "shear",
    value: [
      [1, 1],
      [0, 1],
    ],
  },
  {
    label: "rank one",
    value: [
      [1, 2],
      [0.5, 1],
    ],
  },
  {
    label: "reflection",
    value: [
      [0, 1],
      [1, 0],
    ],
  },
  {
    label: "F of 1.2.2",
    value: [
      [0, 0.01],
      [100, 0],
    ],
  },
  {
    label: "I + F of 1.2.2",
    value: [
      [1, 0.01],
      [100, 1],
    ],
  },
];

interface SvdView {
  m: Matrix;
  svd: Svd;
  /** det M by LU (lib). */
  det: number;
  /** det M computed to exactly 0 (a zero pivot): σ₂ is then zero up to rounding. */
  singular: boolean;
  /** Whether Vᵀ and U reverse orientation (det = −1): a reflection rather than a rotation. */
  reflectV: boolean;
  reflectU: boolean;
}

const col = (m: Matrix, j: number): [number, number] => [m[0][j], m[1][j]];
const det2 = (m: Matrix) => m[0][0] * m[1][1] - m[0][1] * m[1][0];

/** σ₂ as the text says it: zero when det M computes to 0 (the SVD then returns rounding noise). */
function sigma2Text(view: SvdView): string {
  const s2 = view.svd.s[1];
  if (!view.singular || s2 === 0) return formatShort(s2);
  return `0 (det M computes to 0; the SVD returns ${formatShort(s2, 2)}, rounding error)`;
}

interface Panel {
  title: string;
  subtitle: string;
  /** World radius shown from the centre to the panel's edge. */
  radius: number;
  /** The closed curve (circle or ellipse) in world coordinates. */
  curve: [number, number][];
  /** The unit circle, dashed, for comparison. */
  dashedCircle: boolean;
  arrows: { to: [number, number]; label: string; color: string }[];
}

function ellipse(m: Matrix): [number, number][] {
  return Array.from({ length: CIRCLE_POINTS + 1 }, (_, i) => {
    const t = (2 * Math.PI * i) / CIRCLE_POINTS;
    const x = Math.cos(t);
    const y = Math.sin(t);
    return [m[0][0] * x + m[0][1] * y, m[1][0] * x + m[1][1] * y];
  });
}

function panels(view: SvdView): Panel[] {
  const { u, s, v } = view.svd;
  const circle = ellipse([
    [1, 0],
    [0, 1],
  ]);
  const stretched = Math.max(s[0], 1) * 1.3;
  const scaleV = (p: [number, number], k: number): [number, number] => [p[0] * k, p[1] * k];
  return [
    {
      title: "1. x",
      subtitle: "unit circle, v₁ and v₂",
      radius: 1.3,
      curve: circle,
      dashedCircle: false,
      arrows: [
        { to: col(v, 0), label: "v₁", color: FIRST },
        { to: col(v, 1), label: "v₂", color: SECOND },
      ],
    },
    {
      title: "2. Vᵀx",
      subtitle: view.reflectV ? "reflect: vᵢ → eᵢ" : "rotate: vᵢ → eᵢ",
      radius: 1.3,
      curve: circle,
      dashedCircle: false,
      arrows: [
        { to: [1, 0], label: "e₁", color: FIRST },
        { to: [0, 1], label: "e₂", color: SECOND },
      ],
    },
    {
      title: "3. ΣVᵀx",
      subtitle: "stretch axis i by σᵢ",
      radius: stretched,
      curve: ellipse([
        [s[0], 0],
        [0, s[1]],
      ]),
      dashedCircle: true,
      arrows: [
        { to: [s[0], 0], label: "σ₁e₁", color: FIRST },
        { to: [0, s[1]], label: "σ₂e₂", color: SECOND },
      ],
    },
    {
      title: "4. UΣVᵀx = Mx",
      subtitle: view.reflectU ? "reflect: eᵢ → uᵢ" : "rotate: eᵢ → uᵢ",
      radius: stretched,
      curve: ellipse(view.m),
      dashedCircle: true,
      arrows: [
        { to: scaleV(col(u, 0), s[0]), label: "σ₁u₁", color: FIRST },
        { to: scaleV(col(u, 1), s[1]), label: "σ₂u₂", color: SECOND },
      ],
    },
  ];
}

function arrow(x0: number, y0: number, x1: number, y1: number, color: string): SvgNode[] {
  const len = Math.hypot(x1 - x0, y1 - y0);
  if (len < 3) return [svg("circle", { cx: px(x1), cy: px(y1), r: 3, fill: color })];
  const ux = (x1 - x0) / len;
  const uy = (y1 - y0) / len;
  const head = Math.min(8, len * 0.6);
  const bx = x1 - ux * head;
  const by = y1 - uy * head;
  const w = head * 0.45;
  return [
    svg("line", { x1: px(x0), y1: px(y0), x2: px(bx), y2: px(by), stroke: color, "stroke-width": 2.5 }),
    svg("path", { d: `M${px(x1)},${px(y1)}L${px(bx - uy * w)},${px(by + ux * w)}L${px(bx + uy * w)},${px(by - ux * w)}Z`, fill: color }),
  ];
}

function drawPanel(panel: Panel, x0: number, y0: number, size: number): SvgNode {
  const cx = x0 + size / 2;
  const cy = y0 + TITLE + size / 2;
  const k = (size / 2 - 4) / panel.radius;
  const X = (p: [number, number]) => cx + p[0] * k;
  const Y = (p: [number, number]) => cy - p[1] * k;
  const path = (pts: [number, number][]) => pts.map((p, i) => `${i === 0 ? "M" : "L"}${px(X(p))},${px(Y(p))}`).join("") + "Z";
  const unit = ellipse([
    [1, 0],
    [0, 1],
  ]);
  const labels = panel.arrows.map((a, i) => {
    const len = Math.hypot(a.to[0], a.to[1]) * k;
    // Beyond the tip, along the arrow; a zero-length arrow gets its label beside the centre.
    const dir: [number, number] = len < 3 ? [i === 0 ? 1 : -1, i === 0 ? 0.6 : -0.6] : [a.to[0] / (len / k), a.to[1] / (len / k)];
    const lx = Math.min(x0 + size - 4, Math.max(x0 + 4, X(a.to) + dir[0] * 16));
    const ly = Math.min(y0 + TITLE + size - 4, Math.max(y0 + TITLE + 12, Y(a.to) - dir[1] * 16 + 4));
    const anchor = lx > x0 + size - 30 ? "end" : lx < x0 + 30 ? "start" : "middle";
    return svg(
      "text",
      {
        x: px(lx),
        y: px(ly),
        "text-anchor": anchor,
        "font-size": 12,
        "font-weight": 600,
        fill: a.color,
        // A halo in the background colour keeps the label legible over the curve.
        stroke: "var(--bg)",
        "stroke-width": 3,
        "paint-order": "stroke",
      },
      a.label,
    );
  });
  return svg(
    "g",
    {},
    svg("text", { x: px(x0), y: px(y0 + 13), "font-size": 12, "font-weight": 600, fill: "currentColor" }, panel.title),
    svg("text", { x: px(x0), y: px(y0 + 28), "font-size": 11, fill: "currentColor", "fill-opacity": 0.75 }, panel.subtitle),
    svg("line", { x1: px(x0), y1: px(cy), x2: px(x0 + size), y2: px(cy), stroke: "currentColor", "stroke-opacity": 0.2 }),
    svg("line", { x1: px(cx), y1: px(y0 + TITLE), x2: px(cx), y2: px(y0 + TITLE + size), stroke: "currentColor", "stroke-opacity": 0.2 }),
    panel.dashedCircle
      ? svg("path", { d: path(unit), fill: "none", stroke: "var(--c-muted)", "stroke-dasharray": "4,3", "stroke-width": 1.2 })
      : null,
    svg("path", {
      d: path(panel.curve),
      fill: "currentColor",
      "fill-opacity": 0.06,
      stroke: "currentColor",
      "stroke-width": 1.8,
      "stroke-linejoin": "round",
    }),
    ...panel.arrows.flatMap((a) => arrow(cx, cy, X(a.to), Y(a.to), a.color)),
    ...labels,
  );
}

export default defineFigure({
  id: "svd-ellipse",
  title: "The unit circle under M = UΣVᵀ, one factor at a time",
  params: {
    m: matrixParam({
      label: "Matrix M",
      symbol: "M",
      rows: 2,
      cols: 2,
      min: -100,
      max: 100,
      step: 0.1,
      default: [
        [1, 1.5],
        [-0.5, 1],
      ],
      presets: SVD_PRESETS,
    }),
  },
  key: [
    { label: "first singular direction: v₁ → σ₁u₁", color: FIRST },
    { label: "second: v₂ → σ₂u₂", color: SECOND },
    { label: "unit circle, for comparison", color: "var(--c-muted)", dashed: true },
  ],
  data({ m }): SvdView {
    const d = svd(m);
    return {
      m,
      svd: d,
      det: determinant(m),
      singular: determinantLog10(m).sign === 0,
      reflectV: det2(d.v) < 0,
      reflectU: det2(d.u) < 0,
    };
  },
  plot(view, { width }) {
    const perRow = width >= 560 ? 4 : 2;
    const size = Math.floor((width - (perRow - 1) * GAP) / perRow);
    const rows = 4 / perRow;
    const height = rows * (TITLE + size) + (rows - 1) * GAP + 2;
    const drawn = panels(view).map((p, i) =>
      drawPanel(p, (i % perRow) * (size + GAP), Math.floor(i / perRow) * (TITLE + size + GAP), size),
    );
    return svg(
      "svg",
      { xmlns: "http://www.w3.org/2000/svg", width, height, viewBox: `0 0 ${width} ${height}`, "font-family": "system-ui, sans-serif" },
      ...drawn,
    );
  },
  describe(view) {
    const { u, s, v } = view.svd;
    const shape =
      s[0] === 0
        ? "M sends every vector to 0, so the circle collapses to a point."
        : view.singular || s[1] === 0
          ? `The unit circle becomes a segment of half-length σ₁ along u₁ = ${formatVector(col(u, 0))}: M flattens the direction v₂ = ${formatVector(col(v, 1))}.`
          : `The unit circle becomes an ellipse with half-axes σ₁u₁ = ${formatVector([s[0] * u[0][0], s[0] * u[1][0]])} and σ₂u₂ = ${formatVector([s[1] * u[0][1], s[1] * u[1][1]])}; v₁ = ${formatVector(col(v, 0))} is stretched the most and v₂ = ${formatVector(col(v, 1))} the least.`;
    return (
      `M = ${formatMatrixText(view.m)}. Singular values σ₁ = ${formatShort(s[0])} and σ₂ = ${sigma2Text(view)}; det M = ${formatShort(view.det)}, ` +
      `and |det M| = σ₁σ₂. ${shape}`
    );
  },
  table(view) {
    const { u, s, v } = view.svd;
    return {
      columns: ["quantity", "value"],
      rows: [
        ["σ₁", formatShort(s[0], 6)],
        ["σ₂", view.singular && s[1] !== 0 ? `0 (computed: ${formatShort(s[1], 3)})` : formatShort(s[1], 6)],
        ["det M", formatShort(view.det, 6)],
        ["v₁", formatVector(col(v, 0), 4)],
        ["v₂", formatVector(col(v, 1), 4)],
        ["u₁", formatVector(col(u, 0), 4)],
        ["u₂", formatVector(col(u, 1), 4)],
      ],
    };
  },
  code: [{ file: "src/figures/jacobians/svd-ellipse.figure.ts" }, { file: "lib/linalg.ts", names: ["svd", "determinant"] }],
});
