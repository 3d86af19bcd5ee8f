/**
 * Words for where a one-unit chain a ↦ act(w·a + b) settles and what that
 * does to its gradient, shared by the chapter 1.1 figures. Every sentence is
 * derived from lib's chainLimitOrbit, so it is true for any weight, bias and
 * input the widgets allow: an attracting orbit gives a per-layer factor below
 * 1 (exponential vanishing, slow when the factor is close to 1), a marginal
 * one a factor tending to 1, a repelling one growth only for a chain started
 * on it.
 */
import { activation, type ActivationName } from "../../../lib/activations";
import { formatLog10Text, formatSignificant, MINUS_SIGN } from "../../../lib/format";
import { chainFixedPoints, type LimitOrbit } from "../../../lib/one-unit-chain";

/** A number for a figure's text: 4 significant digits, × 10ⁿ below 0.001. */
export function numberText(v: number): string {
  if (v === 0) return "0";
  if (Math.abs(v) >= 1e-3) return formatSignificant(v, 4);
  return (v < 0 ? MINUS_SIGN : "") + formatLog10Text(Math.log10(Math.abs(v)), 3);
}

/** A per-layer factor given by its log₁₀ (finite). */
export function factorText(log10: number): string {
  return log10 >= -3 ? formatSignificant(10 ** log10, 4) : formatLog10Text(log10, 3);
}

// Below this distance of the per-layer factor from 1, say how slowly it vanishes.
const SLOW = 0.01;

function slowness(factor: number): string {
  if (!(1 - factor < SLOW)) return "";
  const layers = 1 / (1 - factor);
  return ` It does so slowly: with a factor that close to 1 it takes about 1/(1 − ${formatSignificant(factor, 4)}) ≈ ${layers < 1e6 ? formatSignificant(layers, 3) : formatLog10Text(Math.log10(layers), 3)} layers to shrink by a factor e.`;
}

/** One or two sentences: the orbit the chain converges to, its multiplier, and the per-layer factor of |f′| there. */
export function orbitSentence(orbit: LimitOrbit, name: ActivationName, x: number, weight: number, bias: number): string {
  const act = activation(name);
  const symbol = name === "sigmoid" ? "σ" : "tanh";
  if (weight === 0) {
    return `With w = 0 every layer outputs ${symbol}(b) = ${numberText(act.f(bias))} whatever its input, and its factor is 0: the gradient is exactly 0.`;
  }
  const m = orbit.multiplier;
  if (orbit.points.length === 1) {
    const p = numberText(orbit.points[0]);
    if (orbit.stability === "repelling") {
      if (name === "tanh" && x === 0 && bias === 0) {
        return `x = 0 is a fixed point that repels (its slope is w, and |w| > 1): the chain stays exactly at 0, every layer multiplies the gradient by |w|, and it grows like |w|ⁿ. From any other input the iterates leave 0.`;
      }
      return (
        `x is, to double precision, the fixed point a* = ${p}, which repels (slope ${numberText(m)}): ` +
        `the chain stays near it, multiplying the gradient by about ${numberText(Math.abs(m))} per layer, only until rounding errors, which grow by that factor per layer, carry it away.`
      );
    }
    if (orbit.stability === "marginal") {
      const law =
        name === "tanh" && Math.abs(weight) === 1 && bias === 0
          ? x === 0
            ? " From x = 0 the chain stays at 0 and the gradient is exactly 1 at every depth."
            : " The gradient still tends to 0, but only like a power of the depth, n^(−3/2)."
          : "";
      return `The iterates converge to the fixed point a* = ${p}, where the slope is ${numberText(m)}, of magnitude 1 (a marginal fixed point): the per-layer factor tends to 1, and the gradient does not vanish exponentially.${law}`;
    }
    const factor = Math.abs(m);
    return (
      `The iterates converge to the fixed point a* = ${p}, where the slope w·${symbol}′(w·a* + b) is ${numberText(m)}: ` +
      `from there on each layer multiplies the gradient by |${numberText(m)}| = ${numberText(factor)} < 1, so it vanishes exponentially.` +
      slowness(factor)
    );
  }
  // A 2-cycle (w < 0): the fixed point between its two points repels.
  const [low, high] = orbit.points;
  const star = chainFixedPoints(name, weight, bias)[0];
  const starText = star === undefined ? "" : ` (the fixed point a* = ${numberText(star.point)} between them repels)`;
  if (orbit.stability !== "attracting" || low === high) {
    return `The chain sits at the flip of its fixed point a* = ${numberText(low)}: the slope there is −1 to double precision, the per-layer factor tends to 1, and no exponential decay can be seen.`;
  }
  const slope = (a: number) => weight * act.prime(weight * a + bias);
  const perLayer = 10 ** orbit.perLayerFactorLog10;
  return (
    `The iterates converge to the 2-cycle ${numberText(low)} ↔ ${numberText(high)}${starText}. ` +
    `Along it the factors alternate between ${numberText(Math.abs(slope(low)))} and ${numberText(Math.abs(slope(high)))}; over two layers they multiply to ${numberText(m)} < 1, ` +
    `so per layer the gradient shrinks by √${numberText(m)} = ${factorText(orbit.perLayerFactorLog10)} on average and vanishes exponentially.` +
    slowness(perLayer)
  );
}
