/**
 * Figure (chapter 2.3): what the prediction of one pixel can depend on, in a
 * multidimensional RNN (left) and in a PixelCNN (right), for the same pixel.
 * The reader picks the pixel on either grid (click, tap or arrow keys), the
 * PixelCNN's depth and its masks. Pixels the PixelCNN sees and the MDRNN does
 * not (all above and to the right of the pixel) have their own colour.
 */
import { formatInteger } from "../../../lib/format";
import { compareContexts, type ContextComparison } from "../../../lib/mdrnn";
import { maskSchedule, type MaskSchedule } from "../../../lib/pixelcnn";
import { cellGrid, pickPoint, type CellStyle } from "../cell-grid";
import { defineFigure } from "../figure-spec";
import { choiceParam, numberParam, pointParam } from "../params";
import { plural, runs } from "../words";

/** The image both panels show: big enough for a 12-layer PixelCNN field, small enough for a phone. */
export const COMPARE_ROWS = 12;
export const COMPARE_COLS = 16;

type Category = "pixel" | "seen" | "upRight" | "past" | "future";

const STYLES: Record<Category, CellStyle & { label: string }> = {
  pixel: { fill: "var(--c-cell-ink)", outline: true, label: "the pixel being predicted" },
  seen: { fill: "var(--c-cell-main)", label: "seen by this model" },
  upRight: {
    fill: "var(--c-cell-alt)",
    hatch: true,
    label: "seen by the PixelCNN only (up and to the right)",
  },
  past: { fill: "var(--c-cell-faint)", label: "generated earlier, not seen by this model" },
  future: { fill: "var(--c-cell-blank)", label: "not generated yet" },
};

/** "row 1" or "rows 1–5". */
const span = (what: string, upTo: number) => (upTo === 1 ? `${what} 1` : `${what}s 1–${upTo}`);

const SCHEDULE_TEXT: Record<MaskSchedule, string> = { "A-then-B": "mask A, then mask B", "all-A": "mask A in every layer" };

const PIXEL = pointParam({ label: "Pixel to predict", rows: COMPARE_ROWS, cols: COMPARE_COLS, default: { row: 8, col: 8 } });

export default defineFigure({
  id: "mdrnn-vs-pixelcnn",
  title: "MDRNN context and PixelCNN receptive field of the same pixel",
  params: {
    depth: numberParam({ label: "PixelCNN layers d", min: 1, max: 12, step: 1, default: 3, integer: true }),
    schedule: choiceParam({
      label: "PixelCNN masks",
      control: "radio",
      options: [
        { value: "A-then-B", label: "A, then B" },
        { value: "all-A", label: "A in every layer" },
      ],
      default: "A-then-B",
    }),
    pixel: PIXEL,
  },
  key: (Object.keys(STYLES) as Category[]).map((k) => ({
    kind: "swatch" as const,
    label: STYLES[k].label,
    color: STYLES[k].fill,
    border: k === "future",
  })),
  data({ depth, schedule, pixel }): ContextComparison {
    return compareContexts(maskSchedule(depth, schedule), COMPARE_ROWS, COMPARE_COLS, pixel.row - 1, pixel.col - 1);
  },
  plot(cmp, { width, values: { depth, pixel } }) {
    const past = (row: number, col: number) => row < pixel.row || (row === pixel.row && col < pixel.col);
    const mdrnn = (row: number, col: number): Category => {
      if (row === pixel.row && col === pixel.col) return "pixel";
      if (cmp.mdrnn[row - 1][col - 1]) return "seen";
      return past(row, col) ? "past" : "future";
    };
    const pixelCnn = (row: number, col: number): Category => {
      if (row === pixel.row && col === pixel.col) return "pixel";
      if (cmp.field[row - 1][col - 1]) return cmp.mdrnn[row - 1][col - 1] ? "seen" : "upRight";
      return past(row, col) ? "past" : "future";
    };
    return cellGrid(
      [
        { title: "MDRNN, any depth", rows: COMPARE_ROWS, cols: COMPARE_COLS, category: mdrnn, pickable: true },
        { title: `PixelCNN, ${plural(depth, "layer")}`, rows: COMPARE_ROWS, cols: COMPARE_COLS, category: pixelCnn, pickable: true },
      ],
      STYLES,
      { width, maxCell: 24, minCell: 13 },
    );
  },
  describe(cmp, { depth, schedule, pixel }) {
    const pick = `Pick another pixel by clicking either grid, or focus the grid and use the arrow keys.`;
    if (cmp.past === 0) {
      return (
        `The pixel at row 1, column 1 of a ${COMPARE_ROWS} × ${COMPARE_COLS} image comes first in raster order: nothing is generated before it, ` +
        `so neither the MDRNN nor the PixelCNN with ${plural(depth, "layer")} (${SCHEDULE_TEXT[schedule]}) sees any pixel when predicting it. ${pick}`
      );
    }
    const only =
      cmp.pixelCnnOnly === 0
        ? "Here the PixelCNN sees nothing the MDRNN misses"
        : `Only the PixelCNN sees ${plural(cmp.pixelCnnOnly, "pixel")}, all above and to the right of this one`;
    return (
      `Predicting the pixel at row ${pixel.row}, column ${pixel.col} of a ${COMPARE_ROWS} × ${COMPARE_COLS} image, after ${plural(cmp.past, "earlier pixel")} in raster order. ` +
      `The MDRNN, at any depth, sees the ${plural(cmp.mdrnnSize, "pixel")} of its upper-left quadrant (${span("row", pixel.row)}, ${span("column", pixel.col)}, the pixel itself excluded) ` +
      (cmp.upRightPast === 0
        ? `and misses nothing: no earlier pixel lies above and to the right of this one. `
        : `and never the ${plural(cmp.upRightPast, "earlier pixel")} above and to the right. `) +
      `The PixelCNN with ${plural(depth, "layer")} (${SCHEDULE_TEXT[schedule]}) sees ${plural(cmp.fieldSize, "pixel")}, ` +
      `with a blind spot of ${plural(cmp.blindSpotSize, "pixel")}. Both see ${formatInteger(cmp.both)}; only the MDRNN sees ${formatInteger(cmp.mdrnnOnly)}. ` +
      `${only}. Neither sees ${formatInteger(cmp.neither)}. ${pick}`
    );
  },
  table(cmp, { pixel }) {
    const rows: string[][] = [];
    const columns = (keep: (c: number) => boolean) =>
      runs(Array.from({ length: COMPARE_COLS }, (_, c) => c + 1).filter((c) => keep(c - 1)));
    for (let r = 1; r <= pixel.row; r++) {
      rows.push([
        String(r),
        columns((c) => cmp.mdrnn[r - 1][c]),
        columns((c) => cmp.field[r - 1][c]),
        columns((c) => cmp.field[r - 1][c] && !cmp.mdrnn[r - 1][c]),
      ]);
    }
    return { columns: ["row", "MDRNN sees (columns)", "PixelCNN sees (columns)", "PixelCNN only (columns)"], rows };
  },
  interact(svg, { values, set }) {
    return pickPoint(svg, PIXEL, values, values.pixel, (pixel) => set({ pixel }));
  },
  code: [
    { file: "src/figures/mdrnn/mdrnn-vs-pixelcnn.figure.ts" },
    { file: "lib/mdrnn.ts", names: ["mdrnnPredictionContext", "compareContexts"] },
    { file: "lib/pixelcnn.ts", names: ["maskSchedule", "pixelCnnView"] },
  ],
});
