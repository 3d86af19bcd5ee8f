/**
 * Figure (chapter 1.2.2): the singular values of a 2×2 layer Jacobian F and
 * of the residual step's Jacobian I + F, side by side on a log axis, with
 * the three floors of 1.2.2: 1 − σ_small (claimed for σ_min(I + F); false
 * in general), 1 − σ_max(F) (always true) and σ_big − 1 (true, for
 * σ_max(I + F)). For a 2×2 F, σ_small = σ₂(F) and σ_big = σ₁(F).
 */
import * as Plot from "@observablehq/plot";
import { determinantLog10, type Matrix } from "../../../lib/linalg";
import { isNormalMatrix, residualStepSummary, type ResidualStepSummary } from "../../../lib/residual-jacobian";
import { powerOfTenTick } from "../axis-format";
import { defineFigure } from "../figure-spec";
import { RESIDUAL_STEP_PRESETS } from "./presets";
import { matrixParam } from "../params";
import { formatDeterminant, formatMatrixText, formatShort } from "../../../lib/matrix-format";

/** The log₁₀ axis: |entries| ≤ 100, so no σ exceeds 10^2.5. */
const LOW = -4;
const HIGH = 2.5;
const ROW_F = "F";
const ROW_IF = "I + F";
/** Rows on the vertical axis: F above, I + F below. */
const Y_F = 1;
const Y_IF = 0;
const FIRST = "var(--c-accent)";
const SECOND = "var(--c-sigmoid)";
/** Closer than this (relative to σ₁(I + F)): equal up to rounding. */
const ROUNDING = 1e-9;

interface StepView {
  f: Matrix;
  summary: ResidualStepSummary;
  /** det(I + F) computes to exactly 0 (a zero pivot): σ_min(I + F) is then 0 up to rounding. */
  singular: boolean;
  /** σ_min(I + F) as the figure treats it: 0 when singular. */
  minIPlusF: number;
  /** FᵀF = FFᵀ (to rounding): then σ(I + F) = |1 + λᵢ(F)|. */
  normal: boolean;
}

/** Compare a singular value with a floor: "attains", "above" or "below", with rounding-level ties as "attains". */
function against(value: number, floor: number, scale: number): "attains" | "above" | "below" {
  if (Math.abs(value - floor) <= ROUNDING * Math.max(1, scale)) return "attains";
  return value > floor ? "above" : "below";
}

const iPlus = (f: Matrix): Matrix => f.map((row, i) => row.map((x, j) => x + (i === j ? 1 : 0)));

const position = (x: number) => (x > 0 ? Math.min(HIGH, Math.max(LOW, Math.log10(x))) : LOW);

export default defineFigure({
  id: "residual-step",
  title: "Singular values of F and of I + F",
  params: {
    f: matrixParam({
      label: "Layer Jacobian F",
      symbol: "F",
      rows: 2,
      cols: 2,
      min: -100,
      max: 100,
      step: 0.1,
      default: RESIDUAL_STEP_PRESETS[0].value,
      presets: RESIDUAL_STEP_PRESETS,
    }),
  },
  key: [
    { kind: "swatch", label: "σ₁, the largest", color: FIRST },
    { kind: "swatch", label: "σ₂, the smallest", color: SECOND },
    { label: "claimed floor 1 − σ_small for σ₂(I + F)", color: SECOND, dashed: true },
    { label: "valid floor 1 − σ_max(F) for σ₂(I + F)", color: "var(--c-muted)", dashed: true },
    { label: "floor σ_big − 1 for σ₁(I + F)", color: FIRST, dashed: true },
  ],
  data({ f }): StepView {
    const summary = residualStepSummary(f);
    const singular =
      determinantLog10([
        [1 + f[0][0], f[0][1]],
        [f[1][0], 1 + f[1][1]],
      ]).sign === 0;
    return { f, summary, singular, minIPlusF: singular ? 0 : summary.sigmaIPlusF[1], normal: isNormalMatrix(f) };
  },
  plot(view) {
    const { sigmaF, sigmaIPlusF } = view.summary;
    const dots = [
      { row: Y_F, x: sigmaF[0], which: 1 },
      { row: Y_F, x: sigmaF[1], which: 2 },
      { row: Y_IF, x: sigmaIPlusF[0], which: 1 },
      { row: Y_IF, x: view.minIPlusF, which: 2 },
    ].map((d) => ({
      ...d,
      pos: position(d.x),
      clipped: d.x < 10 ** LOW,
      label: d.x < 10 ** LOW ? (d.x === 0 ? "0" : `< 10⁻⁴`) : formatShort(d.x, 3),
      color: d.which === 1 ? FIRST : SECOND,
    }));
    const floors = [
      { value: view.summary.claimedMinBound, color: SECOND, dash: "5,3" },
      { value: view.summary.validMinBound, color: "var(--c-muted)", dash: "5,3" },
      { value: view.summary.maxBound, color: FIRST, dash: "5,3" },
    ]
      .filter((b) => b.value >= 10 ** LOW)
      .map((b) => ({ ...b, pos: position(b.value) }));
    const text = (d: (typeof dots)[number]) =>
      Plot.text([d], {
        x: "pos",
        y: "row",
        text: "label",
        fill: "color",
        // σ₁ above its dot, σ₂ below, so equal values do not overwrite each other.
        dy: d.which === 1 ? -16 : 18,
        fontSize: 12,
        fontWeight: 600,
        textAnchor: d.pos < LOW + 0.4 ? "start" : d.pos > HIGH - 0.4 ? "end" : "middle",
        stroke: "var(--bg)",
        strokeWidth: 3,
        paintOrder: "stroke",
      });
    return {
      height: 200,
      marginLeft: 56,
      marginRight: 24,
      marginTop: 8,
      marginBottom: 36,
      x: {
        domain: [LOW - 0.35, HIGH],
        ticks: [-4, -3, -2, -1, 0, 1, 2],
        tickFormat: powerOfTenTick,
        label: "singular value",
        labelAnchor: "center",
        labelArrow: "none",
        grid: true,
      },
      y: { domain: [-0.75, 1.75], ticks: [0, 1], tickFormat: (y: number) => (y === 1 ? ROW_F : ROW_IF), label: null },
      marks: [
        ...floors.map((b) => Plot.ruleX([b.pos], { y1: -0.5, y2: 0.5, stroke: b.color, strokeDasharray: b.dash, strokeWidth: 2 })),
        Plot.dot(
          dots.filter((d) => !d.clipped),
          { x: "pos", y: "row", fill: "color", r: 6 },
        ),
        Plot.dot(
          dots.filter((d) => d.clipped),
          { x: "pos", y: "row", stroke: "color", fill: "none", strokeWidth: 2, r: 6, symbol: "triangle" },
        ),
        ...dots.map(text),
      ],
    };
  },
  describe(view) {
    const s = view.summary;
    const max = s.sigmaIPlusF[0];
    const min = view.minIPlusF;
    const claimed = against(min, s.claimedMinBound, max);
    const claimedText = { below: "is below", attains: "equals", above: "is above" }[claimed];
    const valid =
      s.validMinBound > 0
        ? `The floor that always holds, 1 − σ_max(F) = ${formatShort(s.validMinBound)}, holds.`
        : `The floor that always holds, 1 − σ_max(F) = ${formatShort(s.validMinBound)}, is not positive, so it says nothing here.`;
    return (
      `F = ${formatMatrixText(view.f)}${view.normal ? ", a normal matrix (FᵀF = FFᵀ)" : ", not a normal matrix (FᵀF ≠ FFᵀ)"}. ` +
      `σ(F) = ${formatShort(s.sigmaF[0])} and ${formatShort(s.sigmaF[1])}: σ_big = ${formatShort(s.sigmaBig)}, σ_small = ${formatShort(s.sigmaSmall)}. ` +
      `σ(I + F) = ${formatShort(max)} and ${view.singular ? "0, since det(I + F) computes to 0" : `${formatShort(min)}; det(I + F) = ${formatDeterminant(iPlus(view.f))}`}. ` +
      `So σ_min(I + F) ${claimedText} the claimed floor 1 − σ_small = ${formatShort(s.claimedMinBound)}. ${valid} ` +
      `σ_max(I + F) = ${formatShort(max)} is at least σ_big − 1 = ${formatShort(s.maxBound)}, as it must be.`
    );
  },
  table(view) {
    const s = view.summary;
    return {
      columns: ["quantity", "value"],
      rows: [
        ["σ₁(F) = σ_big", formatShort(s.sigmaF[0], 6)],
        ["σ₂(F) = σ_small", formatShort(s.sigmaF[1], 6)],
        ["σ₁(I + F)", formatShort(s.sigmaIPlusF[0], 6)],
        ["σ₂(I + F)", view.singular ? `0 (computed: ${formatShort(s.sigmaIPlusF[1], 3)})` : formatShort(s.sigmaIPlusF[1], 6)],
        ["det(I + F)", formatDeterminant(iPlus(view.f), 6)],
        ["claimed floor 1 − σ_small", formatShort(s.claimedMinBound, 6)],
        ["valid floor 1 − σ_max(F)", formatShort(s.validMinBound, 6)],
        ["floor σ_big − 1 for σ_max(I + F)", formatShort(s.maxBound, 6)],
      ],
    };
  },
  code: [{ file: "src/figures/jacobians/residual-step.figure.ts" }],
});
