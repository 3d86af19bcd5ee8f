/**
 * Figure (chapter 2.2): the receptive field and the blind spot of one output
 * pixel of a stack of masked 3×3 convolutions, on an image grid. The reader
 * picks the depth, the mask schedule and the pixel (on the grid itself).
 */
import { formatInteger } from "../../../lib/format";
import { maskSchedule, pixelCnnView, type MaskSchedule } from "../../../lib/pixelcnn";
import { cellGrid, pickCells, type CellStyle } from "../cell-grid";
import { defineFigure } from "../figure-spec";
import { choiceParam, numberParam, pointParam, type Cell } from "../params";

export const IMAGE_ROWS = 12;
export const IMAGE_COLS = 16;

type Category = "pixel" | "field" | "blind" | "past" | "future";

const STYLES: Record<Category, CellStyle & { label: string }> = {
  pixel: { fill: "var(--c-cell-ink)", outline: true, label: "the output pixel" },
  field: { fill: "var(--c-cell-main)", label: "in its receptive field" },
  blind: { fill: "var(--c-cell-alt)", hatch: true, label: "blind spot: generated before it, but unseen" },
  past: { fill: "var(--c-cell-faint)", label: "generated before it, out of reach" },
  future: { fill: "var(--c-cell-blank)", label: "not yet generated" },
};

const SCHEDULE_TEXT: Record<MaskSchedule, string> = { "A-then-B": "mask A, then mask B", "all-A": "mask A in every layer" };

/** "3–7, 9" from the sorted 1-based columns of a row. */
function runs(cols: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < cols.length;) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
    parts.push(i === j ? `${cols[i]}` : `${cols[i]}–${cols[j]}`);
    i = j + 1;
  }
  return parts.join(", ") || "—";
}

const at = (grid: boolean[][], cell: Cell) => grid[cell.row - 1][cell.col - 1];

export default defineFigure({
  id: "receptive-field",
  title: "Receptive field and blind spot of a PixelCNN output pixel",
  params: {
    depth: numberParam({ label: "Layers d", min: 1, max: 12, step: 1, default: 3, integer: true }),
    schedule: choiceParam({
      label: "Masks",
      control: "radio",
      options: [
        { value: "A-then-B", label: "A, then B" },
        { value: "all-A", label: "A in every layer" },
      ],
      default: "A-then-B",
    }),
    pixel: pointParam({ label: "Output pixel", rows: IMAGE_ROWS, cols: IMAGE_COLS, default: { row: 8, col: 8 } }),
  },
  key: (Object.keys(STYLES) as Category[]).map((k) => ({
    kind: "swatch" as const,
    label: STYLES[k].label,
    color: STYLES[k].fill,
    border: k === "future",
  })),
  data({ depth, schedule, pixel }) {
    return pixelCnnView(maskSchedule(depth, schedule), IMAGE_ROWS, IMAGE_COLS, pixel.row - 1, pixel.col - 1);
  },
  plot(view, { width, values: { pixel } }) {
    const category = (row: number, col: number): Category => {
      if (row === pixel.row && col === pixel.col) return "pixel";
      if (at(view.field, { row, col })) return "field";
      if (at(view.blindSpot, { row, col })) return "blind";
      return row < pixel.row || (row === pixel.row && col < pixel.col) ? "past" : "future";
    };
    return cellGrid([{ rows: IMAGE_ROWS, cols: IMAGE_COLS, category, pickable: true }], STYLES, { width, maxCell: 30 });
  },
  describe(view, { depth, schedule, pixel }) {
    const before = (pixel.row - 1) * IMAGE_COLS + pixel.col - 1;
    return (
      `A ${IMAGE_ROWS} × ${IMAGE_COLS} image; the output at row ${pixel.row}, column ${pixel.col} after ${depth} masked layer${depth === 1 ? "" : "s"} (${SCHEDULE_TEXT[schedule]}). ` +
      `It depends on ${formatInteger(view.fieldSize)} of the ${formatInteger(before)} pixels generated before it; ` +
      `${formatInteger(view.blindSpotSize)} of them lie inside the field's bounding box but are never reached (the blind spot). ` +
      `Pick another pixel by clicking the grid, or focus the grid and use the arrow keys.`
    );
  },
  table(view, { pixel }) {
    const rows = [];
    for (let r = 1; r <= pixel.row; r++) {
      const cols = (grid: boolean[][]) => Array.from({ length: IMAGE_COLS }, (_, c) => c + 1).filter((c) => grid[r - 1][c - 1]);
      rows.push([String(r), runs(cols(view.field)), runs(cols(view.blindSpot))]);
    }
    return { columns: ["row", "receptive field (columns)", "blind spot (columns)"], rows };
  },
  interact(svg, { values, set }) {
    return pickCells(svg, { current: values.pixel, rows: IMAGE_ROWS, cols: IMAGE_COLS, pick: (pixel) => set({ pixel }) });
  },
  code: [{ file: "src/figures/pixelcnn/receptive-field.figure.ts" }, { file: "lib/pixelcnn.ts", names: ["maskSchedule", "pixelCnnView"] }],
});
