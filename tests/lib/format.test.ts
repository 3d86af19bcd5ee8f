import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  MINUS_SIGN,
  formatFixed,
  formatInteger,
  formatLog10Tex,
  formatLog10Text,
  formatSignificant,
  scientificFromLog10,
  superscriptInteger,
} from "../../lib/format";

// Reads formatted text back as a number (the inverse used by the properties).
function parse(s: string): number {
  return Number(s.replace(MINUS_SIGN, "-"));
}

const forbidden: RegExp = /NaN|Infinity|e|E|-/; // no hyphen-minus, no exponent notation

describe("formatFixed", () => {
  it("formats with a real minus sign", () => {
    expect(MINUS_SIGN).toBe("\u2212");
    expect(formatFixed(-1.5, 2)).toBe("\u22121.50");
    expect(formatFixed(3.14159, 3)).toBe("3.142");
    expect(formatFixed(42, 0)).toBe("42");
  });

  it("does not print a signed zero", () => {
    expect(formatFixed(-0.0001, 2)).toBe("0.00");
    expect(formatFixed(-0, 1)).toBe("0.0");
  });

  it("stays in plain decimal above 1e21, where toFixed switches to exponent notation", () => {
    expect((1e21).toFixed(0)).toBe("1e+21");
    expect(formatFixed(1e21, 0)).toBe("1000000000000000000000");
    // 3e22 = 3·5²²·2²² is an exact double (3·5²² < 2⁵³), so its digits are known.
    expect(formatFixed(-3e22, 1)).toBe("\u221230000000000000000000000.0");
  });

  it("round-trips to within half a unit in the last place and never uses exponent notation", () => {
    // Rounding to d places moves the value by ≤ 0.5·10^-d; reading the
    // string back adds ≤ 1 ulp of x (for |x| < 1e6, ≤ 1.2e-10).
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 8 }), (x: number, d: number) => {
        const s: string = formatFixed(x, d);
        expect(s).not.toMatch(forbidden);
        expect(s).toMatch(d === 0 ? /^\u2212?\d+$/ : new RegExp(`^\u2212?\\d+\\.\\d{${d}}$`));
        expect(Math.abs(parse(s) - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + 2.3e-10);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("throws RangeError on non-finite input and bad digits", () => {
    expect(() => formatFixed(Number.NaN, 2)).toThrow("x must be a finite number, got NaN");
    expect(() => formatFixed(Infinity, 2)).toThrow(RangeError);
    expect(() => formatFixed(1, -1)).toThrow("digits must be a non-negative integer, got -1");
    expect(() => formatFixed(1, 101)).toThrow(RangeError);
  });
});

describe("formatSignificant", () => {
  it("gives plain decimals for tiny and huge values", () => {
    expect(formatSignificant(0.000123456, 3)).toBe("0.000123");
    expect(formatSignificant(1e-7, 2)).toBe("0.00000010");
    expect(formatSignificant(123456, 3)).toBe("123000");
    expect(formatSignificant(-1234.5, 2)).toBe("\u22121200");
    expect(formatSignificant(2.71828, 3)).toBe("2.72");
    expect(formatSignificant(0, 3)).toBe("0.00");
    expect(formatSignificant(1.5e22, 2)).toBe("15000000000000000000000");
    // Rounding that carries into a new digit: 9.996 → 10.0 (3 significant).
    expect(formatSignificant(9.996, 3)).toBe("10.0");
    expect(formatSignificant(-0.0009996, 3)).toBe("\u22120.00100");
  });

  it("round-trips within half a unit in the last significant place", () => {
    // For d significant digits and exponent e = ⌊log10|x|⌋ the rounding
    // step is 10^(e−d+1); the error is ≤ half of it. The 1e-12 relative
    // slack covers the decimal→binary read-back and Math.log10 landing on
    // the wrong side of an exact power of ten (where the error is ~0 anyway).
    fc.assert(
      fc.property(
        fc.double({ min: 1e-30, max: 1e30, noNaN: true }),
        fc.boolean(),
        fc.integer({ min: 1, max: 12 }),
        (ax: number, neg: boolean, d: number) => {
          const x: number = neg ? -ax : ax;
          const s: string = formatSignificant(x, d);
          expect(s).not.toMatch(forbidden);
          const e: number = Math.floor(Math.log10(ax));
          const step: number = 10 ** (e - d + 1);
          expect(Math.abs(parse(s) - x)).toBeLessThanOrEqual(0.5 * step + 1e-12 * ax);
          if (neg) expect(s.startsWith(MINUS_SIGN)).toBe(true);
        },
      ),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("throws RangeError on non-finite input and bad digits", () => {
    expect(() => formatSignificant(-Infinity, 3)).toThrow("x must be a finite number, got -Infinity");
    expect(() => formatSignificant(1, 0)).toThrow("digits must be an integer ≥ 1, got 0");
    expect(() => formatSignificant(1, 18)).toThrow("digits must be at most 17, got 18");
  });
});

describe("scientificFromLog10", () => {
  it("carries 9.9996 → 1.00 × 10¹", () => {
    expect(scientificFromLog10(Math.log10(9.9996))).toEqual({ mantissa: "1.00", exponent: 1 });
    expect(scientificFromLog10(Math.log10(9.9996), 5)).toEqual({ mantissa: "9.9996", exponent: 0 });
    // Just below an integer log: 10^(3 − 1e-13) rounds to 1.00 × 10³.
    expect(scientificFromLog10(3 - 1e-13)).toEqual({ mantissa: "1.00", exponent: 3 });
  });

  it("handles values far outside double range", () => {
    // 10^−601.9 = 10^0.1 × 10^−602, and 10^0.1 = 1.2589…
    expect(scientificFromLog10(-601.9)).toEqual({ mantissa: "1.26", exponent: -602 });
    expect(scientificFromLog10(43000.5, 4)).toEqual({ mantissa: "3.162", exponent: 43000 });
  });

  it("never produces exponent −0", () => {
    expect(Object.is(scientificFromLog10(-0).exponent, 0)).toBe(true);
    expect(scientificFromLog10(0)).toEqual({ mantissa: "1.00", exponent: 0 });
  });

  it("gives 1 ≤ mantissa < 10 with the right value (property)", () => {
    // mantissa·10^exponent must equal 10^L up to rounding the mantissa to d
    // significant digits: relative error ≤ 0.5·10^(1−d) / 1. For |L| ≤ 300,
    // L's own ulp (≤ 5.7e-14) adds ≤ 1.3e-13 relative via 10^frac.
    fc.assert(
      fc.property(fc.double({ min: -300, max: 300, noNaN: true }), fc.integer({ min: 1, max: 10 }), (l: number, d: number) => {
        const { mantissa, exponent } = scientificFromLog10(l, d);
        const m: number = Number(mantissa);
        expect(m).toBeGreaterThanOrEqual(1);
        expect(m).toBeLessThan(10);
        expect(Number.isInteger(exponent)).toBe(true);
        expect(mantissa.replace(".", "").length).toBe(d);
        const relative: number = Math.abs(m * 10 ** (exponent - l) - 1);
        expect(relative).toBeLessThanOrEqual(0.5 * 10 ** (1 - d) + 1e-12);
      }),
      { seed: 42, numRuns: 3000 },
    );
  });

  it("throws RangeError for non-finite logs, explaining −Infinity", () => {
    expect(() => scientificFromLog10(-Infinity)).toThrow(/exactly 0/);
    expect(() => scientificFromLog10(Number.NaN)).toThrow("log10 must be a finite number, got NaN");
    expect(() => scientificFromLog10(1, 0)).toThrow(RangeError);
  });
});

describe("formatLog10Tex / formatLog10Text", () => {
  it("writes the TeX form", () => {
    expect(formatLog10Tex(-601.9)).toBe("1.26 \\times 10^{-602}");
    expect(formatLog10Tex(Math.log10(9.9996))).toBe("1.00 \\times 10^{1}");
    expect(formatLog10Tex(Math.log10(5))).toBe("5.00");
    expect(formatLog10Tex(Math.log10(0.5), 2)).toBe("5.0 \\times 10^{-1}");
  });

  it("writes the Unicode text form with superscript digits and minus", () => {
    expect(formatLog10Text(-601.9)).toBe("1.26 × 10⁻⁶⁰²");
    expect(formatLog10Text(-601.9)).toBe("1.26 \u00D7 10\u207B\u2076\u2070\u00B2");
    expect(formatLog10Text(Math.log10(9.9996))).toBe("1.00 × 10¹");
    expect(formatLog10Text(12 + Math.log10(3.4567), 4)).toBe("3.457 × 10¹²");
    expect(formatLog10Text(Math.log10(7.25), 3)).toBe("7.25");
    expect(formatLog10Text(-1)).toBe("1.00 × 10⁻¹");
  });

  it("reads back to the same number (property over the text form)", () => {
    // Undo the superscripts and compare exponents; mantissas are checked above.
    const sup: string = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    fc.assert(
      fc.property(fc.double({ min: -1e5, max: 1e5, noNaN: true }), (l: number) => {
        const text: string = formatLog10Text(l);
        const { mantissa, exponent } = scientificFromLog10(l);
        if (exponent === 0) {
          expect(text).toBe(mantissa);
          return;
        }
        const match: RegExpMatchArray | null = /^(\d\.\d\d) × 10(⁻?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(text);
        expect(match).not.toBeNull();
        if (match === null) return;
        const digits: string = Array.from(match[3] ?? "")
          .map((c: string): string => String(sup.indexOf(c)))
          .join("");
        expect((match[2] === "⁻" ? -1 : 1) * Number(digits)).toBe(exponent);
        expect(formatLog10Tex(l)).toBe(`${mantissa} \\times 10^{${exponent}}`);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("throws RangeError instead of printing Infinity", () => {
    expect(() => formatLog10Text(-Infinity)).toThrow(RangeError);
    expect(() => formatLog10Tex(Infinity)).toThrow(RangeError);
  });
});

describe("superscriptInteger", () => {
  it("maps every digit and the minus sign", () => {
    expect(superscriptInteger(1234567890)).toBe("\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079\u2070");
    expect(superscriptInteger(-12)).toBe("\u207B\u00B9\u00B2");
    expect(superscriptInteger(0)).toBe("\u2070");
    expect(superscriptInteger(-0)).toBe("\u2070");
  });

  it("rejects non-integers", () => {
    expect(() => superscriptInteger(1.5)).toThrow(RangeError);
    expect(() => superscriptInteger(Number.NaN)).toThrow(RangeError);
  });
});

describe("formatInteger", () => {
  it("groups digits in threes with a narrow no-break space and uses a real minus", () => {
    expect(formatInteger(100000)).toBe("100\u202F000");
    expect(formatInteger(-1234)).toBe("\u22121\u202F234");
    expect(formatInteger(999)).toBe("999");
    expect(formatInteger(0)).toBe("0");
    expect(formatInteger(1234567)).toBe("1\u202F234\u202F567");
  });

  it("reads back to the same integer (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), (n: number) => {
        const s: string = formatInteger(n);
        expect(s).toMatch(/^\u2212?\d{1,3}(\u202F\d{3})*$/);
        expect(parse(s.replaceAll("\u202F", ""))).toBe(n);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("rejects non-integers", () => {
    expect(() => formatInteger(2.5)).toThrow("n must be a safe integer, got 2.5");
    expect(() => formatInteger(Infinity)).toThrow(RangeError);
  });
});
