import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  MAX_CHAIN_DEPTH,
  chainGradientLog10,
  chainGradientLog10Series,
  gradientBoundLog10,
  logLogSlope,
  sigmoidFixedPoint,
  sigmoidFixedPointRate,
  tanhChainGradientAsymptote,
  tanhIterateAsymptote,
} from "../../lib/one-unit-chain";
import type { ActivationName } from "../../lib/activations";

function relErr(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

// Independent reference for the sigmoid used below: the textbook formula.
// For the |z| ≤ 15 reached in these tests 1 + e^{−z} has no overflow and the
// quotient is accurate to ~2 ulps.
function refSigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Direct running products ∏_{l≤n} w·act'(w·a_l), n = 0..depth, using
 * act' written through cosh (σ' = 1/(4cosh²(z/2)), tanh' = 1/cosh² z) — not
 * the formulas in lib/ — and plain multiplication instead of logs.
 */
function directProducts(name: ActivationName, x: number, depth: number, w: number): number[] {
  const out: number[] = [1];
  let a: number = x;
  let p: number = 1;
  for (let l = 1; l <= depth; l++) {
    const z: number = w * a;
    if (name === "sigmoid") {
      const c: number = Math.cosh(z / 2);
      p *= w / (4 * c * c);
      a = refSigmoid(z);
    } else {
      const c: number = Math.cosh(z);
      p *= w / (c * c);
      a = Math.tanh(z);
    }
    out.push(p);
  }
  return out;
}

const activationArb: fc.Arbitrary<ActivationName> = fc.constantFrom<ActivationName>("sigmoid", "tanh");

describe("chainGradientLog10 basics", () => {
  it("depth 0 is the empty product: log10 1 = 0", () => {
    expect(chainGradientLog10("sigmoid", 3, 0)).toBe(0);
    expect(chainGradientLog10("tanh", -2, 0, 0)).toBe(0);
    const s: Float64Array = chainGradientLog10Series("tanh", 1, 0);
    expect(s.length).toBe(1);
    expect(s[0]).toBe(0);
  });

  it("one layer is log10|w·act'(w·x)|", () => {
    // σ'(0) = 1/4 and tanh'(0) = 1 are exact; log10 adds ≤ 1 ulp.
    expect(chainGradientLog10("sigmoid", 0, 1)).toBeCloseTo(Math.log10(0.25), 15);
    expect(chainGradientLog10("tanh", 0, 1, 3)).toBeCloseTo(Math.log10(3), 15);
  });

  it("the series has length depth + 1, starts at 0, and ends at chainGradientLog10", () => {
    fc.assert(
      fc.property(
        activationArb,
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        (name: ActivationName, x: number, depth: number, w: number) => {
          const s: Float64Array = chainGradientLog10Series(name, x, depth, w);
          expect(s.length).toBe(depth + 1);
          expect(s[0]).toBe(0);
          // Same loop, same operations: bit-identical.
          expect(s[depth]).toBe(chainGradientLog10(name, x, depth, w));
          // Prefixes agree too: the series for depth d is a prefix of a deeper one.
          const shorter: Float64Array = chainGradientLog10Series(name, x, Math.floor(depth / 2), w);
          expect(Array.from(shorter)).toEqual(Array.from(s.subarray(0, shorter.length)));
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it("weight 0 gives exactly −Infinity from layer 1 on (the gradient is exactly 0)", () => {
    expect(chainGradientLog10("sigmoid", 0.3, 1, 0)).toBe(-Infinity);
    expect(chainGradientLog10("tanh", 0.3, 50, 0)).toBe(-Infinity);
    const s: Float64Array = chainGradientLog10Series("tanh", 0.3, 3, -0);
    expect(Array.from(s)).toEqual([0, -Infinity, -Infinity, -Infinity]);
  });
});

describe("log-space accumulation against the direct product", () => {
  it("agrees with the plain product at every depth ≤ 200 where the product is representable", () => {
    // Each of ≤ 200 factors carries ≤ ~4 ulps of relative error in both the
    // reference (cosh, square, divide, multiply) and the log-space sum, so
    // the two gradients can differ by at most ~200·8·1.1e-16 ≈ 2e-13
    // relative; 1e-12 is a 5x margin. The comparison is done on the ratio
    // 10^{L}/P via expm1 so no precision is lost forming it.
    fc.assert(
      fc.property(
        activationArb,
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.5, max: 2.5, noNaN: true }),
        fc.boolean(),
        (name: ActivationName, x: number, depth: number, absW: number, negW: boolean) => {
          const w: number = negW ? -absW : absW;
          const direct: number[] = directProducts(name, x, depth, w);
          const series: Float64Array = chainGradientLog10Series(name, x, depth, w);
          for (let n = 1; n <= depth; n++) {
            const p: number = Math.abs(direct[n] ?? Number.NaN);
            // Keep to normal doubles, where the product itself is accurate.
            if (!(p > 1e-300 && p < 1e300)) break;
            const l: number = series[n] ?? Number.NaN;
            const rel: number = Math.abs(Math.expm1((l - Math.log10(p)) * Math.LN10));
            expect(rel).toBeLessThan(1e-12);
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it("stays finite where the direct product underflows to 0", () => {
    // (σ')ⁿ ≤ 4⁻ⁿ: at n = 1000 the product is below 1e-602, far under the
    // smallest double; the log must still be a finite number near −602·k.
    const p: number = directProducts("sigmoid", 0, 1000, 1)[1000] ?? Number.NaN;
    expect(p).toBe(0);
    const l: number = chainGradientLog10("sigmoid", 0, 1000);
    expect(Number.isFinite(l)).toBe(true);
    expect(l).toBeLessThan(1000 * Math.log10(0.25));
  });
});

describe("bounds", () => {
  it("chainGradientLog10 ≤ gradientBoundLog10 for both activations and any weight", () => {
    // Mathematically each factor is ≤ |w|·max act'. When the chain sits at
    // the maximum (tanh at x = 0, or sigmoid's first layer at x = 0) the two
    // sides are the same number reached by different rounding paths, a few
    // ulps apart; 1e-12 relative covers that and nothing more.
    fc.assert(
      fc.property(
        activationArb,
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (name: ActivationName, x: number, depth: number, w: number) => {
          const chain: number = chainGradientLog10(name, x, depth, w);
          const bound: number = gradientBoundLog10(name, depth, w);
          if (bound === -Infinity) {
            expect(chain).toBe(-Infinity);
          } else {
            expect(chain).toBeLessThanOrEqual(bound + 1e-12 * Math.max(1, Math.abs(bound)));
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
    // The edge x = 0, where tanh's chain attains the bound in exact arithmetic:
    // the two agree to rounding (a few ulps), so the bound is tight.
    expect(relErr(chainGradientLog10("tanh", 0, 100, 3), gradientBoundLog10("tanh", 100, 3))).toBeLessThan(1e-14);
  });

  it("gradientBoundLog10 is depth·log10(|w|/4) for sigmoid and depth·log10|w| for tanh", () => {
    // Values from the definition, computed by hand: log10(1/4) = −0.60206.
    expect(gradientBoundLog10("sigmoid", 10)).toBeCloseTo(-6.020599913279624, 12);
    expect(gradientBoundLog10("sigmoid", 10, -8)).toBeCloseTo(10 * Math.log10(2), 12);
    expect(gradientBoundLog10("tanh", 7, 1)).toBe(0);
    expect(gradientBoundLog10("tanh", 5, -2)).toBeCloseTo(5 * 0.3010299956639812, 12);
    expect(gradientBoundLog10("tanh", 0, 0)).toBe(0);
    expect(gradientBoundLog10("sigmoid", 3, 0)).toBe(-Infinity);
  });
});

describe("deep chains: exact reference values", () => {
  it("at the fixed point x*, the sigmoid chain's gradient is exactly σ'(x*)ⁿ, to 1e-13 at n = 100 000", () => {
    // a_l = x* for every l (σ(x*) = x*), so f'(x*) = (x*(1 − x*))ⁿ exactly.
    // Every log-term carries ≤ 2 ulps relative error and all have the same
    // sign, so the sum is good to ~5e-16 relative; a plain (uncompensated)
    // loop measures ~2e-12 here, which this tolerance would catch.
    const xStar: number = sigmoidFixedPoint(1);
    const n: number = 100_000;
    const expected: number = n * Math.log10(xStar * (1 - xStar));
    expect(relErr(chainGradientLog10("sigmoid", xStar, n), expected)).toBeLessThan(1e-13);
  });

  it("tanh at x = 0 with w = 1 stays exactly 0 for depth 100 000 (a_l = 0, tanh'(0) = 1)", () => {
    expect(chainGradientLog10("tanh", 0, 100_000)).toBe(0);
  });

  it("tanh at x = 0 with w = 2 explodes as exactly 2ⁿ: depth·log10 2", () => {
    // Summing ln 2 a hundred thousand times naively drifts by ~2e-12
    // relative; with compensation the only errors are the final division
    // and the reference's own multiplication (≲ 3e-16 together).
    const n: number = 100_000;
    expect(relErr(chainGradientLog10("tanh", 0, n, 2), n * Math.log10(2))).toBeLessThan(1e-14);
    expect(relErr(chainGradientLog10("tanh", 0, n, -2), n * Math.log10(2))).toBeLessThan(1e-14);
  });

  it("tanh at depth 100 000 is finite for every x in [−5, 5]", () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (x: number) => {
        const l: number = chainGradientLog10("tanh", x, 100_000);
        expect(Number.isFinite(l)).toBe(true);
        expect(l).toBeLessThanOrEqual(0);
      }),
      { seed: 42, numRuns: 40 },
    );
  });

  it("sigmoid at depth 100 000 is finite for every x in [−5, 5] and weight in [−5, 5] \\ {0}", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.boolean(),
        (x: number, absW: number, negW: boolean) => {
          expect(Number.isFinite(chainGradientLog10("sigmoid", x, 100_000, negW ? -absW : absW))).toBe(true);
        },
      ),
      { seed: 42, numRuns: 20 },
    );
  });
});

describe("sigmoid fixed point", () => {
  it("x* for w = 1 is 0.6590460684…", () => {
    // Value of the solution of x = 1/(1 + e^{−x}) (the "logistic fixed
    // point"), quoted to 10 digits.
    expect(Math.abs(sigmoidFixedPoint(1) - 0.6590460684)).toBeLessThan(1e-10);
    expect(sigmoidFixedPoint()).toBe(sigmoidFixedPoint(1));
  });

  it("satisfies x* = σ(w·x*) to 1e-15 for every w in [−50, 50], in the right half-interval", () => {
    // x* is bracketed between adjacent doubles, so |x* − σ(wx*)| ≤
    // |1 − w·σ'(wx*)|·ulp(x*) + rounding of σ ≤ 13.5·1.1e-16 + 1.1e-16 in the
    // worst case w = −50 (where x* < 1/2 and ulp(x*) ≤ 5.6e-17), i.e. < 1e-15.
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (w: number) => {
        const x: number = sigmoidFixedPoint(w);
        expect(Math.abs(x - refSigmoid(w * x))).toBeLessThanOrEqual(1e-15);
        if (w >= 0) {
          expect(x).toBeGreaterThanOrEqual(0.5);
          expect(x).toBeLessThanOrEqual(1);
        } else {
          expect(x).toBeGreaterThan(0);
          expect(x).toBeLessThanOrEqual(0.5);
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("is found for large negative weights, where x ← σ(wx) does not converge", () => {
    // Plain iteration at w = −10 falls into a 2-cycle: after 1000 steps it
    // still jumps between two values far apart.
    let z: number = 0.5;
    for (let i = 0; i < 1000; i++) z = refSigmoid(-10 * z);
    expect(Math.abs(refSigmoid(-10 * z) - z)).toBeGreaterThan(0.1);
    for (const w of [-10, -100, -1e3, -1e6, -1e12]) {
      const x: number = sigmoidFixedPoint(w);
      // Here x* is small (down to ~2e-11), so the check is relative: the
      // bracket is one ulp wide and |1 − w·σ'| ≈ |w|·x* ≲ 30, a few ulps.
      expect(relErr(refSigmoid(w * x), x)).toBeLessThan(1e-14);
    }
  });

  it("the rate equals σ'(x*) for w = 1 and |w|·x*(1−x*) in general", () => {
    const xStar: number = sigmoidFixedPoint(1);
    // σ'(x*) via 1/(4cosh²(x*/2)), independent of the x(1−x) shortcut;
    // both sides are a few ulps accurate.
    const c: number = Math.cosh(xStar / 2);
    expect(relErr(sigmoidFixedPointRate(1), 1 / (4 * c * c))).toBeLessThan(1e-14);
    expect(sigmoidFixedPointRate(1)).toBeLessThan(0.25);
    expect(Math.abs(sigmoidFixedPointRate(1) - 0.2247043481)).toBeLessThan(1e-10);
  });

  it("the per-layer factor of the sigmoid chain tends to log10(rate) for any start and w in [−5, 10]", () => {
    // For these weights the fixed point attracts (rate ≤ 0.91), so after
    // 2000 layers a_l sits on x* to machine precision (0.91^2000 ≈ 1e-82).
    // series[n] has magnitude ≤ ~2000·4 = 8000, so each entry carries ≲ 2e-12
    // of rounding; the difference of two entries ≲ 4e-12. Allow 1e-10.
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -5, max: 10, noNaN: true }), (x: number, w: number) => {
        fc.pre(Math.abs(w) > 0.05);
        const s: Float64Array = chainGradientLog10Series("sigmoid", x, 2001, w);
        const step: number = (s[2001] ?? Number.NaN) - (s[2000] ?? Number.NaN);
        expect(Math.abs(step - Math.log10(sigmoidFixedPointRate(w)))).toBeLessThan(1e-10);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("below w ≈ −5.87 the fixed point repels (rate > 1) and the chain does not settle on it", () => {
    expect(sigmoidFixedPointRate(-5)).toBeLessThan(1);
    expect(sigmoidFixedPointRate(-6)).toBeGreaterThan(1);
    // At w = −10 consecutive per-layer factors alternate (2-cycle) instead of
    // approaching log10(rate): the two steps differ by far more than rounding.
    const s: Float64Array = chainGradientLog10Series("sigmoid", 0.3, 2002, -10);
    const step1: number = (s[2001] ?? Number.NaN) - (s[2000] ?? Number.NaN);
    const step2: number = (s[2002] ?? Number.NaN) - (s[2001] ?? Number.NaN);
    expect(Math.abs(step1 - step2)).toBeGreaterThan(0.1);
  });
});

describe("tanh power law", () => {
  it("the log-log slope over n ∈ [10⁴, 10⁵] is −3/2 within 1e-3 for 0.5 ≤ |x| ≤ 5", () => {
    // With u_n = 1/a_n² ≈ 2n/3 + (ln n)/10 + K(x), |f'| ∝ u^{−3/2}, so the
    // measured slope is −3/2·(1 − δ) with δ ≲ (K + (ln n)/10)/(2n/3)/ln 10
    // at n = 10⁴. K ≈ 1/x² + O(1) ≤ ~5 here, giving δ·3/2 ≲ 5e-4
    // (measured worst: 4.1e-4 at x = 0.5); 1e-3 allows that. Smaller |x|
    // needs n ≫ 1/x² before the power law shows (x = 0.01: slope −0.99).
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 5, noNaN: true }), fc.boolean(), (ax: number, neg: boolean) => {
        const s: Float64Array = chainGradientLog10Series("tanh", neg ? -ax : ax, 100_000);
        expect(Math.abs(logLogSlope(s, 10_000, 100_000) + 1.5)).toBeLessThan(1e-3);
      }),
      { seed: 42, numRuns: 20 },
    );
  });

  it("tanhIterateAsymptote(n) = √(3/(2n)) matches the n-th output a_{n+1} to 1e-4 relative", () => {
    // a_{n+1} = u^{−1/2} with u ≈ 2n/3 + (ln n)/10 + K(x); the relative gap
    // to √(3/(2n)) is ≈ ((ln n)/10 + K)/(4n/3) ≤ (1.2 + 5)/1.3e5 ≈ 5e-5 at
    // n = 10⁵ for 0.5 ≤ |x| ≤ 5. The iterate is computed with plain Math.tanh.
    const n: number = 100_000;
    for (const x of [0.5, 1, 2, 5, -3]) {
      let a: number = x;
      for (let l = 0; l < n; l++) a = Math.tanh(a);
      expect(relErr(Math.abs(a), tanhIterateAsymptote(n))).toBeLessThan(1e-4);
    }
    expect(tanhIterateAsymptote(1.5)).toBe(1);
  });

  describe("tanhChainGradientAsymptote", () => {
    // Measured relative error |f'|/asymptote − 1 (n = 10³, 10⁴, 10⁵):
    //   x = 0.5: −2.64%, −2.56%, −2.55%
    //   x = 1:   −10.8%, −10.7%, −10.7%
    //   x = 2:   −43.2%, −43.2%, −43.2%
    // It does not shrink with n: the asymptote drops the a⁴/15 term of
    // 1/tanh²a, which changes the x-dependence of the constant, not the
    // n^{−3/2} law. Small-x theory predicts a limit of −x²/10 (checked
    // below). Tolerances are the measured worst case rounded up.
    const tolerances: ReadonlyArray<readonly [number, number]> = [
      [0.5, 0.03],
      [1, 0.11],
      [2, 0.44],
    ];
    for (const [x, tol] of tolerances) {
      it(`is within ${tol * 100}% at x = ${x} for n = 10³, 10⁴, 10⁵, and always an overestimate`, () => {
        const s: Float64Array = chainGradientLog10Series("tanh", x, 100_000);
        for (const n of [1_000, 10_000, 100_000]) {
          const ratio: number = Math.pow(10, s[n] ?? Number.NaN) / tanhChainGradientAsymptote(x, n);
          expect(Math.abs(ratio - 1)).toBeLessThan(tol);
          expect(ratio).toBeLessThan(1);
        }
      });
    }

    it("has a constant relative error for large n: only the prefactor is off", () => {
      // If the asymptote's exponent −3/2 were wrong, the ratio would drift
      // like n^{±something}; from 10⁴ to 10⁵ it changes by < 2e-4 (the
      // (ln n)/n correction), i.e. the n-dependence is right.
      for (const x of [0.5, 1, 2]) {
        const s: Float64Array = chainGradientLog10Series("tanh", x, 100_000);
        const r4: number = Math.pow(10, s[10_000] ?? Number.NaN) / tanhChainGradientAsymptote(x, 10_000);
        const r5: number = Math.pow(10, s[100_000] ?? Number.NaN) / tanhChainGradientAsymptote(x, 100_000);
        expect(relErr(r5, r4)).toBeLessThan(5e-4);
      }
    });

    it("its limiting error is −x²/10 for small x (once n ≫ 1/x²)", () => {
      // Derivation: K'(x) = −2/x³·(1 − Σ_l 1/(15u_l²)) and
      // Σ 1/u_l² ≈ ∫₀^∞ dl/(1/x² + 2l/3)² = 3x²/2, so the ratio → 1 − x²/10.
      // Next order is O(x⁴) ≈ 1e-6 at x = 0.1, plus (ln n)/n ≈ 2e-5 at
      // n = 10⁵: so allow 5e-5 around −1e-3.
      const x: number = 0.1;
      const l: number = chainGradientLog10("tanh", x, 100_000);
      const ratio: number = Math.pow(10, l) / tanhChainGradientAsymptote(x, 100_000);
      expect(Math.abs(ratio - 1 - -(x * x) / 10)).toBeLessThan(5e-5);
    });

    it("is exact at n = 0 and x = 0", () => {
      expect(tanhChainGradientAsymptote(0.7, 0)).toBe(1);
      expect(tanhChainGradientAsymptote(0, 12345)).toBe(1);
      // Closed form (3/(2n))^{3/2}/|x|³ for 2n·x²/3 ≫ 1: relative gap ≈ 1.5/(2n x²/3).
      expect(relErr(tanhChainGradientAsymptote(-2, 1e9), Math.pow(3 / 2e9, 1.5) / 8)).toBeLessThan(1e-8);
    });
  });
});

describe("logLogSlope", () => {
  it("recovers the exponent of an exact power law", () => {
    // series[n] = c + k·log10 n: the slope is k, up to the rounding of the
    // four log10 values (~1e-15 each over a denominator ≥ log10(2)).
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        (k: number, i: number, j: number) => {
          fc.pre(i !== j);
          const n1: number = Math.min(i, j);
          const n2: number = Math.max(i, j);
          const s: Float64Array = new Float64Array(501);
          for (let n = 1; n <= 500; n++) s[n] = 7 + k * Math.log10(n);
          expect(Math.abs(logLogSlope(s, n1, n2) - k)).toBeLessThan(1e-12);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it("rejects out-of-range indices and non-finite entries", () => {
    const s: Float64Array = new Float64Array(11);
    expect(() => logLogSlope(s, 0, 5)).toThrow(/n1 must be an integer ≥ 1, got 0/);
    expect(() => logLogSlope(s, 2, 11)).toThrow(/n2 must be at most 10, got 11/);
    expect(() => logLogSlope(s, 5, 5)).toThrow(/n2 must be greater than n1, got n1 = 5, n2 = 5/);
    expect(() => logLogSlope(s, 1.5, 5)).toThrow(RangeError);
    expect(() => logLogSlope(new Float64Array(2), 1, 1)).toThrow(/at least 3 entries/);
    const z: Float64Array = chainGradientLog10Series("tanh", 1, 10, 0);
    expect(() => logLogSlope(z, 1, 10)).toThrow(/must be finite.*-Infinity/);
  });
});

describe("argument validation", () => {
  it("rejects bad depth with a message naming the value", () => {
    expect(() => chainGradientLog10("sigmoid", 1, -3)).toThrow(RangeError);
    expect(() => chainGradientLog10("sigmoid", 1, -3)).toThrow("depth must be a non-negative integer, got -3");
    expect(() => chainGradientLog10("tanh", 1, 2.5)).toThrow("depth must be a non-negative integer, got 2.5");
    expect(() => chainGradientLog10("tanh", 1, Number.NaN)).toThrow("depth must be a non-negative integer, got NaN");
    expect(() => chainGradientLog10Series("tanh", 1, MAX_CHAIN_DEPTH + 1)).toThrow(
      `depth must be at most ${MAX_CHAIN_DEPTH}, got ${MAX_CHAIN_DEPTH + 1}`,
    );
    expect(() => gradientBoundLog10("tanh", -1)).toThrow("depth must be a non-negative integer, got -1");
  });

  it("accepts the documented maximum depth", () => {
    // w = 1, x = 0 for tanh: every factor is exactly 1.
    expect(chainGradientLog10("tanh", 0, MAX_CHAIN_DEPTH)).toBe(0);
  });

  it("rejects non-finite x and weight, and unknown activations", () => {
    expect(() => chainGradientLog10("sigmoid", Number.NaN, 3)).toThrow("x must be a finite number, got NaN");
    expect(() => chainGradientLog10Series("sigmoid", Infinity, 3)).toThrow("x must be a finite number, got Infinity");
    expect(() => chainGradientLog10("tanh", 0, 3, -Infinity)).toThrow("weight must be a finite number, got -Infinity");
    expect(() => sigmoidFixedPoint(Number.NaN)).toThrow("weight must be a finite number, got NaN");
    expect(() => sigmoidFixedPointRate(Infinity)).toThrow(RangeError);
    expect(() => gradientBoundLog10("tanh", 3, Number.NaN)).toThrow(RangeError);
    expect(() => chainGradientLog10("relu" as ActivationName, 0, 3)).toThrow('activation must be "sigmoid" or "tanh", got "relu"');
    expect(() => gradientBoundLog10("softplus" as ActivationName, 3)).toThrow(/got "softplus"/);
  });

  it("rejects bad n for the asymptotes", () => {
    expect(() => tanhIterateAsymptote(0)).toThrow("n must be a positive number, got 0");
    expect(() => tanhIterateAsymptote(Number.NaN)).toThrow("n must be a finite number, got NaN");
    expect(() => tanhChainGradientAsymptote(1, -2)).toThrow("n must be a non-negative number, got -2");
    expect(() => tanhChainGradientAsymptote(Infinity, 2)).toThrow("x must be a finite number, got Infinity");
  });
});
