/**
 * Figure (chapter 1.2): M = UΣVᵀ as three steps applied to the unit circle.
 * Vᵀ turns (or reflects) the circle onto itself, taking the right singular
 * vectors v₁, v₂ to the axes; Σ stretches the axes by σ₁ and σ₂; U turns the
 * resulting ellipse into place, so its half-axes are σ₁u₁ and σ₂u₂. The
 * reader edits the 2×2 matrix M.
 */
import { determinantLog10, svd, type Matrix, type Svd } from "../../../lib/linalg";
import { defineFigure } from "../figure-spec";
import { SVD_PRESETS } from "./presets";
import { matrixParam } from "../params";
import { formatDeterminant, formatMatrixText, formatShort, formatVector } from "../../../lib/matrix-format";
import { drawPanels, type Panel } from "./svd-drawing";

const FIRST = "var(--c-accent)";
const SECOND = "var(--c-sigmoid)";

interface SvdView {
  m: Matrix;
  svd: Svd;
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

function panels(view: SvdView): Panel[] {
  const { u, s, v } = view.svd;
  const big = Math.max(s[0], 1) * 1.3;
  const turn = (reflect: boolean) => (reflect ? "reflect" : "rotate");
  const panel = (
    title: string,
    subtitle: string,
    radius: number,
    curve: Panel["curve"],
    to: [number, number][],
    labels: string[],
  ): Panel => ({
    title,
    subtitle,
    radius,
    curve,
    dashedCircle: false,
    arrows: to.map((p, i) => ({ to: p, label: labels[i], color: i === 0 ? FIRST : SECOND })),
  });
  return [
    panel("1. x", "unit circle, v₁ and v₂", 1.3, { a: 1, b: 1, theta: 0 }, [col(v, 0), col(v, 1)], ["v₁", "v₂"]),
    panel(
      "2. Vᵀx",
      `${turn(view.reflectV)}: vᵢ → eᵢ`,
      1.3,
      { a: 1, b: 1, theta: 0 },
      [
        [1, 0],
        [0, 1],
      ],
      ["e₁", "e₂"],
    ),
    panel(
      "3. ΣVᵀx",
      "stretch axis i by σᵢ",
      big,
      { a: s[0], b: s[1], theta: 0 },
      [
        [s[0], 0],
        [0, s[1]],
      ],
      ["σ₁e₁", "σ₂e₂"],
    ),
    // M maps the unit circle onto the ellipse with half-axes σ₁u₁ and σ₂u₂.
    panel(
      "4. UΣVᵀx = Mx",
      `${turn(view.reflectU)}: eᵢ → uᵢ`,
      big,
      { a: s[0], b: s[1], theta: Math.atan2(u[1][0], u[0][0]) },
      [0, 1].map((j) => [s[j] * u[0][j], s[j] * u[1][j]] as [number, number]),
      ["σ₁u₁", "σ₂u₂"],
    ),
  ].map((p, i) => ({ ...p, dashedCircle: i >= 2 })); // the stretched panels show the unit circle too
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
      singular: determinantLog10(m).sign === 0,
      reflectV: det2(d.v) < 0,
      reflectU: det2(d.u) < 0,
    };
  },
  plot(view, { width }) {
    return drawPanels(panels(view), width);
  },
  describe(view) {
    const { u, s, v } = view.svd;
    const shape =
      s[0] === 0
        ? "M sends every vector to 0, so the circle collapses to a point."
        : view.singular || s[1] === 0
          ? `The unit circle becomes a segment of half-length σ₁ along u₁ = ${formatVector(col(u, 0))}: M flattens the direction v₂ = ${formatVector(col(v, 1))}.`
          : `The unit circle becomes an ellipse with half-axes σ₁u₁ = ${formatVector([s[0] * u[0][0], s[0] * u[1][0]])} and σ₂u₂ = ${formatVector([s[1] * u[0][1], s[1] * u[1][1]])}, the images of v₁ = ${formatVector(col(v, 0))} and v₂ = ${formatVector(col(v, 1))}.`;
    return (
      `M = ${formatMatrixText(view.m)}. Singular values σ₁ = ${formatShort(s[0])} and σ₂ = ${sigma2Text(view)}; det M = ${formatDeterminant(view.m)}, ` +
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
        ["det M", formatDeterminant(view.m, 6)],
        ["v₁", formatVector(col(v, 0), 4)],
        ["v₂", formatVector(col(v, 1), 4)],
        ["u₁", formatVector(col(u, 0), 4)],
        ["u₂", formatVector(col(u, 1), 4)],
      ],
    };
  },
  code: [{ file: "src/figures/jacobians/svd-ellipse.figure.ts" }],
});
