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

import { convolutionConnections, MAX_IMAGE_CHANNELS, type Tap } from "./pixelcnn";
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
