/**
 * Chapter 1.1's figures say things in words (their descriptions are
 * regenerated for every value a reader sets). These tests check those words
 * against computations the figures do not make: long chains run here, lib's
 * peak search, and a brute-force maximum.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatFixed } from "../../lib/format";
import { chainGradientLog10Series, chainGradientPeak, perLayerSlope } from "../../lib/one-unit-chain";
import { shownText, shownValue } from "../../lib/one-unit-chain-numbers";
import { coerceValues } from "../../src/figures/params";
import activationDerivative from "../../src/figures/one-unit-chain/activation-derivative.figure";
import chainGradient from "../../src/figures/one-unit-chain/chain-gradient.figure";
import cobwebCycle from "../../src/figures/one-unit-chain/cobweb-cycle.figure";
import cobweb from "../../src/figures/one-unit-chain/cobweb.figure";
import { logTicks } from "../../src/figures/one-unit-chain/log-ticks";
import tanhPowerLaw from "../../src/figures/one-unit-chain/tanh-power-law.figure";
import { arbitraryValues } from "./arbitrary-values";

const LONG = 40_000;

/** The mean change of log₁₀|f′| per layer between depths 30 000 and 40 000 of the chain itself. */
function measuredRate(activation: "sigmoid" | "tanh", x: number, weight: number, bias: number): number {
  return perLayerSlope(chainGradientLog10Series(activation, x, LONG, weight, bias), 30_000, LONG);
}

describe("what the cobweb says about where the chain settles", () => {
  // Each kind of sentence against a 40 000-layer chain. The factor the text
  // states (4 significant digits) is compared with the measured rate; near a
  // bifurcation the chain may not have settled by 30 000 layers, so the
  // claim checked there is the direction only (see the tolerances below).
  it("holds for random values of the widget, the ends of every range included", () => {
    fc.assert(
      fc.property(arbitraryValues(cobweb.params), (raw) => {
        const values = coerceValues(cobweb.params, raw).values;
        const { activation, weight, bias, x } = values;
        const text = cobweb.describe(cobweb.data(values), values);
        if (weight === 0) {
          expect(text).toContain("the gradient is exactly 0");
          return;
        }
        const rate = measuredRate(activation, x, weight, bias);
        if (text.includes("vanishes exponentially")) {
          // The stated per-layer factor: the last "= F < 1" (fixed point) or "= F on average" (2-cycle).
          const m = /(?:=|by √\S+ =) ([\d.]+(?: × 10⁻\S+)?)(?: < 1| on average)/.exec(text);
          expect(m, text).not.toBeNull();
          expect(rate, text).toBeLessThan(0);
          if (!text.includes("slowly")) {
            // Settled: 30 000 layers at a factor ≤ 0.99 leave the orbit
            // within 0.99^30000 of its limit; the text rounds to 4 digits.
            const stated = m![1].includes("×") ? NaN : Math.log10(Number(m![1]));
            if (Number.isFinite(stated)) expect(Math.abs(rate - stated), text).toBeLessThan(1e-3);
          }
        } else if (text.includes("grows like")) {
          expect(rate).toBeGreaterThan(0);
        } else if (text.includes("does not vanish exponentially")) {
          expect(Math.abs(rate)).toBeLessThan(1e-3);
        } else {
          throw new Error(`unexpected description: ${text}`);
        }
      }),
      { seed: 11, numRuns: 60 },
    );
  });

  it("the second cobweb opens on the w = −6 cycle and names it and its per-layer factor as the chapter prints them", () => {
    const values = coerceValues(cobwebCycle.params, {}).values;
    const text = cobwebCycle.describe(cobwebCycle.data(values), values);
    expect(text).toContain(`2-cycle ${shownText("sigmoidNegativeCycleLow")} ↔ ${shownText("sigmoidNegativeCycleHigh")}`);
    expect(text).toContain(`= ${shownText("sigmoidNegativeCyclePerLayer")}`);
  });
});

describe("the chain widget's description", () => {
  it("gives lib's peak and the per-layer slope of the second half, for random values", () => {
    fc.assert(
      fc.property(arbitraryValues(chainGradient.params), (raw) => {
        const values = coerceValues(chainGradient.params, raw).values;
        const { x, depth, weight, bias, show } = values;
        const text = chainGradient.describe(chainGradient.data(values), values);
        if (weight === 0) return;
        for (const name of show) {
          const peak = chainGradientPeak(name, x, depth, weight, bias);
          expect(text).toContain(`at depth ${peak.depth}.`);
          const series = chainGradientLog10Series(name, x, depth, weight, bias);
          expect(text).toContain(`changes by ${formatFixed(perLayerSlope(series, Math.floor(depth / 2), depth), 4)} per layer`);
        }
      }),
      { seed: 12, numRuns: 40 },
    );
  });

  it("shows exercise 4's slope and the w = −6 peak as the chapter prints them", () => {
    const ex4 = coerceValues(chainGradient.params, { show: ["tanh"], x: 1, weight: 2, depth: 10_000 }).values;
    expect(chainGradient.describe(chainGradient.data(ex4), ex4)).toContain(`changes by ${shownText("tanhMeasuredSlopeWeight2")} per layer`);
    const neg = coerceValues(chainGradient.params, { show: ["sigmoid"], x: 0.22, weight: -6, depth: 10_000 }).values;
    const text = chainGradient.describe(chainGradient.data(neg), neg);
    expect(text).toContain(`is ${shownText("sigmoidNegativePeak")}, at depth ${shownText("sigmoidNegativePeakDepth")}.`);
    expect(text).toContain(`gradient is ${shownText("sigmoidNegativeEnd")}`);
  });
});

describe("the cobweb's view of the factors", () => {
  it("averages the factors of the second half to the chain's slope there (exercise 4)", () => {
    const values = coerceValues(cobweb.params, { activation: "tanh", view: "factors", weight: 2, x: 1, step: 40 }).values;
    const text = cobweb.describe(cobweb.data(values), values);
    const series = chainGradientLog10Series("tanh", 1, 40, 2);
    expect(text).toContain(`average ${formatFixed(perLayerSlope(series, 20, 40), 4)} in log₁₀`);
    expect(text).toContain(`multiplies the gradient by |${shownText("tanhFactorWeight2")}|`);
  });
});

describe("the tanh log-log figure", () => {
  it("calls w = 1, b = 0 a power law and the knife-edge cases exponential, as the chain measures", () => {
    const at = (p: Record<string, number>) => {
      const values = coerceValues(tanhPowerLaw.params, p).values;
      return tanhPowerLaw.describe(tanhPowerLaw.data(values), values);
    };
    expect(at({})).toContain("close to −3/2");
    for (const [weight, bias] of [
      [0.99, 0],
      [1.01, 0],
      [1, 0.01],
    ]) {
      const text = at({ weight, bias });
      expect(text).toContain("vanishes exponentially");
      expect(measuredRate("tanh", 1, weight, bias)).toBeLessThan(-1e-3);
    }
    expect(at({ x: 0, weight: 1.01 })).toContain("grows like |w|ⁿ");
  });
});

describe("exercise 2's figure", () => {
  it("marks the maximum a brute-force search of its own curve finds", () => {
    const data = activationDerivative.data({ show: "two-layers" });
    if (data.kind !== "two-layers") throw new Error("expected the two-layer view");
    const best = data.points.reduce((p, q) => (q.ratio > p.ratio ? q : p));
    // Samples are 0.005 apart; the maximum is flat (second derivative of
    // the ratio ≈ −0.5), so the best sample is within one spacing of it.
    expect(Math.abs(best.x - shownValue("twoLayerArgmax"))).toBeLessThanOrEqual(0.005);
    expect(best.ratio).toBeLessThanOrEqual(shownValue("twoLayerMaxOverBound") + 1e-15);
    expect(data.points.find((p) => p.x === 0)?.ratio).toBeCloseTo(shownValue("twoLayerAtZeroOverBound"), 14);
  });
});

describe("logTicks", () => {
  it("puts at least two labelled ticks inside any range, without exponent notation", () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 2, noNaN: true }), fc.double({ min: 0.01, max: 20, noNaN: true }), (lo, span) => {
        const { ticks, format } = logTicks(lo, lo + span);
        expect(ticks.length).toBeGreaterThanOrEqual(span < 1 ? 2 : 1);
        for (const t of ticks) {
          expect(t).toBeGreaterThanOrEqual(lo - 1e-12);
          expect(t).toBeLessThanOrEqual(lo + span + 1e-12);
          expect(format(t)).not.toMatch(/e|NaN|Infinity/);
        }
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
