// Products of thousands of per-layer factors underflow long before they stop
// being interesting (0.25^540 is already below the smallest double), so the
// chapters add logarithms instead. A plain running sum of 10⁵ logs loses up
// to ~n·ε relative precision; Neumaier's compensated summation keeps the
// rounding error of each addition and feeds it back, so the error stays at a
// few ulps of the result independent of how many terms were added.

import { describeValue } from "./validate";

/**
 * Compensated (Neumaier) running sum Σ vᵢ, for adding up to millions of log-factors (natural logs, any units) with error ≈ ε·|Σ|. Used in chapter 1.1.
 *
 * Infinite terms follow IEEE addition: once −Infinity has been added (an
 * exact zero factor) the value stays −Infinity; +Infinity and −Infinity
 * together give NaN. NaN terms are rejected with a RangeError because they
 * always indicate a bug upstream.
 */
export class LogAccumulator {
  private sum: number = 0;
  private compensation: number = 0;
  // 0 while every term and partial sum has been finite; otherwise the IEEE
  // sum of the non-finite part, which then dominates the result.
  private nonFinite: number = 0;

  /** Adds one term v (v ∈ ℝ ∪ {±∞}) to the running sum. Used in chapter 1.1. */
  add(v: number): this {
    if (Number.isNaN(v)) {
      throw new RangeError(`LogAccumulator.add: term must not be NaN, got ${describeValue(v)}`);
    }
    if (this.nonFinite !== 0 || !Number.isFinite(v)) {
      // Compensation arithmetic on ±Infinity would produce NaN (∞ − ∞), so
      // infinities bypass it entirely.
      this.nonFinite += v;
      return this;
    }
    const s: number = this.sum;
    const t: number = s + v;
    if (!Number.isFinite(t)) {
      // The finite partial sum overflowed; its value is genuinely ±Infinity.
      this.nonFinite = t;
      return this;
    }
    // Neumaier's variant of Kahan: recover the low-order bits lost in s + v
    // from whichever operand was larger, so it also works when a term is
    // bigger than the running sum (Kahan's original does not).
    if (Math.abs(s) >= Math.abs(v)) {
      this.compensation += s - t + v;
    } else {
      this.compensation += v - t + s;
    }
    this.sum = t;
    return this;
  }

  /** Current value of Σ vᵢ (0 for no terms; ±Infinity or NaN per IEEE if infinite terms were added). Used in chapter 1.1. */
  value(): number {
    if (this.nonFinite !== 0) return this.nonFinite;
    // "+ 0" turns a −0 (e.g. from adding ln 1 = 0 to −0) into +0, so that an
    // exact-zero log reads as 0 everywhere.
    return this.sum + this.compensation + 0;
  }
}

/** log₁₀ y from ln y: ln y / ln 10 (−Infinity maps to −Infinity, i.e. y = 0). Used in chapter 1.1. */
export function log10FromLn(ln: number): number {
  // One correctly rounded division: relative error ≤ ε on top of ln's own.
  return ln / Math.LN10;
}
