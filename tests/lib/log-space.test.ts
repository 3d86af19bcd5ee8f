import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { LogAccumulator, log10FromLn } from "../../lib/log-space";

const U: number = Number.EPSILON / 2; // unit roundoff 2^-53

/** The accumulator's sum of a sequence: what the chain functions compute. */
function compensatedSum(values: Iterable<number>): number {
  const acc: LogAccumulator = new LogAccumulator();
  for (const v of values) acc.add(v);
  return acc.value();
}

function naiveSum(values: readonly number[]): number {
  let s: number = 0;
  for (const v of values) s += v;
  return s;
}

describe("LogAccumulator: compensated summation", () => {
  it("recovers terms that a plain sum loses entirely", () => {
    // Exact sum is 2; a plain left-to-right sum gives 0 (both 1s vanish
    // against 1e100). Kahan's original algorithm also gives 0 here; this
    // case needs Neumaier's branch on the larger operand.
    const v: number[] = [1, 1e100, 1, -1e100];
    expect(naiveSum(v)).toBe(0);
    expect(compensatedSum(v)).toBe(2);
  });

  it("sums 10⁵ copies of 0.1 to the correctly rounded exact value", () => {
    // The double nearest 0.1 is 0.1000000000000000055511151231257827…;
    // times 10⁵ that is 10000.000000000000555…, whose nearest double is
    // exactly 10000 (ulp there is 1.8e-12). A plain loop drifts to ~1e-8.
    const v: number[] = new Array<number>(100_000).fill(0.1);
    expect(compensatedSum(v)).toBe(10000);
    expect(Math.abs(naiveSum(v) - 10000)).toBeGreaterThan(1e-9);
  });

  it("stays within Neumaier's error bound of the exact sum (exact reference via BigInt)", () => {
    // Terms m·2^k with |m| < 2^53 and −60 ≤ k ≤ 60 are exact doubles; scaled
    // by 2^60 they are integers, so their exact sum S is a BigInt and
    // Number(S)·2^-60 is S correctly rounded (power-of-two scaling is exact).
    // Neumaier's bound (Higham, Accuracy and Stability, §4.3):
    //   |computed − S| ≤ 2u|S| + O(n·u²)·Σ|vᵢ|;
    // we use 2u|S| + 8n·u²·Σ|vᵢ| (the O(·) constant is small; 8 is generous
    // yet still ~10¹⁴ times tighter than the plain-sum bound n·u·Σ|vᵢ|).
    const term: fc.Arbitrary<[number, number]> = fc.tuple(
      fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
      fc.integer({ min: -60, max: 60 }),
    );
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 200 }), (terms: [number, number][]) => {
        const values: number[] = terms.map(([m, k]: [number, number]): number => m * 2 ** k);
        let exact: bigint = 0n;
        for (const [m, k] of terms) exact += BigInt(m) << BigInt(k + 60);
        const exactAsDouble: number = Number(exact) * 2 ** -60;
        const sumAbs: number = values.reduce((acc: number, v: number): number => acc + Math.abs(v), 0);
        const bound: number = 2 * U * Math.abs(exactAsDouble) + 8 * values.length * U * U * sumAbs;
        expect(Math.abs(compensatedSum(values) - exactAsDouble)).toBeLessThanOrEqual(bound);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it("returns 0 for no terms and accepts any iterable", () => {
    expect(compensatedSum([])).toBe(0);
    expect(compensatedSum(new Float64Array([0.5, 0.25]))).toBe(0.75);
    function* gen(): Generator<number> {
      yield 3;
      yield -1;
    }
    expect(compensatedSum(gen())).toBe(2);
  });
});

describe("LogAccumulator", () => {
  it("chains add() calls", () => {
    const acc: LogAccumulator = new LogAccumulator().add(1).add(1e100).add(1).add(-1e100).add(-0.5);
    expect(acc.value()).toBe(1.5);
  });

  it("−Infinity (a zero factor) is sticky, as in IEEE addition", () => {
    const acc: LogAccumulator = new LogAccumulator().add(-3).add(-Infinity).add(1e300).add(5);
    expect(acc.value()).toBe(-Infinity);
    // Opposite infinities have no meaningful sum.
    expect(new LogAccumulator().add(Infinity).add(-Infinity).value()).toBeNaN();
  });

  it("reports overflow of a finite sum as Infinity instead of NaN", () => {
    const acc: LogAccumulator = new LogAccumulator().add(Number.MAX_VALUE).add(Number.MAX_VALUE).add(-1);
    expect(acc.value()).toBe(Infinity);
  });

  it("rejects NaN terms", () => {
    expect(() => new LogAccumulator().add(Number.NaN)).toThrow(RangeError);
    expect(() => new LogAccumulator().add(Number.NaN)).toThrow("term must not be NaN, got NaN");
  });

  it("normalises a −0 result to +0", () => {
    // ln 1 of a factor that is exactly 1 can arrive as −0; the chapters print
    // "0", never "−0".
    expect(Object.is(new LogAccumulator().add(-0).value(), 0)).toBe(true);
    expect(Object.is(new LogAccumulator().value(), 0)).toBe(true);
  });
});

describe("log conversions", () => {
  it("log10FromLn(ln y) = log10 y", () => {
    // One division on top of Math.log's ≤ 1 ulp: relative error ≲ 2u each
    // side; 1e-15 relative (≈ 9 u) is comfortable for |log10 y| ≥ 1e-3.
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (y: number) => {
        const expected: number = Math.log10(y);
        fc.pre(Math.abs(expected) > 1e-3);
        expect(Math.abs(log10FromLn(Math.log(y)) - expected)).toBeLessThanOrEqual(1e-15 * Math.abs(expected));
      }),
      { seed: 42, numRuns: 2000 },
    );
    expect(log10FromLn(-Infinity)).toBe(-Infinity);
    expect(log10FromLn(0)).toBe(0);
  });
});
