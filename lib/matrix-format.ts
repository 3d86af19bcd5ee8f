// How chapter 1.2 writes singular values, small vectors and 2×2 matrices, in
// its prose and in its figures: a few significant digits without padding
// zeros that are not really there (100, not 100.0, when the value is 100; but
// 100.0 for 100.01 at four digits), ×10ⁿ far from 1, and the matrices of the
// chapter as TeX. Builds on lib/format.ts, so the minus sign is U+2212.

import { formatLog10Text, formatSignificant, MINUS_SIGN } from "./format";
import { determinant, determinantLog10, type Matrix } from "./linalg";
import { requireFinite, requireIntegerInRange } from "./validate";

// Relative distance below which x "is" its shorter decimal: far above the
// rounding of a computed singular value (~1e-15), far below any digit shown.
const SAME_DECIMAL: number = 1e-9;

/**
 * x to `digits` significant digits (1 ≤ digits ≤ 17), as ×10ⁿ text (at most 3 digits) below 10⁻⁴ or from 10⁶ on; trailing zeros are dropped only when x equals the shorter decimal to 1e-9 relative: 0.9899999999999999 → "0.99", 100.01 → "100.0", 1.39e-19 → "1.39 × 10⁻¹⁹". Throws RangeError for non-finite x. Used in chapter 1.2.
 */
export function formatShort(x: number, digits: number = 4): string {
  requireFinite("x", x);
  requireIntegerInRange("digits", digits, 1, 17);
  if (x === 0) return "0";
  const ax: number = Math.abs(x);
  if (ax < 1e-4 || ax >= 1e6) {
    const text: string = powerOfTenText(Math.log10(ax), digits);
    return x < 0 ? MINUS_SIGN + text : text;
  }
  const s: string = formatSignificant(x, digits);
  if (!s.includes(".")) return s;
  const short: string = s.replace(/0+$/, "").replace(/\.$/, "");
  return Math.abs(Number(short.replace(MINUS_SIGN, "-")) - x) <= SAME_DECIMAL * ax ? short : s;
}

// 10^log10 as "1.39 × 10⁻¹⁹": at most 3 digits, trailing zeros dropped.
function powerOfTenText(log10: number, digits: number): string {
  return formatLog10Text(log10, Math.min(digits, 3)).replace(/^(\d)\.(\d*?)0+ ×/, (_m: string, a: string, b: string): string =>
    b ? `${a}.${b} ×` : `${a} ×`,
  );
}

/**
 * det M of a square matrix as text, like formatShort, also where |det M| lies outside the normal doubles (entries of 1e-200 give det 1e-400, which `determinant` returns as 0): then from determinantLog10, "1 × 10⁻⁴⁰⁰". "0" only when the LU factorisation meets an exactly zero pivot. Throws RangeError for an invalid matrix or digits. Used in chapter 1.2.
 */
export function formatDeterminant(m: Matrix, digits: number = 4): string {
  requireIntegerInRange("digits", digits, 1, 17);
  const { sign, log10Abs } = determinantLog10(m);
  if (sign === 0) return "0";
  const d: number = determinant(m);
  if (Math.abs(d) >= 1e-300 && Math.abs(d) <= 1e300) return formatShort(d, digits);
  const text: string = powerOfTenText(log10Abs, digits);
  return sign < 0 ? MINUS_SIGN + text : text;
}

/** A vector as text, each entry by formatShort: [0.6, -0.8] → "(0.6, −0.8)". Used in chapter 1.2. */
export function formatVector(v: readonly number[], digits: number = 3): string {
  return `(${v.map((x) => formatShort(x, digits)).join(", ")})`;
}

/** A matrix as text, row by row, entries by formatShort: "[[0, 0.01], [100, 0]]". Used in chapter 1.2. */
export function formatMatrixText(m: Matrix, digits: number = 6): string {
  return `[${m.map((row) => `[${row.map((x) => formatShort(x, digits)).join(", ")}]`).join(", ")}]`;
}

/**
 * A matrix whose entries are inputs typed in the chapter (0.01, 49.995), as TeX \begin{bmatrix}…\end{bmatrix}, each entry as JavaScript's shortest round-trip decimal; throws RangeError for an entry that JavaScript would print in exponent notation (|x| < 1e-6 or ≥ 1e21, except 0) or that is not finite. Used in chapter 1.2.
 */
export function matrixTex(m: Matrix): string {
  const entry = (x: number): string => {
    requireFinite("entry", x);
    const s: string = String(x + 0);
    if (/e/i.test(s)) throw new RangeError(`entry ${s} would print in exponent notation; write it with formatLog10Tex instead`);
    return s;
  };
  return `\\begin{bmatrix} ${m.map((row) => row.map(entry).join(" & ")).join(" \\\\ ")} \\end{bmatrix}`;
}
