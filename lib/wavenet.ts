// Chapter 2.1's model: d layers of 1-D causal convolutions over a signal of
// length t, k channels in and k filters out per layer, stride 1, zero padding
// before the start of the signal. Every filter has size 3 and the tap after
// the centre is zeroed, so with dilation δ the unit at position p of layer l
// reads layer l − 1 at p (centre) and p − δ (the earlier tap) — 2 live taps
// per channel pair.
//
// Everything about "which inputs an output sees" is computed by following
// those taps through the layers; the closed forms (d + 1, 1 + d(d+1)/2, 2^d)
// are what the tests compare against, never what the code uses.

import { describeValue, requireIntegerInRange } from "./validate";

/** How the dilation grows with the layer: constant 1, +1 per layer (the problem's schedule), or ×2 per layer (WaveNet's). Used in chapter 2.1. */
export type DilationSchedule = "none" | "plus-one" | "doubling";

/** The three schedules in the order the chapter shows them. Used in chapter 2.1. */
export const DILATION_SCHEDULES: readonly DilationSchedule[] = ["none", "plus-one", "doubling"];

/**
 * Largest depth any WaveNet function accepts: 1024 layers. Used in chapter 2.1.
 *
 * Enough for every plot in the chapter (a real WaveNet has a few dozen
 * layers) while keeping a mistyped URL from building a huge graph.
 */
export const MAX_WAVENET_DEPTH: number = 1024;

/**
 * Largest depth of the doubling schedule, and largest block size of repeated doubling: 30 layers, receptive field 2^30 samples. Used in chapter 2.1.
 *
 * 2^30 ≈ 1.07·10⁹ samples is 18.6 hours of 16 kHz audio (WaveNet's rate):
 * one more layer cannot see anything a real signal contains, and the top
 * dilation 2^29 stays far inside exact double-precision integers.
 */
export const MAX_DOUBLING_DEPTH: number = 30;

/** Largest single dilation an explicit dilation list may contain: 2^30 samples (see MAX_DOUBLING_DEPTH). Used in chapter 2.1. */
export const MAX_DILATION: number = 2 ** 30;

/**
 * Largest number of disjoint runs the receptive field of an explicit dilation list may split into: 65 536. Used in chapter 2.1.
 *
 * The three named schedules (and repeated doubling) always give one run; an
 * arbitrary list such as 1, 100, 10 000, … can split into 2^d runs, and this
 * cap keeps the propagation linear-time and small in memory.
 */
export const MAX_RECEPTIVE_RUNS: number = 65_536;

/** Largest depth of the dependency graph (one node per layer and position): 64 layers. Used in chapter 2.1. */
export const MAX_GRAPH_DEPTH: number = 64;

/** Largest signal length of the dependency graph: 1024 samples (so at most 65 ·1024 nodes and 2·64·1024 edges). Used in chapter 2.1. */
export const MAX_GRAPH_LENGTH: number = 1024;

/** Largest signal length t the counting functions accept: 2^30 samples. Used in chapter 2.1. */
export const MAX_SIGNAL_LENGTH: number = 2 ** 30;

/** Largest number of channels k the counting functions accept: 65 536. Used in chapter 2.1. */
export const MAX_CHANNELS: number = 65_536;

/**
 * The causal kernel's mask over the taps at offsets −δ, 0, +δ (dimensionless 0/1): the tap after the centre is zeroed. Used in chapter 2.1.
 *
 * The propagation reads its live taps from this array, so "2 live taps" is a
 * consequence of the mask rather than a second constant to keep in step.
 */
export const CAUSAL_KERNEL_MASK: readonly number[] = [1, 1, 0];

function requireSchedule(schedule: unknown): DilationSchedule {
  if (schedule !== "none" && schedule !== "plus-one" && schedule !== "doubling") {
    throw new RangeError(`schedule must be "none", "plus-one" or "doubling", got ${describeValue(schedule)}`);
  }
  return schedule;
}

function requireDepth(depth: unknown, schedule: DilationSchedule, max: number = MAX_WAVENET_DEPTH): number {
  const cap: number = schedule === "doubling" ? Math.min(max, MAX_DOUBLING_DEPTH) : max;
  return requireIntegerInRange("depth", depth, 1, cap);
}

/** Dilation of layers 1…depth under `schedule` (in samples): none 1, 1, …; plus-one 1, 2, …, d; doubling 1, 2, 4, …, 2^{d−1}. Used in chapter 2.1. */
export function dilations(depth: number, schedule: DilationSchedule): number[] {
  const s: DilationSchedule = requireSchedule(schedule);
  requireDepth(depth, s);
  const out: number[] = new Array<number>(depth);
  for (let l = 1; l <= depth; l++) {
    out[l - 1] = s === "none" ? 1 : s === "plus-one" ? l : 2 ** (l - 1);
  }
  return out;
}

/**
 * Dilations of WaveNet's stack: blocks 1, 2, 4, …, 2^{blockSize−1} repeated until `depth` layers (van den Oord et al. 2016c, §2.1, blockSize 10 → 1 … 512). Used in chapter 2.1.
 *
 * depth need not be a multiple of blockSize (the last block is cut short);
 * 1 ≤ depth ≤ MAX_WAVENET_DEPTH, 1 ≤ blockSize ≤ MAX_DOUBLING_DEPTH.
 */
export function repeatedDoublingDilations(depth: number, blockSize: number = 10): number[] {
  requireIntegerInRange("depth", depth, 1, MAX_WAVENET_DEPTH);
  requireIntegerInRange("blockSize", blockSize, 1, MAX_DOUBLING_DEPTH);
  const out: number[] = new Array<number>(depth);
  for (let l = 0; l < depth; l++) out[l] = 2 ** (l % blockSize);
  return out;
}

function requireDilationList(list: unknown, maxDepth: number = MAX_WAVENET_DEPTH): readonly number[] {
  if (!Array.isArray(list)) throw new RangeError(`dilations must be an array of positive integers, got ${describeValue(list)}`);
  if (list.length < 1 || list.length > maxDepth) {
    throw new RangeError(`dilations must hold 1 to ${maxDepth} layers, got ${list.length}`);
  }
  for (let i = 0; i < list.length; i++) requireIntegerInRange(`dilations[${i}]`, list[i], 1, MAX_DILATION);
  return list as readonly number[];
}

/** Live taps of one causal layer with dilation δ, as lags (samples back from the output position): [0, δ] for the centre and the earlier tap. Used in chapter 2.1. */
export function causalLags(dilation: number): number[] {
  requireIntegerInRange("dilation", dilation, 1, MAX_DILATION);
  const lags: number[] = [];
  // Kernel index i sits at offset (i − 1)·δ; its lag is the negated offset.
  for (let i = CAUSAL_KERNEL_MASK.length - 1; i >= 0; i--) {
    if (CAUSAL_KERNEL_MASK[i] !== 0) lags.push((1 - i) * dilation);
  }
  return lags;
}

/**
 * The set of lags (input position = output position − lag) one output depends on, as disjoint sorted inclusive runs [a₀, b₀, a₁, b₁, …], on an unbounded signal. Used in chapter 2.1.
 *
 * Propagated layer by layer: the set S becomes ∪_{λ ∈ live lags} (S + λ),
 * kept as merged runs, so the doubling schedule is one run however long it
 * gets. Throws RangeError for a bad dilation list or
 * when the set splits into more than MAX_RECEPTIVE_RUNS runs.
 */
export function receptiveLagRuns(dilationList: readonly number[]): number[] {
  const dils: readonly number[] = requireDilationList(dilationList);
  // A path's lag is the sum of one live lag per layer, so the set does not
  // depend on the order the layers are applied in; smallest dilation first
  // keeps the intermediate sets in few runs (top-down, doubling would pass
  // through 2^(d−1) runs before closing the gaps at the bottom layers).
  const ascending: number[] = [...dils].sort((a, b) => a - b);
  let runs: number[] = [0, 0];
  for (const d of ascending) runs = throughLayer(runs, d, dils);
  return runs;
}

// One layer of the propagation: the lag runs so far, shifted by every live
// lag of a layer with dilation δ, merged.
function throughLayer(runs: readonly number[], dilation: number, forMessage: readonly number[]): number[] {
  const pieces: Array<[number, number]> = [];
  for (const lag of causalLags(dilation)) {
    for (let i = 0; i < runs.length; i += 2) pieces.push([runs[i] + lag, runs[i + 1] + lag]);
  }
  pieces.sort((p, q) => p[0] - q[0]);
  const merged: number[] = [];
  for (const [a, b] of pieces) {
    const n: number = merged.length;
    if (n > 0 && a <= merged[n - 1] + 1) merged[n - 1] = Math.max(merged[n - 1], b);
    else merged.push(a, b);
  }
  if (merged.length / 2 > MAX_RECEPTIVE_RUNS) {
    const shown: unknown[] = forMessage.length > 8 ? [...forMessage.slice(0, 8), "…"] : [...forMessage];
    throw new RangeError(`dilations ${describeValue(shown)} give a receptive field of more than ${MAX_RECEPTIVE_RUNS} separate runs`);
  }
  return merged;
}

function runsSize(runs: readonly number[]): number {
  let count: number = 0;
  for (let i = 0; i < runs.length; i += 2) count += runs[i + 1] - runs[i] + 1;
  return count;
}

/** Number of input samples one output depends on (on an unbounded signal) for an explicit list of layer dilations, first layer first. Used in chapter 2.1. */
export function waveNetReceptiveFieldOfDilations(dilationList: readonly number[]): number {
  return runsSize(receptiveLagRuns(dilationList));
}

/**
 * Number of input samples one output depends on after `depth` causal layers with `schedule` (samples, on an unbounded signal). Used in chapter 2.1.
 *
 * Computed by propagating dependencies through the live taps (see
 * receptiveLagRuns). 1 ≤ depth ≤ MAX_WAVENET_DEPTH (≤ MAX_DOUBLING_DEPTH for
 * doubling); anything else, or an unknown schedule, throws RangeError.
 */
export function waveNetReceptiveField(depth: number, schedule: DilationSchedule): number {
  return waveNetReceptiveFieldOfDilations(dilations(depth, schedule));
}

/**
 * Smallest depth whose receptive field covers `length` samples (so every output can see the whole signal, path length in the sense of Vaswani et al. 2017, Table 1). Used in chapter 2.1.
 *
 * Found by adding layers one at a time and propagating; throws RangeError
 * if more than the schedule's depth cap would be needed (e.g. length > 1025
 * without dilation) or length is not an integer in [1, MAX_SIGNAL_LENGTH].
 */
export function waveNetDepthForContext(length: number, schedule: DilationSchedule): number {
  const s: DilationSchedule = requireSchedule(schedule);
  requireIntegerInRange("length", length, 1, MAX_SIGNAL_LENGTH);
  const cap: number = s === "doubling" ? MAX_DOUBLING_DEPTH : MAX_WAVENET_DEPTH;
  const all: number[] = dilations(cap, s);
  // Add one layer at a time to the same propagation waveNetReceptiveField
  // runs, so the answer is the first depth whose field reaches `length`.
  let runs: number[] = [0, 0];
  for (let d = 1; d <= cap; d++) {
    runs = throughLayer(runs, all[d - 1], all);
    if (runsSize(runs) >= length) return d;
  }
  throw new RangeError(`length ${describeValue(length)} needs more than ${cap} layers with schedule "${s}"`);
}

/**
 * Smallest depth of an undilated stack (every dilation 1) whose receptive field covers `length` samples: d layers see d + 1 samples, so max(1, length − 1). Used in chapter 2.1.
 *
 * Closed form, with no depth cap: waveNetDepthForContext(length, "none")
 * stops at MAX_WAVENET_DEPTH layers, and a second of audio needs thousands.
 */
export function undilatedDepthForContext(length: number): number {
  requireIntegerInRange("length", length, 1, MAX_SIGNAL_LENGTH);
  return Math.max(1, length - 1);
}

/** One edge of the dependency graph: unit `to` of layer `layer` reads unit `from` of layer `layer − 1` (from < 0: the zero padding). Used in chapter 2.1. */
export interface WaveNetEdge {
  readonly layer: number;
  readonly from: number;
  readonly to: number;
}

/** The part of the network one output depends on, for the chapter's graph widget. Used in chapter 2.1. */
export interface WaveNetDependencyGraph {
  /** Dilation of layers 1…d (index 0 is layer 1). */
  readonly dilations: readonly number[];
  /** nodes[l][p]: whether unit p of layer l (0 = input … d = output) is an ancestor of the output, itself included. */
  readonly nodes: boolean[][];
  /** Edges between real units that the output depends on, top layer first. */
  readonly edges: WaveNetEdge[];
  /** Taps of ancestor units that fall before the start of the signal (from < 0, reading zero padding). */
  readonly paddingEdges: WaveNetEdge[];
  /** Number of input samples reached, i.e. nodes[0] counted (smaller than the receptive field near the start). */
  readonly inputCount: number;
}

/** Dependency graph of output `position` (0-based) after layers with the given dilations over a signal of `length` samples with zero padding before the start. Used in chapter 2.1. */
export function waveNetDependencyGraphOfDilations(
  dilationList: readonly number[],
  length: number,
  position: number,
): WaveNetDependencyGraph {
  const dils: readonly number[] = requireDilationList(dilationList, MAX_GRAPH_DEPTH);
  requireIntegerInRange("length", length, 1, MAX_GRAPH_LENGTH);
  requireIntegerInRange("position", position, 0, length - 1);
  const depth: number = dils.length;
  const marks: Uint8Array[] = [];
  for (let l = 0; l <= depth; l++) marks.push(new Uint8Array(length));
  marks[depth][position] = 1;
  const edges: WaveNetEdge[] = [];
  const paddingEdges: WaveNetEdge[] = [];
  for (let l = depth; l >= 1; l--) {
    const lags: number[] = causalLags(dils[l - 1]);
    const upper: Uint8Array = marks[l];
    const lower: Uint8Array = marks[l - 1];
    for (let p = length - 1; p >= 0; p--) {
      if (upper[p] === 0) continue;
      for (const lag of lags) {
        const q: number = p - lag;
        if (q >= 0) {
          lower[q] = 1;
          edges.push({ layer: l, from: q, to: p });
        } else {
          paddingEdges.push({ layer: l, from: q, to: p });
        }
      }
    }
  }
  const nodes: boolean[][] = marks.map((m) => Array.from(m, (v) => v === 1));
  let inputCount: number = 0;
  for (const v of marks[0]) inputCount += v;
  return { dilations: [...dils], nodes, edges, paddingEdges, inputCount };
}

/** Dependency graph of output `position` (0-based) after `depth` layers with `schedule` over `length` samples (1 ≤ depth ≤ MAX_GRAPH_DEPTH, length ≤ MAX_GRAPH_LENGTH). Used in chapter 2.1. */
export function waveNetDependencyGraph(
  depth: number,
  schedule: DilationSchedule,
  length: number,
  position: number,
): WaveNetDependencyGraph {
  const s: DilationSchedule = requireSchedule(schedule);
  requireDepth(depth, s, MAX_GRAPH_DEPTH);
  return waveNetDependencyGraphOfDilations(dilations(depth, s), length, position);
}

/** Arguments of waveNetConnections: signal length t, channels k, depth d, dilation schedule, and whether taps reading the zero padding count. Used in chapter 2.1. */
export interface WaveNetConnectionOptions {
  readonly length: number;
  readonly channels: number;
  readonly depth: number;
  readonly schedule: DilationSchedule;
  readonly countPadding: boolean;
}

/** Exact connection counts (weights applied, one per channel pair and live tap) per layer, first layer first, and their total. Used in chapters 2.1–2.3. */
export interface ConnectionCount {
  readonly perLayer: number[];
  readonly total: number;
}

function requireBoolean(name: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw new RangeError(`${name} must be true or false, got ${describeValue(value)}`);
  return value;
}

/**
 * Exact connections of the causal stack with explicit dilations: per layer k²·Σ_{live lags λ} #{p < t : p − λ ≥ 0} without padding, or k²·2t with it. Used in chapter 2.1.
 *
 * With padding counted every layer has 2tk² whatever the dilation; without
 * it the tap λ = δ misses the first min(δ, t) positions. Throws RangeError if
 * the total would exceed 2^53 (no longer an exact double).
 */
export function waveNetConnectionsOfDilations(
  dilationList: readonly number[],
  length: number,
  channels: number,
  countPadding: boolean,
): ConnectionCount {
  requireBoolean("countPadding", countPadding);
  return countPerLayer("connection", dilationList, length, channels, (lag) => (countPadding ? length : Math.max(0, length - lag)));
}

/**
 * The connections that read the zero padding, per layer and in total: the tap at lag δ reads padding at the first min(δ, t) positions, so k²·min(δ, t) per layer (with k = 1, the padding taps). Used in chapter 2.1.
 *
 * Equals the count with padding taps minus the count without
 * (waveNetConnectionsOfDilations), layer by layer.
 */
export function paddingConnectionsOfDilations(dilationList: readonly number[], length: number, channels: number): ConnectionCount {
  return countPerLayer("padding", dilationList, length, channels, (lag) => Math.min(lag, length));
}

/** k² times the sum, over each layer's live lags, of the positions a tap at that lag counts (at most t each). */
function countPerLayer(
  what: string,
  dilationList: readonly number[],
  length: number,
  channels: number,
  positionsAt: (lag: number) => number,
): ConnectionCount {
  const dils: readonly number[] = requireDilationList(dilationList);
  requireIntegerInRange("length", length, 1, MAX_SIGNAL_LENGTH);
  requireIntegerInRange("channels", channels, 1, MAX_CHANNELS);
  const k2: number = channels * channels;
  // Every layer has 2 live taps counting at most t positions each: reject before any partial sum can lose exactness.
  if (2 * dils.length * length * k2 > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(
      `the ${what} count for depth ${dils.length}, length ${length}, channels ${channels} exceeds 2^53 and cannot be represented exactly`,
    );
  }
  const perLayer: number[] = [];
  let total: number = 0;
  for (const d of dils) {
    let taps: number = 0;
    for (const lag of causalLags(d)) taps += positionsAt(lag);
    perLayer.push(taps * k2);
    total += taps * k2;
  }
  return { perLayer, total };
}

/** Exact connections of `depth` causal layers with `schedule` on t samples and k channels: 2tk² per layer with padding taps counted, fewer without; O(dtk²) either way. Used in chapter 2.1. */
export function waveNetConnections(options: WaveNetConnectionOptions): ConnectionCount {
  if (typeof options !== "object" || options === null) throw new RangeError(`options must be an object, got ${describeValue(options)}`);
  const s: DilationSchedule = requireSchedule(options.schedule);
  requireDepth(options.depth, s);
  return waveNetConnectionsOfDilations(dilations(options.depth, s), options.length, options.channels, options.countPadding);
}

/** Critical-path lengths of the causal stack, counted in layer evaluations (each does all its matrix-vector products at once). Used in chapter 2.1. */
export interface SequentialOperations {
  /** Evaluating the likelihood of a known signal (training): one step per layer. */
  readonly evaluation: number;
  /** Sampling: sample p + 1 needs the output at p, so one network evaluation per sample. */
  readonly samplingNetworkEvaluations: number;
  /** Sampling, counted in layer steps: every sample waits for its d layers (even with cached activations). */
  readonly samplingSteps: number;
}

/**
 * Sequential operations of d causal layers on t samples: d for evaluation (O(d), with or without dilation), t network evaluations and t·d layer steps for sampling. Used in chapter 2.1.
 *
 * Why d: units of one layer never read each other, and every unit reads the
 * unit below it at lag 0 (never padding), so the longest dependency chain
 * climbs exactly one layer per step. The tests confirm this by a longest-path
 * search over the explicit graph.
 */
export function waveNetSequentialOperations(depth: number, length: number): SequentialOperations {
  requireIntegerInRange("depth", depth, 1, MAX_WAVENET_DEPTH);
  requireIntegerInRange("length", length, 1, MAX_SIGNAL_LENGTH);
  return { evaluation: depth, samplingNetworkEvaluations: length, samplingSteps: length * depth };
}
