// Numbers that end up in the chapter prose. Two rules drive everything here:
// a reader must never see "NaN", "Infinity" or "1e-7" in running text (so
// non-finite input is a bug and throws, and output is always plain decimal
// or explicit ×10ⁿ notation), and negatives use the typographic minus
// U+2212, which is what TeX and careful typesetting show, not the hyphen.

import { describeValue, requireFinite, requireIntegerInRange } from "./validate";

/** U+2212 MINUS SIGN, used instead of the ASCII hyphen in every formatted number. */
export const MINUS_SIGN: string = "\u2212";

const SUPERSCRIPT_DIGITS: readonly string[] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];
const SUPERSCRIPT_MINUS: string = "\u207B";

// Significant digits a double can meaningfully carry.
const MAX_SIGNIFICANT: number = 17;

function withMinus(s: string): string {
  if (!s.startsWith("-")) return s;
  // A negative number that rounds to all zeros (−0.0001 to 2 places) is
  // shown as plain "0.00": a signed zero would read as a typo.
  if (/^-[0.]*$/.test(s)) return s.slice(1);
  return MINUS_SIGN + s.slice(1);
}

/** x rounded to `digits` places after the point (0 ≤ digits ≤ 100), plain decimal with "−" for negatives, e.g. −1.50; throws RangeError for non-finite x. Used in chapter 1.1. */
export function formatFixed(x: number, digits: number): string {
  requireFinite("x", x);
  requireIntegerInRange("digits", digits, 0, 100);
  // toFixed switches to exponent notation from 1e21 on; every double that
  // large is an integer, so BigInt prints its exact decimal digits instead.
  if (Math.abs(x) >= 1e21) {
    const intPart: string = BigInt(x).toString();
    return withMinus(digits > 0 ? `${intPart}.${"0".repeat(digits)}` : intPart);
  }
  return withMinus(x.toFixed(digits));
}

/** x rounded to `digits` significant digits (1 ≤ digits ≤ 17), always plain decimal (never exponent notation), trailing zeros kept as significant, "−" for negatives; throws RangeError for non-finite x. Used in chapter 1.1. */
export function formatSignificant(x: number, digits: number): string {
  requireFinite("x", x);
  requireIntegerInRange("digits", digits, 1, MAX_SIGNIFICANT);
  if (x === 0) return digits > 1 ? `0.${"0".repeat(digits - 1)}` : "0";
  // toExponential rounds the exact binary value correctly; we only move the
  // decimal point, so no second rounding can creep in.
  const [mant = "", expText = "0"] = Math.abs(x)
    .toExponential(digits - 1)
    .split("e");
  const e: number = Number(expText);
  const d: string = mant.replace(".", "");
  let body: string;
  if (e >= d.length - 1) {
    body = d + "0".repeat(e - (d.length - 1));
  } else if (e >= 0) {
    body = `${d.slice(0, e + 1)}.${d.slice(e + 1)}`;
  } else {
    body = `0.${"0".repeat(-e - 1)}${d}`;
  }
  return x < 0 ? MINUS_SIGN + body : body;
}

/** A number m × 10^e written as decimal mantissa text and integer exponent. */
export interface Scientific {
  /** `digits` significant digits with 1 ≤ m < 10, e.g. "1.23". */
  readonly mantissa: string;
  readonly exponent: number;
}

/**
 * Splits y = 10^log10 into mantissa × 10^exponent with 1 ≤ mantissa < 10 rounded to `digits` significant digits (1 ≤ digits ≤ 17), carrying 9.9996 → 1.00 × 10¹. Used in chapter 1.1.
 *
 * y itself may be far outside double range (10^{−43 000} is fine); only its
 * log is needed. The mantissa is accurate to about ulp(log10)·ln 10
 * relative, i.e. ~1e-12 for |log10| ≈ 10⁴, so digits beyond ~12 are noise
 * for large exponents. Throws RangeError for non-finite log10 — in
 * particular −Infinity (y = 0 exactly) must be printed by the caller.
 */
export function scientificFromLog10(log10: number, digits: number = 3): Scientific {
  if (typeof log10 !== "number" || !Number.isFinite(log10)) {
    throw new RangeError(
      `log10 must be a finite number, got ${describeValue(log10)}` +
        (log10 === -Infinity ? " (the value is exactly 0; format it separately)" : ""),
    );
  }
  requireIntegerInRange("digits", digits, 1, MAX_SIGNIFICANT);
  // "+ 0" turns floor(−0) = −0 into 0 so callers never print "10^{-0}".
  let exponent: number = Math.floor(log10) + 0;
  let mantissa: string = Math.pow(10, log10 - exponent).toFixed(digits - 1);
  if (Number(mantissa) >= 10) {
    // 10^frac rounded up to "10.0": carry into the exponent.
    exponent += 1;
    mantissa = (1).toFixed(digits - 1);
  }
  return { mantissa, exponent };
}

/** Integer k in Unicode superscript digits with superscript minus U+207B, e.g. −602 → "⁻⁶⁰²" (for exponents 10ᵏ); throws RangeError unless k is a safe integer. Used in chapter 1.1. */
export function superscriptInteger(k: number): string {
  requireIntegerInRange("k", k, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const digits: string = String(Math.abs(k))
    .split("")
    .map((c: string): string => SUPERSCRIPT_DIGITS[Number(c)] ?? c)
    .join("");
  return k < 0 ? SUPERSCRIPT_MINUS + digits : digits;
}

/** TeX for 10^log10 with `digits` significant digits: "1.23 \\times 10^{-602}", or just "1.23" when the exponent is 0 (TeX math mode renders "-" as a minus). Used in chapter 1.1. */
export function formatLog10Tex(log10: number, digits: number = 3): string {
  const { mantissa, exponent }: Scientific = scientificFromLog10(log10, digits);
  // Exponent 0 alone is dropped: "× 10^{0}" is noise. Exponents 1 and 2 stay
  // in scientific form so that a table of values lines up and the digit
  // count never silently changes (123 vs 1.23 × 10²).
  if (exponent === 0) return mantissa;
  return `${mantissa} \\times 10^{${exponent}}`;
}

/** Plain Unicode text for 10^log10 with `digits` significant digits: "1.23 × 10⁻⁶⁰²" (superscript digits and U+207B minus), or just "1.23" when the exponent is 0. Used in chapter 1.1. */
export function formatLog10Text(log10: number, digits: number = 3): string {
  const { mantissa, exponent }: Scientific = scientificFromLog10(log10, digits);
  if (exponent === 0) return mantissa;
  return `${mantissa} × 10${superscriptInteger(exponent)}`;
}

/** An integer with digits grouped in threes by a narrow no-break space, SI style: 100000 → "100 000", −1234 → "−1 234"; throws RangeError for non-integers. Used in chapter 1.1. */
export function formatInteger(n: number): string {
  if (typeof n !== "number" || !Number.isSafeInteger(n)) {
    throw new RangeError(`n must be a safe integer, got ${describeValue(n)}`);
  }
  const grouped: string = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202F");
  return n < 0 ? MINUS_SIGN + grouped : grouped;
}
