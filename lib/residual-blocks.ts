// Chapter 1.3's simulation: a stack of residual blocks of one of the five
// kinds in He, Zhang, Ren & Sun 2016, "Identity Mappings in Deep Residual
// Networks", Fig. 4, run forward and backward by hand on a random batch, to
// show how the gradient norm changes from block to block.
//
// Conventions. A batch is a row-major batch × width Float64Array, one example
// per row. "W" multiplies each example from the right, h = x·W with W a
// width × width matrix (in × out); its entries are N(0, 2/width) (He
// initialisation). BN normalises every column (feature) over the batch in
// training mode: batch statistics, γ = 1, β = 0, ε = 1e-5, and the backward
// pass goes through the statistics (lib/batch-norm.ts). ReLU' (0) = 0.
// With x_l the input of block l + 1 (l = 0 … depth − 1) and x_depth the
// output of the last block, the loss is L = ⟨G, x_depth⟩ = Σ G ⊙ x_depth for
// a fixed standard normal G, so ∂L/∂x_depth = G and every ∂L/∂x_l is G pulled
// back through the blocks, i.e. a random direction through the Jacobians.
//
// The backward pass is linear in G, so after each block the gradient is
// divided by its norm and the logarithm of the norm is carried separately:
// depth 200 with ×10 per block would not overflow. Norms are reported as
// log₁₀ (residualGradientLog10Norms); residualGradientNorms converts back.

import { BATCH_NORM_DEFAULT_EPS, batchNormColumnsBackward, batchNormColumnsForward } from "./batch-norm";
import { euclideanNorm, matMulInto, transposeInto } from "./dense";
import { LogAccumulator, log10FromLn } from "./log-space";
import { createRng, type Rng } from "./random";
import { describeValue, requireIntegerInRange } from "./validate";

/** The five blocks of He et al. 2016, Fig. 4 (a)–(e); see RESIDUAL_BLOCK_DIAGRAMS for the wiring. Used in chapter 1.3. */
export type ResidualBlock = "original" | "bn-after-addition" | "relu-before-addition" | "relu-only-preactivation" | "full-preactivation";

/** All block kinds in the order of He et al. 2016, Fig. 4 (a) to (e). Used in chapter 1.3. */
export const RESIDUAL_BLOCKS: readonly ResidualBlock[] = Object.freeze([
  "original",
  "bn-after-addition",
  "relu-before-addition",
  "relu-only-preactivation",
  "full-preactivation",
] as const);

/** Each block's computation from input x to output, as in He et al. 2016, Fig. 4 (plain text for captions and legends). Used in chapter 1.3. */
export const RESIDUAL_BLOCK_DIAGRAMS: Readonly<Record<ResidualBlock, string>> = Object.freeze({
  original: "x → W₁ → BN → ReLU → W₂ → BN → (+x) → ReLU",
  "bn-after-addition": "x → W₁ → BN → ReLU → W₂ → (+x) → BN → ReLU",
  "relu-before-addition": "x → W₁ → BN → ReLU → W₂ → BN → ReLU → (+x)",
  "relu-only-preactivation": "x → ReLU → W₁ → BN → ReLU → W₂ → BN → (+x)",
  "full-preactivation": "x → BN → ReLU → W₁ → BN → ReLU → W₂ → (+x)",
});

/** Largest number of blocks the simulation accepts (200). Used in chapter 1.3. */
export const MAX_RESIDUAL_DEPTH: number = 200;
/** Largest width (features per example) the simulation accepts (256). Used in chapter 1.3. */
export const MAX_RESIDUAL_WIDTH: number = 256;
/** Largest batch the simulation accepts (1024); the smallest is 2, since BN over one example outputs β whatever the input. Used in chapter 1.3. */
export const MAX_RESIDUAL_BATCH: number = 1024;

/**
 * Memory budget of one simulation, 256 MiB: 8·depth·(2·width² + 2·batch·width) bytes of weights and stored activations plus depth·batch·width bytes of ReLU masks. Used in chapter 1.3.
 *
 * It admits depth 200 at width 128, batch 256 (≈ 164 MB) and depth 100 at
 * width 256, batch 256 (≈ 217 MB), and keeps a slider combination of all
 * three maxima (≈ 2 GB, tens of seconds) from taking down a browser tab.
 */
export const MAX_RESIDUAL_BYTES: number = 256 * 2 ** 20;

/** Size and seed of a simulated stack. Used in chapter 1.3. */
export interface ResidualStackOptions {
  /** Number of blocks, integer in [1, MAX_RESIDUAL_DEPTH]. */
  readonly depth: number;
  /** Features per example, integer in [1, MAX_RESIDUAL_WIDTH]. */
  readonly width: number;
  /** Examples per batch, integer in [2, MAX_RESIDUAL_BATCH]. */
  readonly batch: number;
  /** Seed for createRng, any safe integer. */
  readonly seed: number;
}

/** The random draws of a stack: input, loss direction and weights (treat as read-only). Used in chapter 1.3. */
export interface ResidualStackDraws extends ResidualStackOptions {
  /** x_0, batch × width, entries N(0, 1). */
  readonly x0: Float64Array;
  /** G in L = ⟨G, x_depth⟩, batch × width, entries N(0, 1). */
  readonly g: Float64Array;
  /** 2·depth width × width matrices: W₁ of block l + 1 at index 2l, W₂ at 2l + 1; entries N(0, 2/width). */
  readonly weights: readonly Float64Array[];
}

/** Bytes a simulation of this size keeps (see MAX_RESIDUAL_BYTES). Used in chapter 1.3. */
export function residualSimulationBytes(depth: number, width: number, batch: number): number {
  return 8 * depth * (2 * width * width + 2 * batch * width) + depth * batch * width;
}

function requireOptions(options: unknown): ResidualStackOptions {
  if (typeof options !== "object" || options === null) {
    throw new RangeError(`options must be an object with depth, width, batch and seed, got ${describeValue(options)}`);
  }
  const o = options as Record<string, unknown>;
  const depth: number = requireIntegerInRange("depth", o.depth, 1, MAX_RESIDUAL_DEPTH);
  const width: number = requireIntegerInRange("width", o.width, 1, MAX_RESIDUAL_WIDTH);
  if (o.batch === 1) {
    throw new RangeError(
      "batch must be at least 2, got 1: batch norm over a single example outputs β whatever the input, so every gradient is 0",
    );
  }
  const batch: number = requireIntegerInRange("batch", o.batch, 2, MAX_RESIDUAL_BATCH);
  if (typeof o.seed !== "number" || !Number.isSafeInteger(o.seed)) {
    throw new RangeError(`seed must be a safe integer, got ${describeValue(o.seed)}`);
  }
  const bytes: number = residualSimulationBytes(depth, width, batch);
  if (bytes > MAX_RESIDUAL_BYTES) {
    throw new RangeError(
      `depth ${depth}, width ${width}, batch ${batch} needs ${(bytes / 2 ** 20).toFixed(0)} MiB, more than the ${MAX_RESIDUAL_BYTES / 2 ** 20} MiB budget; reduce depth, width or batch`,
    );
  }
  return { depth, width, batch, seed: o.seed };
}

function requireBlock(block: unknown): ResidualBlock {
  if (typeof block !== "string" || !(RESIDUAL_BLOCKS as readonly string[]).includes(block)) {
    throw new RangeError(`block must be one of ${RESIDUAL_BLOCKS.map((b) => `"${b}"`).join(", ")}, got ${describeValue(block)}`);
  }
  return block as ResidualBlock;
}

function fillNormal(rng: Rng, out: Float64Array, sd: number): void {
  for (let i = 0; i < out.length; i++) out[i] = sd * rng.normal();
}

/**
 * Draws a stack's randomness from createRng(seed) in this order: x_0 (row by row), G (row by row), then for each block W₁ and W₂ (row by row). Used in chapter 1.3.
 *
 * G comes before the weights so that a shallower stack with the same seed
 * is exactly the first blocks of a deeper one, with the same x_0 and G.
 * Drawing is ~65 ns per number (Box–Muller), ≈ 0.2–0.3 s for depth 100 at width
 * 128: reuse one ResidualStackDraws for all five block kinds. Throws
 * RangeError for sizes outside the documented ranges or over
 * MAX_RESIDUAL_BYTES, and for a seed that is not a safe integer.
 */
export function drawResidualStack(options: ResidualStackOptions): ResidualStackDraws {
  const { depth, width, batch, seed } = requireOptions(options);
  const rng: Rng = createRng(seed);
  const x0: Float64Array = new Float64Array(batch * width);
  const g: Float64Array = new Float64Array(batch * width);
  fillNormal(rng, x0, 1);
  fillNormal(rng, g, 1);
  const sd: number = Math.sqrt(2 / width);
  const weights: Float64Array[] = [];
  for (let i = 0; i < 2 * depth; i++) {
    const w: Float64Array = new Float64Array(width * width);
    fillNormal(rng, w, sd);
    weights.push(w);
  }
  return { depth, width, batch, seed, x0, g, weights };
}

function requireDraws(draws: unknown): ResidualStackDraws {
  const { depth, width, batch } = requireOptions(draws);
  const d = draws as Partial<ResidualStackDraws>;
  const cells: number = batch * width;
  const isBuffer = (v: unknown, n: number): boolean => v instanceof Float64Array && v.length === n;
  if (!isBuffer(d.x0, cells) || !isBuffer(d.g, cells)) {
    throw new RangeError(`draws.x0 and draws.g must be Float64Arrays of batch·width = ${cells} numbers (use drawResidualStack)`);
  }
  if (!Array.isArray(d.weights) || d.weights.length !== 2 * depth || !d.weights.every((w: unknown) => isBuffer(w, width * width))) {
    throw new RangeError(`draws.weights must be ${2 * depth} Float64Arrays of width² = ${width * width} numbers (use drawResidualStack)`);
  }
  return draws as ResidualStackDraws;
}

/** Progress report of the step-wise simulation: after each block of the forward pass, then after each block of the backward pass. Used in chapter 1.3. */
export interface ResidualSimulationProgress {
  /** Which pass just advanced. */
  readonly phase: "forward" | "backward";
  /** The block (1 … depth) just processed. */
  readonly block: number;
  /** Steps finished so far (1 … 2·depth). */
  readonly stepsDone: number;
  /** 2·depth. */
  readonly totalSteps: number;
}

/** Result of a full forward and backward pass through a stack. Used in chapter 1.3. */
export interface ResidualSimulationResult {
  /** Entry l (0 … depth) is log₁₀‖∂L/∂x_l‖_F; −Infinity once the gradient is exactly 0. */
  readonly log10Norms: number[];
  /** L = ⟨G, x_depth⟩. */
  readonly loss: number;
  /** ∂L/∂x_0 divided by its norm (batch × width; all zero if the gradient is 0). */
  readonly inputGradientDirection: Float64Array;
}

// g ← g where the stored mask is 1 (ReLU backward, ReLU'(0) = 0). ReLU masks
// are random bits, so every mask and ReLU in this file multiplies by 0 or 1
// instead of branching (a mispredicted branch per entry cost V8 ~5x here).
function maskByBytes(g: Float64Array, mask: Uint8Array, offset: number, n: number): void {
  for (let i = 0; i < n; i++) g[i] = g[i] * mask[offset + i] + 0;
}

function addInto(target: Float64Array, v: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) target[i] += v[i];
}

// The working memory of one simulation. Most of it is the x̂ of every block,
// 8·2·depth·batch·width bytes (52 MB at depth 100, width 128, batch 256),
// and writing to fresh memory costs the operating system a page fault per
// 4 KiB: 0.2 s for those 52 MB on a two-core cloud machine, a fifth of the
// run. A simulation therefore hands its buffers to the next one (chapter 1.3
// runs the five kinds back to back on one draw), through a WeakRef so that
// the garbage collector may still reclaim them between runs. Every buffer is
// written before it is read, so what a previous run left in it never shows.
interface SimulationBuffers {
  /** 2·depth·cells: the x̂ of both BNs of every block. */
  readonly stored: Float64Array;
  /** 2·depth·width: their 1/s. */
  readonly invS: Float64Array;
  /** depth·cells bytes (or none): ReLU masks not given by the sign of an x̂. */
  readonly masks: Uint8Array;
  /** cells each: x_l, then scratch for the passes. */
  readonly x: Float64Array;
  readonly t1: Float64Array;
  readonly t2: Float64Array;
  /** width²: a transposed weight matrix. */
  readonly wT: Float64Array;
}

let spareBuffers: WeakRef<SimulationBuffers> | undefined;

// Takes the spare buffers (so that two simulations alive at once never share
// them), reusing each one that is large enough, as a view of the exact size.
function takeBuffers(depth: number, width: number, batch: number, withMasks: boolean): SimulationBuffers {
  const spare: SimulationBuffers | undefined = spareBuffers?.deref();
  spareBuffers = undefined;
  const cells: number = batch * width;
  const reuse = (old: Float64Array | undefined, n: number): Float64Array =>
    old !== undefined && old.length >= n ? old.subarray(0, n) : new Float64Array(n);
  const maskBytes: number = withMasks ? depth * cells : 0;
  return {
    stored: reuse(spare?.stored, 2 * depth * cells),
    invS: reuse(spare?.invS, 2 * depth * width),
    masks: spare !== undefined && spare.masks.length >= maskBytes ? spare.masks.subarray(0, maskBytes) : new Uint8Array(maskBytes),
    x: reuse(spare?.x, cells),
    t1: reuse(spare?.t1, cells),
    t2: reuse(spare?.t2, cells),
    wT: reuse(spare?.wT, width * width),
  };
}

/**
 * The simulation as a generator: yields a ResidualSimulationProgress after every block of the forward and of the backward pass and returns the ResidualSimulationResult. Used in chapter 1.3.
 *
 * A worker can run it in slices and yield to its event loop between them,
 * so that a newer request can replace this one:
 *   const it = residualSimulationSteps(block, draws);
 *   for (let r = it.next(); !r.done; r = it.next()) if (overBudget()) { await tick(); if (stale) return; }
 * Each step costs two width×width products per example in the batch. The
 * draws are read, never written. Throws RangeError (on the first next())
 * for an unknown block or malformed draws.
 */
export function* residualSimulationSteps(
  block: ResidualBlock,
  draws: ResidualStackDraws,
): Generator<ResidualSimulationProgress, ResidualSimulationResult, void> {
  const kind: ResidualBlock = requireBlock(block);
  const { depth, width, batch } = requireDraws(draws);
  // Stored for the backward pass, per block: two normalised BN outputs x̂
  // (whose signs are also the ReLU masks after them), their 1/s columns,
  // and, where a ReLU acts on something other than an x̂, a byte mask.
  const needsMask: boolean = kind === "original" || kind === "relu-only-preactivation";
  const buffers: SimulationBuffers = takeBuffers(depth, width, batch, needsMask);
  try {
    return yield* runSimulation(kind, draws, buffers);
  } finally {
    spareBuffers = new WeakRef(buffers);
  }
}

function* runSimulation(
  kind: ResidualBlock,
  draws: ResidualStackDraws,
  { stored, invS, masks, x, t1, t2, wT }: SimulationBuffers,
): Generator<ResidualSimulationProgress, ResidualSimulationResult, void> {
  const { depth, width, batch, x0, g: lossDirection, weights } = draws;
  const cells: number = batch * width;
  const totalSteps: number = 2 * depth;
  // Views into them, made once: per block, the first and the second BN's x̂ and 1/s.
  const views = (buffer: Float64Array, size: number, which: number): Float64Array[] =>
    Array.from({ length: depth }, (_, l) => buffer.subarray((2 * l + which) * size, (2 * l + which + 1) * size));
  const xHatAs: Float64Array[] = views(stored, cells, 0);
  const xHatBs: Float64Array[] = views(stored, cells, 1);
  const invSAs: Float64Array[] = views(invS, width, 0);
  const invSBs: Float64Array[] = views(invS, width, 1);
  const xHatA = (l: number): Float64Array => xHatAs[l];
  const xHatB = (l: number): Float64Array => xHatBs[l];
  const invSA = (l: number): Float64Array => invSAs[l];
  const invSB = (l: number): Float64Array => invSBs[l];

  x.set(x0);
  const eps: number = BATCH_NORM_DEFAULT_EPS;

  for (let l = 0; l < depth; l++) {
    const w1: Float64Array = weights[2 * l];
    const w2: Float64Array = weights[2 * l + 1];
    const a: Float64Array = xHatA(l);
    const b: Float64Array = xHatB(l);
    switch (kind) {
      case "original": {
        // x_{l+1} = ReLU(x + BN(ReLU(BN(x W₁)) W₂))
        matMulInto(x, w1, a, batch, width, width);
        batchNormColumnsForward(a, a, invSA(l), batch, width, eps, t1);
        matMulInto(t1, w2, b, batch, width, width);
        batchNormColumnsForward(b, b, invSB(l), batch, width, eps);
        const o: number = l * cells;
        for (let i = 0; i < cells; i++) {
          const z: number = x[i] + b[i];
          const positive: number = +(z > 0);
          masks[o + i] = positive;
          x[i] = z * positive + 0;
        }
        break;
      }
      case "bn-after-addition": {
        // x_{l+1} = ReLU(BN(x + ReLU(BN(x W₁)) W₂))
        matMulInto(x, w1, a, batch, width, width);
        batchNormColumnsForward(a, a, invSA(l), batch, width, eps, t1);
        matMulInto(t1, w2, t2, batch, width, width);
        addInto(t2, x, cells);
        batchNormColumnsForward(t2, b, invSB(l), batch, width, eps, x);
        break;
      }
      case "relu-before-addition": {
        // x_{l+1} = x + ReLU(BN(ReLU(BN(x W₁)) W₂))
        matMulInto(x, w1, a, batch, width, width);
        batchNormColumnsForward(a, a, invSA(l), batch, width, eps, t1);
        matMulInto(t1, w2, b, batch, width, width);
        batchNormColumnsForward(b, b, invSB(l), batch, width, eps);
        for (let i = 0; i < cells; i++) x[i] += b[i] * +(b[i] > 0);
        break;
      }
      case "relu-only-preactivation": {
        // x_{l+1} = x + BN(ReLU(BN(ReLU(x) W₁)) W₂)
        const o: number = l * cells;
        for (let i = 0; i < cells; i++) {
          const v: number = x[i];
          const positive: number = +(v > 0);
          masks[o + i] = positive;
          t1[i] = v * positive + 0;
        }
        matMulInto(t1, w1, a, batch, width, width);
        batchNormColumnsForward(a, a, invSA(l), batch, width, eps, t2);
        matMulInto(t2, w2, b, batch, width, width);
        batchNormColumnsForward(b, b, invSB(l), batch, width, eps);
        addInto(x, b, cells);
        break;
      }
      case "full-preactivation": {
        // x_{l+1} = x + ReLU(BN(ReLU(BN(x)) W₁)) W₂; here a = x̂ of the first BN, b = x̂ of the second.
        batchNormColumnsForward(x, a, invSA(l), batch, width, eps, t1);
        matMulInto(t1, w1, b, batch, width, width);
        batchNormColumnsForward(b, b, invSB(l), batch, width, eps, t1);
        matMulInto(t1, w2, t2, batch, width, width);
        addInto(x, t2, cells);
        break;
      }
    }
    yield { phase: "forward", block: l + 1, stepsDone: l + 1, totalSteps };
  }

  let loss: number = 0;
  for (let i = 0; i < cells; i++) loss += lossDirection[i] * x[i];

  // Backward. g holds ∂L/∂x_{l+1} divided by ‖∂L/∂x_{l+1}‖; lnScale is that norm's logarithm.
  const log10Norms: number[] = new Array<number>(depth + 1).fill(-Infinity);
  const g: Float64Array = Float64Array.from(lossDirection);
  const scratch: Float64Array = new Float64Array(2 * width);
  const lnScale: LogAccumulator = new LogAccumulator();
  let norm: number = euclideanNorm(g, cells);
  let zero: boolean = norm === 0;
  if (!zero) {
    lnScale.add(Math.log(norm));
    for (let i = 0; i < cells; i++) g[i] /= norm;
    log10Norms[depth] = log10FromLn(lnScale.value());
  }

  // out ← src·Wᵀ, the backward pass of h = src·W (Wᵀ is formed once per use,
  // width² moves against batch·width² multiply-adds).
  const timesTransposed = (src: Float64Array, w: Float64Array, out: Float64Array): void => {
    transposeInto(w, wT, width, width);
    matMulInto(src, wT, out, batch, width, width);
  };

  for (let l = depth - 1; l >= 0 && !zero; l--) {
    const w1: Float64Array = weights[2 * l];
    const w2: Float64Array = weights[2 * l + 1];
    const a: Float64Array = xHatA(l);
    const b: Float64Array = xHatB(l);
    switch (kind) {
      case "original": {
        maskByBytes(g, masks, l * cells, cells); // g = ∂L/∂z, z = x + BN(h₂)
        t1.set(g);
        batchNormColumnsBackward(t1, b, invSB(l), batch, width, scratch); // ∂L/∂h₂
        timesTransposed(t1, w2, t2); // ∂L/∂r₁
        batchNormColumnsBackward(t2, a, invSA(l), batch, width, scratch, true); // ∂L/∂h₁, through the ReLU after BN₁
        timesTransposed(t2, w1, t1);
        addInto(g, t1, cells);
        break;
      }
      case "bn-after-addition": {
        batchNormColumnsBackward(g, b, invSB(l), batch, width, scratch, true); // g = ∂L/∂z, z = x + h₂
        timesTransposed(g, w2, t1);
        batchNormColumnsBackward(t1, a, invSA(l), batch, width, scratch, true);
        timesTransposed(t1, w1, t2);
        addInto(g, t2, cells);
        break;
      }
      case "relu-before-addition": {
        t1.set(g);
        batchNormColumnsBackward(t1, b, invSB(l), batch, width, scratch, true);
        timesTransposed(t1, w2, t2);
        batchNormColumnsBackward(t2, a, invSA(l), batch, width, scratch, true);
        timesTransposed(t2, w1, t1);
        addInto(g, t1, cells);
        break;
      }
      case "relu-only-preactivation": {
        t1.set(g);
        batchNormColumnsBackward(t1, b, invSB(l), batch, width, scratch);
        timesTransposed(t1, w2, t2);
        batchNormColumnsBackward(t2, a, invSA(l), batch, width, scratch, true);
        timesTransposed(t2, w1, t1);
        maskByBytes(t1, masks, l * cells, cells);
        addInto(g, t1, cells);
        break;
      }
      case "full-preactivation": {
        timesTransposed(g, w2, t1);
        batchNormColumnsBackward(t1, b, invSB(l), batch, width, scratch, true);
        timesTransposed(t1, w1, t2);
        batchNormColumnsBackward(t2, a, invSA(l), batch, width, scratch, true);
        addInto(g, t2, cells);
        break;
      }
    }
    norm = euclideanNorm(g, cells);
    if (norm === 0) {
      zero = true;
    } else {
      lnScale.add(Math.log(norm));
      for (let i = 0; i < cells; i++) g[i] /= norm;
      log10Norms[l] = log10FromLn(lnScale.value());
    }
    yield { phase: "backward", block: l + 1, stepsDone: 2 * depth - l, totalSteps };
  }
  if (zero) g.fill(0);
  return { log10Norms, loss, inputGradientDirection: g };
}

/** Thrown by simulateResidualStack when its shouldStop hook asks it to stop (name "AbortError", like an aborted fetch). Used in chapter 1.3. */
export class ResidualSimulationCancelled extends Error {
  constructor() {
    super("the residual-block simulation was cancelled");
    this.name = "AbortError";
  }
}

/** Optional hooks of simulateResidualStack: progress reports and a cancellation check, both called between blocks. Used in chapter 1.3. */
export interface ResidualSimulationHooks {
  /** Called after every block of either pass. */
  readonly onProgress?: (progress: ResidualSimulationProgress) => void;
  /** Called after every block; returning true abandons the run with ResidualSimulationCancelled. */
  readonly shouldStop?: () => boolean;
}

/**
 * Runs residualSimulationSteps to the end on given draws: log₁₀‖∂L/∂x_l‖ (l = 0 … depth), L and the direction of ∂L/∂x_0. Used in chapter 1.3.
 *
 * Throws RangeError for an unknown block or malformed draws, and
 * ResidualSimulationCancelled if hooks.shouldStop() returns true.
 */
export function simulateResidualStack(
  block: ResidualBlock,
  draws: ResidualStackDraws,
  hooks: ResidualSimulationHooks = {},
): ResidualSimulationResult {
  const steps = residualSimulationSteps(block, draws);
  for (;;) {
    const r: IteratorResult<ResidualSimulationProgress, ResidualSimulationResult> = steps.next();
    if (r.done === true) return r.value;
    hooks.onProgress?.(r.value);
    if (hooks.shouldStop?.() === true) {
      throw new ResidualSimulationCancelled();
    }
  }
}

/** Options of residualGradientLog10Norms: a stack's size and seed plus the block kind. Used in chapter 1.3. */
export interface ResidualGradientOptions extends ResidualStackOptions {
  /** Which of the five blocks every layer of the stack is. */
  readonly block: ResidualBlock;
}

/**
 * log₁₀‖∂L/∂x_l‖_F for l = 0 … depth (length depth + 1) in a stack of `depth` blocks of one kind, with draws from drawResidualStack(options). Used in chapter 1.3.
 *
 * Never overflows or underflows (the norm is carried in log space);
 * −Infinity only when the gradient is exactly 0. Depth 100, width 128,
 * batch 256 takes ≈ 0.3 s to draw plus ≈ 0.6–0.7 s per block kind on one
 * core of a two-core cloud machine (`npm run bench`; ≈ 0.2 s more for a run
 * that cannot reuse a finished run's buffers); to compare kinds, draw once
 * with drawResidualStack and call simulateResidualStack per kind. Throws RangeError for an unknown block,
 * sizes outside their ranges or over MAX_RESIDUAL_BYTES, or a seed that is
 * not a safe integer; ResidualSimulationCancelled via hooks.shouldStop.
 */
export function residualGradientLog10Norms(options: ResidualGradientOptions, hooks: ResidualSimulationHooks = {}): number[] {
  const block: ResidualBlock = requireBlock((options as Partial<ResidualGradientOptions> | null)?.block);
  return simulateResidualStack(block, drawResidualStack(options), hooks).log10Norms;
}

/**
 * ‖∂L/∂x_l‖_F for l = 0 … depth: 10 to the power of residualGradientLog10Norms (same options, hooks and errors). Used in chapter 1.3.
 *
 * Plain numbers overflow to Infinity beyond 1.8e308 (or underflow to 0);
 * plots over depth should use the log₁₀ version.
 */
export function residualGradientNorms(options: ResidualGradientOptions, hooks: ResidualSimulationHooks = {}): number[] {
  return residualGradientLog10Norms(options, hooks).map((v: number) => 10 ** v);
}

/** How fast the gradient norm grows going backwards through a stack (summary of a log₁₀-norm profile). Used in chapter 1.3. */
export interface GradientGrowthSummary {
  /** log₁₀(‖∂L/∂x_0‖/‖∂L/∂x_depth‖). */
  readonly totalLog10Growth: number;
  /** Geometric mean of ‖∂L/∂x_l‖/‖∂L/∂x_{l+1}‖ over the blocks: 10^(totalLog10Growth/depth). */
  readonly perBlockFactor: number;
  /** 10^(−slope) of the least-squares line through (l, log₁₀‖∂L/∂x_l‖): the per-block factor if the growth is exponential. */
  readonly fittedPerBlockFactor: number;
  /** R² of that line (1 for exactly exponential growth; lower when the profile bends). */
  readonly exponentialFitR2: number;
  /** −slope of the least-squares line through (log₁₀(l + 1), log₁₀‖∂L/∂x_l‖): p if ‖∂L/∂x_l‖ ∝ (l + 1)^(−p). */
  readonly powerLawExponent: number;
  /** R² of that line (1 for an exact power law). */
  readonly powerLawFitR2: number;
}

// Least-squares slope and R² of ys against xs (both finite, n ≥ 2), centred for accuracy.
function lineFit(xs: readonly number[], ys: readonly number[]): { slope: number; r2: number } {
  const n: number = xs.length;
  let mx: number = 0;
  let my: number = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxx: number = 0;
  let sxy: number = 0;
  let syy: number = 0;
  for (let i = 0; i < n; i++) {
    const dx: number = xs[i] - mx;
    const dy: number = ys[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const slope: number = sxy / sxx;
  // A flat profile fits a flat line perfectly.
  const r2: number = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, r2 };
}

/**
 * Summarises a profile log₁₀‖∂L/∂x_l‖, l = 0 … depth (as from residualGradientLog10Norms): total growth, geometric-mean and fitted per-block factors, R² of the exponential fit and a power-law exponent. Used in chapter 1.3.
 *
 * Exponential growth (a constant factor per block) shows as a straight line
 * in l with R² near 1; polynomial growth ‖∂L/∂x_l‖ ∝ (l + 1)^(−p) as a
 * straight line in log(l + 1), and a per-block factor that drifts to 1 as
 * depth grows. Throws RangeError for fewer than two entries or an entry that
 * is not finite (a gradient that is exactly 0 has no growth rate).
 */
export function summariseGradientGrowth(log10Norms: readonly number[]): GradientGrowthSummary {
  if (!Array.isArray(log10Norms) || log10Norms.length < 2) {
    throw new RangeError(`log10Norms must be an array of at least 2 finite numbers, got ${describeValue(log10Norms)}`);
  }
  log10Norms.forEach((v: unknown, i: number) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RangeError(`log10Norms[${i}] must be a finite number, got ${describeValue(v)}`);
    }
  });
  const depth: number = log10Norms.length - 1;
  const totalLog10Growth: number = log10Norms[0] - log10Norms[depth];
  const ls: number[] = log10Norms.map((_: number, l: number) => l);
  const exponential = lineFit(ls, log10Norms);
  const power = lineFit(
    ls.map((l: number) => Math.log10(l + 1)),
    log10Norms,
  );
  return {
    totalLog10Growth,
    perBlockFactor: 10 ** (totalLog10Growth / depth),
    fittedPerBlockFactor: 10 ** -exponential.slope,
    exponentialFitR2: exponential.r2,
    powerLawExponent: -power.slope,
    powerLawFitR2: power.r2,
  };
}
