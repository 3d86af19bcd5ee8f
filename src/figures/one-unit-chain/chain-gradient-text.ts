/** Words and table of the chain-gradient figure (chapter 1.1), from the series it drew. */
import type { ActivationName } from "../../../lib/activations";
import { formatFixed, formatLog10Text } from "../../../lib/format";
import { gradientBoundLog10, perLayerSlope } from "../../../lib/one-unit-chain";
import type { DataTable } from "../figure-spec";
import { showNumber } from "../params";
import { tableDepths } from "../sampling";
import { factorText } from "./orbit-text";

/** One activation's line: its name, label, colour and bound. */
export interface ChainSeriesInfo {
  name: ActivationName;
  label: string;
  color: string;
  bound: string;
}

/** That line with its log₁₀|f′| at depths 0…n. */
export interface ChainSeries extends ChainSeriesInfo {
  log10: Float64Array;
}

/** The values the words need. */
export interface ChainValues {
  x: number;
  depth: number;
  weight: number;
  bias: number;
}

const text = (log10: number) => (log10 === -Infinity ? "0" : formatLog10Text(log10, 3));

/** The first depth n ≥ 1 with the largest log₁₀|f′| (the same rule as lib's chainGradientPeak), read off the series already computed. */
function peakOf(log10: Float64Array): { depth: number; log10: number } {
  let best = { depth: 1, log10: log10[1] };
  for (let n = 2; n < log10.length; n++) if (log10[n] > best.log10) best = { depth: n, log10: log10[n] };
  return best;
}

/** The description: each chain's end value against its bound, its peak, and its mean per-layer change over the second half of the depths. */
export function describeChainGradient(series: readonly ChainSeries[], { x, depth, weight, bias }: ChainValues): string {
  if (weight === 0) {
    return `With weight w = 0 every layer outputs act(b) whatever its input, so the gradient is exactly 0 at every depth.`;
  }
  const half = Math.floor(depth / 2);
  return (
    `Gradient magnitude |f′(x)| of a chain of one-unit ${series.map((s) => s.label).join(" and ")} layers a ↦ act(w·a + b), from depth 0 to ${depth}, at x = ${showNumber(x)}, w = ${showNumber(weight)} and b = ${showNumber(bias)}, on a logarithmic axis. ` +
    series
      .map((s) => {
        const peak = peakOf(s.log10);
        const slope = perLayerSlope(s.log10, half, depth);
        return (
          `At depth ${depth} the ${s.label} chain's gradient is ${text(s.log10[depth])}, against the bound ${s.bound} = ${text(gradientBoundLog10(s.name, depth, weight))}; ` +
          `its largest value over depths 1 to ${depth} is ${text(peak.log10)}, at depth ${peak.depth}. ` +
          `From depth ${half} to ${depth}, log₁₀|f′| changes by ${formatFixed(slope, 4)} per layer on average, a factor of ${factorText(slope)} per layer.`
        );
      })
      .join(" ")
  );
}

/** The data table of the chain-gradient figure: both chains and bounds at depths 1, 2, 5, 10, … */
export function tableChainGradient(series: readonly ChainSeries[], { depth, weight }: ChainValues): DataTable {
  return {
    columns: ["depth n", ...series.flatMap((s) => [`${s.label} |f′|`, `bound ${s.bound}`])],
    rows: tableDepths(depth).map((n) => [
      String(n),
      ...series.flatMap((s) => [text(s.log10[n]), text(gradientBoundLog10(s.name, n, weight))]),
    ]),
  };
}
