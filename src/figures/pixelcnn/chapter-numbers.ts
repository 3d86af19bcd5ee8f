/**
 * The numbers of chapter 2.2's prose, computed in one place so that the
 * chapter (content/chapters/2-2-pixelcnn.mdx) and its shown-numbers test
 * (tests/lib/pixelcnn-shown-numbers.test.ts) read the same values. Every
 * number here comes from lib/pixelcnn.ts; the only typed ones are inputs.
 */
import {
  MAX_PIXELCNN_DEPTH,
  convolutionConnections,
  fullKernelTaps,
  largestInteriorDepth,
  maskSchedule,
  maskTaps,
  pixelCnnConnections,
  pixelCnnInteriorCounts,
  pixelCnnReceptiveField,
  pixelCnnSequentialOperations,
  type InteriorCounts,
  type Mask,
  type MaskSchedule,
  type PixelCnnSequentialOperations,
} from "../../../lib/pixelcnn";
import type { ConnectionCount } from "../../../lib/wavenet";
import { resolveBound } from "../params";
import receptiveField, { IMAGE_COLS, IMAGE_ROWS } from "./receptive-field.figure";

/** The worked example of the connection and sequential-operation counts: a 32 × 32 image, k = 64 channels, 10 layers. */
export const EXAMPLE = { height: 32, width: 32, channels: 64, depth: 10 } as const;

/** The depth at which the prose quotes interior field sizes: the grid widget's default. */
export const FIELD_DEPTH: number = receptiveField.params.depth.default;

/** The grid widget's largest depth. */
export const MAX_WIDGET_DEPTH: number = resolveBound(receptiveField.params.depth.max, {});

/** Connections of the example stack under a schedule, with or without the taps that read the padding. */
function connectionsOf(schedule: MaskSchedule, countPadding: boolean): ConnectionCount {
  return pixelCnnConnections({
    height: EXAMPLE.height,
    width: EXAMPLE.width,
    channels: EXAMPLE.channels,
    masks: maskSchedule(EXAMPLE.depth, schedule),
    countPadding,
  });
}

/** Exercise 1: the outputs each live tap of a mask connects on a 3 × 4 image without padding (k = 1), in raster order, their sum, and the count with padding. */
function exerciseTaps(mask: Mask): { terms: number[]; total: number; padded: number } {
  return {
    terms: maskTaps(mask).map((tap) => convolutionConnections([tap], 3, 4, 1, false)),
    total: convolutionConnections(maskTaps(mask), 3, 4, 1, false),
    padded: convolutionConnections(maskTaps(mask), 3, 4, 1, true),
  };
}

/** Whether the output of an A-then-B stack of `depth` layers sees the pixel at offset (dr, dc), on an image where it is interior. */
function abSees(depth: number, dr: number, dc: number): boolean {
  const [h, w, row, col] = [depth + 2, 2 * depth + 5, depth + 1, depth + 2];
  return pixelCnnReceptiveField(maskSchedule(depth, "A-then-B"), h, w, row, col)[row + dr][col + dc];
}

/** Whether the output of a stack (first layer first) depends on the input at its own position. */
function leaksOwnPixel(masks: readonly Mask[]): boolean {
  return pixelCnnReceptiveField(masks, 7, 7, 4, 3)[4][3];
}

const abPadded: ConnectionCount = connectionsOf("A-then-B", true);
const sheetTotal: number = EXAMPLE.depth * convolutionConnections(fullKernelTaps(), EXAMPLE.height, EXAMPLE.width, EXAMPLE.channels, true);

// An interior pixel of the widget's image up to depth 7 (row 12, column 9), for exercise 3.
const [ROW, COL] = [IMAGE_ROWS - 1, Math.floor(IMAGE_COLS / 2)];

/** Every computed number the chapter shows. */
export const N = {
  tapsFull: fullKernelTaps().length,
  tapsA: maskTaps("A").length,
  tapsB: maskTaps("B").length,
  /** HWk² of the example: the connections of one tap. */
  oneTap: convolutionConnections([[0, 0]], EXAMPLE.height, EXAMPLE.width, EXAMPLE.channels, true),
  sheetTotal,
  abPadded,
  abReal: connectionsOf("A-then-B", false),
  aaPadded: connectionsOf("all-A", true),
  aaReal: connectionsOf("all-A", false),
  /** The network's connections over the sheet's count, (5d − 1)/(9d). */
  ratio: abPadded.total / sheetTotal,
  seqAB: pixelCnnSequentialOperations(
    maskSchedule(EXAMPLE.depth, "A-then-B"),
    EXAMPLE.height,
    EXAMPLE.width,
  ) as PixelCnnSequentialOperations,
  seqAA: pixelCnnSequentialOperations(maskSchedule(EXAMPLE.depth, "all-A"), EXAMPLE.height, EXAMPLE.width) as PixelCnnSequentialOperations,
  ab: pixelCnnInteriorCounts(maskSchedule(FIELD_DEPTH, "A-then-B")) as InteriorCounts,
  aa: pixelCnnInteriorCounts(maskSchedule(FIELD_DEPTH, "all-A")) as InteriorCounts,
  /** The largest depth at which the widget's image has an interior pixel. */
  widgetInterior: largestInteriorDepth(IMAGE_ROWS, IMAGE_COLS),
  exerciseB: exerciseTaps("B"),
  exerciseA: exerciseTaps("A"),
  /** Exercise 2: the offset (−1, +2) lies outside the field of A then B for every depth up to this one (all that lib accepts). */
  neverSeenUpToDepth: ((): number => {
    for (let d = 1; d <= MAX_PIXELCNN_DEPTH; d++) if (abSees(d, -1, 2)) return d - 1;
    return MAX_PIXELCNN_DEPTH;
  })(),
  /** Exercise 3: the first depth at which, with mask A in every layer, the output no longer sees the pixel straight above it. */
  aboveDropsAt: ((): number => {
    for (let d = 1; d <= MAX_WIDGET_DEPTH; d++) {
      if (!pixelCnnReceptiveField(maskSchedule(d, "all-A"), IMAGE_ROWS, IMAGE_COLS, ROW, COL)[ROW - 1][COL]) return d;
    }
    throw new Error("with mask A everywhere the pixel above never drops out: the chapter's exercise 3 is wrong");
  })(),
  /** Exercise 5: whether B, A, B and B, B put the output pixel in its own field. */
  leaksBAB: leaksOwnPixel(["B", "A", "B"]),
  leaksBB: leaksOwnPixel(["B", "B"]),
};
