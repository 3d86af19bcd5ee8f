// The exact decimal rounding that one-unit-chain.reference.test.ts uses to
// turn a 45-digit reference into the digits a page should print.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatFixed, formatSignificant } from "../../lib/format";
import { fixedText, parseDecimal, scaleBy, scientific, shiftBy, significantText } from "../reference/decimal-string";

describe("decimal-string helpers", () => {
  it("round by hand-checked examples, with format.ts's sign and carry rules", () => {
    expect(fixedText(parseDecimal("-1.49984212292"), 4)).toBe("\u22121.4998");
    expect(fixedText(parseDecimal("0.6590460684074066"), 6)).toBe("0.659046");
    expect(fixedText(parseDecimal("-0.004"), 2)).toBe("0.00"); // no signed zero
    expect(fixedText(parseDecimal("9.9996"), 3)).toBe("10.000");
    expect(fixedText(parseDecimal("-5.8695860194"), 2)).toBe("\u22125.87");
    expect(fixedText(parseDecimal("172"), 0)).toBe("172");
    expect(significantText(parseDecimal("0.0122474487"), 4)).toBe("0.01225");
    expect(significantText(parseDecimal("3.93617520854830180e+1"), 3)).toBe("39.4");
    expect(significantText(parseDecimal("-123456"), 2)).toBe("\u2212120000");
    expect(scientific(parseDecimal("3.46856943093254e-649"), 3)).toEqual({ mantissa: "3.47", exponent: -649 });
    expect(scientific(parseDecimal("9.9996e5"), 3)).toEqual({ mantissa: "1.00", exponent: 6 });
    expect(scientific(parseDecimal("4.94065645841246544e-324"), 1)).toEqual({ mantissa: "5", exponent: -324 });
    expect(scientific(parseDecimal("1.26765060022822940149670320537600000e+30"), 3)).toEqual({ mantissa: "1.27", exponent: 30 });
  });

  it("scale and shift exactly", () => {
    expect(fixedText(scaleBy(parseDecimal("2"), 0.5), 1)).toBe("3.0");
    expect(fixedText(scaleBy(parseDecimal("-2"), -0.25), 2)).toBe("\u22121.50");
    expect(fixedText(shiftBy(parseDecimal("1.5"), -2), 1)).toBe("\u22120.5");
  });

  it("agree with formatFixed and formatSignificant away from rounding ties", () => {
    // x.toPrecision(17) is within half an ulp of x; away from a tie (more
    // than 1e-6 of a unit in the last shown place) both round the same way.
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x: number, d: number) => {
        const scaled: number = Math.abs(x) * 10 ** d;
        fc.pre(Math.abs((scaled % 1) - 0.5) > 1e-6);
        expect(fixedText(parseDecimal(x.toPrecision(17)), d)).toBe(formatFixed(x, d));
      }),
      { seed: 42, numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1e12, noNaN: true }),
        fc.boolean(),
        fc.integer({ min: 1, max: 8 }),
        (ax: number, neg: boolean, d: number) => {
          const x: number = neg ? -ax : ax;
          const frac: number = (ax / 10 ** (Math.floor(Math.log10(ax)) - d + 1)) % 1;
          fc.pre(Math.abs(frac - 0.5) > 1e-6);
          expect(significantText(parseDecimal(x.toPrecision(17)), d)).toBe(formatSignificant(x, d));
        },
      ),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("rejects text that is not a decimal number", () => {
    expect(() => parseDecimal("1.2.3")).toThrow(/not a decimal string/);
    expect(() => parseDecimal("")).toThrow(/not a decimal string/);
    expect(() => scientific(parseDecimal("-1"), 3)).toThrow(/positive/);
  });
});
