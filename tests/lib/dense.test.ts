import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { euclideanNorm, matMulInto, transposeInto } from "../../lib/dense";
import { createRng } from "../../lib/random";

const EPS_MACHINE: number = 2 ** -52;

function randomMatrix(seed: number, n: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => rng.normal());
}

describe("matMulInto", () => {
  it("agrees with the textbook triple loop within the classical error bound, for every shape", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 21 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 1000 }),
        (rows, inner, cols, seed) => {
          const a = randomMatrix(seed, rows * inner);
          const b = randomMatrix(seed + 1, inner * cols);
          const out = new Float64Array(rows * cols).fill(Number.NaN);
          matMulInto(a, b, out, rows, inner, cols);
          for (let i = 0; i < rows; i++) {
            for (let j = 0; j < cols; j++) {
              let ref = 0;
              let absSum = 0;
              for (let k = 0; k < inner; k++) {
                ref += a[i * inner + k] * b[k * cols + j];
                absSum += Math.abs(a[i * inner + k] * b[k * cols + j]);
              }
              // Any summation order of n products errs by ≤ γ_n·Σ|a||b|,
              // γ_n ≈ n·ε; both sides do, hence 2·inner·ε·Σ|a_ik b_kj|.
              expect(Math.abs(out[i * cols + j] - ref)).toBeLessThanOrEqual(2 * inner * EPS_MACHINE * absSum);
            }
          }
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });

  it("is exact on small integers (every partial sum representable), including odd rows and inner % 8 ≠ 0", () => {
    const rows = 5;
    const inner = 13;
    const cols = 3;
    const a = Float64Array.from({ length: rows * inner }, (_, i) => (i % 7) - 3);
    const b = Float64Array.from({ length: inner * cols }, (_, i) => (i % 5) - 2);
    const out = new Float64Array(rows * cols);
    matMulInto(a, b, out, rows, inner, cols);
    const expected: number[] = [];
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        let s = 0;
        for (let k = 0; k < inner; k++) s += a[i * inner + k] * b[k * cols + j];
        expected.push(s);
      }
    }
    expect(Array.from(out)).toEqual(expected);
  });

  it("overwrites out, ignores entries beyond rows·cols, and rejects bad arguments", () => {
    const out = new Float64Array(5).fill(7);
    matMulInto(Float64Array.of(1, 2), Float64Array.of(3, 4), out, 2, 1, 2);
    expect(Array.from(out)).toEqual([3, 4, 6, 8, 7]);
    const a = new Float64Array(6);
    expect(() => matMulInto(a, new Float64Array(6), new Float64Array(4), 2, 3, 2)).not.toThrow();
    expect(() => matMulInto(a, new Float64Array(5), new Float64Array(4), 2, 3, 2)).toThrow("b must hold at least 6 numbers, got 5");
    expect(() => matMulInto(a, new Float64Array(6), new Float64Array(4), 0, 3, 2)).toThrow("rows must be an integer ≥ 1, got 0");
    expect(() => matMulInto(a, new Float64Array(6), new Float64Array(4), 2, 3, 2.5)).toThrow("cols must be an integer, got 2.5");
    expect(() => matMulInto([1, 2] as unknown as Float64Array, new Float64Array(6), new Float64Array(4), 1, 2, 1)).toThrow(
      "a must be a Float64Array, got [1,2]",
    );
    const shared = new Float64Array(20);
    expect(() => matMulInto(shared.subarray(0, 6), new Float64Array(6), shared.subarray(10, 14), 2, 3, 2)).toThrow(/must not share/);
  });
});

describe("transposeInto", () => {
  it("moves entry (i, j) to (j, i) exactly", () => {
    const a = Float64Array.from({ length: 12 }, (_, i) => i + 0.5);
    const t = new Float64Array(12);
    transposeInto(a, t, 3, 4);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 4; j++) expect(t[j * 3 + i]).toBe(a[i * 4 + j]);
    expect(() => transposeInto(a, a, 3, 4)).toThrow(/must not share/);
    expect(() => transposeInto(a, new Float64Array(11), 3, 4)).toThrow("out must hold at least 12 numbers, got 11");
  });
});

describe("euclideanNorm", () => {
  it("agrees with Math.hypot for ordinary and extreme magnitudes", () => {
    for (const scale of [1, 1e-200, 1e200, 1e-310, 1e307]) {
      const v = randomMatrix(11, 50).map((x) => x * scale);
      const ref = Math.hypot(...v);
      // Both see the same (possibly subnormal) inputs and round ~50 sums of
      // squares, each within a few ulps: 50·ε relative bounds the gap.
      // Without rescaling, 1e200 would give Infinity and 1e-200 give 0.
      expect(Math.abs(euclideanNorm(v) - ref)).toBeLessThanOrEqual(50 * EPS_MACHINE * ref);
      expect(euclideanNorm(v)).toBeGreaterThan(0);
    }
    expect(euclideanNorm(Float64Array.of(3, 4))).toBe(5);
    expect(euclideanNorm(new Float64Array(4))).toBe(0);
    expect(euclideanNorm(Float64Array.of(3, 4, 100), 2)).toBe(5);
    expect(euclideanNorm(new Float64Array(0))).toBe(0);
  });

  it("rejects non-finite entries and bad lengths", () => {
    expect(() => euclideanNorm(Float64Array.of(1, Number.NaN))).toThrow("v[1] must be a finite number, got NaN");
    expect(() => euclideanNorm(Float64Array.of(1, -Infinity))).toThrow("v[1] must be a finite number, got -Infinity");
    expect(() => euclideanNorm(Float64Array.of(1), 2)).toThrow("v must hold at least 2 numbers, got 1");
  });
});
