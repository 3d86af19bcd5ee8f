import { describe, expect, it } from "vitest";
import { formatDeterminant, formatMatrixText, formatShort, formatVector, matrixTex } from "../../lib/matrix-format";

describe("formatShort", () => {
  it("drops zeros that are not there, keeps those that are", () => {
    expect(formatShort(100)).toBe("100");
    expect(formatShort(0.01)).toBe("0.01");
    // 1 − 0.01 in doubles is 0.99 up to one ulp: the shorter decimal.
    expect(formatShort(1 - 0.01)).toBe("0.99");
    expect(formatShort(101.00000000000001)).toBe("101");
    // 100.01 to four digits is 100.0, and that zero is a real digit.
    expect(formatShort(100.01)).toBe("100.0");
    expect(formatShort(100.01, 5)).toBe("100.01");
    expect(formatShort(0.019998)).toBe("0.02000");
    expect(formatShort(1.9142135623730951)).toBe("1.914");
  });

  it("writes ×10ⁿ below 10⁻⁴ and from 10⁶ on, with at most 3 digits and no padding zeros", () => {
    expect(formatShort(1.3877093970461412e-19, 2)).toBe("1.4 × 10⁻¹⁹");
    expect(formatShort(1e-5)).toBe("1 × 10⁻⁵");
    expect(formatShort(2.5e7)).toBe("2.5 × 10⁷");
    expect(formatShort(1.2345e8)).toBe("1.23 × 10⁸");
    expect(formatShort(9.99e-5)).toBe("9.99 × 10⁻⁵");
    expect(formatShort(1e-4)).toBe("0.0001");
  });

  it("uses the minus sign U+2212 and prints 0 as 0", () => {
    expect(formatShort(-1.5)).toBe("\u22121.5");
    expect(formatShort(-3e-9)).toBe("\u22123 × 10⁻⁹");
    expect(formatShort(0)).toBe("0");
    expect(formatShort(-0)).toBe("0");
  });

  it("rejects what it cannot print", () => {
    expect(() => formatShort(NaN)).toThrow(RangeError);
    expect(() => formatShort(Infinity)).toThrow(RangeError);
    expect(() => formatShort(1, 0)).toThrow(RangeError);
  });
});

describe("vectors and matrices", () => {
  it("as text", () => {
    expect(formatVector([0.6, -0.8])).toBe("(0.6, \u22120.8)");
    expect(formatVector([0.38268343236508984, 0.9238795325112867], 4)).toBe("(0.3827, 0.9239)");
    expect(
      formatMatrixText([
        [0, 0.01],
        [100, -1.5],
      ]),
    ).toBe("[[0, 0.01], [100, \u22121.5]]");
  });

  it("as TeX, entries exactly as typed", () => {
    expect(
      matrixTex([
        [49.995, 50.005],
        [-0, -1.5],
      ]),
    ).toBe("\\begin{bmatrix} 49.995 & 50.005 \\\\ 0 & -1.5 \\end{bmatrix}");
    expect(() => matrixTex([[1e-7]])).toThrow(RangeError);
    expect(() => matrixTex([[NaN]])).toThrow(RangeError);
  });
});

describe("formatDeterminant", () => {
  it("agrees with formatShort(ad − bc) where the determinant is a normal double", () => {
    expect(
      formatDeterminant([
        [0, 0.01],
        [100, 0],
      ]),
    ).toBe("\u22121");
    expect(
      formatDeterminant([
        [1, 0.01],
        [100, 1],
      ]),
    ).toBe("0");
    expect(
      formatDeterminant([
        [1, -0.01],
        [100, 1],
      ]),
    ).toBe("2");
    expect(
      formatDeterminant(
        [
          [1, 1.5],
          [-0.5, 1],
        ],
        6,
      ),
    ).toBe("1.75");
    expect(
      formatDeterminant([
        [1e-5, 0],
        [0, 1e-5],
      ]),
    ).toBe("1 × 10⁻¹⁰");
  });

  it("prints determinants outside the range of doubles from their logarithm, not as 0", () => {
    // ad − bc = 1e-400 underflows; 10^-400 is exact in log space.
    expect(
      formatDeterminant([
        [1e-200, 0],
        [0, 1e-200],
      ]),
    ).toBe("1 × 10⁻⁴⁰⁰");
    expect(
      formatDeterminant([
        [0, 2e-200],
        [3e-200, 0],
      ]),
    ).toBe("\u22126 × 10⁻⁴⁰⁰");
    expect(
      formatDeterminant(
        [
          [-1, 1e-200],
          [1e-200, -1],
        ].map((r, i) => r.map((x, j) => x + (i === j ? 1 : 0))),
      ),
    ).toBe("\u22121 × 10⁻⁴⁰⁰");
  });

  it("rejects what it cannot print", () => {
    expect(() => formatDeterminant([[1, 2]])).toThrow(RangeError);
    expect(() => formatDeterminant([[1]], 0)).toThrow(RangeError);
  });
});
