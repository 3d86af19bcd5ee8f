/**
 * Every number chapter 1.3 prints that results from a computation, pinned to
 * the digits the page shows, and where possible checked against a
 * computation that does not go through lib: the batch-norm numbers from the
 * textbook two-pass formulas in plain doubles, the growth summaries from
 * the log-norm profiles by direct formulas. The simulation's profiles
 * themselves are checked against an independent forward pass and finite
 * differences in residual-blocks.test.ts; here their printed digits are
 * pinned to the values this test was written from (a stored reference).
 */
import { describe, expect, it } from "vitest";
import { BATCH_NORM_DEFAULT_EPS } from "../../lib/batch-norm";
import { formatFixed, formatLog10Text, formatSignificant } from "../../lib/format";
import { RESIDUAL_BLOCKS } from "../../lib/residual-blocks";
import { JACOBIAN_SPREADS, jacobianBatch } from "../../src/figures/batch-norm/bn-jacobian.figure";
import { chapterNumbers, EXAMPLE, PAIR } from "../../src/figures/batch-norm/chapter-numbers";
import { HE_2016_TABLE_2 } from "../../src/figures/batch-norm/he2016-table2";
import { DEFAULT_BATCH, DEFAULT_DEPTH, DEFAULT_WIDTH } from "../../src/figures/batch-norm/residual-gradients.figure";

const eps = BATCH_NORM_DEFAULT_EPS;

/** s and x̂ by the textbook two-pass formulas (no rescaling, no compensated mean). */
function naive(x: readonly number[]) {
  const m = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / m;
  const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / m;
  const s = Math.sqrt(variance + eps);
  return { m, variance, s, xHat: x.map((v) => (v - mean) / s) };
}

/** Agreement to 1e-12 relative: far below the last printed digit, far above the rounding differences of two summation orders of a handful of numbers. */
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(a), Math.abs(b)));

describe("chapter 1.3, the Jacobian section", () => {
  const n = chapterNumbers();
  const ref = naive(n.example);
  const diagonal = ref.xHat.map((v) => (1 / ref.s) * (1 - 1 / ref.m - (v * v) / ref.m));

  it("uses the figure's default batch", () => {
    expect(n.example).toHaveLength(EXAMPLE.m);
  });

  it("s, γ/s and γε/s³ of the example batch", () => {
    close(n.exampleS, ref.s);
    close(n.exampleSpectrum.onRest, 1 / ref.s);
    close(n.exampleSpectrum.onXHat, eps / ref.s ** 3);
    expect(formatSignificant(n.exampleS, 4)).toBe("0.6281");
    expect(formatSignificant(n.exampleSpectrum.onRest, 4)).toBe("1.592");
    expect(formatLog10Text(Math.log10(n.exampleSpectrum.onXHat), 3)).toBe("4.04 × 10⁻⁵");
  });

  it("the diagonal entries and their upper bound (γ/s)(1 − 1/m)", () => {
    n.exampleDiagonal.forEach((d, i) => close(d, diagonal[i]));
    expect(formatSignificant(Math.min(...n.exampleDiagonal), 3)).toBe("0.855");
    expect(formatSignificant(Math.max(...n.exampleDiagonal), 3)).toBe("1.32");
    const bound = n.exampleSpectrum.onRest * (1 - 1 / EXAMPLE.m);
    expect(Math.max(...n.exampleDiagonal)).toBeLessThan(bound);
    expect(formatSignificant(bound, 3)).toBe("1.33");
  });

  it("the finite-difference check: its largest error and the largest entry", () => {
    // The largest |entry| of J: by the formula, independently.
    const entries = ref.xHat.flatMap((a, i) => ref.xHat.map((b, k) => (1 / ref.s) * ((i === k ? 1 : 0) - 1 / ref.m - (a * b) / ref.m)));
    close(n.exampleMaxEntry, Math.max(...entries.map(Math.abs)));
    expect(formatSignificant(n.exampleMaxEntry, 3)).toBe("1.32");
    // A central difference with h ≈ 8e-6·s has rounding error ~1e-16/8e-6 ≈ 1e-11 relative: the printed error must be of that size.
    expect(n.exampleMaxError).toBeGreaterThan(1e-13);
    expect(n.exampleMaxError).toBeLessThan(1e-9);
    expect(formatLog10Text(Math.log10(n.exampleMaxError), 2)).toBe("4.3 × 10⁻¹¹");
  });

  it("the x̂ eigenvalue's share ε/(σ² + ε) for the tightly spread batch", () => {
    // The inputs (not a computed number) come from the figure's own batch maker.
    const tight = naive(jacobianBatch(EXAMPLE.m, EXAMPLE.seed, JACOBIAN_SPREADS[EXAMPLE.tightSpread]));
    close(n.tightXHatShare, eps / (tight.variance + eps));
    expect(formatSignificant(n.tightXHatShare, 3)).toBe("0.738");
  });

  it("exercise 2: the batch of two", () => {
    const pair = naive(PAIR);
    close(n.pairS, Math.sqrt(0.25 + eps));
    close(n.pairDiagonal[0], (1 / pair.s) * (1 - 1 / 2 - pair.xHat[0] ** 2 / 2));
    // (1/s)(1/2)·ε/(σ² + ε): the closed form of exercise 2, to 1e-9 (the difference above cancels 1 − 1/2 − ~1/2).
    expect(Math.abs(n.pairDiagonal[0] - (0.5 / pair.s) * (eps / (0.25 + eps)))).toBeLessThan(1e-9 * n.pairDiagonal[0]);
    expect(formatSignificant(n.pairS, 4)).toBe("0.5000");
    expect(formatLog10Text(Math.log10(n.pairDiagonal[0]), 3)).toBe("4.00 × 10⁻⁵");
  });
});

/** Geometric-mean factor and R² of the straight-line fits, by direct formulas (not lib's centred sums). */
function summary(log10Norms: readonly number[]) {
  const depth = log10Norms.length - 1;
  const r2 = (xs: number[], ys: readonly number[]) => {
    const k = xs.length;
    const sx = xs.reduce((a, b) => a + b, 0);
    const sy = ys.reduce((a, b) => a + b, 0);
    const sxy = xs.reduce((a, x, i) => a + x * ys[i], 0);
    const sxx = xs.reduce((a, x) => a + x * x, 0);
    const syy = ys.reduce((a, y) => a + y * y, 0);
    const cov = k * sxy - sx * sy;
    return { r2: (cov * cov) / ((k * sxx - sx * sx) * (k * syy - sy * sy)), slope: cov / (k * sxx - sx * sx) };
  };
  const ls = log10Norms.map((_, l) => l);
  const power = r2(
    ls.map((l) => Math.log10(l + 1)),
    log10Norms,
  );
  return {
    total: log10Norms[0] - log10Norms[depth],
    factor: 10 ** ((log10Norms[0] - log10Norms[depth]) / depth),
    expR2: r2(ls, log10Norms).r2,
    p: -power.slope,
    powerR2: power.r2,
  };
}

describe("chapter 1.3, the simulation", () => {
  const n = chapterNumbers();

  it("runs at the widget's defaults", () => {
    expect([n.sim.depth, n.sim.width, n.sim.batch]).toEqual([DEFAULT_DEPTH, DEFAULT_WIDTH, DEFAULT_BATCH]);
    expect(n.sim.runs.map((r) => r.block)).toEqual(RESIDUAL_BLOCKS);
  });

  it("summaries agree with direct formulas", () => {
    for (const run of [...n.sim.runs, ...n.shallow.runs]) {
      const direct = summary(run.log10Norms);
      const s = run.summary!;
      // The stored profile is rounded to 1e-6 in log10 (PROFILE_SCALE), the summary comes from the
      // unrounded one: totals agree to 1e-6 (two roundings), the factor to 1e-6·ln10·factor/depth,
      // R² and p to a few 1e-6 (rounding errors of 1e-6 spread over a fit of ~1-decade range).
      expect(Math.abs(s.totalLog10Growth - direct.total)).toBeLessThanOrEqual(1.01e-6);
      expect(Math.abs(s.perBlockFactor - direct.factor)).toBeLessThan(1e-6);
      expect(Math.abs(s.exponentialFitR2 - direct.expR2)).toBeLessThan(1e-5);
      expect(Math.abs(s.powerLawExponent - direct.p)).toBeLessThan(1e-5);
      expect(Math.abs(s.powerLawFitR2 - direct.powerR2)).toBeLessThan(1e-5);
    }
  });

  it("BN after addition: the printed growth, factor and R²", () => {
    expect(formatLog10Text(n.bnAfter.totalLog10Growth, 3)).toBe("4.32 × 10⁴");
    expect(formatLog10Text(n.bnAfter.totalLog10Growth, 2)).toBe("4.3 × 10⁴");
    expect(formatSignificant(n.bnAfter.perBlockFactor, 3)).toBe("1.24");
    expect(formatFixed(n.bnAfter.exponentialFitR2, 3)).toBe("0.996");
    expect(formatSignificant(n.bnAfterSmallBatch.perBlockFactor, 3)).toBe("1.31");
    expect(formatSignificant(n.bnAfterIssueSize.perBlockFactor, 3)).toBe("1.23");
    expect(formatLog10Text(n.bnAfterIssueSize.totalLog10Growth, 3)).toBe("1.15 × 10⁹");
  });

  it("the four other kinds: growth, power-law exponents and fits", () => {
    const totals = n.polynomial.map((s) => s.totalLog10Growth);
    const ps = n.polynomial.map((s) => s.powerLawExponent);
    expect(formatSignificant(10 ** n.reluBefore.totalLog10Growth, 2)).toBe("26");
    expect(formatSignificant(10 ** Math.min(...totals), 2)).toBe("26");
    expect(formatSignificant(10 ** Math.max(...totals), 2)).toBe("68");
    expect(formatFixed(Math.min(...ps), 2)).toBe("0.88");
    expect(formatFixed(Math.max(...ps), 2)).toBe("1.26");
    expect(formatFixed(Math.min(...n.polynomial.map((s) => s.powerLawFitR2)), 2)).toBe("0.98");
  });

  it("exercise 3 (10 blocks) and exercise 2 (width 1, batch 2)", () => {
    expect(n.shallow.runs.map((r) => formatSignificant(r.summary!.perBlockFactor, 3))).toEqual(["1.23", "1.23", "1.16", "1.24", "1.22"]);
    expect(formatLog10Text(Math.log10(n.tiny.perBlockFactor), 2)).toBe("4.4 × 10⁻⁵");
  });
});

it("He et al. 2016, Table 2 (CIFAR-10 test error %, median of 5 runs) as published", () => {
  expect(HE_2016_TABLE_2.map((r) => [r.block, r.resnet110, r.resnet164])).toEqual([
    ["original", 6.61, 5.93],
    ["bn-after-addition", 8.17, 6.5],
    ["relu-before-addition", 7.84, 6.14],
    ["relu-only-preactivation", 6.71, 5.91],
    ["full-preactivation", 6.37, 5.46],
  ]);
});
