/**
 * Figure (chapter 2.2): receptive-field and blind-spot sizes of an interior
 * PixelCNN output pixel against the number of layers, for the two mask
 * schedules. The sizes come from propagating dependencies (lib), not from
 * the closed forms, which the tests check against them.
 */
import * as Plot from "@observablehq/plot";
import { formatInteger } from "../../../lib/format";
import { pixelCnnInteriorCountSeries, type InteriorCountsAtDepth, type MaskSchedule } from "../../../lib/pixelcnn";
import { integerTick, integerTicks } from "../axis-format";
import { defineFigure } from "../figure-spec";
import { choiceParam, numberParam } from "../params";

// The two series colours of the course's line plots (blue and orange, both themes).
// `short` labels the line ends, `column` the data table's columns (narrow enough not to scroll).
const SCHEDULES: { name: MaskSchedule; label: string; short: string; column: string; color: string }[] = [
  { name: "A-then-B", label: "A, then B", short: "A→B", column: "A then B", color: "var(--c-sigmoid)" },
  { name: "all-A", label: "A in every layer", short: "all A", column: "all A", color: "var(--c-tanh)" },
];

/** Whether the radio choice ("both" or one schedule) shows this schedule. */
const shows = (choice: string, name: MaskSchedule) => choice === "both" || choice === name;

interface Series {
  name: MaskSchedule;
  label: string;
  short: string;
  column: string;
  color: string;
  counts: InteriorCountsAtDepth[];
}

export default defineFigure({
  id: "field-size",
  title: "Receptive-field and blind-spot sizes of a PixelCNN pixel against depth",
  params: {
    maxDepth: numberParam({ label: "Layers up to d", min: 2, max: 32, step: 1, default: 12, integer: true }),
    schedules: choiceParam({
      label: "Masks",
      control: "radio",
      options: [
        { value: "both", label: "both" },
        { value: "A-then-B", label: "A, then B" },
        { value: "all-A", label: "A in every layer" },
      ],
      default: "both",
    }),
  },
  key: ({ schedules }) =>
    SCHEDULES.filter((s) => shows(schedules, s.name)).flatMap((s) => [
      { label: `${s.label}: receptive field`, color: s.color },
      { label: `${s.label}: blind spot`, color: s.color, dashed: true },
    ]),
  data({ maxDepth, schedules }): Series[] {
    return SCHEDULES.filter((s) => shows(schedules, s.name)).map((s) => ({
      ...s,
      counts: pixelCnnInteriorCountSeries(s.name, maxDepth),
    }));
  },
  plot(series, { values: { maxDepth } }) {
    const points = series.flatMap((s) =>
      s.counts.flatMap((c) => [
        { series: `${s.name} field`, depth: c.depth, size: c.fieldSize, color: s.color, dashed: false },
        { series: `${s.name} blind`, depth: c.depth, size: c.blindSpotSize, color: s.color, dashed: true },
      ]),
    );
    const top = Math.max(1, ...points.map((p) => p.size));
    const ends = series.flatMap((s) => {
      const last = s.counts[s.counts.length - 1];
      return [
        { depth: last.depth, size: last.fieldSize, text: `${s.short} field`, color: s.color },
        { depth: last.depth, size: last.blindSpotSize, text: `${s.short} blind`, color: s.color },
      ];
    });
    return {
      height: 340,
      marginLeft: 56,
      marginRight: 78,
      marginBottom: 40,
      x: {
        label: "layers d",
        labelAnchor: "center",
        labelArrow: "none",
        domain: [0, maxDepth],
        ticks: integerTicks(0, maxDepth),
        tickFormat: integerTick,
      },
      y: {
        label: "pixels",
        labelArrow: "none",
        domain: [0, top],
        ticks: integerTicks(0, top),
        tickFormat: integerTick,
        grid: true,
      },
      marks: [
        Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.5 }),
        Plot.line(
          points.filter((p) => !p.dashed),
          { x: "depth", y: "size", z: "series", stroke: "color", strokeWidth: 2.5 },
        ),
        Plot.line(
          points.filter((p) => p.dashed),
          { x: "depth", y: "size", z: "series", stroke: "color", strokeWidth: 2, strokeDasharray: "5,4" },
        ),
        Plot.dot(points, { x: "depth", y: "size", fill: "color", r: maxDepth > 16 ? 1.8 : 2.8 }),
        Plot.text(ends, { x: "depth", y: "size", text: "text", fill: "color", textAnchor: "start", dx: 6, fontSize: 12 }),
      ],
    };
  },
  describe(series, { maxDepth }) {
    return (
      `Sizes in pixels of the receptive field (solid) and blind spot (dashed) of an interior output pixel, for 1 to ${maxDepth} layers, found by propagating dependencies. ` +
      series
        .map((s) => {
          const last = s.counts[s.counts.length - 1];
          return `With ${s.label.replace(/^A/, "mask A")}, ${maxDepth} layers give a field of ${formatInteger(last.fieldSize)} pixels and a blind spot of ${formatInteger(last.blindSpotSize)}.`;
        })
        .join(" ")
    );
  },
  table(series, { maxDepth }) {
    return {
      columns: ["layers d", ...series.flatMap((s) => [`${s.column}: field`, `${s.column}: blind spot`])],
      rows: Array.from({ length: maxDepth }, (_, i) => [
        String(i + 1),
        ...series.flatMap((s) => [formatInteger(s.counts[i].fieldSize), formatInteger(s.counts[i].blindSpotSize)]),
      ]),
    };
  },
  code: [{ file: "src/figures/pixelcnn/field-size.figure.ts" }, { file: "lib/pixelcnn.ts", names: ["pixelCnnInteriorCountSeries"] }],
});
