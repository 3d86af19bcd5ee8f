// Every number chapter 1.2 prints (lib/jacobian-numbers.ts), recomputed by a
// method lib does not use and formatted the same way:
// - 2×2 singular values from the closed form σ = (√((a+d)² + (c−b)²) ± √((a−d)² + (b+c)²))/2;
// - powers like 2^−999, 0.99^1000, 0.9^200 and 2^−1074 exactly, with BigInt;
// - long Jacobian products by a power-iteration-style normalised product
//   (σ_max) and a normalised product of inverses (σ_min = 1/σ_max(P⁻¹)),
//   with the factors rebuilt from the trajectory by hand (tanh' = 1/cosh²);
// - ρ(W) by the unshifted QR algorithm, not Gelfand's formula;
// - log|det| as Σ_t (log|det W| + Σ_i log sech²), with det W by elimination.
import { describe, expect, it } from "vitest";
import { formatFixed, formatLog10Text, formatSignificant, superscriptInteger } from "../../lib/format";
import { JACOBIAN_INPUTS as IN, jacobianShown } from "../../lib/jacobian-numbers";
import { formatShort } from "../../lib/matrix-format";
import { createRng } from "../../lib/random";
import { randomRecurrentSetup } from "../../lib/recurrent-jacobian";
import { residualCounterexample, residualSymmetricExample } from "../../lib/residual-jacobian";
import { scientific, type Dec } from "../reference/decimal-string";
import { eye, inverse, kahanSum, log10AbsDetByElimination, mul, powerSigmaMax, type M } from "./reference-linalg";

const shown = jacobianShown();

/** Singular values of a real 2×2 matrix, descending, in closed form. */
function sigma2x2(m: M): [number, number] {
  const [[a, b], [c, d]] = m;
  const p: number = Math.hypot(a + d, c - b);
  const q: number = Math.hypot(a - d, b + c);
  return [(p + q) / 2, Math.abs(p - q) / 2];
}

const plusIdentity = (m: M): M => m.map((row, i) => row.map((x, j) => x + (i === j ? 1 : 0)));

/** The text formatLog10Text prints for an exact positive decimal, at 3 digits. */
function exactText(d: Dec): string {
  const { mantissa, exponent } = scientific(d, 3);
  return exponent === 0 ? mantissa : `${mantissa} × 10${superscriptInteger(exponent)}`;
}

/** The TeX formatLog10Tex prints for an exact positive decimal, at 3 digits. */
function exactTex(d: Dec): string {
  const { mantissa, exponent } = scientific(d, 3);
  return exponent === 0 ? mantissa : `${mantissa} \\times 10^{${exponent}}`;
}

/** log₁₀σ_max(A_k···A_1): the product renormalised by its largest entry after every factor; the scales summed. */
function log10SigmaMaxOfProduct(factors: M[]): number {
  let p: M = eye(factors[0].length);
  const logs: number[] = [];
  for (const a of factors) {
    p = mul(a, p);
    const m: number = Math.max(...p.flat().map(Math.abs));
    p = p.map((row) => row.map((x) => x / m));
    logs.push(Math.log10(m));
  }
  return kahanSum(logs) + Math.log10(powerSigmaMax(p));
}

/** log₁₀σ_min(A_k···A_1) = −log₁₀σ_max(A_1⁻¹···A_k⁻¹). */
function log10SigmaMinOfProduct(factors: M[]): number {
  let q: M = eye(factors[0].length);
  const logs: number[] = [];
  for (const a of factors) {
    q = mul(q, inverse(a));
    const m: number = Math.max(...q.flat().map(Math.abs));
    q = q.map((row) => row.map((x) => x / m));
    logs.push(Math.log10(m));
  }
  return -(kahanSum(logs) + Math.log10(powerSigmaMax(q)));
}

/** ρ(A) by the unshifted QR algorithm (A ← RQ, Gram–Schmidt QR): the leading 1×1 or 2×2 block of the limit holds the eigenvalues of largest modulus. */
function spectralRadiusByQr(a: M, iterations: number = 4000): number {
  const n: number = a.length;
  let x: M = a.map((row) => row.slice());
  for (let it = 0; it < iterations; it++) {
    // Modified Gram–Schmidt on the columns of x: x = QR.
    const q: number[][] = Array.from({ length: n }, (_, j) => x.map((row) => row[j]));
    const r: M = eye(n).map((row) => row.map(() => 0));
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < j; i++) {
        const dot: number = q[i].reduce((s, v, k) => s + v * q[j][k], 0);
        r[i][j] = dot;
        q[j] = q[j].map((v, k) => v - dot * q[i][k]);
      }
      r[j][j] = Math.hypot(...q[j]);
      q[j] = q[j].map((v) => v / r[j][j]);
    }
    const qm: M = Array.from({ length: n }, (_, i) => q.map((col) => col[i]));
    x = mul(r, qm);
  }
  // The first subdiagonal entry decides whether the leading block is 1×1 or 2×2.
  const scale: number = Math.max(...x.flat().map(Math.abs));
  if (n === 1 || Math.abs(x[1][0]) < 1e-9 * scale) return Math.abs(x[0][0]);
  expect(Math.abs(x[2][1]), "the leading 2×2 block has split off").toBeLessThan(1e-9 * scale);
  const [[p, s], [t, u]] = [x[0].slice(0, 2), x[1].slice(0, 2)];
  const tr: number = p + u;
  const det: number = p * u - s * t;
  const disc: number = tr * tr - 4 * det;
  return disc < 0 ? Math.sqrt(det) : Math.max(Math.abs((tr + Math.sqrt(disc)) / 2), Math.abs((tr - Math.sqrt(disc)) / 2));
}

describe("the SVD section", () => {
  it("the shear's singular values are the golden ratio and its inverse", () => {
    const phi: number = (Math.sqrt(5) + 1) / 2;
    expect(shown.shearSigma1).toBe(formatFixed(phi, 3));
    expect(shown.shearSigma2).toBe(formatFixed(1 / phi, 3));
    expect(shown.shearSigma1Long).toBe(formatFixed(phi, 6));
    expect(shown.shearSigma2Long).toBe(formatFixed(1 / phi, 6));
  });
});

describe("1.2.1: the recurrent map at its default (dimension 16, σ_max(W) = 1/2, seed 1, n = 1000)", () => {
  // The system is the chapter's input: lib draws it, and it is the same W and x₁
  // whatever computes the Jacobian. Everything after that is recomputed here.
  const { w, x1 } = randomRecurrentSetup(IN.demoDim, IN.sigmaW, IN.demoSeed);
  const factors: M[] = [];
  const logDetTerms: number[] = [];
  const log10DetW: number = log10AbsDetByElimination(w);
  let x: number[] = x1;
  for (let t = 1; t < IN.deep; t++) {
    const z: number[] = w.map((row) => row.reduce((s, v, j) => s + v * x[j], 0));
    factors.push(w.map((row, i) => row.map((v) => v / Math.cosh(z[i]) ** 2)));
    logDetTerms.push(log10DetW, ...z.map((zi) => -2 * Math.log10(Math.cosh(zi))));
    x = z.map(Math.tanh);
  }
  const log10Sigma1: number = log10SigmaMaxOfProduct(factors);
  const log10SigmaLast: number = log10SigmaMinOfProduct(factors);
  // 2^−999 = 5^999 / 10^999, exactly.
  const bound: Dec = { negative: false, n: 5n ** BigInt(IN.deep - 1), scale: IN.deep - 1 };

  it("the bound (1/2)^999, exactly", () => {
    expect(shown.boundDeepTex).toBe(exactTex(bound));
    expect(shown.boundDeep).toBe(exactText(bound));
  });

  it("σ₁ and σ₁₆ of ∂x₁₀₀₀/∂x₁, and how far σ₁ lies below the bound", () => {
    expect(shown.sigma1Deep).toBe(formatLog10Text(log10Sigma1, 3));
    expect(shown.sigmaLastDeep).toBe(formatLog10Text(log10SigmaLast, 3));
    expect(shown.ordersBelowBound).toBe(String(Math.round(-(IN.deep - 1) * Math.log10(2) - log10Sigma1)));
  });

  it("ρ(W) by the QR algorithm, and the late decay rate of σ₁", () => {
    expect(shown.rho).toBe(formatSignificant(spectralRadiusByQr(w), 3));
    const half: number = IN.deep / 2;
    const atHalf: number = log10SigmaMaxOfProduct(factors.slice(0, half - 1));
    expect(shown.lateRate).toBe(formatSignificant(10 ** ((log10Sigma1 - atHalf) / (IN.deep - half)), 3));
  });

  it("Σ log₁₀σ_i and log₁₀|det| both equal Σ_t log₁₀|det J_t|", () => {
    const expected: string = formatFixed(kahanSum(logDetTerms), 4);
    expect(shown.sumOfLogs).toBe(expected);
    expect(shown.logAbsDet).toBe(expected);
  });

  it("the smallest positive double is 2^−1074", () => {
    const { mantissa, exponent } = scientific({ negative: false, n: 5n ** 1074n, scale: 1074 }, 1);
    expect(shown.smallestDouble).toBe(formatLog10Text(exponent + Math.log10(Number(mantissa)), 1));
    expect(shown.smallestDouble).toBe("5 × 10⁻³²⁴");
  });

  it("exercise 4: the scalar system w = ±1/2 stays below its bound by ∏ sech²(w x_t)", () => {
    const rng = createRng(IN.demoSeed);
    const g: number = rng.normal();
    const x1s: number = rng.normal();
    const w1: number = Math.sign(g) * IN.sigmaW;
    expect(shown.scalarW).toBe(formatShort(w1));
    expect(shown.scalarX1).toBe(formatShort(x1s, 3));
    let xs: number = x1s;
    const logs: number[] = [];
    for (let t = 1; t < IN.deep; t++) {
      logs.push(-2 * Math.log10(Math.cosh(w1 * xs)));
      xs = Math.tanh(w1 * xs);
    }
    expect(shown.scalarRatio).toBe(formatSignificant(10 ** kahanSum(logs), 3));
  });
});

describe("1.2.2: one residual step", () => {
  it("the counterexample: σ(F) = {100, 0.01}, det(I + F) = 0 exactly, and the SVD's σ_min(I + F) is rounding", () => {
    const f: M = residualCounterexample();
    const [s1, s2] = sigma2x2(f);
    expect(shown.counterSigma1).toBe(formatShort(s1));
    expect(shown.counterSigma2).toBe(formatShort(s2));
    expect(shown.counterClaimed).toBe(formatShort(1 - s2));
    // det(I + F) = 1·1 − (1/100)·100 in exact rationals: 0.
    expect(100n * 100n - 1n * 10_000n).toBe(0n);
    expect(shown.counterDet).toBe("0");
    const [big] = sigma2x2(plusIdentity(f));
    expect(shown.counterSumSigma1).toBe(formatShort(big, 5));
    expect(shown.counterRoundingLevel).toBe(formatLog10Text(Math.log10(Number.EPSILON * big), 1));
    // What the prose says of the SVD's smallest value: below ε·σ₁, i.e. zero up to rounding.
    expect(shown.counterSvdMin).toBe("1.4 × 10⁻¹⁹");
    expect(1.45e-19).toBeLessThan(Number.EPSILON * big);
  });

  it("the symmetric F: eigenvalues 100 and −0.01 (closed form), σ(I + F) = |1 + λ|", () => {
    const [[a, b], [, d]] = residualSymmetricExample();
    const mid: number = (a + d) / 2;
    const r: number = Math.hypot((a - d) / 2, b);
    expect(shown.symmetricEig1).toBe(formatShort(mid + r));
    expect(shown.symmetricEig2).toBe(formatShort(mid - r));
    expect(shown.symmetricSigma1).toBe(formatShort(Math.abs(1 + mid + r)));
    expect(shown.symmetricSigma2).toBe(formatShort(Math.abs(1 + mid - r)));
  });

  it("F = diag(−1.5, 0): σ_small = 0, σ_big = 1.5, σ_min(I + F) = 0.5 below the claimed 1", () => {
    const [s1, s2] = sigma2x2(IN.diagonal);
    expect(shown.diagonalSmall).toBe(formatShort(s2));
    expect(shown.diagonalBig).toBe(formatShort(s1));
    expect(shown.diagonalMin).toBe(formatShort(sigma2x2(plusIdentity(IN.diagonal))[1]));
    expect(shown.diagonalClaimed).toBe(formatShort(1 - s2));
  });

  it("the hint fails at A = 0, B = diag(1, 0)", () => {
    const sum: M = IN.hintA.map((row, i) => row.map((x, j) => x + IN.hintB[i][j]));
    const sA: number[] = sigma2x2(IN.hintA);
    const sB: number = sigma2x2(IN.hintB)[0];
    expect(shown.hintLower).toBe(formatShort(Math.abs(sA[1] - sB)));
    expect(shown.hintSigma2).toBe(formatShort(sigma2x2(sum)[1]));
  });

  it("exercise 3, one sign flipped: det(I + F) = 2 and σ_min(I + F) ≈ 0.02", () => {
    const [s1, s2] = sigma2x2(IN.flipped);
    expect(shown.flippedSigma1).toBe(formatShort(s1));
    expect(shown.flippedSigma2).toBe(formatShort(s2));
    // det(I + F) = 1 + (1/100)·100 in exact rationals.
    expect((100n * 100n + 10_000n) / 10_000n).toBe(2n);
    expect(shown.flippedDet).toBe("2");
    expect(shown.flippedMin).toBe(formatShort(sigma2x2(plusIdentity(IN.flipped))[1], 3));
    expect(shown.flippedClaimed).toBe(formatShort(1 - s2));
  });
});

describe("1.2.3: plain and residual stacks (width 8, seed 1, 200 layers)", () => {
  // Ĝ_t: N(0, 1) entries row by row from one stream, divided by σ_max found by power iteration.
  const rng = createRng(IN.stackSeed);
  const g: M[] = Array.from({ length: IN.layers }, () => {
    const raw: M = Array.from({ length: IN.stackDim }, () => Array.from({ length: IN.stackDim }, () => rng.normal()));
    const s: number = powerSigmaMax(raw);
    return raw.map((row) => row.map((x) => x / s));
  });
  const plain = (scale: number): M[] => g.map((m) => m.map((row) => row.map((x) => scale * x)));
  const residual = (scale: number): M[] => plain(scale).map(plusIdentity);
  const text = (log10: number): string => formatLog10Text(log10, 3);

  it("scale 0.4: the plain stack's σ_max and the residual stack's σ_min", () => {
    expect(shown.mildPlainMax).toBe(text(log10SigmaMaxOfProduct(plain(IN.mildScale))));
    expect(shown.mildResidualMin).toBe(text(log10SigmaMinOfProduct(residual(IN.mildScale))));
  });

  it("scale 1: the residual stack's σ_min and σ_max", () => {
    expect(shown.unitResidualMin).toBe(text(log10SigmaMinOfProduct(residual(IN.unitScale))));
    expect(shown.unitResidualMax).toBe(text(log10SigmaMaxOfProduct(residual(IN.unitScale))));
  });

  it("scales 1.5 and 3: σ_max of both stacks", () => {
    expect(shown.midPlainMax).toBe(text(log10SigmaMaxOfProduct(plain(IN.midScale))));
    expect(shown.midResidualMax).toBe(text(log10SigmaMaxOfProduct(residual(IN.midScale))));
    expect(shown.bigPlainMax).toBe(text(log10SigmaMaxOfProduct(plain(IN.bigScale))));
    expect(shown.bigResidualMax).toBe(text(log10SigmaMaxOfProduct(residual(IN.bigScale))));
  });

  it("scale 0.1: the floor 0.9^200 exactly, and the residual stack's σ_min", () => {
    expect(shown.smallFloor).toBe(exactText({ negative: false, n: 9n ** 200n, scale: 200 }));
    expect(shown.smallResidualMin).toBe(text(log10SigmaMinOfProduct(residual(IN.smallScale))));
  });

  it("the verdict's 0.99^1000, exactly", () => {
    expect(shown.floorPowerTex).toBe(`0.99^{1000} = ${exactTex({ negative: false, n: 99n ** 1000n, scale: 2000 })}`);
  });
});
