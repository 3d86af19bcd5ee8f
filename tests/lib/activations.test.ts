import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  activation,
  logSigmoidPrime,
  logTanhPrime,
  sigmoid,
  sigmoidPrime,
  sigmoidPrimeMax,
  tanhPrime,
  type ActivationName,
} from "../../lib/activations";

const EPS: number = Number.EPSILON; // 2^-52 ≈ 2.22e-16, one ulp of 1

function relErr(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

// Central difference with the step actually realised in floating point
// (x + h and x − h are rounded, so we divide by their true distance).
function centralDifference(f: (x: number) => number, x: number, h: number): number {
  const xp: number = x + h;
  const xm: number = x - h;
  return (f(xp) - f(xm)) / (xp - xm);
}

describe("sigmoid", () => {
  it("is exactly 1 at +1000 and underflows to exactly 0 only where e^x does", () => {
    expect(sigmoid(1000)).toBe(1);
    // e^{-1000} ≈ 5e-435 is below half the smallest subnormal (4.9e-324),
    // so the correctly rounded true value is 0.
    expect(sigmoid(-1000)).toBe(0);
    // e^{-745} ≈ 5e-324 is still representable: the result must not be 0.
    expect(sigmoid(-745)).toBeGreaterThan(0);
  });

  it("keeps full relative precision deep in the left tail", () => {
    // σ(−700) = e^{−700}/(1 + e^{−700}); the correction 1e-304 is far below
    // one ulp, so the answer is e^{−700} itself. Two roundings (exp and the
    // division) allow ≤ ~2.2e-16; 1e-15 leaves headroom for libm's exp.
    expect(relErr(sigmoid(-700), Math.exp(-700))).toBeLessThan(1e-15);
    expect(relErr(sigmoid(-40), Math.exp(-40) / (1 + Math.exp(-40)))).toBeLessThan(1e-15);
  });

  it("is symmetric: σ(−x) = 1 − σ(x)", () => {
    // Both sides are ≤ 1 and each carries at most ~1 ulp of 1 of absolute
    // rounding error (the subtraction 1 − σ(x) is exact by Sterbenz for
    // σ ≥ 1/2), so 2·EPS bounds the difference.
    fc.assert(
      fc.property(fc.double({ min: 0, max: 800, noNaN: true }), (x: number) => {
        expect(Math.abs(sigmoid(-x) - (1 - sigmoid(x)))).toBeLessThanOrEqual(2 * EPS);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

describe("derivatives against central finite differences", () => {
  // h = 1e-5. Truncation error of a central difference is |f'''|·h²/6:
  //   |σ'''| ≤ 1/8  → ≤ 2.1e-12;   |tanh'''| ≤ 2 → ≤ 3.4e-11.
  // Roundoff: each |f| ≤ 1 is off by ≤ 1.1e-16, so the difference quotient
  // is off by ≤ 2.2e-16/(2h) ≈ 1.1e-11. Total ≤ 4.5e-11; allow 1e-10.
  const H: number = 1e-5;
  const TOL: number = 1e-10;

  it("sigmoidPrime matches the finite difference of sigmoid on [−20, 20]", () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (x: number) => {
        expect(Math.abs(sigmoidPrime(x) - centralDifference(sigmoid, x, H))).toBeLessThan(TOL);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("tanhPrime matches the finite difference of Math.tanh on [−20, 20]", () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (x: number) => {
        expect(Math.abs(tanhPrime(x) - centralDifference(Math.tanh, x, H))).toBeLessThan(TOL);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

describe("relative accuracy of the derivatives against independent formulas", () => {
  // σ'(x) = 1/(4·cosh²(x/2)) and tanh'(x) = 1/cosh²(x) involve no
  // cancellation either; each side is a handful (≤ 5) of operations with
  // ≤ 1 ulp error each (≈ 1.1e-15 together), so 1e-14 relative is a 10x
  // margin while still catching any 1 − σ-style cancellation (which would
  // give errors of order 1 at |x| = 40).
  it("sigmoidPrime(x) = 1/(4 cosh²(x/2)) for |x| ≤ 700", () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x: number) => {
        const c: number = Math.cosh(x / 2);
        expect(relErr(sigmoidPrime(x), 1 / (4 * c * c))).toBeLessThan(1e-14);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("sigmoidPrime(x) = σ(x)·σ(−x), using 1 − σ(x) = σ(−x)", () => {
    // Each σ is relative-accurate to ~2 ulps, so the product is to ~5 ulps.
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x: number) => {
        expect(relErr(sigmoidPrime(x), sigmoid(x) * sigmoid(-x))).toBeLessThan(1e-14);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("tanhPrime(x) = 1/cosh²(x) for |x| ≤ 350", () => {
    fc.assert(
      fc.property(fc.double({ min: -350, max: 350, noNaN: true }), (x: number) => {
        const c: number = Math.cosh(x);
        expect(relErr(tanhPrime(x), 1 / (c * c))).toBeLessThan(1e-14);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("sigmoidPrime(40) ≈ e^{−40} and tanhPrime(20) ≈ 4e^{−40} where 1 − σ² would cancel to 0", () => {
    // True values are e^{−40}(1 − 2e^{−40} + …) and 4e^{−40}(1 − 2e^{−40} + …):
    // the correction is 8e-18, so 1e-12 relative is generous.
    expect(relErr(sigmoidPrime(40), Math.exp(-40))).toBeLessThan(1e-12);
    expect(relErr(sigmoidPrime(-40), Math.exp(-40))).toBeLessThan(1e-12);
    expect(relErr(tanhPrime(20), 4 * Math.exp(-40))).toBeLessThan(1e-12);
  });

  it("derivatives at ±1000 underflow to exactly 0, as the true values do", () => {
    // e^{−1000} ≈ 5e-435 and 4e^{−2000} are below the smallest subnormal.
    expect(sigmoidPrime(1000)).toBe(0);
    expect(sigmoidPrime(-1000)).toBe(0);
    expect(tanhPrime(1000)).toBe(0);
    expect(tanhPrime(-1000)).toBe(0);
  });
});

describe("log derivatives", () => {
  it("logSigmoidPrime(±1000) ≈ −1000 and logTanhPrime(±1000) ≈ ln 4 − 2000", () => {
    // Exact values: −1000 − 2·ln(1 + e^{−1000}) and ln 4 − 2000 − 2·ln(1 + e^{−2000});
    // the log1p terms are ~1e-434, far below an ulp, so 1e-12 relative is loose.
    expect(relErr(logSigmoidPrime(1000), -1000)).toBeLessThan(1e-12);
    expect(relErr(logSigmoidPrime(-1000), -1000)).toBeLessThan(1e-12);
    expect(relErr(logTanhPrime(1000), Math.log(4) - 2000)).toBeLessThan(1e-12);
    expect(relErr(logTanhPrime(-1000), Math.log(4) - 2000)).toBeLessThan(1e-12);
  });

  it("logSigmoidPrime(x) is exactly −|x| for |x| ≥ 40, over the whole double range, and never above −ln 4", () => {
    // −|x| − 2·ln(1 + e^{−|x|}): the second term is ≤ 2e^{−40} ≈ 8.5e-18,
    // below half an ulp of 40 (3.6e-15), so the correctly rounded value is
    // −|x| itself. This reaches |x| = Number.MAX_VALUE, where cosh overflows
    // and the reference formula of the next test cannot go.
    fc.assert(
      fc.property(fc.double({ min: 40, max: Number.MAX_VALUE, noNaN: true }), fc.boolean(), (ax: number, neg: boolean) => {
        expect(logSigmoidPrime(neg ? -ax : ax)).toBe(-ax);
      }),
      { seed: 42, numRuns: 2000 },
    );
    // The bound ln σ' ≤ ln(1/4) = −ln 4, attained at 0 (−2·log1p(1) and
    // −Math.log(4) may differ by an ulp, hence the 1e-15 slack).
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x: number) => {
        expect(logSigmoidPrime(x)).toBeLessThanOrEqual(-Math.log(4) + 1e-15);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("logTanhPrime(x) = ln 4 − 2|x| to 1e-15 relative for 20 ≤ |x| ≤ 1e300, and is never positive", () => {
    // The dropped term 2·ln(1 + e^{−2|x|}) ≤ 2e^{−40} ≈ 8.5e-18 is below
    // 1e-18 relative to |ln 4 − 2|x|| ≥ 38.6; the reference itself rounds
    // twice (≤ 2.2e-16 relative).
    fc.assert(
      fc.property(fc.double({ min: 20, max: 1e300, noNaN: true }), fc.boolean(), (ax: number, neg: boolean) => {
        expect(relErr(logTanhPrime(neg ? -ax : ax), Math.log(4) - 2 * ax)).toBeLessThanOrEqual(1e-15);
      }),
      { seed: 42, numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -1e300, max: 1e300, noNaN: true }), (x: number) => {
        expect(logTanhPrime(x)).toBeLessThanOrEqual(0);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("logSigmoidPrime(x) = −2·ln(2 cosh(x/2)) to 1e-14 relative", () => {
    // |ln σ'| ≥ ln 4, so no cancellation on either side: a few ulps relative.
    fc.assert(
      fc.property(fc.double({ min: -1400, max: 1400, noNaN: true }), (x: number) => {
        expect(relErr(logSigmoidPrime(x), -2 * Math.log(2 * Math.cosh(x / 2)))).toBeLessThan(1e-14);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("logTanhPrime(x) = −2·ln cosh(x) for 0.01 ≤ |x| ≤ 700", () => {
    // The reference computes ln of cosh x ≥ 1 with ≲ 2 ulps of relative error
    // in cosh, i.e. ≲ 4.4e-16 absolute in the log, doubled: ≤ ~1e-15 absolute
    // plus 1 ulp relative of the result. At x = 0.01 the value is 1e-4, so
    // the reference itself is only good to ~1e-11 relative there: test
    // |Δ| ≤ 2e-15 + 1e-15·|ref|.
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 700, noNaN: true }), fc.boolean(), (ax: number, negative: boolean) => {
        const x: number = negative ? -ax : ax;
        const ref: number = -2 * Math.log(Math.cosh(x));
        expect(Math.abs(logTanhPrime(x) - ref)).toBeLessThanOrEqual(2e-15 + 1e-15 * Math.abs(ref));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("logTanhPrime keeps full relative precision near 0 (Taylor series reference)", () => {
    // ln sech² x = −x² + x⁴/6 − 2x⁶/45 + 17x⁸/1260 − …; for |x| ≤ 0.01 the
    // first omitted term is < x¹⁰ ≤ 1e-20, i.e. < 1e-16 relative to x².
    // sinh, log1p and the products add a few ulps: 1e-14 relative.
    fc.assert(
      fc.property(fc.double({ min: -0.01, max: 0.01, noNaN: true }), (x: number) => {
        fc.pre(Math.abs(x) > 1e-150); // keep x² normal so "relative" is meaningful
        const x2: number = x * x;
        const ref: number = -x2 + (x2 * x2) / 6 - (2 * x2 * x2 * x2) / 45 + (17 * x2 * x2 * x2 * x2) / 1260;
        expect(relErr(logTanhPrime(x), ref)).toBeLessThan(1e-14);
      }),
      { seed: 42, numRuns: 2000 },
    );
    // tanh'(0) = 1 exactly, so its log must be exactly zero (either sign).
    expect(logTanhPrime(0) === 0).toBe(true);
  });

  it("is continuous across the branch switch at |x| = 1", () => {
    // Both branches are accurate to a few ulps of ~0.87 (≈ 2e-16 each); the
    // function moves by ≈ 1.5·1e-15 between adjacent doubles around 1.
    const below: number = logTanhPrime(1 - EPS / 2);
    const at: number = logTanhPrime(1);
    expect(Math.abs(at - below)).toBeLessThan(3e-15);
    expect(relErr(at, -2 * Math.log(Math.cosh(1)))).toBeLessThan(1e-15);
  });
});

describe("maxima of the derivatives", () => {
  it("σ' peaks at 1/4 at x = 0", () => {
    // 1/(4cosh²0) = 1/4 exactly, and the constant is that attained value.
    expect(sigmoidPrime(0)).toBe(0.25);
    expect(sigmoidPrime(0)).toBe(sigmoidPrimeMax);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x: number) => {
        expect(sigmoidPrime(x)).toBeLessThanOrEqual(sigmoidPrimeMax);
      }),
      { seed: 42, numRuns: 5000 },
    );
  });

  it("σ'(x) < 1/4 strictly once the deficit x²/16 exceeds rounding (|x| ≥ 1e-7)", () => {
    // σ'(x) = 1/4 − x²/16 + O(x⁴); below |x| ≈ 1e-8 the deficit is under half
    // an ulp of 1/4 and the double result is legitimately exactly 1/4.
    fc.assert(
      fc.property(fc.double({ min: 1e-7, max: 700, noNaN: true }), fc.boolean(), (ax: number, neg: boolean) => {
        expect(sigmoidPrime(neg ? -ax : ax)).toBeLessThan(0.25);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("tanh' ∈ (0, 1], equal to 1 at 0 and strictly below 1 for |x| ≥ 1e-7", () => {
    expect(tanhPrime(0)).toBe(1);
    // Positive wherever 4e^{−2|x|} is representable (|x| ≤ ~372).
    fc.assert(
      fc.property(fc.double({ min: -370, max: 370, noNaN: true }), (x: number) => {
        const v: number = tanhPrime(x);
        expect(v).toBeGreaterThan(0);
        expect(v).toBeLessThanOrEqual(1);
      }),
      { seed: 42, numRuns: 2000 },
    );
    // tanh'(x) = 1 − x² + …: a deficit ≥ 1e-14 is ~45 ulps of 1.
    fc.assert(
      fc.property(fc.double({ min: 1e-7, max: 370, noNaN: true }), fc.boolean(), (ax: number, neg: boolean) => {
        expect(tanhPrime(neg ? -ax : ax)).toBeLessThan(1);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

describe("activation registry", () => {
  it("returns f, prime, logPrime and maxPrime that match independent formulas", () => {
    // f against formulas lib does not use (tanh through expm1, the textbook
    // sigmoid): ≤ ~4 ulps each side for |x| ≤ 30, where neither underflows.
    // logPrime against ln of prime: both a few ulps, values ≤ 60 in size:
    // 1e-14 absolute. maxPrime: attained at 0 and never exceeded.
    const independent: Record<ActivationName, (x: number) => number> = {
      sigmoid: (x: number): number => 1 / (1 + Math.exp(-x)),
      tanh: (x: number): number => {
        const e: number = Math.expm1(-2 * Math.abs(x));
        return (Math.sign(x) * -e) / (2 + e);
      },
    };
    const names: ActivationName[] = ["sigmoid", "tanh"];
    for (const name of names) {
      const act = activation(name);
      expect(act.name).toBe(name);
      expect(act.prime(0)).toBe(act.maxPrime);
      fc.assert(
        fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x: number) => {
          fc.pre(Math.abs(x) > 1e-300);
          expect(relErr(act.f(x), independent[name](x))).toBeLessThan(1e-15);
          expect(Math.abs(act.logPrime(x) - Math.log(act.prime(x)))).toBeLessThan(1e-14);
          expect(act.prime(x)).toBeLessThanOrEqual(act.maxPrime);
        }),
        { seed: 42, numRuns: 500 },
      );
    }
  });

  it("throws a RangeError naming an unknown activation", () => {
    expect(() => activation("relu" as ActivationName)).toThrow(RangeError);
    expect(() => activation("relu" as ActivationName)).toThrow(/activation must be "sigmoid" or "tanh", got "relu"/);
  });
});
