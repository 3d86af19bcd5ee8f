import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  MAX_CHAIN_DEPTH,
  chainFactorLog10Series,
  chainFixedPoints,
  chainGradientLog10,
  chainGradientLog10Series,
  chainGradientPeak,
  chainIterates,
  chainLimitOrbit,
  chainTwoCycle,
  cubicChainGradientLog10Series,
  gradientBoundLog10,
  logLogSlope,
  perLayerSlope,
  sigmoidFixedPoint,
  sigmoidFixedPointMultiplier,
  sigmoidFixedPointRate,
  sigmoidFlipWeight,
  sigmoidPositiveWeightRateMaximum,
  sigmoidTwoLayerArgmax,
  tanhChainGradientAsymptote,
  tanhIterateAsymptote,
  tanhMarginalBias,
  tanhPowerLawConstant,
  tanhPowerLawEstimate,
  type FixedPoint,
  type LimitOrbit,
  type TwoCycle,
} from "../../lib/one-unit-chain";
import type { ActivationName } from "../../lib/activations";

function relErr(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

// Independent references for the activations, none of them the formulas in
// lib/activations.ts: the textbook sigmoid (for |z| ≤ 700 no overflow, ~2
// ulps), tanh through expm1 (relative accuracy near 0, ~3 ulps), and the
// derivatives through cosh.
function refSigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
function refTanh(z: number): number {
  const e: number = Math.expm1(-2 * Math.abs(z));
  const t: number = -e / (2 + e);
  return z < 0 ? -t : t;
}
function refAct(name: ActivationName, z: number): number {
  return name === "sigmoid" ? refSigmoid(z) : refTanh(z);
}
function refPrime(name: ActivationName, z: number): number {
  if (name === "sigmoid") {
    const c: number = Math.cosh(z / 2);
    return 1 / (4 * c * c);
  }
  const c: number = Math.cosh(z);
  return 1 / (c * c);
}

/** Direct running products ∏_{l≤n} w·act'(w·a_l + b), n = 0..depth, by plain multiplication with the reference formulas above. */
function directProducts(name: ActivationName, x: number, depth: number, w: number, b: number = 0): number[] {
  const out: number[] = [1];
  let a: number = x;
  let p: number = 1;
  for (let l = 1; l <= depth; l++) {
    const z: number = w * a + b;
    p *= w * refPrime(name, z);
    a = refAct(name, z);
    out.push(p);
  }
  return out;
}

const activationArb: fc.Arbitrary<ActivationName> = fc.constantFrom<ActivationName>("sigmoid", "tanh");

describe("chainGradientLog10 basics", () => {
  it("depth 0 is the empty product: log10 1 = 0", () => {
    expect(chainGradientLog10("sigmoid", 3, 0)).toBe(0);
    expect(chainGradientLog10("tanh", -2, 0, 0)).toBe(0);
    expect(chainGradientLog10("tanh", -2, 0, 3, 5)).toBe(0);
    const s: Float64Array = chainGradientLog10Series("tanh", 1, 0);
    expect(s.length).toBe(1);
    expect(s[0]).toBe(0);
  });

  it("one layer is log10|w·act'(w·x + b)|", () => {
    // σ'(0) = 1/4 and tanh'(0) = 1 are exact; log10 adds ≤ 1 ulp.
    expect(chainGradientLog10("sigmoid", 0, 1)).toBeCloseTo(Math.log10(0.25), 15);
    expect(chainGradientLog10("tanh", 0, 1, 3)).toBeCloseTo(Math.log10(3), 15);
    // The bias moves the evaluation point: w·x + b = 0 again.
    expect(chainGradientLog10("tanh", 2, 1, 3, -6)).toBeCloseTo(Math.log10(3), 15);
  });

  it("the series has length depth + 1 and starts at 0", () => {
    fc.assert(
      fc.property(activationArb, fc.integer({ min: 0, max: 300 }), (name: ActivationName, depth: number) => {
        const s: Float64Array = chainGradientLog10Series(name, 0.3, depth, 1.5, -0.2);
        expect(s.length).toBe(depth + 1);
        expect(s[0]).toBe(0);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it("weight 0 gives exactly −Infinity from layer 1 on (the gradient is exactly 0)", () => {
    expect(chainGradientLog10("sigmoid", 0.3, 1, 0)).toBe(-Infinity);
    expect(chainGradientLog10("tanh", 0.3, 50, 0, 2)).toBe(-Infinity);
    const s: Float64Array = chainGradientLog10Series("tanh", 0.3, 3, -0);
    expect(Array.from(s)).toEqual([0, -Infinity, -Infinity, -Infinity]);
  });
});

describe("log-space accumulation against the direct product", () => {
  it("both chain functions agree with the plain product at every depth ≤ 200 where it is representable, for any bias", () => {
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
        fc.double({ min: -2, max: 2, noNaN: true }),
        (name: ActivationName, x: number, depth: number, absW: number, negW: boolean, b: number) => {
          const w: number = negW ? -absW : absW;
          const direct: number[] = directProducts(name, x, depth, w, b);
          const series: Float64Array = chainGradientLog10Series(name, x, depth, w, b);
          const close = (l: number, p: number): void => {
            expect(Math.abs(Math.expm1((l - Math.log10(p)) * Math.LN10))).toBeLessThan(1e-12);
          };
          let last: number = 0;
          for (let n = 1; n <= depth; n++) {
            const p: number = Math.abs(direct[n] ?? Number.NaN);
            // Keep to normal doubles, where the product itself is accurate.
            if (!(p > 1e-300 && p < 1e300)) break;
            close(series[n] ?? Number.NaN, p);
            last = n;
          }
          if (last > 0) close(chainGradientLog10(name, x, last, w, b), Math.abs(direct[last] ?? Number.NaN));
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it("matches a plain sum of log factors where the direct product underflows to 0", () => {
    // (σ')ⁿ ≤ 4⁻ⁿ: at n = 1000 the product is below 1e-602, far under the
    // smallest double. Reference: an uncompensated sum of log10 of the cosh
    // form of σ'. Its rounding error is ≤ n·ε·Σ|terms| ≈ 1000·1.1e-16·650 ≈
    // 7e-11 absolute in the worst case, i.e. 1.1e-13 relative; allow 2e-13.
    const p: number = directProducts("sigmoid", 1, 1000, 1)[1000] ?? Number.NaN;
    expect(p).toBe(0);
    let a: number = 1;
    let sum: number = 0;
    for (let l = 0; l < 1000; l++) {
      sum += Math.log10(refPrime("sigmoid", a));
      a = refSigmoid(a);
    }
    expect(relErr(chainGradientLog10("sigmoid", 1, 1000), sum)).toBeLessThan(2e-13);
  });
});

describe("bounds", () => {
  it("chainGradientLog10 ≤ gradientBoundLog10 for both activations, any weight and any bias", () => {
    // Mathematically each factor is ≤ |w|·max act' whatever the bias. When
    // the chain sits at the maximum (tanh at x = 0, or sigmoid's first layer
    // at w·x + b = 0) the two sides are the same number reached by different
    // rounding paths, a few ulps apart; 1e-12 relative covers that.
    fc.assert(
      fc.property(
        activationArb,
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (name: ActivationName, x: number, depth: number, w: number, b: number) => {
          const chain: number = chainGradientLog10(name, x, depth, w, b);
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
    // Right-hand sides from the definition with Math.log10 of the exact
    // per-layer bound (|w|/4 and |w| are exact doubles here): ≤ 2 ulps apart.
    expect(relErr(gradientBoundLog10("sigmoid", 10), 10 * Math.log10(0.25))).toBeLessThan(1e-15);
    expect(relErr(gradientBoundLog10("sigmoid", 10, -8), 10 * Math.log10(2))).toBeLessThan(1e-15);
    expect(gradientBoundLog10("tanh", 7, 1)).toBe(0);
    expect(relErr(gradientBoundLog10("tanh", 5, -2), 5 * Math.log10(2))).toBeLessThan(1e-15);
    expect(gradientBoundLog10("tanh", 0, 0)).toBe(0);
    expect(gradientBoundLog10("sigmoid", 3, 0)).toBe(-Infinity);
  });
});

describe("deep chains: exact values", () => {
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

  it("the long-run per-layer slope is the limit orbit's factor, for every x and w in [−6, 6] (both activations)", () => {
    // After 2000 layers the iterates sit on the limit orbit to far below
    // rounding (slowest case kept here: |multiplier| ≈ 0.99, 0.99^2000 ≈
    // 2e-9 in the iterate, which moves the factor's log by ~1e-10·|w|).
    // The slope over 2000 layers (an even count, so a 2-cycle contributes
    // whole periods) subtracts two logs of size ≤ 4000·3 with ≲ 1e-12
    // relative error each: ≲ 1e-11 absolute. Weights within 0.1 of a
    // bifurcation (tanh |w| = 1, sigmoid w_c) converge too slowly and are
    // left to the dedicated tests.
    const wc: number = sigmoidFlipWeight();
    fc.assert(
      fc.property(
        activationArb,
        fc.double({ min: -6, max: 6, noNaN: true }),
        fc.double({ min: -6, max: 6, noNaN: true }),
        (name: ActivationName, x: number, w: number) => {
          fc.pre(Math.abs(w) > 0.05);
          fc.pre(name === "tanh" ? Math.abs(Math.abs(w) - 1) > 0.1 : Math.abs(w - wc) > 0.1);
          const orbit: LimitOrbit = chainLimitOrbit(name, x, w);
          const s: Float64Array = chainGradientLog10Series(name, x, 4000, w);
          expect(Math.abs(perLayerSlope(s, 2000, 4000) - orbit.perLayerFactorLog10)).toBeLessThan(1e-9);
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });
});

describe("sigmoid fixed point", () => {
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

  it("the rate is |w|·σ'(w x*) = |w|·x*(1 − x*), below 1/4 for w = 1, and the multiplier carries w's sign", () => {
    // x*(1 − x*) uses σ(wx*) = x* instead of evaluating σ'; both sides are a
    // few ulps accurate for these weights (x* ≤ 0.9975, so 1 − x* keeps
    // ≥ 13 digits): 1e-13 relative.
    fc.assert(
      fc.property(fc.double({ min: -20, max: 6, noNaN: true }), (w: number) => {
        fc.pre(Math.abs(w) > 1e-3);
        const x: number = sigmoidFixedPoint(w);
        expect(relErr(sigmoidFixedPointRate(w), Math.abs(w) * x * (1 - x))).toBeLessThan(1e-13);
        expect(Math.sign(sigmoidFixedPointMultiplier(w))).toBe(Math.sign(w));
        expect(Math.abs(sigmoidFixedPointMultiplier(w))).toBe(sigmoidFixedPointRate(w));
      }),
      { seed: 42, numRuns: 500 },
    );
    expect(sigmoidFixedPointRate(1)).toBeLessThan(0.25);
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
});

describe("sigmoidPositiveWeightRateMaximum", () => {
  it("is the largest fixed-point rate over a grid of positive weights, and a stationary point", () => {
    // Brute force, not the one-variable equation the function solves: a grid
    // of 20 000 weights in (0, 20] through sigmoidFixedPoint's bisection. Near
    // its maximum r(w) is flat: r(w) ≈ r_m − κ(w − w_m)² with κ ≈ 0.128
    // (measured: (r_m − r(w_m ± d))/d² = 0.128 for d from 5e-4 to 1e-2), so
    // the grid's best point (step 1e-3) is within κ·(5e-4)² ≈ 3.2e-8 of r_m
    // and never above it (beyond rounding, 1e-15).
    const { weight, rate, fixedPoint } = sigmoidPositiveWeightRateMaximum();
    let best: number = 0;
    let bestW: number = 0;
    for (let i = 1; i <= 20_000; i++) {
      const w: number = i * 1e-3;
      const r: number = sigmoidFixedPointRate(w);
      if (r > best) {
        best = r;
        bestW = w;
      }
    }
    expect(best).toBeLessThanOrEqual(rate + 1e-15);
    expect(rate - best).toBeLessThan(5e-8);
    expect(Math.abs(bestW - weight)).toBeLessThan(1e-3);
    // Stationary: the central difference of r at w_m over h = 1e-4 cancels
    // the curvature and leaves r'''(w_m)·h²/6 plus rounding (measured 3e-10);
    // a point 0.1 away from w_m lies κ·0.01 ≈ 1.3e-3 below the maximum.
    const h: number = 1e-4;
    expect(Math.abs(sigmoidFixedPointRate(weight + h) - sigmoidFixedPointRate(weight - h)) / (2 * h)).toBeLessThan(1e-6);
    expect(sigmoidFixedPointRate(weight + 0.1)).toBeLessThan(rate);
    expect(sigmoidFixedPointRate(weight - 0.1)).toBeLessThan(rate);
    // Its parts agree with the general functions to a few ulps.
    expect(relErr(sigmoidFixedPoint(weight), fixedPoint)).toBeLessThan(1e-15);
    expect(relErr(sigmoidFixedPointRate(weight), rate)).toBeLessThan(1e-14);
  });
});

describe("sigmoid flip bifurcation and 2-cycle", () => {
  it("w_c is where the fixed point's multiplier crosses −1, and the 2-cycle exists exactly below it", () => {
    // The multiplier comes from bisecting x* = σ(w x*) and evaluating σ' —
    // not from the one-variable equation sigmoidFlipWeight solves. Near w_c
    // its slope dm/dw ≈ 0.2, so w_c's few-ulp error moves m by ~1e-16; x*'s
    // own error adds a few ulps: 1e-14 allows both.
    const wc: number = sigmoidFlipWeight();
    expect(Math.abs(sigmoidFixedPointMultiplier(wc) + 1)).toBeLessThan(1e-14);
    expect(sigmoidFixedPointMultiplier(wc + 0.01)).toBeGreaterThan(-1);
    expect(sigmoidFixedPointMultiplier(wc - 0.01)).toBeLessThan(-1);
    expect(chainTwoCycle("sigmoid", wc + 0.01)).toBeNull();
    expect(chainTwoCycle("sigmoid", wc - 0.01)).not.toBeNull();
    // Far below the flip the chain really alternates: consecutive
    // per-layer steps differ by far more than rounding.
    const s: Float64Array = chainGradientLog10Series("sigmoid", 0.3, 2002, -10);
    const step1: number = (s[2001] ?? Number.NaN) - (s[2000] ?? Number.NaN);
    const step2: number = (s[2002] ?? Number.NaN) - (s[2001] ?? Number.NaN);
    expect(Math.abs(step1 - step2)).toBeGreaterThan(0.1);
  });

  it("the 2-cycle closes, straddles x*, attracts, and is what the iteration reaches (w ∈ [−30, −5.9], bias in [−3, 3])", () => {
    // Closure: low is bisected to adjacent doubles on g(g(p)) − p, whose
    // slope at p is 1 − M ≥ 0.18 here (see below), so |g(g(low)) − low| ≤
    // a few ulps/0.18 ≲ 1e-14, and the residual of high = g(low) is that
    // times |g'| ≤ |w|/4: allow 1e-12·max(1, |w|). The iteration
    // (3000 steps of the reference sigmoid) converges like M^{l/2}; with
    // cases whose |m(x*)| is within 0.05 of 1 skipped, M ≤ 0.82 (largest on
    // a 0.05-grid of the same (w, b) box: 0.8165), so after 3000 layers the
    // distance is ≤ 0.82^1500 ≈ 1e-129 plus rounding: allow 1e-9.
    fc.assert(
      fc.property(fc.double({ min: -30, max: -5.9, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (w: number, b: number) => {
        const fixed: FixedPoint = chainFixedPoints("sigmoid", w, b)[0] ?? { point: Number.NaN, multiplier: Number.NaN };
        const cycle: TwoCycle | null = chainTwoCycle("sigmoid", w, b);
        fc.pre(Math.abs(Math.abs(fixed.multiplier) - 1) > 0.05);
        if (Math.abs(fixed.multiplier) < 1) {
          expect(cycle).toBeNull();
          return;
        }
        if (cycle === null) throw new Error("expected a 2-cycle");
        const g = (a: number): number => refSigmoid(w * a + b);
        expect(cycle.low).toBeLessThan(fixed.point);
        expect(cycle.high).toBeGreaterThan(fixed.point);
        expect(Math.abs(g(cycle.low) - cycle.high)).toBeLessThan(1e-12 * Math.max(1, Math.abs(w)));
        expect(Math.abs(g(cycle.high) - cycle.low)).toBeLessThan(1e-12 * Math.max(1, Math.abs(w)));
        expect(cycle.multiplier).toBeGreaterThanOrEqual(0);
        expect(cycle.multiplier).toBeLessThan(1);
        // Multiplier with the cosh form of σ': two factors of ≤ 4 ulps each.
        const m: number = w * refPrime("sigmoid", w * cycle.low + b) * (w * refPrime("sigmoid", w * cycle.high + b));
        expect(Math.abs(cycle.multiplier - m)).toBeLessThanOrEqual(1e-14 + 1e-13 * m);
        let a: number = 0.37;
        for (let i = 0; i < 3000; i++) a = g(a);
        expect(Math.min(Math.abs(a - cycle.low), Math.abs(a - cycle.high))).toBeLessThan(1e-9);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("there is no 2-cycle for w ≥ 0, and tanh's cycle for w < −1 is {−a*, a*}", () => {
    expect(chainTwoCycle("sigmoid", 6)).toBeNull();
    expect(chainTwoCycle("tanh", 3, 0.2)).toBeNull();
    expect(chainTwoCycle("tanh", 0)).toBeNull();
    expect(chainTwoCycle("tanh", -1)).toBeNull();
    const cycle: TwoCycle | null = chainTwoCycle("tanh", -2);
    const positive: FixedPoint | undefined = chainFixedPoints("tanh", 2)[2];
    if (cycle === null || positive === undefined) throw new Error("expected a cycle and a positive fixed point");
    // Same equation a = tanh(2a) solved by two routes (2-cycle bisection on
    // g∘g, fixed-point bisection on g): both to a few ulps / |1 − M|.
    expect(relErr(cycle.high, positive.point)).toBeLessThan(1e-14);
    expect(relErr(-cycle.low, positive.point)).toBeLessThan(1e-14);
    expect(relErr(cycle.multiplier, positive.multiplier * positive.multiplier)).toBeLessThan(1e-14);
  });

  it("near the flip the cycle is as accurate as a nearly triple root allows", () => {
    // Two ulps below w_c the true cycle's half-width is ~√(m² − 1) ≈ 3e-8,
    // but there g∘g(a) − a ≈ −(m² − 1)δ + cδ³ (δ = a − x*) is below its own
    // rounding (≈ 5e-16) for every δ up to (5e-16/c)^{1/3} ≈ 1e-5, so the
    // bisection lands anywhere in that range, or finds no sign change at all
    // and returns {x*, x*} with multiplier 1. Either way the answer is within
    // ~1e-5 of the cycle and its multiplier within ~1e-5 of 1: allow 1e-4.
    const w: number = sigmoidFlipWeight() * (1 + 2 * Number.EPSILON);
    const cycle: TwoCycle | null = chainTwoCycle("sigmoid", w);
    if (cycle !== null) {
      expect(Math.abs(cycle.high - cycle.low)).toBeLessThan(1e-4);
      expect(Math.abs(cycle.multiplier - 1)).toBeLessThan(1e-4);
    }
  });
});

describe("chainFixedPoints", () => {
  it("finds every fixed point: each is a root, the list is ascending, and a fine grid finds no other", () => {
    // Residual: a root bisected to adjacent doubles has |act(wa + b) − a| ≤
    // |1 − m|·ulp + rounding of act ≤ (1 + 10)·1.1e-16 + 2.2e-16 < 2e-15.
    // Completeness: every sign change of h(a) = act(wa + b) − a on a grid of
    // 4001 points must have a listed root within one grid step.
    fc.assert(
      fc.property(
        activationArb,
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (name: ActivationName, w: number, b: number) => {
          const fps: FixedPoint[] = chainFixedPoints(name, w, b);
          expect(fps.length).toBeGreaterThanOrEqual(1);
          expect(fps.length).toBeLessThanOrEqual(3);
          for (let i = 0; i < fps.length; i++) {
            const fp: FixedPoint = fps[i]!;
            expect(Math.abs(refAct(name, w * fp.point + b) - fp.point)).toBeLessThan(2e-15);
            expect(Math.abs(fp.multiplier - w * refPrime(name, w * fp.point + b))).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(w)));
            if (i > 0) expect(fp.point).toBeGreaterThan(fps[i - 1]!.point);
          }
          const [lo, hi] = name === "sigmoid" ? [0, 1] : [-1, 1];
          const steps: number = 4000;
          const h = (a: number): number => refAct(name, w * a + b) - a;
          let prev: number = h(lo);
          for (let k = 1; k <= steps; k++) {
            const a: number = lo + ((hi - lo) * k) / steps;
            const cur: number = h(a);
            if (prev !== 0 && cur !== 0 && prev > 0 !== cur > 0) {
              const near: boolean = fps.some((fp: FixedPoint): boolean => Math.abs(fp.point - a) <= (hi - lo) / steps);
              expect(near).toBe(true);
            }
            prev = cur;
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it("gives 3 fixed points past the pitchfork (tanh, w > 1, b = 0) and 1 below", () => {
    // tanh(wa) − a has slope w − 1 at 0: a sign change on each side of 0
    // appears exactly when w > 1.
    expect(chainFixedPoints("tanh", 0.9).map((f: FixedPoint): number => f.point)).toEqual([0]);
    expect(chainFixedPoints("tanh", 1)).toEqual([{ point: 0, multiplier: 1 }]);
    const three: FixedPoint[] = chainFixedPoints("tanh", 1.5);
    expect(three.length).toBe(3);
    expect(three[1]).toEqual({ point: 0, multiplier: 1.5 });
    expect(three[0]!.point).toBe(-three[2]!.point);
  });

  it("handles weight 0 (every layer outputs act(b))", () => {
    expect(chainFixedPoints("tanh", 0, 0.5)).toEqual([{ point: Math.tanh(0.5), multiplier: 0 }]);
    expect(chainFixedPoints("sigmoid", -0)).toEqual([{ point: 0.5, multiplier: 0 }]);
  });
});

describe("chainLimitOrbit", () => {
  it("the iterates end on the orbit it names, for both activations, any weight in [−6, 6] and bias in [−1, 1]", () => {
    // 3000 layers of the reference maps. Near a bifurcation convergence is
    // slow, so cases whose |multiplier| is within 0.05 of 1 are skipped;
    // otherwise the distance is ≤ 0.95^1500 ≈ 4e-34 plus rounding: 1e-9.
    fc.assert(
      fc.property(
        activationArb,
        fc.double({ min: -6, max: 6, noNaN: true }),
        fc.double({ min: -6, max: 6, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (name: ActivationName, x: number, w: number, b: number) => {
          const orbit: LimitOrbit = chainLimitOrbit(name, x, w, b);
          fc.pre(Math.abs(Math.abs(orbit.multiplier) - 1) > 0.05);
          // Saddle-node ghosts (a fixed point that barely fails to exist)
          // also slow the iteration down; they show as another fixed point
          // with multiplier near 1.
          fc.pre(chainFixedPoints(name, w, b).every((f: FixedPoint): boolean => Math.abs(f.multiplier - 1) > 0.05));
          let a: number = x;
          for (let i = 0; i < 3000; i++) a = refAct(name, w * a + b);
          const d: number = Math.min(...orbit.points.map((p: number): number => Math.abs(a - p)));
          expect(d).toBeLessThan(1e-9);
          expect(orbit.stability).toBe(Math.abs(orbit.multiplier) < 1 ? "attracting" : "repelling");
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it("a start exactly on a repelling fixed point stays there, with growth per layer", () => {
    const orbit: LimitOrbit = chainLimitOrbit("tanh", 0, 2);
    expect(orbit.points).toEqual([0]);
    expect(orbit.stability).toBe("repelling");
    // log10 2 from Math.log10 directly: same one rounding.
    expect(orbit.perLayerFactorLog10).toBe(Math.log10(2));
    expect(chainLimitOrbit("tanh", 1e-300, 2).stability).toBe("attracting");
  });

  it("tanh with |w| = 1 and no bias is marginal: the factor tends to 1", () => {
    for (const [x, w] of [
      [1, 1],
      [-3, 1],
      [0.5, -1],
    ] as const) {
      const orbit: LimitOrbit = chainLimitOrbit("tanh", x, w);
      expect(orbit.stability).toBe("marginal");
      expect(orbit.perLayerFactorLog10).toBe(0);
    }
  });
});

describe("chainGradientPeak", () => {
  it("finds the depth and size of the largest gradient, against the direct product (depth ≤ 200)", () => {
    // The direct products are accurate to ~2e-13 relative (see above); when
    // the two largest differ by less than 1e-11 the argmax is a matter of
    // rounding and only the value is compared.
    fc.assert(
      fc.property(
        activationArb,
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (name: ActivationName, x: number, depth: number, w: number, b: number) => {
          fc.pre(Math.abs(w) > 0.1);
          const direct: number[] = directProducts(name, x, depth, w, b).map(Math.abs);
          fc.pre(direct.slice(1).every((p: number): boolean => p > 1e-300 && p < 1e300));
          let best: number = 1;
          for (let n = 2; n <= depth; n++) if (direct[n]! > direct[best]!) best = n;
          const second: number = Math.max(0, ...direct.slice(1).filter((_: number, i: number): boolean => i + 1 !== best));
          const peak = chainGradientPeak(name, x, depth, w, b);
          expect(Math.abs(Math.expm1((peak.log10 - Math.log10(direct[best]!)) * Math.LN10))).toBeLessThan(1e-12);
          if (direct[best]! > second * (1 + 1e-11)) expect(peak.depth).toBe(best);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it("picks the first depth on ties, and requires depth ≥ 1", () => {
    // tanh at x = 0, w = 1: every partial product is exactly 1.
    expect(chainGradientPeak("tanh", 0, 50)).toEqual({ depth: 1, log10: 0 });
    expect(() => chainGradientPeak("tanh", 0, 0)).toThrow("depth must be an integer ≥ 1, got 0");
  });
});

describe("chainIterates and chainFactorLog10Series", () => {
  it("each iterate is the previous one mapped once, and each factor is log10|w·act'| there", () => {
    // Local checks, so no error propagation: each step is one activation
    // (≤ 3 ulps in lib and reference) and one log (≤ 4 ulps of the factor,
    // ≲ 1e-15 absolute for factors ≥ 1e-300).
    fc.assert(
      fc.property(
        activationArb,
        fc.double({ min: -6, max: 6, noNaN: true }),
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: -6, max: 6, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (name: ActivationName, x: number, depth: number, w: number, b: number) => {
          fc.pre(Math.abs(w) > 1e-3);
          const it: Float64Array = chainIterates(name, x, depth, w, b);
          const f: Float64Array = chainFactorLog10Series(name, x, depth, w, b);
          expect(it.length).toBe(depth + 1);
          expect(f.length).toBe(depth);
          expect(it[0]).toBe(x);
          for (let n = 1; n <= depth; n++) {
            const expected: number = refAct(name, w * it[n - 1]! + b);
            expect(Math.abs(it[n]! - expected)).toBeLessThanOrEqual(4.5e-16 * Math.max(Math.abs(expected), 1e-300) + 1e-320);
            const factor: number = Math.abs(w * refPrime(name, w * it[n - 1]! + b));
            if (factor > 1e-300)
              expect(Math.abs(f[n - 1]! - Math.log10(factor))).toBeLessThan(2e-15 * Math.max(1, Math.abs(Math.log10(factor))));
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it("the factors add up to chainGradientLog10 (plain sum against the compensated one)", () => {
    // 10 000 terms of size ≤ ~1: a plain sum drifts by ≤ ~1e4·1.1e-16·|sum|
    // ≈ 1e-12 relative.
    const f: Float64Array = chainFactorLog10Series("sigmoid", 0.22, 10_000, -6);
    let sum: number = 0;
    for (const v of f) sum += v;
    expect(relErr(sum, chainGradientLog10("sigmoid", 0.22, 10_000, -6))).toBeLessThan(1e-12);
  });
});

describe("tanh power law", () => {
  it("the log-log slope over n ∈ [10⁴, 10⁵] is −3/2 within 1e-3 for 0.5 ≤ |x| ≤ 5", () => {
    // With u_n = 1/a_n² ≈ 2n/3 + (ln n)/10 + K(x), |f'| ∝ u^{−3/2}, so the
    // measured slope is −3/2·(1 − δ) with δ ≲ (K + (ln n)/10)/(2n/3)/ln 10
    // at n = 10⁴. K ≈ 1/x² + O(1) ≤ ~5 here, giving δ·3/2 ≲ 5e-4; 1e-3
    // allows that. Smaller |x| needs n ≫ 1/x² before the power law shows.
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 5, noNaN: true }), fc.boolean(), (ax: number, neg: boolean) => {
        const s: Float64Array = chainGradientLog10Series("tanh", neg ? -ax : ax, 100_000);
        expect(Math.abs(logLogSlope(s, 10_000, 100_000) + 1.5)).toBeLessThan(1e-3);
      }),
      { seed: 42, numRuns: 20 },
    );
  });

  it("n^{3/2}|f'_n(x)| at n = 10⁵ is just below C(x), by the (ln n)/n correction, for 0.5 ≤ |x| ≤ 5", () => {
    // Two different computations: a 10⁵-layer product, and C(x) from ≲ 600
    // layers plus the Fatou-coordinate series. Theory (tanhPowerLawEstimate):
    // 1 − E/C = (9/(4n))·((ln(2n/3))/10 + (2/3)Φ(x)) − 3/(20n) + O((ln n)²/n²)
    // with Φ(x) ∈ [0.5, 6] for these x (Φ ≈ 3/(2x²) + (3/10)ln x + … small x,
    // Φ(5) = Φ(tanh 5) − 1 ≈ 0.51): at n = 10⁵ that is between 2.25e-5·1.44
    // − 1.5e-6 ≈ 3e-5 and 2.25e-5·5.1 ≈ 1.2e-4. Allow (0, 1.5e-4).
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 5, noNaN: true }), fc.boolean(), (ax: number, neg: boolean) => {
        const x: number = neg ? -ax : ax;
        const gap: number = 1 - tanhPowerLawEstimate(x, 100_000) / tanhPowerLawConstant(x);
        expect(gap).toBeGreaterThan(0);
        expect(gap).toBeLessThan(1.5e-4);
      }),
      { seed: 42, numRuns: 20 },
    );
  });

  it("C(x) is even, and (3/2)^{3/2}/|x|³·(1 − x²/10) for small x", () => {
    // Evenness: the orbit of −x mirrors that of x, and the code works with
    // |x|, so this is exact.
    expect(tanhPowerLawConstant(-0.7)).toBe(tanhPowerLawConstant(0.7));
    // Small x: |Φ'(x)| = 3/x³ − 3/(10x) + O(x), the leading terms of the
    // Fatou coordinate (from u_{l+1} = u_l + 2/3 + a²/15 + …); the O(x)
    // remainder is 2c₁x with c₁ = 47/4200, relative 0.0075x⁴: ≤ 7.5e-13 at
    // x = 0.01 and 7.5e-9 at x = 0.1 (plus 1e-14 rounding).
    for (const x of [0.01, 0.1]) {
      const leading: number = (Math.pow(1.5, 1.5) / x ** 3) * (1 - (x * x) / 10);
      expect(relErr(tanhPowerLawConstant(x), leading)).toBeLessThan(0.0076 * x ** 4 + 1e-14);
    }
  });

  it("tanhIterateAsymptote(n) = √(3/(2n)) matches the n-th output a_{n+1} to 1e-4 relative", () => {
    // a_{n+1} = u^{−1/2} with u ≈ 2n/3 + (ln n)/10 + K(x); the relative gap
    // to √(3/(2n)) is ≈ ((ln n)/10 + K)/(4n/3) ≤ (1.2 + 5)/1.3e5 ≈ 5e-5 at
    // n = 10⁵ for 0.5 ≤ |x| ≤ 5. The iterate is computed with the reference tanh.
    const n: number = 100_000;
    for (const x of [0.5, 1, 2, 5, -3]) {
      let a: number = x;
      for (let l = 0; l < n; l++) a = refTanh(a);
      expect(relErr(Math.abs(a), tanhIterateAsymptote(n))).toBeLessThan(1e-4);
    }
    expect(tanhIterateAsymptote(1.5)).toBe(1);
  });

  describe("tanhChainGradientAsymptote", () => {
    it("tends to the true gradient times (3/2)^{3/2}/(|x|³C(x)): only the prefactor is off", () => {
      // ratio(n) = |f'_n|/asymptote = (E(n)/C)·(1 + 3/(2n x²))^{3/2}·R with
      // R = C(x)|x|³/(3/2)^{3/2}, the limit. Both n-dependent factors are
      // 1 + O(·/n): (9/(4n))((ln(2n/3))/10 + (2/3)Φ) + 3/(20n) ≤ 12/n for
      // Φ ≤ 6, and (3/2)·3/(2n x²) ≤ 9/n for |x| ≥ 0.5. So
      // |ratio/R − 1| ≤ 21/n: allow 25/n.
      for (const x of [0.5, 1, 2]) {
        const R: number = (tanhPowerLawConstant(x) * x ** 3) / Math.pow(1.5, 1.5);
        expect(R).toBeLessThan(1); // the approximation overestimates
        const s: Float64Array = chainGradientLog10Series("tanh", x, 100_000);
        for (const n of [1_000, 10_000, 100_000]) {
          const ratio: number = Math.pow(10, s[n] ?? Number.NaN) / tanhChainGradientAsymptote(x, n);
          expect(Math.abs(ratio / R - 1)).toBeLessThan(25 / n);
        }
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

describe("marginal fixed points away from 0 (tanhMarginalBias)", () => {
  // The curves of marginal (w, b), told apart from their neighbourhood by
  // chainFixedPoints, which finds fixed points by its own bracketing: just
  // inside |b| the map has 3 fixed points (w > 1) or a repelling one
  // (w < −1), just outside 1 or an attracting one.
  it("separates the regimes: 3 fixed points against 1 (w > 1), a repelling against an attracting fixed point (w < −1)", () => {
    for (const w of [1.05, 1.5, 2, 4, 6]) {
      const b: number = tanhMarginalBias(w);
      for (const sign of [-1, 1]) {
        expect(chainFixedPoints("tanh", w, sign * b * (1 - 1e-6)), `w = ${w}`).toHaveLength(3);
        expect(chainFixedPoints("tanh", w, sign * b * (1 + 1e-6)), `w = ${w}`).toHaveLength(1);
      }
    }
    for (const w of [-1.05, -1.5, -2, -4, -6]) {
      const b: number = tanhMarginalBias(w);
      for (const sign of [-1, 1]) {
        const inside = chainFixedPoints("tanh", w, sign * b * (1 - 1e-6));
        const outside = chainFixedPoints("tanh", w, sign * b * (1 + 1e-6));
        expect(
          inside.map((f) => Math.abs(f.multiplier) > 1),
          `w = ${w}`,
        ).toEqual([true]);
        expect(
          outside.map((f) => Math.abs(f.multiplier) < 1),
          `w = ${w}`,
        ).toEqual([true]);
      }
    }
  });

  it("meets the axis at w = ±1 (b = 0) and keeps its accuracy close to it, where w·a and artanh a nearly cancel", () => {
    expect(tanhMarginalBias(1)).toBe(0);
    expect(tanhMarginalBias(-1)).toBe(0);
    // Near w = 1: |b| = Σ 2k/(2k+1)·a^{2k+1}, a² = 1 − 1/w (≈ 1e-6 here); the
    // first three terms, and the fourth is a⁶ ≈ 1e-18 of the sum.
    const w: number = 1 + 1e-6;
    const a2: number = 1 - 1 / w;
    const a: number = Math.sqrt(a2);
    expect(relErr(tanhMarginalBias(w), a * a2 * (2 / 3 + a2 * (4 / 5 + (a2 * 6) / 7)))).toBeLessThan(1e-14);
  });

  // The chapter's claims: on the curve for w > 1 the chain that creeps into
  // the merged fixed point has |f'| ~ n^{−2} (iterates ~ 1/n from it, factors
  // 1 − 2/n); from the other side it passes by and decays exponentially; on
  // the curve for w < −1, |f'| ~ n^{−3/2} as at w = −1, b = 0. Measured
  // slopes over [10⁴, 10⁵] sit within (ln n)/n-size corrections of the
  // exponents: −1.9994 and −1.4990; 0.005 allows them.
  it("gives |f'| ~ n^(−2) on the merge curve from one side, exponential decay from the other, and n^(−3/2) on the flip curve", () => {
    const merge: number = tanhMarginalBias(2);
    expect(Math.abs(logLogSlope(chainGradientLog10Series("tanh", 1, 100_000, 2, -merge), 10_000, 100_000) + 2)).toBeLessThan(0.005);
    expect(logLogSlope(chainGradientLog10Series("tanh", 0.5, 100_000, 2, -merge), 10_000, 100_000)).toBeLessThan(-100);
    for (const sign of [-1, 1]) {
      const series: Float64Array = chainGradientLog10Series("tanh", 1, 100_000, -1.05, sign * tanhMarginalBias(-1.05));
      expect(Math.abs(logLogSlope(series, 10_000, 100_000) + 1.5)).toBeLessThan(0.005);
    }
  });

  it("rejects |w| < 1 and non-finite weights", () => {
    for (const bad of [0, 0.5, -0.999, Number.NaN, Infinity]) expect(() => tanhMarginalBias(bad)).toThrow(RangeError);
  });
});

describe("exercises", () => {
  it("the two-layer sigmoid gradient peaks at sigmoidTwoLayerArgmax(), not at 0", () => {
    // Brute force: a grid of step 1e-4 over [−1, 1] on the direct product
    // σ'(x)σ'(σ(x)) (reference formulas) finds the argmax within one step.
    const g = (x: number): number => refPrime("sigmoid", x) * refPrime("sigmoid", refSigmoid(x));
    let best: number = -1;
    for (let k = 0; k <= 20_000; k++) {
      const x: number = -1 + k * 1e-4;
      if (g(x) > g(best)) best = x;
    }
    const xm: number = sigmoidTwoLayerArgmax();
    expect(Math.abs(xm - best)).toBeLessThanOrEqual(1e-4);
    expect(g(xm)).toBeGreaterThan(g(0));
    // Stationary to rounding: the central difference of ln f' with h = 1e-5
    // has truncation ~h²·|(ln f')'''| ≈ 1e-10 and rounding 1e-16/h = 1e-11.
    const h: number = 1e-5;
    const d: number = (chainGradientLog10("sigmoid", xm + h, 2) - chainGradientLog10("sigmoid", xm - h, 2)) / (2 * h);
    expect(Math.abs(d)).toBeLessThan(1e-9);
  });

  it("a ↦ a − a³ gives the same exponent −3/2, and agrees with the direct product", () => {
    // Slope: as for tanh with u growing by 2 per layer, δ ≲ (K + c ln n)/(2n)
    // at n = 10⁴ is ≲ 3e-4; allow 1e-3.
    const s: Float64Array = cubicChainGradientLog10Series(0.5, 100_000);
    expect(Math.abs(logLogSlope(s, 10_000, 100_000) + 1.5)).toBeLessThan(1e-3);
    // Direct product over 200 layers (≥ 1e-300 throughout): ~2e-13 relative.
    let a: number = 0.9;
    let p: number = 1;
    const t: Float64Array = cubicChainGradientLog10Series(0.9, 200);
    for (let l = 1; l <= 200; l++) {
      p *= 1 - 3 * a * a;
      a = a - a * a * a;
      expect(Math.abs(Math.expm1(((t[l] ?? Number.NaN) - Math.log10(Math.abs(p))) * Math.LN10))).toBeLessThan(1e-12);
    }
    // x = ±1 maps to 0 in one layer: factor |1 − 3| = 2, then factors 1.
    // (ln 2 summed, then divided by ln 10: within 2 ulps of Math.log10(2).)
    const edge: Float64Array = cubicChainGradientLog10Series(-1, 3);
    expect(edge[0]).toBe(0);
    for (let n = 1; n <= 3; n++) expect(relErr(edge[n] ?? Number.NaN, Math.log10(2))).toBeLessThan(5e-16);
    expect(() => cubicChainGradientLog10Series(1.5, 3)).toThrow("x must be in [−1, 1], got 1.5");
  });
});

describe("logLogSlope and perLayerSlope", () => {
  it("recover the exponent of an exact power law and the rate of an exact exponential", () => {
    // series[n] = c + k·log10 n (resp. c + k·n): the slope is k, up to the
    // rounding of the entries (~1e-15 each) over denominators ≥ log10 2 (≥ 1).
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        (k: number, i: number, j: number) => {
          fc.pre(i !== j);
          const n1: number = Math.min(i, j);
          const n2: number = Math.max(i, j);
          const power: Float64Array = new Float64Array(501);
          const expo: Float64Array = new Float64Array(501);
          for (let n = 0; n <= 500; n++) {
            if (n > 0) power[n] = 7 + k * Math.log10(n);
            expo[n] = 7 + k * n;
          }
          expect(Math.abs(logLogSlope(power, n1, n2) - k)).toBeLessThan(1e-12);
          expect(Math.abs(perLayerSlope(expo, n1 - 1, n2) - k)).toBeLessThan(1e-12);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it("reject out-of-range indices and non-finite entries", () => {
    const s: Float64Array = new Float64Array(11);
    expect(() => logLogSlope(s, 0, 5)).toThrow(/n1 must be an integer ≥ 1, got 0/);
    expect(() => logLogSlope(s, 2, 11)).toThrow(/n2 must be at most 10, got 11/);
    expect(() => logLogSlope(s, 5, 5)).toThrow(/n2 must be greater than n1, got n1 = 5, n2 = 5/);
    expect(() => logLogSlope(s, 1.5, 5)).toThrow(RangeError);
    expect(() => logLogSlope(new Float64Array(2), 1, 1)).toThrow(/at least 3 entries/);
    const z: Float64Array = chainGradientLog10Series("tanh", 1, 10, 0);
    expect(() => logLogSlope(z, 1, 10)).toThrow(/must be finite.*-Infinity/);
    expect(() => perLayerSlope(s, 3, 2)).toThrow(/n2 must be greater than n1, got n1 = 3, n2 = 2/);
    expect(() => perLayerSlope(s, -1, 2)).toThrow(/n1 must be a non-negative integer, got -1/);
    expect(() => perLayerSlope(new Float64Array(1), 0, 1)).toThrow(/at least 2 entries/);
    expect(() => perLayerSlope(z, 0, 10)).toThrow(/must be finite.*-Infinity/);
    expect(() => perLayerSlope([1, 2, 3] as unknown as Float64Array, 0, 1)).toThrow(/series must be a Float64Array, got \[1,2,3\]/);
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
    expect(() => chainIterates("tanh", 1, -1)).toThrow("depth must be a non-negative integer, got -1");
    expect(() => chainFactorLog10Series("tanh", 1, 1.5)).toThrow("depth must be a non-negative integer, got 1.5");
    expect(() => tanhPowerLawEstimate(1, 0)).toThrow("n must be an integer ≥ 1, got 0");
  });

  it("accepts the documented maximum depth", () => {
    // w = 1, x = 0 for tanh: every factor is exactly 1.
    expect(chainGradientLog10("tanh", 0, MAX_CHAIN_DEPTH)).toBe(0);
  });

  it("rejects non-finite x, weight and bias, and unknown activations", () => {
    expect(() => chainGradientLog10("sigmoid", Number.NaN, 3)).toThrow("x must be a finite number, got NaN");
    expect(() => chainGradientLog10Series("sigmoid", Infinity, 3)).toThrow("x must be a finite number, got Infinity");
    expect(() => chainGradientLog10("tanh", 0, 3, -Infinity)).toThrow("weight must be a finite number, got -Infinity");
    expect(() => chainGradientLog10("tanh", 0, 3, 1, Number.NaN)).toThrow("bias must be a finite number, got NaN");
    expect(() => chainGradientPeak("tanh", 0, 3, 1, Infinity)).toThrow("bias must be a finite number, got Infinity");
    expect(() => chainIterates("sigmoid", 0, 3, Number.NaN)).toThrow("weight must be a finite number, got NaN");
    expect(() => sigmoidFixedPoint(Number.NaN)).toThrow("weight must be a finite number, got NaN");
    expect(() => sigmoidFixedPointRate(Infinity)).toThrow(RangeError);
    expect(() => sigmoidFixedPointMultiplier(-Infinity)).toThrow("weight must be a finite number, got -Infinity");
    expect(() => gradientBoundLog10("tanh", 3, Number.NaN)).toThrow(RangeError);
    expect(() => chainGradientLog10("relu" as ActivationName, 0, 3)).toThrow('activation must be "sigmoid" or "tanh", got "relu"');
    expect(() => gradientBoundLog10("softplus" as ActivationName, 3)).toThrow(/got "softplus"/);
    expect(() => chainFixedPoints("relu" as ActivationName)).toThrow(/got "relu"/);
    expect(() => chainFixedPoints("tanh", 1, Number.NaN)).toThrow("bias must be a finite number, got NaN");
    expect(() => chainTwoCycle("sigmoid", Number.NaN)).toThrow("weight must be a finite number, got NaN");
    expect(() => chainLimitOrbit("tanh", Number.NaN)).toThrow("x must be a finite number, got NaN");
    expect(() => chainLimitOrbit("tanh", 0, 1, -Infinity)).toThrow("bias must be a finite number, got -Infinity");
  });

  it("rejects bad x and n for the power-law functions", () => {
    expect(() => tanhIterateAsymptote(0)).toThrow("n must be a positive number, got 0");
    expect(() => tanhIterateAsymptote(Number.NaN)).toThrow("n must be a finite number, got NaN");
    expect(() => tanhChainGradientAsymptote(1, -2)).toThrow("n must be a non-negative number, got -2");
    expect(() => tanhChainGradientAsymptote(Infinity, 2)).toThrow("x must be a finite number, got Infinity");
    expect(() => tanhPowerLawConstant(0)).toThrow(/x must be non-zero with \|x\| ≥ 1e-100.*got 0/);
    expect(() => tanhPowerLawConstant(-1e-101)).toThrow(/got -1e-101/);
    expect(() => tanhPowerLawConstant(Number.NaN)).toThrow("x must be a finite number, got NaN");
  });
});
