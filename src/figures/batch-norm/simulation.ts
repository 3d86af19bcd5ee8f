/**
 * Chapter 1.3's simulation as the residual-gradients figure and the chapter's
 * prose use it: one draw of a stack (x₀, G and the weights) per (depth,
 * width, batch, seed), run forward and backward for each of the five block
 * kinds of He et al. 2016, Fig. 4, in stages (one kind at a time) so a widget
 * can draw each curve as it arrives. Results are memoised per size and seed,
 * so the kinds shown (a plot-only choice) never recompute a run, and the
 * chapter's numbers and the figure's data are one computation at build time.
 */
import {
  drawResidualStack,
  RESIDUAL_BLOCKS,
  simulateResidualStack,
  summariseGradientGrowth,
  type GradientGrowthSummary,
  type ResidualBlock,
  type ResidualStackOptions,
} from "../../../lib/residual-blocks";

/** One block kind's run: log₁₀‖∂L/∂x_l‖ for l = 0 … depth, and its growth summary (null when the gradient became exactly 0 somewhere). */
export interface KindRun {
  block: ResidualBlock;
  log10Norms: number[];
  summary: GradientGrowthSummary | null;
}

/** The simulation's result for one size and seed: the kinds computed so far, in He et al.'s Fig. 4 order. */
export interface StackRuns {
  depth: number;
  width: number;
  batch: number;
  seed: number;
  runs: KindRun[];
}

/** Finished results, most recent last; a few are enough to go back and forth between settings. */
const MEMO_SIZE = 8;
const memo = new Map<string, StackRuns>();

const memoKey = ({ depth, width, batch, seed }: ResidualStackOptions) => `${depth}/${width}/${batch}/${seed}`;

function remember(key: string, result: StackRuns): void {
  memo.delete(key);
  memo.set(key, result);
  while (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
}

/** The kinds in Fig. 4 order, `first` ones computed first (the ones a reader is looking at). */
function computeOrder(first: readonly ResidualBlock[]): ResidualBlock[] {
  return [...RESIDUAL_BLOCKS.filter((b) => first.includes(b)), ...RESIDUAL_BLOCKS.filter((b) => !first.includes(b))];
}

/**
 * The five kinds' runs in stages: after each kind, the kinds done so far (in
 * Fig. 4 order). The last stage holds all five and equals `stackRuns(options)`.
 * The stack is drawn once and shared by every kind.
 */
export function* stackRunsInStages(options: ResidualStackOptions, first: readonly ResidualBlock[] = []): Generator<StackRuns> {
  const { depth, width, batch, seed } = options;
  const key = memoKey(options);
  const done = memo.get(key);
  if (done) {
    remember(key, done);
    yield done;
    return;
  }
  const draws = drawResidualStack({ depth, width, batch, seed });
  const byKind = new Map<ResidualBlock, KindRun>();
  for (const block of computeOrder(first)) {
    const { log10Norms } = simulateResidualStack(block, draws);
    const summary = log10Norms.every(Number.isFinite) ? summariseGradientGrowth(log10Norms) : null;
    byKind.set(block, { block, log10Norms, summary });
    const stage: StackRuns = { depth, width, batch, seed, runs: RESIDUAL_BLOCKS.filter((b) => byKind.has(b)).map((b) => byKind.get(b)!) };
    if (byKind.size === RESIDUAL_BLOCKS.length) remember(key, stage);
    yield stage;
  }
}

/** All five kinds' runs for one size and seed (memoised). */
export function stackRuns(options: ResidualStackOptions): StackRuns {
  let last: StackRuns | undefined;
  for (const stage of stackRunsInStages(options)) last = stage;
  return last!;
}

/** One kind's run out of a result; throws if that kind is not in it (yet). */
export function runOf(result: StackRuns, block: ResidualBlock): KindRun {
  const run = result.runs.find((r) => r.block === block);
  if (!run) throw new RangeError(`no run of ${block} in this result`);
  return run;
}
