/**
 * Figure (chapter 2.2): the receptive field and the blind spot of one output
 * pixel of a stack of masked 3×3 convolutions, on an image grid. The reader
 * picks the depth, the mask schedule and the pixel (on the grid itself). A
 * third schedule, mask B in every layer, is there to show what goes wrong
 * without mask A: the output pixel lands in its own field.
 */
import { formatInteger } from "../../../lib/format";
import {
  isInteriorPixel,
  largestInteriorDepth,
  maskSchedule,
  pixelCnnInteriorCounts,
  pixelCnnView,
  type Mask,
  type MaskSchedule,
} from "../../../lib/pixelcnn";
import { cellGrid, pickPoint, type CellStyle } from "../cell-grid";
import { defineFigure } from "../figure-spec";
import type { KeyEntry } from "../key";
import { choiceParam, numberParam, pointParam, type Cell } from "../params";
import { runs } from "../words";

export const IMAGE_ROWS = 12;
export const IMAGE_COLS = 16;

/** The schedules of the widget: lib's two, and mask B in every layer (not a valid model). */
export type GridSchedule = MaskSchedule | "all-B";

type Category = "pixel" | "leak" | "field" | "blind" | "past" | "future";

const STYLES: Record<Category, CellStyle & { label: string }> = {
  pixel: { fill: "var(--c-cell-ink)", outline: true, label: "the output pixel" },
  leak: { fill: "var(--c-cell-main)", outline: true, hatch: true, label: "the output pixel, inside its own field (a leak)" },
  field: { fill: "var(--c-cell-main)", label: "in its receptive field" },
  blind: { fill: "var(--c-cell-alt)", hatch: true, label: "blind spot: generated before it, inside the field's bounding box, unseen" },
  past: { fill: "var(--c-cell-faint)", label: "generated before it, out of reach" },
  future: { fill: "var(--c-cell-blank)", label: "not yet generated" },
};

const SCHEDULE_TEXT: Record<GridSchedule, string> = {
  "A-then-B": "mask A, then mask B",
  "all-A": "mask A in every layer",
  "all-B": "mask B in every layer",
};

/** The masks of a d-layer stack for a widget schedule, first layer first. */
export function gridMasks(depth: number, schedule: GridSchedule): Mask[] {
  return schedule === "all-B" ? new Array<Mask>(depth).fill("B") : maskSchedule(depth, schedule);
}

const pixels = (n: number) => `${formatInteger(n)} pixel${n === 1 ? "" : "s"}`;

const at = (grid: boolean[][], cell: Cell) => grid[cell.row - 1][cell.col - 1];

/** The sentence on interior pixels: whether this one is, and what an interior one would show. */
function interiorSentence(depth: number, schedule: MaskSchedule, pixel: Cell): string {
  const interior = pixelCnnInteriorCounts(maskSchedule(depth, schedule));
  const sizes = `a field of ${pixels(interior.fieldSize)} and a blind spot of ${pixels(interior.blindSpotSize)}`;
  if (isInteriorPixel(depth, IMAGE_ROWS, IMAGE_COLS, pixel.row - 1, pixel.col - 1)) {
    return `This pixel is interior (at least ${depth} row${depth === 1 ? "" : "s"} below the top and ${depth} column${depth === 1 ? "" : "s"} from each side), so no border cuts its field: these are the interior sizes.`;
  }
  if (depth > largestInteriorDepth(IMAGE_ROWS, IMAGE_COLS)) {
    return `At this depth no pixel of the ${IMAGE_ROWS} × ${IMAGE_COLS} image is interior; an interior pixel would have ${sizes}.`;
  }
  return `The border cuts this pixel's field; an interior pixel (at least ${depth} row${depth === 1 ? "" : "s"} below the top and ${depth} column${depth === 1 ? "" : "s"} from each side) has ${sizes}.`;
}

const PIXEL = pointParam({ label: "Output pixel", rows: IMAGE_ROWS, cols: IMAGE_COLS, default: { row: 8, col: 8 } });

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
        { value: "all-B", label: "B in every layer (leaks)" },
      ],
      default: "A-then-B",
    }),
    pixel: PIXEL,
  },
  key({ schedule }): KeyEntry[] {
    const shown: Category[] =
      schedule === "all-B" ? ["leak", "field", "blind", "past", "future"] : ["pixel", "field", "blind", "past", "future"];
    return shown.map((k) => ({ kind: "swatch" as const, label: STYLES[k].label, color: STYLES[k].fill, border: k === "future" }));
  },
  data({ depth, schedule, pixel }) {
    return pixelCnnView(gridMasks(depth, schedule), IMAGE_ROWS, IMAGE_COLS, pixel.row - 1, pixel.col - 1);
  },
  plot(view, { width, values: { pixel } }) {
    const category = (row: number, col: number): Category => {
      if (row === pixel.row && col === pixel.col) return at(view.field, pixel) ? "leak" : "pixel";
      if (at(view.field, { row, col })) return "field";
      if (at(view.blindSpot, { row, col })) return "blind";
      return row < pixel.row || (row === pixel.row && col < pixel.col) ? "past" : "future";
    };
    return cellGrid([{ rows: IMAGE_ROWS, cols: IMAGE_COLS, category, pickable: true }], STYLES, { width, maxCell: 30 });
  },
  describe(view, { depth, schedule, pixel }) {
    const before = (pixel.row - 1) * IMAGE_COLS + pixel.col - 1;
    const leak = at(view.field, pixel);
    const seenBefore = view.fieldSize - (leak ? 1 : 0);
    const head = `A ${IMAGE_ROWS} × ${IMAGE_COLS} image; the output at row ${pixel.row}, column ${pixel.col} after ${depth} masked layer${depth === 1 ? "" : "s"} (${SCHEDULE_TEXT[schedule]}). `;
    const pick = `Pick another pixel by clicking the grid, or focus the grid and use the arrow keys.`;
    const seen =
      before === 0
        ? `It is the first pixel in raster order: nothing is generated before it. `
        : `It depends on ${pixels(seenBefore)} of the ${formatInteger(before)} generated before it. ` +
          `Its blind spot, the earlier pixels inside the field's bounding box that it never reaches, has ${pixels(view.blindSpotSize)}. `;
    if (schedule === "all-B") {
      // The centre tap of every layer keeps a path from the output straight down to its own input.
      const leakText = `It depends on the input at its own position, the value it is meant to predict: without mask A in the first layer the model can copy its answer. `;
      return head + leakText + seen + pick;
    }
    if (before === 0) return head + seen + `Mask A leaves it no live tap inside the image, so its field is empty. ` + pick;
    return head + seen + interiorSentence(depth, schedule, pixel) + ` ` + pick;
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
    return pickPoint(svg, PIXEL, values, values.pixel, (pixel) => set({ pixel }));
  },
  code: [
    { file: "src/figures/pixelcnn/receptive-field.figure.ts" },
    {
      file: "lib/pixelcnn.ts",
      names: ["maskSchedule", "pixelCnnView", "isInteriorPixel", "largestInteriorDepth", "pixelCnnInteriorCounts"],
    },
  ],
});
