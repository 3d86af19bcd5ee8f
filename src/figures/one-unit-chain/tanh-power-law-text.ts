/** Constants, words and table of the tanh log-log figure (chapter 1.1). */
import { formatFixed, formatInteger, formatLog10Text, formatSignificant } from "../../../lib/format";
import type { LimitOrbit } from "../../../lib/one-unit-chain";
import type { DataTable } from "../figure-spec";
import { showNumber } from "../params";
import { logIndices, tableDepths } from "../sampling";
import { orbitSentence } from "./orbit-text";

export const DEPTH = 100_000;
/** The slope is measured over the last decade of depths. */
export const SLOPE_FROM = 10_000;
/** Depths drawn (log-spaced) and tabulated: the same for every value, so computed once. */
export const DRAWN = logIndices(1, DEPTH, 160);
export const TABULATED = tableDepths(DEPTH);

/** Below this |x|, C(x) ≈ (3/2)^(3/2)/|x|³ nears overflow (lib refuses it); the law is not drawn. */
const LAW_MIN_X = 1e-100;
export const hasLaw = (x: number) => Math.abs(x) >= LAW_MIN_X;

/** log₁₀ of C(x)·n^(−3/2), the w = 1, b = 0 limit law (x ≠ 0). */
export const lawLog10 = (log10C: number, n: number) => log10C - 1.5 * Math.log10(n);

/** What the figure computes (tanh-power-law.figure.ts). */
export interface TanhPowerLawData {
  drawn: number[];
  tabulated: number[];
  end: number;
  slope: number;
  log10C: number | null;
  orbit: LimitOrbit;
}

/** The values the words need. */
export interface TanhPowerLawValues {
  x: number;
  weight: number;
  bias: number;
}

/** The description: the measured slope, the end value against C(x)·n^(−3/2), or, off w = 1, b = 0, where the chain settles. */
export function describeTanhPowerLaw(
  { end: atDepth, slope, log10C, orbit }: TanhPowerLawData,
  { x, weight, bias }: TanhPowerLawValues,
): string {
  const head =
    `Log-log plot of the gradient of the tanh chain a ↦ tanh(w·a + b) with w = ${showNumber(weight)} and b = ${showNumber(bias)}, ` +
    `from x = ${showNumber(x)}, for depths 1 to ${formatInteger(DEPTH)}. `;
  const end = `At depth ${formatInteger(DEPTH)} it is ${formatLog10Text(atDepth)}`;
  const measured = `Between depth ${formatInteger(SLOPE_FROM)} and ${formatInteger(DEPTH)} the line has slope ${formatFixed(slope, 3)}`;
  if (weight === 1 && bias === 0) {
    if (x === 0) {
      return head + `At x = 0 every layer passes 0 on with derivative 1, so the gradient is exactly 1 at every depth: a flat line at 10⁰.`;
    }
    return (
      head +
      measured +
      (Math.abs(slope + 1.5) < 0.05
        ? `, close to −3/2: the gradient falls like a power of n, not exponentially. `
        : `; the −3/2 power law only sets in once n is much larger than 1/x² = ${formatLog10Text(-2 * Math.log10(Math.abs(x)))}. `) +
      (log10C === null
        ? `${end}; the limit law C(x)·n^(−3/2) is not drawn, because C(x) ≈ (3/2)^(3/2)/|x|³ is too large for double precision when |x| < 10⁻¹⁰⁰.`
        : `${end}, ${formatSignificant(10 ** (atDepth - lawLog10(log10C, DEPTH)), 4)} times the limit law C(x)·n^(−3/2) (dashed) with C(x) = ${formatLog10Text(log10C, 4)}.`)
    );
  }
  return (
    head +
    `With w ≠ 1 or b ≠ 0 the chain no longer has a fixed point of slope 1 at 0. ${orbitSentence(orbit, "tanh", x, weight, bias)} ` +
    `${measured}. ${end}` +
    (log10C === null ? "." : `, against ${formatLog10Text(lawLog10(log10C, DEPTH))} for the limit law of w = 1, b = 0 (dashed).`)
  );
}

/** The data table: the chain and the limit law at depths 1, 2, 5, 10, … */
export function tableTanhPowerLaw({ tabulated, log10C }: TanhPowerLawData): DataTable {
  return {
    columns: ["depth n", "tanh |f′|", "C(x)·n^(−3/2)"],
    rows: TABULATED.map((n, i) => [
      formatInteger(n),
      formatLog10Text(tabulated[i]),
      log10C === null ? "—" : formatLog10Text(lawLog10(log10C, n)),
    ]),
  };
}
