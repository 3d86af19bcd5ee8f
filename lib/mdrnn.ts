// Chapter 2.3's model: d layers of a two-dimensional RNN over an H×W image,
//
//   h_l(i, j) = φ(W_inᵀ h_{l−1}(i, j) + W_Wᵀ h_l(i − 1, j) + W_Nᵀ h_l(i, j − 1)),
//
// with h_0 = x and zero states outside the image. In that formula i is the
// column (i − 1 is the west neighbour) and j the row (j − 1 is north). Here
// units are indexed (layer, row, col) like the image grids of chapter 2.2,
// so unit (l, r, c) reads (l, r, c − 1) [west], (l, r − 1, c) [north] and
// (l − 1, r, c) [the layer below, or the input pixel for l = 1].
//
// Critical paths, wavefront steps and contexts are computed on that
// dependency graph; the closed forms (H + W + d − 2, l + r + c, the
// upper-left quadrant) are what the tests check them against.

import { convolutionConnections, MAX_IMAGE_CHANNELS, pixelCnnView, type Mask, type PixelCnnView, type Tap } from "./pixelcnn";
import { describeValue, requireIntegerInRange } from "./validate";
import type { ConnectionCount } from "./wavenet";

/** Largest image height and width the MDRNN functions accept: 256 pixels. Used in chapter 2.3. */
export const MAX_MDRNN_SIZE: number = 256;

/** Largest number of MDRNN layers: 64 (the step table then has at most 64·256·256 ≈ 4.2·10⁶ entries, 16 MB). Used in chapter 2.3. */
export const MAX_MDRNN_DEPTH: number = 64;

/**
 * The three inputs of an MDRNN unit as [layer offset, row offset, column offset]: the layer below (W_in), west (W_W), north (W_N). Used in chapter 2.3.
 *
 * Its length, 3, is the unit's fan-in — the "3" the answer sheet mistook for
 * a context window.
 */
export const MDRNN_INPUTS: readonly (readonly [number, number, number])[] = [
  [-1, 0, 0],
  [0, 0, -1],
  [0, -1, 0],
];

function requireGrid(height: unknown, width: unknown, depth: unknown): void {
  requireIntegerInRange("height", height, 1, MAX_MDRNN_SIZE);
  requireIntegerInRange("width", width, 1, MAX_MDRNN_SIZE);
  requireIntegerInRange("depth", depth, 1, MAX_MDRNN_DEPTH);
}

/**
 * Earliest step (0-based) at which each unit can run when every step runs all units whose inputs are ready; flat index (l·H + r)·W + c with 0-based layer l. Used in chapter 2.3.
 *
 * step(u) = 1 + max(step of the units u reads), −1 for none (the input image
 * is given), filled in the graph's topological order (layer, row, column
 * ascending): the longest path into u. Sizes outside 1…MAX_MDRNN_SIZE or a
 * depth outside 1…MAX_MDRNN_DEPTH throw RangeError.
 */
export function mdrnnUnitSteps(height: number, width: number, depth: number): Int32Array {
  requireGrid(height, width, depth);
  const plane: number = height * width;
  const steps: Int32Array = new Int32Array(depth * plane);
  // The three reads of MDRNN_INPUTS written out: this loop runs up to
  // 4·10⁶ times at the caps.
  for (let l = 0; l < depth; l++) {
    const base: number = l * plane;
    for (let r = 0; r < height; r++) {
      const at: number = base + r * width;
      for (let c = 0; c < width; c++) {
        let latest: number = -1; // −1: reads only the image or zero states
        if (l > 0 && steps[at - plane + c] > latest) latest = steps[at - plane + c]; // below
        if (c > 0 && steps[at + c - 1] > latest) latest = steps[at + c - 1]; // west
        if (r > 0 && steps[at - width + c] > latest) latest = steps[at - width + c]; // north
        steps[at + c] = latest + 1;
      }
    }
  }
  return steps;
}

/** Number of units on the longest chain of dependent unit updates in a d-layer MDRNN on H×W (the wavefront's step count), from the dependency graph. Used in chapter 2.3. */
export function mdrnnCriticalPath(height: number, width: number, depth: number): number {
  const steps: Int32Array = mdrnnUnitSteps(height, width, depth);
  let longest: number = 0;
  for (let i = 0; i < steps.length; i++) if (steps[i] > longest) longest = steps[i];
  return longest + 1;
}

/** The wavefront schedule for the chapter's step-by-step widget. Used in chapter 2.3. */
export interface MdrnnWavefront {
  /** Step of unit (l, r, c) at flat index (l·H + r)·W + c, 0-based. */
  readonly steps: Int32Array;
  /** unitsPerStep[s]: how many units run at step s (they run in parallel). */
  readonly unitsPerStep: number[];
  /** Number of steps, = the critical path. */
  readonly stepCount: number;
}

/** Wavefront schedule of a d-layer MDRNN on H×W: each unit's step, units per step, and the step count. Used in chapter 2.3. */
export function mdrnnWavefront(height: number, width: number, depth: number): MdrnnWavefront {
  const steps: Int32Array = mdrnnUnitSteps(height, width, depth);
  const unitsPerStep: number[] = [];
  for (let i = 0; i < steps.length; i++) {
    const s: number = steps[i];
    while (unitsPerStep.length <= s) unitsPerStep.push(0);
    unitsPerStep[s] += 1;
  }
  return { steps, unitsPerStep, stepCount: unitsPerStep.length };
}

/** Step counts of three ways to run a d-layer MDRNN on H×W, one unit update per unit per step. Used in chapter 2.3. */
export interface MdrnnSchedules {
  /** All units with equal layer + row + column at once: H + W + d − 2. */
  readonly wavefront: number;
  /** One layer at a time, each by its own diagonal wavefront: d(H + W − 1). */
  readonly layerByLayer: number;
  /** One unit at a time in raster order, layer after layer: dHW. */
  readonly rasterScan: number;
}

/**
 * Step counts of the wavefront, layer-by-layer and raster-scan schedules (O(H + W + d), O(d(H + W)), O(dHW)). Used in chapter 2.3.
 *
 * The first two come from the dependency graph (the critical path of the d
 * layers together, and d times that of one layer on its own); the raster
 * scan is one step per unit.
 */
export function mdrnnScheduleSteps(height: number, width: number, depth: number): MdrnnSchedules {
  requireGrid(height, width, depth);
  return {
    wavefront: mdrnnCriticalPath(height, width, depth),
    layerByLayer: depth * mdrnnCriticalPath(height, width, 1),
    rasterScan: depth * height * width,
  };
}

/**
 * Input pixels (grid[r][c]) that the hidden state at (row, col) of layer `depth` depends on, itself included — the upper-left quadrant r ≤ row, c ≤ col. Used in chapter 2.3.
 *
 * Propagated backwards through the recurrence: within a layer a reached
 * unit reaches its west and north neighbours (one sweep from bottom-right to
 * top-left closes the set), and each reached unit reaches the unit below.
 * The result does not depend on depth (1 ≤ depth ≤ MAX_MDRNN_DEPTH); a pixel
 * outside the grid, bad sizes or non-integers throw RangeError.
 */
export function mdrnnContext(height: number, width: number, row: number, col: number, depth: number = 1): boolean[][] {
  requireGrid(height, width, depth);
  requireIntegerInRange("row", row, 0, height - 1);
  requireIntegerInRange("col", col, 0, width - 1);
  const reached: Uint8Array = new Uint8Array(height * width);
  reached[row * width + col] = 1;
  for (let l = depth; l >= 1; l--) {
    // The set carried down from layer l + 1 becomes the seeds of layer l
    // (the vertical input); close it under "reads west" and "reads north".
    for (let r = height - 1; r >= 0; r--) {
      for (let c = width - 1; c >= 0; c--) {
        const east: boolean = c + 1 < width && reached[r * width + c + 1] === 1;
        const south: boolean = r + 1 < height && reached[(r + 1) * width + c] === 1;
        if (east || south) reached[r * width + c] = 1;
      }
    }
  }
  const grid: boolean[][] = [];
  for (let r = 0; r < height; r++) {
    const line: boolean[] = new Array<boolean>(width);
    for (let c = 0; c < width; c++) line[c] = reached[r * width + c] === 1;
    grid.push(line);
  }
  return grid;
}

/** Arguments of mdrnnConnections: image size, channels k (input and units), depth d, and whether connections from the zero states at the borders count. Used in chapter 2.3. */
export interface MdrnnConnectionOptions {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly depth: number;
  readonly countPadding: boolean;
}

/**
 * Exact connections of a d-layer MDRNN: 3k² per position per layer (input, west, north), 3dHWk² in all with border zero states counted; k²(HW + H(W − 1) + (H − 1)W) per layer without. Used in chapter 2.3.
 *
 * Counted tap by tap, like a convolution with taps [0, 0], [0, −1], [−1, 0].
 */
export function mdrnnConnections(options: MdrnnConnectionOptions): ConnectionCount {
  if (typeof options !== "object" || options === null) throw new RangeError(`options must be an object, got ${describeValue(options)}`);
  requireGrid(options.height, options.width, options.depth);
  requireIntegerInRange("channels", options.channels, 1, MAX_IMAGE_CHANNELS);
  const taps: Tap[] = MDRNN_INPUTS.map(([, dr, dc]): Tap => [dr, dc]);
  const layer: number = convolutionConnections(taps, options.height, options.width, options.channels, options.countPadding);
  const perLayer: number[] = new Array<number>(options.depth).fill(layer);
  return { perLayer, total: layer * options.depth };
}

/** The three ways chapter 2.3 runs an MDRNN: all ready units at once, one layer at a time (each by its own wavefront), one unit at a time in raster order. Used in chapter 2.3. */
export type MdrnnSchedule = "wavefront" | "layer-by-layer" | "raster-scan";

/** The schedules in the order the chapter compares them. Used in chapter 2.3. */
export const MDRNN_SCHEDULES: readonly MdrnnSchedule[] = ["wavefront", "layer-by-layer", "raster-scan"];

function requireSchedule(schedule: unknown): MdrnnSchedule {
  if (schedule !== "wavefront" && schedule !== "layer-by-layer" && schedule !== "raster-scan") {
    throw new RangeError(`schedule must be "wavefront", "layer-by-layer" or "raster-scan", got ${describeValue(schedule)}`);
  }
  return schedule;
}

/**
 * Step (0-based) of every unit under one of the three schedules, with units per step and the step count, for the chapter's step-by-step widget. Used in chapter 2.3.
 *
 * "wavefront" is mdrnnWavefront (every unit at its earliest step).
 * "layer-by-layer" runs layer l only after layer l − 1 has finished, each
 * layer by the earliest schedule of a one-layer network (its own graph's
 * longest paths), so layer l starts at step l·(critical path of one layer).
 * "raster-scan" runs one unit per step in the order layer, row, column.
 * Same argument checks as mdrnnUnitSteps, plus the schedule's name.
 */
export function mdrnnScheduleTimeline(height: number, width: number, depth: number, schedule: MdrnnSchedule): MdrnnWavefront {
  requireGrid(height, width, depth);
  const s: MdrnnSchedule = requireSchedule(schedule);
  if (s === "wavefront") return mdrnnWavefront(height, width, depth);
  const plane: number = height * width;
  const steps: Int32Array = new Int32Array(depth * plane);
  if (s === "raster-scan") {
    for (let i = 0; i < steps.length; i++) steps[i] = i;
  } else {
    const one: Int32Array = mdrnnUnitSteps(height, width, 1);
    let span: number = 0;
    for (let i = 0; i < plane; i++) if (one[i] + 1 > span) span = one[i] + 1;
    for (let l = 0; l < depth; l++) for (let i = 0; i < plane; i++) steps[l * plane + i] = l * span + one[i];
  }
  let stepCount: number = 0;
  for (let i = 0; i < steps.length; i++) if (steps[i] + 1 > stepCount) stepCount = steps[i] + 1;
  const unitsPerStep: number[] = new Array<number>(stepCount).fill(0);
  for (let i = 0; i < steps.length; i++) unitsPerStep[steps[i]] += 1;
  return { steps, unitsPerStep, stepCount };
}

/**
 * Input pixels (grid[r][c]) that the prediction of x(row, col) depends on, under the chapter's convention: the output for x(row, col) reads the top-layer states h_d(row, col − 1) and h_d(row − 1, col), never x(row, col) itself. Used in chapter 2.3.
 *
 * It is the union of the contexts (mdrnnContext) of those two states, so the
 * upper-left quadrant r ≤ row, c ≤ col without the pixel itself; empty at
 * (0, 0). Depth does not change it. Same argument checks as mdrnnContext.
 */
export function mdrnnPredictionContext(height: number, width: number, row: number, col: number, depth: number = 1): boolean[][] {
  requireGrid(height, width, depth);
  requireIntegerInRange("row", row, 0, height - 1);
  requireIntegerInRange("col", col, 0, width - 1);
  const out: boolean[][] = Array.from({ length: height }, () => new Array<boolean>(width).fill(false));
  const read: Array<[number, number]> = [];
  if (col > 0) read.push([row, col - 1]); // west state
  if (row > 0) read.push([row - 1, col]); // north state
  for (const [r, c] of read) {
    const ctx: boolean[][] = mdrnnContext(height, width, r, c, depth);
    for (let i = 0; i < height; i++) for (let j = 0; j < width; j++) if (ctx[i][j]) out[i][j] = true;
  }
  return out;
}

/** The MDRNN's prediction context and a PixelCNN's receptive field for the same pixel, compared pixel by pixel, with their sizes. Used in chapter 2.3. */
export interface ContextComparison {
  /** mdrnnPredictionContext of the pixel. */
  readonly mdrnn: boolean[][];
  /** The PixelCNN receptive field (pixelCnnView). */
  readonly field: boolean[][];
  /** The PixelCNN blind spot (pixelCnnView). */
  readonly blindSpot: boolean[][];
  /** Pixels before (row, col) in raster order: the whole past. */
  readonly past: number;
  readonly mdrnnSize: number;
  readonly fieldSize: number;
  readonly blindSpotSize: number;
  /** Pixels both models see. */
  readonly both: number;
  /** Pixels only the MDRNN sees. */
  readonly mdrnnOnly: number;
  /** Pixels only the PixelCNN sees; every one of them is up-right (above and to the right). */
  readonly pixelCnnOnly: number;
  /** Past pixels above and to the right (r < row, c > col): the part of the past the MDRNN never sees. */
  readonly upRightPast: number;
  /** Past pixels neither model sees. */
  readonly neither: number;
}

/**
 * Compare, at one pixel of an H×W image, the MDRNN's prediction context with the receptive field of a PixelCNN with masks `masks` (first layer first). Used in chapter 2.3.
 *
 * Both grids come from their dependency graphs (mdrnnPredictionContext,
 * pixelCnnView); the counts are taken pixel by pixel. Same argument checks
 * as pixelCnnView (the MDRNN's sizes must also be ≤ MAX_MDRNN_SIZE).
 */
export function compareContexts(masks: readonly Mask[], height: number, width: number, row: number, col: number): ContextComparison {
  const view: PixelCnnView = pixelCnnView(masks, height, width, row, col);
  const mdrnn: boolean[][] = mdrnnPredictionContext(height, width, row, col);
  let mdrnnSize: number = 0;
  let both: number = 0;
  let mdrnnOnly: number = 0;
  let pixelCnnOnly: number = 0;
  let upRightPast: number = 0;
  let neither: number = 0;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const inPast: boolean = r < row || (r === row && c < col);
      const m: boolean = mdrnn[r][c];
      const p: boolean = view.field[r][c];
      if (m) mdrnnSize++;
      if (m && p) both++;
      else if (m) mdrnnOnly++;
      else if (p) pixelCnnOnly++;
      else if (inPast) neither++;
      if (r < row && c > col) upRightPast++;
    }
  }
  return {
    mdrnn,
    field: view.field,
    blindSpot: view.blindSpot,
    past: row * width + col,
    mdrnnSize,
    fieldSize: view.fieldSize,
    blindSpotSize: view.blindSpotSize,
    both,
    mdrnnOnly,
    pixelCnnOnly,
    upRightPast,
    neither,
  };
}

/**
 * Sequential steps to sample a whole H×W image from a d-layer MDRNN when every step runs all it can: one step per unit update and one per drawn pixel (its output reads h_d west and north, as in mdrnnPredictionContext). Used in chapter 2.3.
 *
 * Longest path over the graph of pixel draws and unit updates: x(r, c) waits
 * for h_d(r, c − 1) and h_d(r − 1, c); h_1(r, c) waits for x(r, c) and its
 * west and north neighbours; h_l(r, c) for h_{l−1}(r, c) and its neighbours.
 * Pixels on one anti-diagonal never wait for each other, so the result is
 * (H + W − 2)(d + 1) + 1, not H·W·(d + 1) (the tests check the closed form).
 */
export function mdrnnSamplingCriticalPath(height: number, width: number, depth: number): number {
  requireGrid(height, width, depth);
  const plane: number = height * width;
  const draw: Int32Array = new Int32Array(plane); // step of x(r, c)
  const state: Int32Array = new Int32Array(depth * plane); // step of h_l(r, c), layer-major
  let longest: number = 0;
  // Raster order is a topological order of this graph: every node reads
  // only nodes at earlier (row, col), or lower layers at the same (row, col).
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const i: number = r * width + c;
      const top: number = (depth - 1) * plane;
      let latest: number = -1;
      if (c > 0) latest = Math.max(latest, state[top + i - 1]);
      if (r > 0) latest = Math.max(latest, state[top + i - width]);
      draw[i] = latest + 1;
      if (draw[i] + 1 > longest) longest = draw[i] + 1;
      for (let l = 0; l < depth; l++) {
        const at: number = l * plane + i;
        let ready: number = l === 0 ? draw[i] : state[at - plane];
        if (c > 0) ready = Math.max(ready, state[at - 1]);
        if (r > 0) ready = Math.max(ready, state[at - width]);
        state[at] = ready + 1;
      }
    }
  }
  return longest;
}

/** What sampling an MDRNN one pixel at a time in raster order costs, counted as mdrnnSamplingCriticalPath counts steps. Used in chapter 2.3. */
export interface MdrnnPixelByPixelSampling {
  /** Pixels drawn: H·W. */
  readonly draws: number;
  /** Unit updates some later draw reads: the d at every position but the last, (H·W − 1)·d. */
  readonly unitUpdates: number;
  /** Sequential steps, one per draw and one per update, nothing overlapping: H·W + (H·W − 1)·d. */
  readonly steps: number;
}

/**
 * Steps to sample an H×W image from a d-layer MDRNN one pixel at a time: draw x(r, c), then the d updates at (r, c) one layer after the other, then the next pixel; the d updates after the last draw are left out, since no draw reads them. Used in chapter 2.3.
 *
 * Every other state is read by a later draw: h_d(r, c) by x(r, c + 1) or
 * x(r + 1, c), and each lower layer by the one above it. So the count is
 * H·W·(d + 1) − d, against mdrnnSamplingCriticalPath's (H + W − 2)(d + 1) + 1
 * for drawing whole anti-diagonals (the tests recount both on the graph).
 * Same argument checks as mdrnnUnitSteps.
 */
export function mdrnnPixelByPixelSampling(height: number, width: number, depth: number): MdrnnPixelByPixelSampling {
  requireGrid(height, width, depth);
  const draws: number = height * width;
  const unitUpdates: number = (draws - 1) * depth;
  return { draws, unitUpdates, steps: draws + unitUpdates };
}

/** Arguments of mdrnnActivationCount: image size, units per layer position k, depth d. Used in chapter 2.3. */
export interface ActivationCountOptions {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly depth: number;
}

/**
 * Numbers kept for backpropagation by a d-layer network with k units (or filters) at each of the H·W positions of every layer: d·H·W·k, the same for the MDRNN and for PixelCNN (one k-vector per position per layer; the input image not counted). Used in chapter 2.3.
 */
export function mdrnnActivationCount(options: ActivationCountOptions): number {
  if (typeof options !== "object" || options === null) throw new RangeError(`options must be an object, got ${describeValue(options)}`);
  requireGrid(options.height, options.width, options.depth);
  requireIntegerInRange("channels", options.channels, 1, MAX_IMAGE_CHANNELS);
  return options.depth * options.height * options.width * options.channels;
}
