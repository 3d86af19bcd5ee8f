// Chapter 2.2's model: d layers of 3×3 masked convolutions over an H×W image,
// k channels in and k filters out per layer, stride 1, zero padding at every
// border. Mask A keeps the taps strictly before the centre in raster order
// (the row above and the left neighbour); mask B keeps the centre too. The
// usual stack is A then B, B, …; the problem's figure stacks mask A only.
//
// Receptive fields are found by following the live taps from the output
// pixel down through the layers on the actual grid. A tap that lands outside
// the image reads zero padding, which depends on nothing, so paths are cut
// there — and can matter, since a path that leaves through the left or right
// border could otherwise come back in. The closed forms ((3d² + 5d)/2 and
// d(d − 1)/2 for A then B, (d + 1)² and d² − 1 for all A) live in the tests.

import { describeValue, requireIntegerInRange } from "./validate";
import type { ConnectionCount } from "./wavenet";

/** The two masks of PixelCNN: "A" (centre excluded, first layer) and "B" (centre kept, later layers). Used in chapter 2.2. */
export type Mask = "A" | "B";

/** The two stacks the chapter compares: A then B, B, … (van den Oord et al. 2016b) and A in every layer (the problem's figure). Used in chapter 2.2. */
export type MaskSchedule = "A-then-B" | "all-A";

/** A tap of a 3×3 kernel as [row offset, column offset] of the input pixel relative to the output pixel, each in {−1, 0, 1}. Used in chapters 2.2–2.3. */
export type Tap = [number, number];

/** Largest image height and width any PixelCNN function accepts: 256 pixels. Used in chapter 2.2. */
export const MAX_IMAGE_SIZE: number = 256;

/** Largest number of masked layers: 64 (the propagation then touches ≤ 65·129 pixels per layer). Used in chapter 2.2. */
export const MAX_PIXELCNN_DEPTH: number = 64;

/** Largest number of channels k in the connection counts: 4096 (keeps 64 layers of 256×256×9k² below 2^53). Used in chapters 2.2–2.3. */
export const MAX_IMAGE_CHANNELS: number = 4096;

/**
 * The 3×3 masks as 0/1 matrices, row above first: A = [1 1 1 / 1 0 0 / 0 0 0], B = [1 1 1 / 1 1 0 / 0 0 0]. Used in chapter 2.2.
 *
 * maskTaps reads its taps from these matrices, so the pictures in the chapter
 * and the propagation cannot disagree.
 */
export const MASK_KERNELS: Readonly<Record<Mask, readonly (readonly number[])[]>> = {
  A: [
    [1, 1, 1],
    [1, 0, 0],
    [0, 0, 0],
  ],
  B: [
    [1, 1, 1],
    [1, 1, 0],
    [0, 0, 0],
  ],
};

function requireMask(name: string, mask: unknown): Mask {
  if (mask !== "A" && mask !== "B") throw new RangeError(`${name} must be "A" or "B", got ${describeValue(mask)}`);
  return mask;
}

function tapsOfKernel(kernel: readonly (readonly number[])[]): Tap[] {
  const taps: Tap[] = [];
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (kernel[i][j] !== 0) taps.push([i - 1, j - 1]);
  return taps;
}

const TAPS: Readonly<Record<Mask, readonly Tap[]>> = { A: tapsOfKernel(MASK_KERNELS.A), B: tapsOfKernel(MASK_KERNELS.B) };

/** Live taps of a masked 3×3 kernel as [row offset, column offset], in raster order: 4 for A, 5 for B. Used in chapter 2.2. */
export function maskTaps(mask: Mask): Tap[] {
  return TAPS[requireMask("mask", mask)].map(([dr, dc]): Tap => [dr, dc]);
}

/** All nine taps of an unmasked 3×3 kernel, [row offset, column offset] in raster order (what the answer sheet counted). Used in chapter 2.2. */
export function fullKernelTaps(): Tap[] {
  return tapsOfKernel([
    [1, 1, 1],
    [1, 1, 1],
    [1, 1, 1],
  ]);
}

/** The masks of a d-layer stack, first layer first: A-then-B gives A, B, …, B; all-A gives A, …, A (1 ≤ depth ≤ MAX_PIXELCNN_DEPTH). Used in chapter 2.2. */
export function maskSchedule(depth: number, schedule: MaskSchedule): Mask[] {
  if (schedule !== "A-then-B" && schedule !== "all-A") {
    throw new RangeError(`schedule must be "A-then-B" or "all-A", got ${describeValue(schedule)}`);
  }
  requireIntegerInRange("depth", depth, 1, MAX_PIXELCNN_DEPTH);
  const out: Mask[] = new Array<Mask>(depth).fill(schedule === "all-A" ? "A" : "B");
  out[0] = "A";
  return out;
}

function requireMasks(masks: unknown): readonly Mask[] {
  if (!Array.isArray(masks)) throw new RangeError(`masks must be an array of "A" | "B", got ${describeValue(masks)}`);
  if (masks.length < 1 || masks.length > MAX_PIXELCNN_DEPTH) {
    throw new RangeError(`masks must hold 1 to ${MAX_PIXELCNN_DEPTH} layers, got ${masks.length}`);
  }
  for (let i = 0; i < masks.length; i++) requireMask(`masks[${i}]`, masks[i]);
  return masks as readonly Mask[];
}

// An image size H×W within the library's limits.
function requireImageSize(height: unknown, width: unknown): [number, number] {
  return [requireIntegerInRange("height", height, 1, MAX_IMAGE_SIZE), requireIntegerInRange("width", width, 1, MAX_IMAGE_SIZE)];
}

function requireImage(height: unknown, width: unknown, row: unknown, col: unknown): void {
  const [h, w] = requireImageSize(height, width);
  requireIntegerInRange("row", row, 0, h - 1);
  requireIntegerInRange("col", col, 0, w - 1);
}

// The propagation behind the public functions, arguments already checked.
// Returns a flat H·W mask of the input pixels reached. Two flat buffers
// alternate between layers and only the bounding box of the current set is
// scanned (it grows by at most one row up and one column each side per
// layer), so the cost is O(d·(d + 1)(2d + 1)·5) whatever the image size.
function propagate(masks: readonly Mask[], height: number, width: number, row: number, col: number): Uint8Array {
  let cur: Uint8Array = new Uint8Array(height * width);
  let next: Uint8Array = new Uint8Array(height * width);
  cur[row * width + col] = 1;
  let r0: number = row;
  let r1: number = row;
  let c0: number = col;
  let c1: number = col;
  for (let l = masks.length - 1; l >= 0; l--) {
    const taps: readonly Tap[] = TAPS[masks[l]];
    let nr0: number = height;
    let nr1: number = -1;
    let nc0: number = width;
    let nc1: number = -1;
    for (let r = r0; r <= r1; r++) {
      const base: number = r * width;
      for (let c = c0; c <= c1; c++) {
        if (cur[base + c] === 0) continue;
        cur[base + c] = 0; // clear as we go: cur becomes next layer's empty buffer
        for (const [dr, dc] of taps) {
          const rr: number = r + dr;
          const cc: number = c + dc;
          if (rr < 0 || cc < 0 || cc >= width) continue; // zero padding (rows never increase)
          next[rr * width + cc] = 1;
          if (rr < nr0) nr0 = rr;
          if (rr > nr1) nr1 = rr;
          if (cc < nc0) nc0 = cc;
          if (cc > nc1) nc1 = cc;
        }
      }
    }
    const t: Uint8Array = cur;
    cur = next;
    next = t;
    r0 = nr0;
    r1 = nr1;
    c0 = nc0;
    c1 = nc1;
    if (r1 < 0) break; // nothing left but padding: the field is empty
  }
  return cur;
}

function toGrid(flat: Uint8Array, height: number, width: number): boolean[][] {
  const grid: boolean[][] = [];
  for (let r = 0; r < height; r++) {
    const line: boolean[] = new Array<boolean>(width);
    for (let c = 0; c < width; c++) line[c] = flat[r * width + c] === 1;
    grid.push(line);
  }
  return grid;
}

// Blind spot from a flat field: the pixels before (row, col) in raster order,
// inside the field's bounding box, and not in the field.
function blindSpotOf(field: Uint8Array, height: number, width: number, row: number, col: number): Uint8Array {
  let r0: number = height;
  let r1: number = -1;
  let c0: number = width;
  let c1: number = -1;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      if (field[r * width + c] === 0) continue;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
  }
  const out: Uint8Array = new Uint8Array(height * width);
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const before: boolean = r < row || (r === row && c < col);
      if (before && field[r * width + c] === 0) out[r * width + c] = 1;
    }
  }
  return out;
}

/**
 * Input pixels (grid[r][c]) that the output at (row, col) depends on after the masked layers `masks` (first layer first) on an H×W image with zero padding. Used in chapters 2.2–2.3.
 *
 * Computed by propagating dependencies layer by layer through the live taps.
 * Throws RangeError for an unknown mask, an empty or too long mask list,
 * sizes outside 1…MAX_IMAGE_SIZE, non-integers, or a pixel outside the image.
 */
export function pixelCnnReceptiveField(masks: readonly Mask[], height: number, width: number, row: number, col: number): boolean[][] {
  const ms: readonly Mask[] = requireMasks(masks);
  requireImage(height, width, row, col);
  return toGrid(propagate(ms, height, width, row, col), height, width);
}

/**
 * Blind spot of the output at (row, col): pixels before it in raster order, inside the bounding box of its receptive field, and not in the field. Used in chapter 2.2.
 *
 * Same arguments and errors as pixelCnnReceptiveField; empty when the field
 * is empty (e.g. mask A at the top-left pixel, where every tap is padding).
 */
export function pixelCnnBlindSpot(masks: readonly Mask[], height: number, width: number, row: number, col: number): boolean[][] {
  const ms: readonly Mask[] = requireMasks(masks);
  requireImage(height, width, row, col);
  return toGrid(blindSpotOf(propagate(ms, height, width, row, col), height, width, row, col), height, width);
}

/** Receptive field and blind spot of one output pixel from one propagation, with their sizes (pixels), for the chapter's grid widget. Used in chapter 2.2. */
export interface PixelCnnView {
  readonly field: boolean[][];
  readonly blindSpot: boolean[][];
  readonly fieldSize: number;
  readonly blindSpotSize: number;
}

/** pixelCnnReceptiveField and pixelCnnBlindSpot in one call (one propagation), plus their pixel counts. Used in chapter 2.2. */
export function pixelCnnView(masks: readonly Mask[], height: number, width: number, row: number, col: number): PixelCnnView {
  const ms: readonly Mask[] = requireMasks(masks);
  requireImage(height, width, row, col);
  const field: Uint8Array = propagate(ms, height, width, row, col);
  const blind: Uint8Array = blindSpotOf(field, height, width, row, col);
  let fieldSize: number = 0;
  let blindSpotSize: number = 0;
  for (let i = 0; i < field.length; i++) {
    fieldSize += field[i];
    blindSpotSize += blind[i];
  }
  return { field: toGrid(field, height, width), blindSpot: toGrid(blind, height, width), fieldSize, blindSpotSize };
}

/** Sizes of the receptive field and blind spot of an interior pixel (one the borders do not clip), in pixels, for plotting against depth. Used in chapter 2.2. */
export interface InteriorCounts {
  readonly fieldSize: number;
  readonly blindSpotSize: number;
  /** The image and pixel used: (d + 1)×(2d + 1) with the output at (d, d). */
  readonly height: number;
  readonly width: number;
  readonly row: number;
  readonly col: number;
}

/**
 * Receptive-field and blind-spot sizes for an interior pixel after `masks`, by propagation on a (d + 1)×(2d + 1) image at (d, d). Used in chapter 2.2.
 *
 * Why that image is enough: each layer moves a path at most one row up and
 * one column sideways, so after j of the d layers a path is within j rows
 * above and j columns either side of the output, and no tap of any layer
 * reaches the padding. (d ≤ 64 keeps the image within MAX_IMAGE_SIZE.)
 */
export function pixelCnnInteriorCounts(masks: readonly Mask[]): InteriorCounts {
  const ms: readonly Mask[] = requireMasks(masks);
  const d: number = ms.length;
  const view: PixelCnnView = pixelCnnView(ms, d + 1, 2 * d + 1, d, d);
  return { fieldSize: view.fieldSize, blindSpotSize: view.blindSpotSize, height: d + 1, width: 2 * d + 1, row: d, col: d };
}

function requireTaps(taps: unknown): readonly Tap[] {
  if (!Array.isArray(taps) || taps.length === 0)
    throw new RangeError(`taps must be a non-empty array of [dr, dc], got ${describeValue(taps)}`);
  for (let i = 0; i < taps.length; i++) {
    const t: unknown = taps[i];
    if (!Array.isArray(t) || t.length !== 2) throw new RangeError(`taps[${i}] must be a pair [dr, dc], got ${describeValue(t)}`);
    requireIntegerInRange(`taps[${i}][0]`, t[0], -MAX_IMAGE_SIZE, MAX_IMAGE_SIZE);
    requireIntegerInRange(`taps[${i}][1]`, t[1], -MAX_IMAGE_SIZE, MAX_IMAGE_SIZE);
  }
  return taps as readonly Tap[];
}

/**
 * Connections of one convolution layer with the given taps on an H×W image with k channels in and out: |taps|·HWk² with padding counted, Σ_taps (H − |dr|)⁺(W − |dc|)⁺·k² without. Used in chapters 2.2–2.3.
 *
 * Without padding a tap [dr, dc] only connects the outputs whose input
 * (r + dr, c + dc) lies inside the image.
 */
export function convolutionConnections(
  taps: readonly Tap[],
  height: number,
  width: number,
  channels: number,
  countPadding: boolean,
): number {
  const ts: readonly Tap[] = requireTaps(taps);
  requireImageSize(height, width);
  requireIntegerInRange("channels", channels, 1, MAX_IMAGE_CHANNELS);
  if (typeof countPadding !== "boolean") throw new RangeError(`countPadding must be true or false, got ${describeValue(countPadding)}`);
  let positions: number = 0;
  for (const [dr, dc] of ts) {
    positions += countPadding ? height * width : Math.max(0, height - Math.abs(dr)) * Math.max(0, width - Math.abs(dc));
  }
  return positions * channels * channels;
}

/** Arguments of pixelCnnConnections: image size, channels k, the masks (first layer first), and whether taps reading the padding count. Used in chapter 2.2. */
export interface PixelCnnConnectionOptions {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly masks: readonly Mask[];
  readonly countPadding: boolean;
}

/** Exact connections of a masked stack: 4HWk² per A layer and 5HWk² per B layer with padding counted (the answer sheet's 9 is the unmasked kernel), fewer without; O(dHWk²). Used in chapter 2.2. */
export function pixelCnnConnections(options: PixelCnnConnectionOptions): ConnectionCount {
  if (typeof options !== "object" || options === null) throw new RangeError(`options must be an object, got ${describeValue(options)}`);
  const ms: readonly Mask[] = requireMasks(options.masks);
  const perLayer: number[] = ms.map((m) =>
    convolutionConnections(TAPS[m], options.height, options.width, options.channels, options.countPadding),
  );
  let total: number = 0;
  for (const n of perLayer) total += n;
  return { perLayer, total };
}

/** Critical paths of a d-layer PixelCNN on an H×W image, in layer evaluations (each fully parallel over pixels and taps). Used in chapter 2.2. */
export interface PixelCnnSequentialOperations {
  /** Training / likelihood: the whole image is known; the longest chain of dependent units, d for A then B (O(d)). */
  readonly training: number;
  /** Sampling pixel by pixel (the usual sampler): one network evaluation per pixel, H·W in a row; pixelCnnSamplingCriticalPath draws whole fronts instead. */
  readonly samplingNetworkEvaluations: number;
  /** Sampling pixel by pixel in layer steps: H·W·d. */
  readonly samplingSteps: number;
}

/**
 * Sequential operations of a masked stack on an H×W image: the training critical path (d, or fewer on tiny images with mask A only), and H·W network evaluations (H·W·d layer steps) for sampling pixel by pixel. Used in chapter 2.2.
 *
 * The training figure is the longest chain of dependent units in the unit
 * graph, found by dynamic programming layer by layer: a unit runs one step
 * after the latest real unit it reads (inputs are known at step 0; a unit
 * whose taps all read padding runs at step 1). No unit reads its own layer,
 * so the chain climbs one layer per step and never exceeds d; with mask B
 * after the first layer the centre tap makes it exactly d. Costs O(d·H·W·5)
 * (tens of ms at the 64 × 256 × 256 cap; not meant for per-frame use).
 */
export function pixelCnnSequentialOperations(masks: readonly Mask[], height: number, width: number): PixelCnnSequentialOperations {
  const ms: readonly Mask[] = requireMasks(masks);
  requireImageSize(height, width);
  let below: Uint8Array = new Uint8Array(height * width); // layer 0: the image, known at step 0
  let above: Uint8Array = new Uint8Array(height * width);
  let longest: number = 0;
  for (const m of ms) {
    // Flat offsets of the live taps, for a destructuring-free inner loop.
    const taps: readonly Tap[] = TAPS[m];
    const drs: Int32Array = Int32Array.from(taps, (t) => t[0]);
    const dcs: Int32Array = Int32Array.from(taps, (t) => t[1]);
    const nt: number = taps.length;
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        let latest: number = 0;
        for (let i = 0; i < nt; i++) {
          const rr: number = r + drs[i];
          const cc: number = c + dcs[i];
          if (rr < 0 || rr >= height || cc < 0 || cc >= width) continue;
          const s: number = below[rr * width + cc];
          if (s > latest) latest = s;
        }
        above[r * width + c] = latest + 1;
        if (latest + 1 > longest) longest = latest + 1;
      }
    }
    const t: Uint8Array = below;
    below = above;
    above = t;
  }
  const d: number = ms.length;
  return { training: longest, samplingNetworkEvaluations: height * width, samplingSteps: height * width * d };
}

// A stack that can sample (its first layer must not read the pixel being drawn) on an H×W image.
function requireSampling(masks: unknown, height: unknown, width: unknown): readonly Mask[] {
  const ms: readonly Mask[] = requireMasks(masks);
  if (ms[0] !== "A")
    throw new RangeError(`masks[0] must be "A" to sample (a mask B first layer reads the pixel being drawn), got "${ms[0]}"`);
  requireImageSize(height, width);
  return ms;
}

/**
 * Sequential steps to sample a whole H×W image from a masked stack when every step runs all it can: one step per unit update and one per drawn pixel; `masks` first layer first, and the first must be A. Used in chapter 2.3.
 *
 * Longest path over the graph of draws and unit updates, built from the live
 * taps: x(r, c) waits for the top unit at (r, c); a first-layer unit waits for
 * the pixels its taps read; a unit of layer l for the units of layer l − 1 its
 * taps read. A unit whose taps all read padding takes one step, as in
 * pixelCnnSequentialOperations. Every pixel a field holds has a smaller
 * 2r + c than the output, so pixels with equal 2r + c never wait for each
 * other; with A then B the result is (2H + W − 2)(d + 1) for W ≥ 2 and H(d + 1)
 * on one column (the tests check both), against H·W·(d + 1) pixel by pixel.
 * A mask B first layer would read the pixel being drawn, so it throws
 * RangeError, as do the errors of pixelCnnSequentialOperations.
 */
export function pixelCnnSamplingCriticalPath(masks: readonly Mask[], height: number, width: number): number {
  const ms: readonly Mask[] = requireSampling(masks, height, width);
  const plane: number = height * width;
  const draw: Int32Array = new Int32Array(plane); // steps on the longest path ending with the draw of x(r, c)
  const unit: Int32Array = new Int32Array(ms.length * plane); // the same for each unit, layer-major
  let longest: number = 0;
  // Raster order, layers upwards at each pixel, is a topological order: every
  // tap reads an earlier pixel, or the same pixel one layer down (B's centre).
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const i: number = r * width + c;
      for (let l = 0; l < ms.length; l++) {
        let latest: number = 0;
        for (const [dr, dc] of TAPS[ms[l]]) {
          const rr: number = r + dr;
          const cc: number = c + dc;
          if (rr < 0 || cc < 0 || cc >= width) continue; // zero padding (no tap reads a later row)
          const j: number = rr * width + cc;
          const s: number = l === 0 ? draw[j] : unit[(l - 1) * plane + j];
          if (s > latest) latest = s;
        }
        unit[l * plane + i] = latest + 1;
      }
      draw[i] = unit[(ms.length - 1) * plane + i] + 1;
      if (draw[i] > longest) longest = draw[i];
    }
  }
  return longest;
}

/**
 * Steps to sample an H×W image from a masked stack one pixel at a time, as the usual sampler does: for each pixel in raster order, the network's d layers one after the other (one step each, over every position at once), then the draw (one step): H·W·(d + 1). Used in chapter 2.3.
 *
 * pixelCnnSequentialOperations' layer steps plus one step per draw, the way
 * pixelCnnSamplingCriticalPath counts draws. Same argument checks as
 * pixelCnnSamplingCriticalPath.
 */
export function pixelCnnPixelByPixelSamplingSteps(masks: readonly Mask[], height: number, width: number): number {
  const ms: readonly Mask[] = requireSampling(masks, height, width);
  return height * width * (ms.length + 1);
}

/**
 * For each row of an H×W image from the top, how many of its outputs have an empty receptive field after `masks` (every path of live taps leaves the image, as in pixelCnnReceptiveField), up to the last row that has one; [] when no field is empty. Used in chapter 2.3.
 *
 * Found by propagating every output's field. A first layer of mask A leaves
 * the top-left output nothing; mask A in every layer drifts left as it
 * deepens and empties longer runs at the start of the top rows (chapter 2.3's
 * example). Same argument checks as pixelCnnReceptiveField.
 */
export function pixelCnnEmptyFieldRows(masks: readonly Mask[], height: number, width: number): number[] {
  const ms: readonly Mask[] = requireMasks(masks);
  requireImageSize(height, width);
  const perRow: number[] = [];
  for (let r = 0; r < height; r++) {
    let empty: number = 0;
    for (let c = 0; c < width; c++) if (propagate(ms, height, width, r, c).indexOf(1) < 0) empty++;
    perRow.push(empty);
  }
  while (perRow.length > 0 && perRow[perRow.length - 1] === 0) perRow.pop();
  return perRow;
}

/**
 * Whether the output at (row, col) of an H×W image is interior for a d-layer stack: row ≥ d and d ≤ col ≤ W − 1 − d (0-based). Used in chapter 2.2.
 *
 * Every path of d taps stays within d rows above and d columns either side of
 * the output, so an interior pixel's paths never meet the padding and its
 * field has the unbounded shape; for both schedules the field then has the
 * interior size, and for any other pixel it is smaller (the field's corners
 * (−d, −d), (−d, d) and (0, −d) fall outside the image).
 */
export function isInteriorPixel(depth: number, height: number, width: number, row: number, col: number): boolean {
  requireIntegerInRange("depth", depth, 1, MAX_PIXELCNN_DEPTH);
  requireImage(height, width, row, col);
  return row >= depth && col >= depth && col <= width - 1 - depth;
}

/** Largest depth d at which an H×W image has an interior pixel, min(H − 1, ⌊(W − 1)/2⌋), capped at MAX_PIXELCNN_DEPTH; 0 when it has none. Used in chapter 2.2. */
export function largestInteriorDepth(height: number, width: number): number {
  const [h, w] = requireImageSize(height, width);
  return Math.min(h - 1, Math.floor((w - 1) / 2), MAX_PIXELCNN_DEPTH);
}

/** Receptive-field and blind-spot sizes (pixels) of an interior pixel at one depth. Used in chapter 2.2. */
export interface InteriorCountsAtDepth {
  readonly depth: number;
  readonly fieldSize: number;
  readonly blindSpotSize: number;
}

// One layer of the propagation inside rows r0…r1 and columns c0…c1 of the
// grid: `to` (cleared there first, and one row above and one column either
// side) gets the pixels the taps of `mask` read from the set `from`. The
// caller keeps every tap inside the grid.
function stepBox(from: Uint8Array, to: Uint8Array, mask: Mask, width: number, r0: number, r1: number, c0: number, c1: number): void {
  for (let r = r0 - 1; r <= r1; r++) to.fill(0, r * width + c0 - 1, r * width + c1 + 2);
  const offsets: number[] = TAPS[mask].map(([dr, dc]) => dr * width + dc);
  for (let r = r0; r <= r1; r++) {
    for (let i = r * width + c0, end = r * width + c1; i <= end; i++) {
      if (from[i] === 0) continue;
      for (let t = 0; t < offsets.length; t++) to[i + offsets[t]] = 1;
    }
  }
}

/**
 * pixelCnnInteriorCounts for every depth 1…maxDepth of a schedule, from one incremental propagation (1 ≤ maxDepth ≤ MAX_PIXELCNN_DEPTH). Used in chapter 2.2.
 *
 * The stack of depth d read from the output down is d − 1 B layers then A
 * (A then B), or d A layers (all A). So with S_j the set reached from the
 * output through j upper layers, the field at depth d is A(S_{d−1}) for A
 * then B and S_d for all A, and S grows by one layer per depth. Everything
 * happens on a (D + 2)×(2D + 3) grid at (D + 1, D + 1), D = maxDepth, where
 * every depth up to D is interior, and each layer scans only the box the set
 * can have reached. The blind spot is counted rather than marked: the pixels
 * of the field's bounding box that come before the output, minus the field
 * (which lies entirely before the output). O(D³) in all: about 3 ms of CPU for
 * D = 32 on a heavily loaded two-core machine, well inside a frame.
 */
export function pixelCnnInteriorCountSeries(schedule: MaskSchedule, maxDepth: number): InteriorCountsAtDepth[] {
  maskSchedule(maxDepth, schedule); // validates both arguments
  const d: number = maxDepth;
  // One spare row on top and column on each side, so no tap leaves the grid.
  const [width, row, col] = [2 * d + 3, d + 1, d + 1];
  const size: number = (d + 2) * width;
  let reached: Uint8Array = new Uint8Array(size);
  let spare: Uint8Array = new Uint8Array(size);
  const field: Uint8Array = new Uint8Array(size);
  reached[row * width + col] = 1;
  const out: InteriorCountsAtDepth[] = [];
  for (let depth = 1; depth <= d; depth++) {
    // `reached` holds S_{depth−1}: rows row − depth + 1 … row, columns col ± (depth − 1).
    const [r0, r1, c0, c1] = [row - depth + 1, row, col - depth + 1, col + depth - 1];
    let counted: Uint8Array;
    if (schedule === "all-A") {
      stepBox(reached, spare, "A", width, r0, r1, c0, c1);
      [reached, spare] = [spare, reached];
      counted = reached;
    } else {
      stepBox(reached, field, "A", width, r0, r1, c0, c1);
      stepBox(reached, spare, "B", width, r0, r1, c0, c1);
      [reached, spare] = [spare, reached];
      counted = field;
    }
    // Field size and bounding box; every pixel of the field comes before the output.
    let fieldSize: number = 0;
    let [br0, br1, bc0, bc1] = [row + 1, -1, width, -1];
    for (let r = row - depth; r <= row; r++) {
      for (let c = col - depth; c <= col + depth; c++) {
        if (counted[r * width + c] === 0) continue;
        fieldSize++;
        if (r < br0) br0 = r;
        if (r > br1) br1 = r;
        if (c < bc0) bc0 = c;
        if (c > bc1) bc1 = c;
      }
    }
    // Pixels of the box before the output: its rows above the output's, then the part of the output's row left of it.
    let before: number = 0;
    if (fieldSize > 0) {
      before = Math.max(0, Math.min(br1, row - 1) - br0 + 1) * (bc1 - bc0 + 1);
      if (br1 === row) before += Math.max(0, Math.min(bc1, col - 1) - bc0 + 1);
    }
    out.push({ depth, fieldSize, blindSpotSize: before - fieldSize });
  }
  return out;
}
