import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MAX_MATRIX_ENTRIES,
  add,
  determinant,
  determinantLog10,
  exponentOf,
  frobeniusNorm,
  identity,
  ldexp,
  matMul,
  matVec,
  requireMatrix,
  scale,
  singularValues,
  subtract,
  svd,
  transpose,
  type Matrix,
} from "../../lib/linalg";
import { createRng, type Rng } from "../../lib/random";
import { detLaplace, eye, mul, powerSigmaMax, randomOrthogonal, transposeRef } from "./reference-linalg";

const EPS: number = Number.EPSILON;

function randomMatrix(rng: Rng, m: number, n: number, s: number = 1): Matrix {
  return Array.from({ length: m }, () => Array.from({ length: n }, () => s * rng.normal()));
}

function maxAbsDiff(a: Matrix, b: Matrix): number {
  let m: number = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a[0].length; j++) m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
  return m;
}

// Σ a_ij², summed directly (no scaling: the test entries are O(1)).
function frobeniusSquared(a: Matrix): number {
  return a.reduce((s, row) => s + row.reduce((t, x) => t + x * x, 0), 0);
}

// Random shapes 1..8 × 1..8 with seeds, so every property runs on wide,
// tall and square matrices.
const shapeSeed = fc.record({ m: fc.integer({ min: 1, max: 8 }), n: fc.integer({ min: 1, max: 8 }), seed: fc.integer() });

describe("matrix validation", () => {
  it("rejects empty, ragged, non-finite and oversized input with a message saying which", () => {
    expect(() => requireMatrix("a", [])).toThrow("a must be a non-empty array of rows, got []");
    expect(() => requireMatrix("a", [[]])).toThrow("a[0] must be a non-empty array of numbers, got []");
    expect(() => requireMatrix("w", "x")).toThrow('w must be a non-empty array of rows, got "x"');
    expect(() => requireMatrix("a", [[1, 2], [3]])).toThrow("a is ragged: a[1] has 1 entries but a[0] has 2");
    expect(() => requireMatrix("a", [[1, 2], 5])).toThrow("a[1] must be an array of numbers, got 5");
    expect(() => requireMatrix("a", [[1, Number.NaN]])).toThrow("a[0][1] must be a finite number, got NaN");
    expect(() => requireMatrix("a", [[1], [-Infinity]])).toThrow("a[1][0] must be a finite number, got -Infinity");
    expect(() => requireMatrix("a", [[1, "2"]])).toThrow('a[0][1] must be a finite number, got "2"');
    const big: Matrix = Array.from({ length: 257 }, () => new Array<number>(256).fill(0));
    expect(257 * 256).toBeGreaterThan(MAX_MATRIX_ENTRIES);
    expect(() => requireMatrix("a", big)).toThrow("a is 257×256; at most 4096 rows or columns and 65536 entries are supported");
    expect(requireMatrix("a", [[1, 2, 3]])).toEqual({ rows: 1, cols: 3 });
  });

  it("every public function validates its matrices and sizes", () => {
    expect(() => singularValues([[1], [2, 3]])).toThrow(RangeError);
    expect(() => svd([[Number.NaN]])).toThrow("a[0][0] must be a finite number, got NaN");
    expect(() => matMul([[1, 2]], [[1, 2]])).toThrow("matMul: a is 1×2 and b is 1×2; a's columns must equal b's rows");
    expect(() => add([[1, 2]], [[1], [2]])).toThrow("add: a is 1×2 but b is 2×1; the shapes must be equal");
    expect(() => subtract([[1]], [[1, 2]])).toThrow(RangeError);
    expect(() => matVec([[1, 2]], [1])).toThrow("x must have 2 entries, got 1");
    expect(() => matVec([[1, 2]], [1, Number.NaN])).toThrow("x[1] must be a finite number, got NaN");
    expect(() => scale(Number.NaN, [[1]])).toThrow("c must be a finite number, got NaN");
    expect(() => determinant([[1, 2]])).toThrow("a must be square, got 1×2");
    expect(() => identity(0)).toThrow("n must be an integer ≥ 1, got 0");
    expect(() => identity(2.5)).toThrow("n must be an integer, got 2.5");
    expect(() => identity(257)).toThrow("n must be at most 256, got 257");
    // Finite inputs whose result overflows: an error, not Infinity or NaN.
    expect(() => matMul([[1e200]], [[1e200]])).toThrow("matMul overflows: entry [0][0] is Infinity; rescale the inputs");
    expect(() => matVec([[1e308, -1e308]], [10, 10])).toThrow("matVec overflows: entry [0][0] is NaN");
    expect(() => add([[1e308]], [[1e308]])).toThrow("add overflows: entry [0][0] is Infinity");
    expect(() => subtract([[1e308]], [[-1e308]])).toThrow("subtract overflows");
    expect(() => scale(1e10, [[0, 1e300]])).toThrow("scale overflows: entry [0][1] is Infinity");
  });
});

describe("small helpers", () => {
  it("matMul, matVec, transpose, add, subtract, scale, identity on hand-computed cases", () => {
    // [1 2 3; 4 5 6]·[1 0; 0 1; 1 1] = [1+3, 2+3; 4+6, 5+6] = [4 5; 10 11].
    expect(
      matMul(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [
          [1, 0],
          [0, 1],
          [1, 1],
        ],
      ),
    ).toEqual([
      [4, 5],
      [10, 11],
    ]);
    // [1 2 3; 4 5 6]·(1, −1, 2) = (1 − 2 + 6, 4 − 5 + 12) = (5, 11).
    expect(
      matVec(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [1, -1, 2],
      ),
    ).toEqual([5, 11]);
    expect(transpose([[1, 2, 3]])).toEqual([[1], [2], [3]]);
    expect(add([[1, 2]], [[10, 20]])).toEqual([[11, 22]]);
    expect(subtract([[1, 2]], [[10, 20]])).toEqual([[-9, -18]]);
    expect(scale(-2, [[1, 0.5]])).toEqual([[-2, -1]]);
    expect(identity(3)).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });

  it("matMul agrees with an independent triple loop, and (AB)ᵀ = BᵀAᵀ", () => {
    fc.assert(
      fc.property(shapeSeed, fc.integer({ min: 1, max: 8 }), ({ m, n, seed }, p) => {
        const rng: Rng = createRng(seed);
        const a: Matrix = randomMatrix(rng, m, n);
        const b: Matrix = randomMatrix(rng, n, p);
        // Same operations in a possibly different order: |Δ| ≤ n·ε·Σ|a||b| ≲ 8·2.2e-16·8·16.
        expect(maxAbsDiff(matMul(a, b), mul(a, b))).toBeLessThan(1e-12);
        expect(maxAbsDiff(transpose(matMul(a, b)), matMul(transpose(b), transpose(a)))).toBeLessThan(1e-12);
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it("frobeniusNorm neither overflows nor underflows", () => {
    // ‖[3 4]·c‖_F = 5c; the direct Σx² would overflow at c = 1e200 and underflow at c = 1e-200.
    expect(frobeniusNorm([[3e200, 4e200]])).toBeCloseTo(5e200, -186);
    expect(Math.abs(frobeniusNorm([[3e-200, 4e-200]]) / 5e-200 - 1)).toBeLessThan(4 * EPS);
  });
});

describe("ldexp and exponentOf", () => {
  it("scale by powers of two across the whole double range", () => {
    expect(ldexp(Number.MIN_VALUE, 1074)).toBe(1); // 2^-1074·2^1074, although 2^1074 overflows
    expect(ldexp(1, -1074)).toBe(Number.MIN_VALUE);
    expect(ldexp(1, 1024)).toBe(Infinity);
    expect(ldexp(2 ** -1000, 2000)).toBe(2 ** 1000);
    expect(ldexp(-3, -2)).toBe(-0.75);
  });

  it("exponentOf(x) is the k with 2^k ≤ |x| < 2^(k+1), also next to powers of two and for subnormals", () => {
    expect(exponentOf(1)).toBe(0);
    expect(exponentOf(0.75)).toBe(-1);
    expect(exponentOf(-8)).toBe(3);
    expect(exponentOf(8 * (1 - EPS / 2))).toBe(2); // largest double below 8
    expect(exponentOf(Number.MIN_VALUE)).toBe(-1074);
    expect(exponentOf(Number.MAX_VALUE)).toBe(1023);
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        const k: number = exponentOf(x);
        expect(2 ** k <= x && x < 2 ** (k + 1)).toBe(true);
      }),
      { seed: 3, numRuns: 2000 },
    );
  });
});

describe("determinant", () => {
  it("matches ad − bc for 2×2 and Laplace expansion up to 5×5", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer(), (n, seed) => {
        const a: Matrix = randomMatrix(createRng(seed), n, n);
        // LU and Laplace round differently; both are within ~n!·n·ε·Π(row norms)
        // of the truth. Row norms of N(0,1) rows are ≤ ~4√n, so 1e-12 of that scale.
        const ref: number = detLaplace(a);
        const scaleRef: number = a.reduce((s, row) => s * Math.hypot(...row), 1);
        expect(Math.abs(determinant(a) - ref)).toBeLessThanOrEqual(1e-12 * scaleRef);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it("is exact on cases with exact pivots, and 0 for the chapter's singular I + F", () => {
    // Permutation swapping rows 1 and 2: det = −1.
    expect(
      determinant([
        [0, 1, 0],
        [1, 0, 0],
        [0, 0, 1],
      ]),
    ).toBe(-1);
    // Rank one: the second pivot is 4 − (1/2)·... = exactly 0.
    expect(
      determinant([
        [1, 2],
        [2, 4],
      ]),
    ).toBe(0);
    // I + F for F = [[0, 0.01], [100, 0]]: 1·1 − 0.01·100, and 0.01·100 rounds to 1.
    expect(
      determinant([
        [1, 0.01],
        [100, 1],
      ]),
    ).toBe(0);
    expect(determinantLog10([[0]])).toEqual({ sign: 0, log10Abs: -Infinity });
  });

  it("log form never overflows: diag(1e10) of size 64 has det 1e640", () => {
    const d: Matrix = identity(64).map((row) => row.map((x) => x * 1e10));
    expect(determinant(d)).toBe(Infinity);
    const { sign, log10Abs } = determinantLog10(d);
    expect(sign).toBe(1);
    // 64 pivots of 1e10 each contribute log10(1e10) = 10 up to one rounding.
    expect(Math.abs(log10Abs - 640)).toBeLessThan(1e-12);
    const tiny: Matrix = identity(64).map((row, i) => row.map((x) => (i === 0 ? -x : x) * 1e-10));
    expect(determinantLog10(tiny).sign).toBe(-1);
    expect(Math.abs(determinantLog10(tiny).log10Abs + 640)).toBeLessThan(1e-12);
  });

  it("is multiplicative: det(AB) = det(A)·det(B)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer(), (n, seed) => {
        const rng: Rng = createRng(seed);
        const a: Matrix = randomMatrix(rng, n, n);
        const b: Matrix = randomMatrix(rng, n, n);
        const lhs: number = determinant(matMul(a, b));
        const rhs: number = determinant(a) * determinant(b);
        // Backward-stable LU: relative error ~ n·ε·κ; bound by the norm scale instead.
        const scaleAB: number = [a, b].reduce((s, m) => s * m.reduce((t, row) => t * Math.hypot(...row), 1), 1);
        expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-11 * scaleAB);
      }),
      { seed: 5, numRuns: 200 },
    );
  });
});

describe("singularValues and svd: the defining properties", () => {
  // Tolerances, relative to σ_max: one-sided Jacobi is backward stable with
  // backward error ~ m·ε·‖A‖ per sweep, for ≤ 10 sweeps on 8×8 that is
  // ~ 10·8·2.2e-16 ≈ 2e-14; 1e-13 leaves headroom.
  const TOL: number = 1e-13;

  it("U·diag(s)·Vᵀ reconstructs A; U, V have orthonormal columns; s is descending and ≥ 0", () => {
    fc.assert(
      fc.property(shapeSeed, ({ m, n, seed }) => {
        const a: Matrix = randomMatrix(createRng(seed), m, n);
        const { u, s, v } = svd(a);
        const k: number = Math.min(m, n);
        expect(u.length).toBe(m);
        expect(u[0].length).toBe(k);
        expect(v.length).toBe(n);
        expect(v[0].length).toBe(k);
        expect(s.length).toBe(k);
        for (let i = 1; i < k; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
        expect(s[k - 1]).toBeGreaterThanOrEqual(0);
        const us: Matrix = u.map((row) => row.map((x, j) => x * s[j]));
        expect(maxAbsDiff(mul(us, transposeRef(v)), a)).toBeLessThanOrEqual(TOL * s[0]);
        expect(maxAbsDiff(mul(transposeRef(u), u), eye(k))).toBeLessThan(TOL);
        expect(maxAbsDiff(mul(transposeRef(v), v), eye(k))).toBeLessThan(TOL);
        // singularValues gives the same numbers as svd (same iteration, no vectors).
        expect(singularValues(a)).toEqual(s);
      }),
      { seed: 2024, numRuns: 300 },
    );
  });

  it("Σσ_i² equals ‖A‖_F² computed directly", () => {
    fc.assert(
      fc.property(shapeSeed, ({ m, n, seed }) => {
        const a: Matrix = randomMatrix(createRng(seed), m, n);
        const s: number[] = singularValues(a);
        const f2: number = frobeniusSquared(a);
        // Orthogonal rotations preserve Σ column norms² up to ~(sweeps·m)·ε relative.
        expect(Math.abs(s.reduce((t, x) => t + x * x, 0) - f2)).toBeLessThanOrEqual(TOL * f2);
      }),
      { seed: 99, numRuns: 300 },
    );
  });

  it("2×2: agrees with σ² = eigenvalues of AᵀA from the quadratic formula", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 4, maxLength: 4 }), ([a, b, c, d]) => {
        // AᵀA has trace T = a² + b² + c² + d² and determinant D = (ad − bc)²,
        // so σ₁² = (T + √(T² − 4D))/2 and σ₂ = |ad − bc|/σ₁. T² − 4D cancels
        // when σ₁ ≈ σ₂, so use T² − 4D = (T + 2δ)(T − 2δ), δ = ad − bc, with
        // T + 2δ = (a + d)² + (b − c)² and T − 2δ = (a − d)² + (b + c)²:
        // sums of squares, no cancellation. Evaluated on A/m, m = max|entry|,
        // so that tiny inputs do not underflow.
        const m: number = Math.max(Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d));
        const [p, q, r, w] = m === 0 ? [0, 0, 0, 0] : [a / m, b / m, c / m, d / m];
        const t: number = p * p + q * q + r * r + w * w;
        const det: number = p * w - q * r;
        const disc: number = Math.sqrt(((p + w) ** 2 + (q - r) ** 2) * ((p - w) ** 2 + (q + r) ** 2));
        const r1: number = Math.sqrt((t + disc) / 2);
        const s1: number = m * r1;
        const s2: number = r1 === 0 ? 0 : m * (Math.abs(det) / r1);
        const [g1, g2] = singularValues([
          [a, b],
          [c, d],
        ]);
        // σ₁ is well conditioned: both sides within a few ε relative. σ₂ only
        // absolutely (relative to σ₁): ad − bc itself can cancel to ~ε·(|ad| + |bc|).
        expect(Math.abs(g1 - s1)).toBeLessThanOrEqual(1e-14 * s1);
        expect(Math.abs(g2 - s2)).toBeLessThanOrEqual(1e-14 * s1);
      }),
      { seed: 17, numRuns: 2000 },
    );
  });

  it("recovers the singular values of U·diag(s)·Vᵀ built from Householder reflections", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer(), (n, seed) => {
        const rng: Rng = createRng(seed);
        const sv: number[] = Array.from({ length: n }, () => Math.exp(4 * rng.normal())).sort((x, y) => y - x);
        const a: Matrix = mul(
          randomOrthogonal(rng, n).map((row) => row.map((x, j) => x * sv[j])),
          transposeRef(randomOrthogonal(rng, n)),
        );
        const got: number[] = singularValues(a);
        // Forming A costs ~n·ε·σ₁ absolute per entry, so each σ_i is known
        // to ~n·ε·σ₁ (Weyl); 12·2.2e-16 ≈ 2.7e-15, allow 1e-13·σ₁.
        for (let i = 0; i < n; i++) expect(Math.abs(got[i] - sv[i])).toBeLessThanOrEqual(1e-13 * sv[0]);
      }),
      { seed: 23, numRuns: 200 },
    );
  });

  it("σ_max agrees with power iteration on a 64×64 matrix, and the largest size works", () => {
    const a: Matrix = randomMatrix(createRng(8), 64, 64);
    const s: number[] = singularValues(a);
    expect(Math.abs(s[0] - powerSigmaMax(a)) / s[0]).toBeLessThan(1e-10);
    const { u, s: s2, v } = svd(a);
    const us: Matrix = u.map((row) => row.map((x, j) => x * s2[j]));
    expect(maxAbsDiff(mul(us, transposeRef(v)), a)).toBeLessThan(1e-12 * s2[0]);
  });
});

describe("singularValues: inequalities the chapter uses", () => {
  it("σ_max(AB) ≤ σ_max(A)·σ_max(B)", () => {
    fc.assert(
      fc.property(shapeSeed, fc.integer({ min: 1, max: 8 }), ({ m, n, seed }, p) => {
        const rng: Rng = createRng(seed);
        const a: Matrix = randomMatrix(rng, m, n);
        const b: Matrix = randomMatrix(rng, n, p);
        // Each σ_max carries ≤ ~1e-14 relative error.
        expect(singularValues(matMul(a, b))[0]).toBeLessThanOrEqual(singularValues(a)[0] * singularValues(b)[0] * (1 + 1e-13));
      }),
      { seed: 31, numRuns: 300 },
    );
  });

  it("Weyl: |σ_i(A + B) − σ_i(A)| ≤ σ_max(B), also when B is small or huge", () => {
    fc.assert(
      fc.property(shapeSeed, fc.double({ min: -6, max: 6, noNaN: true }), ({ m, n, seed }, logScale) => {
        const rng: Rng = createRng(seed);
        const a: Matrix = randomMatrix(rng, m, n);
        const b: Matrix = randomMatrix(rng, m, n, 10 ** logScale);
        const sa: number[] = singularValues(a);
        const sab: number[] = singularValues(add(a, b));
        const sb: number = singularValues(b)[0];
        // Each computed σ is off by ≤ ~1e-14 of its matrix's σ_max.
        const slack: number = 1e-13 * (sa[0] + sab[0]);
        for (let i = 0; i < sa.length; i++) expect(Math.abs(sab[i] - sa[i])).toBeLessThanOrEqual(sb + slack);
      }),
      { seed: 41, numRuns: 300 },
    );
  });
});

describe("singularValues: scale, rank and shape", () => {
  it("σ(cA) = |c|·σ(A) at c = 1e-200 and 1e150 (no underflow, no overflow)", () => {
    fc.assert(
      fc.property(shapeSeed, fc.constantFrom(1e-200, 1e150, -1e150, 2 ** -1000), ({ m, n, seed }, c) => {
        const a: Matrix = randomMatrix(createRng(seed), m, n);
        const s: number[] = singularValues(a);
        const sc: number[] = singularValues(scale(c, a));
        // c·a_ij is rounded once (relative ε per entry), so each σ moves by ≤ ~ε·‖A‖_F.
        for (let i = 0; i < s.length; i++) {
          expect(Math.abs(sc[i] / Math.abs(c) - s[i])).toBeLessThanOrEqual(1e-13 * s[0]);
        }
        // A random matrix has σ_min > 0; at 1e-200 its square would underflow.
        expect(sc[sc.length - 1]).toBeGreaterThan(0);
      }),
      { seed: 53, numRuns: 200 },
    );
  });

  it("scaling by an exact power of two changes no digit", () => {
    const a: Matrix = randomMatrix(createRng(4), 5, 3);
    const s: number[] = singularValues(a);
    expect(singularValues(scale(2 ** -900, a))).toEqual(s.map((x) => x * 2 ** -900));
    expect(singularValues(scale(2 ** 900, a))).toEqual(s.map((x) => x * 2 ** 900));
  });

  it("keeps singular values 1e-200 below σ_max when the matrix is diagonal", () => {
    expect(
      singularValues([
        [1e-200, 0],
        [0, 1],
      ]),
    ).toEqual([1, 1e-200]);
  });

  it("rank-one u·vᵀ: σ = (‖u‖·‖v‖, 0, …) and the SVD is still orthonormal", () => {
    fc.assert(
      fc.property(shapeSeed, ({ m, n, seed }) => {
        const rng: Rng = createRng(seed);
        const x: number[] = Array.from({ length: m }, () => rng.normal());
        const y: number[] = Array.from({ length: n }, () => rng.normal());
        const a: Matrix = x.map((xi) => y.map((yj) => xi * yj));
        const { u, s, v } = svd(a);
        const expected: number = Math.hypot(...x) * Math.hypot(...y);
        expect(Math.abs(s[0] - expected)).toBeLessThanOrEqual(1e-14 * expected);
        // The other σ are rounding noise of size ~m·ε·σ₁.
        for (let i = 1; i < s.length; i++) expect(s[i]).toBeLessThanOrEqual(1e-14 * expected);
        const k: number = Math.min(m, n);
        expect(maxAbsDiff(mul(transposeRef(u), u), eye(k))).toBeLessThan(1e-13);
        expect(maxAbsDiff(mul(transposeRef(v), v), eye(k))).toBeLessThan(1e-13);
      }),
      { seed: 61, numRuns: 200 },
    );
  });

  it("the zero matrix: all σ = 0, and U, V are the leading columns of I", () => {
    const { u, s, v } = svd([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(s).toEqual([0, 0]);
    expect(u).toEqual(eye(2));
    expect(v).toEqual([
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
  });

  it("A and Aᵀ have the same singular values (m ≠ n takes the transposed path)", () => {
    fc.assert(
      fc.property(shapeSeed, ({ m, n, seed }) => {
        const a: Matrix = randomMatrix(createRng(seed), m, n);
        const s: number[] = singularValues(a);
        const st: number[] = singularValues(transpose(a));
        for (let i = 0; i < s.length; i++) expect(Math.abs(s[i] - st[i])).toBeLessThanOrEqual(1e-13 * s[0]);
      }),
      { seed: 67, numRuns: 200 },
    );
  });

  it("sign convention: the largest-magnitude entry of every u_j is positive", () => {
    fc.assert(
      fc.property(shapeSeed, ({ m, n, seed }) => {
        const { u } = svd(randomMatrix(createRng(seed), m, n));
        for (let j = 0; j < u[0].length; j++) {
          const col: number[] = u.map((row) => row[j]);
          const big: number = col.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
          expect(big).toBeGreaterThan(0);
        }
      }),
      { seed: 71, numRuns: 200 },
    );
    // A diagonal matrix with a negative entry: u = I, and the sign goes to v.
    const { u, s, v } = svd([
      [-3, 0],
      [0, 2],
    ]);
    expect(s).toEqual([3, 2]);
    expect(u).toEqual(eye(2));
    expect(v).toEqual([
      [-1, 0],
      [0, 1],
    ]);
  });
});
