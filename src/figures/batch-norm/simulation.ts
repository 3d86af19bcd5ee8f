/**
 * Chapter 1.3's simulation as the residual-gradients figure and the chapter's
 * prose use it: one draw of a stack (x₀, G and the weights) per (depth,
 * width, batch, seed), run forward and backward for each chosen block kind
 * of He et al. 2016, Fig. 4, in stages (one kind at a time) so a widget can
 * draw each curve as it arrives. Runs are memoised per size, seed and kind:
 * showing a kind again, or one more kind, costs at most that kind's run, and
 * the chapter's numbers and the figure's data are one computation at build
 * time.
 */
import {
  drawResidualStack,
  RESIDUAL_BLOCKS,
  simulateResidualStack,
  summariseGradientGrowth,
  type GradientGrowthSummary,
  type ResidualBlock,
  type ResidualStackDraws,
  type ResidualStackOptions,
} from "../../../lib/residual-blocks";

/** Steps per unit of log₁₀ in a stored profile. */
export const PROFILE_SCALE = 1e6;

/** One block kind's run: log₁₀‖∂L/∂x_l‖ for l = 0 … depth (to 10⁻⁶), and its growth summary from the unrounded profile (null when the gradient became exactly 0 somewhere). */
export interface KindRun {
  block: ResidualBlock;
  log10Norms: number[];
  summary: GradientGrowthSummary | null;
}

/** The simulation's result for one size and seed: the kinds asked for (or computed so far), in He et al.'s Fig. 4 order. */
export interface StackRuns {
  depth: number;
  width: number;
  batch: number;
  seed: number;
  runs: KindRun[];
}

/** Finished runs per (size, seed, kind), most recent last: enough to toggle kinds and go back and forth between a few settings. */
const MEMO_SIZE = 40;
const memo = new Map<string, KindRun>();

const memoKey = ({ depth, width, batch, seed }: ResidualStackOptions, block: ResidualBlock) =>
  `${depth}/${width}/${batch}/${seed}/${block}`;

function recall(key: string): KindRun | null {
  const run = memo.get(key) ?? null;
  if (run) {
    memo.delete(key);
    memo.set(key, run);
  }
  return run;
}

function remember(key: string, run: KindRun): void {
  memo.set(key, run);
  while (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
}

/**
 * The runs of the chosen kinds in stages: after each kind that had to be
 * computed, the kinds done so far (in Fig. 4 order); the last stage holds
 * every chosen kind and equals `stackRuns(options, blocks)`. The stack is
 * drawn once, only if some kind is not memoised, and shared by every kind.
 */
export function* stackRunsInStages(
  options: ResidualStackOptions,
  blocks: readonly ResidualBlock[] = RESIDUAL_BLOCKS,
): Generator<StackRuns> {
  const { depth, width, batch, seed } = options;
  const chosen = RESIDUAL_BLOCKS.filter((b) => blocks.includes(b));
  const done = new Map<ResidualBlock, KindRun>();
  const stage = (): StackRuns => ({ depth, width, batch, seed, runs: chosen.filter((b) => done.has(b)).map((b) => done.get(b)!) });
  for (const block of chosen) {
    const run = recall(memoKey(options, block));
    if (run) done.set(block, run);
  }
  let draws: ResidualStackDraws | null = null;
  for (const block of chosen) {
    if (done.has(block)) continue;
    draws ??= drawResidualStack({ depth, width, batch, seed });
    const raw = simulateResidualStack(block, draws).log10Norms;
    const summary = raw.every(Number.isFinite) ? summariseGradientGrowth(raw) : null;
    // The profile is kept to 10⁻⁶ in log₁₀ (a relative 2·10⁻⁶ in the norm), far finer than any
    // plot or printed digit: the page embeds the default profiles, and full doubles would double their size.
    const log10Norms = raw.map((v) => (Number.isFinite(v) ? Math.round(v * PROFILE_SCALE) / PROFILE_SCALE : v));
    const run: KindRun = { block, log10Norms, summary };
    remember(memoKey(options, block), run);
    done.set(block, run);
    if (done.size < chosen.length) yield stage();
  }
  yield stage();
}

/** The runs of the chosen kinds (all five by default) for one size and seed (memoised per kind). */
export function stackRuns(options: ResidualStackOptions, blocks: readonly ResidualBlock[] = RESIDUAL_BLOCKS): StackRuns {
  let last: StackRuns | null = null;
  for (const stage of stackRunsInStages(options, blocks)) last = stage;
  return last!;
}

/** One kind's run out of a result; throws if that kind is not in it (yet). */
export function runOf(result: StackRuns, block: ResidualBlock): KindRun {
  const run = result.runs.find((r) => r.block === block);
  if (!run) throw new RangeError(`no run of ${block} in this result`);
  return run;
}
