// Chapter 1.2.2: one residual step z_{t+1} = z_t + f_t(z_t) has Jacobian
// I + F with F = ∂f_t/∂z_t. The problem assumes half of F's singular values
// are ≤ σ_small ≪ 1 and half are ≥ σ_big ≫ 2, and asks for
//
//   σ_min(I + F) ≥ 1 − σ_small   and   σ_max(I + F) ≥ σ_big − 1.
//
// The second is Weyl's inequality |σ_i(A + B) − σ_i(A)| ≤ σ_max(B) with
// A = F, B = I, i = 1. The first is false for non-normal F: the example
// below has σ(F) = {100, 0.01} and a singular I + F. It holds for normal F
// (singular values of I + F are then |1 + λ_i|), and σ_min(I + F) ≥
// 1 − σ_max(F) always holds (Weyl with A = I, B = F, i = n).

import { add, identity, requireSquareMatrix, singularValues, determinant, type Matrix } from "./linalg";

/**
 * The counterexample F = [[0, 0.01], [100, 0]] (a fresh copy each call): FᵀF = diag(10⁴, 10⁻⁴), so σ(F) = {100, 0.01}, yet det(I + F) = 1·1 − 0.01·100 = 0. Used in chapter 1.2.
 *
 * In doubles 0.01·100 rounds to exactly 1, so det(I + F) computes to 0 as
 * well; σ_min(I + F) comes out at rounding level (~1e-16·σ_max), not 0.
 */
export function residualCounterexample(): Matrix {
  return [
    [0, 0.01],
    [100, 0],
  ];
}

/**
 * A symmetric F with the same singular values {100, 0.01} (a fresh copy each call): Q·diag(100, −0.01)·Qᵀ for the 45° rotation Q, i.e. [[49.995, 50.005], [50.005, 49.995]]. Used in chapter 1.2.
 *
 * Its eigenvalues are 49.995 ± 50.005 = 100 and −0.01, so σ(I + F) =
 * {|1 + 100|, |1 − 0.01|} = {101, 0.99}: the claimed bound 1 − σ_small =
 * 0.99 is attained, by a normal F, to rounding (the decimals 49.995 and
 * 50.005 are not exact doubles; the error is ~1e-14).
 */
export function residualSymmetricExample(): Matrix {
  return [
    [49.995, 50.005],
    [50.005, 49.995],
  ];
}

/** The singular values of F and I + F and the bounds of 1.2.2, for one F. Used in chapter 1.2. */
export interface ResidualStepSummary {
  /** σ(F), descending. */
  readonly sigmaF: number[];
  /** σ(I + F), descending. */
  readonly sigmaIPlusF: number[];
  /** det(I + F) (by LU with partial pivoting; exactly 0 for residualCounterexample()). */
  readonly detIPlusF: number;
  /** σ_small: the largest of the smaller half of σ(F), i.e. σ_{k+1}(F) for a 2k×2k F. */
  readonly sigmaSmall: number;
  /** σ_big: the smallest of the larger half, σ_k(F). */
  readonly sigmaBig: number;
  /** The problem's claimed lower bound on σ_min(I + F): 1 − σ_small (false in general). */
  readonly claimedMinBound: number;
  /** The bound that always holds: 1 − σ_max(F) (vacuous when negative). */
  readonly validMinBound: number;
  /** The (true) lower bound on σ_max(I + F): σ_big − 1. */
  readonly maxBound: number;
}

/**
 * Singular values of F and I + F for a square F of even size 2k ≤ 64, with σ_small = σ_{k+1}(F), σ_big = σ_k(F) and the bounds 1 − σ_small (claimed), 1 − σ_max(F) (valid) and σ_big − 1. Used in chapter 1.2.
 *
 * σ_small and σ_big are the tightest values for which "half of the singular
 * values are ≤ σ_small and half are ≥ σ_big" holds. Throws RangeError for a
 * non-square, odd-sized, larger than 64×64, ragged or non-finite F.
 */
export function residualStepSummary(f: Matrix): ResidualStepSummary {
  const n: number = requireSquareMatrix("f", f);
  if (n % 2 !== 0 || n > 64) throw new RangeError(`f must be 2k×2k with 2k ≤ 64 (half small, half big), got ${n}×${n}`);
  const k: number = n / 2;
  const iPlusF: Matrix = add(identity(n), f);
  const sigmaF: number[] = singularValues(f);
  const sigmaIPlusF: number[] = singularValues(iPlusF);
  const sigmaSmall: number = sigmaF[k];
  const sigmaBig: number = sigmaF[k - 1];
  return {
    sigmaF,
    sigmaIPlusF,
    detIPlusF: determinant(iPlusF),
    sigmaSmall,
    sigmaBig,
    claimedMinBound: 1 - sigmaSmall,
    validMinBound: 1 - sigmaF[0],
    maxBound: sigmaBig - 1,
  };
}

/** Both sides of Weyl's inequality and of the printed hint, for matrices A and B of equal shape. Used in chapter 1.2. */
export interface WeylComparison {
  /** σ_i(A), descending. */
  readonly sigmaA: number[];
  /** σ_i(A + B), descending. */
  readonly sigmaSum: number[];
  /** σ_max(B). */
  readonly sigmaMaxB: number;
  /** |σ_i(A + B) − σ_i(A)|, which Weyl bounds by σ_max(B). */
  readonly weylGap: number[];
  /** |σ_i(A) − σ_max(B)|, which the hint claims is ≤ σ_i(A + B) (false, e.g. for A = 0). */
  readonly hintLower: number[];
}

/**
 * σ_i(A), σ_i(A + B), σ_max(B), the Weyl gaps |σ_i(A + B) − σ_i(A)| (always ≤ σ_max(B)) and the hint's claimed lower bounds |σ_i(A) − σ_max(B)| on σ_i(A + B). Used in chapter 1.2.
 *
 * Example for the chapter: A = 0, B = diag(1, 0) gives σ(A + B) = {1, 0}
 * but the hint's bound for i = 2 is |0 − 1| = 1 > 0. Throws RangeError for
 * shapes that differ or invalid matrices.
 */
export function weylComparison(a: Matrix, b: Matrix): WeylComparison {
  const sum: Matrix = add(a, b);
  const sigmaA: number[] = singularValues(a);
  const sigmaSum: number[] = singularValues(sum);
  const sigmaMaxB: number = singularValues(b)[0];
  return {
    sigmaA,
    sigmaSum,
    sigmaMaxB,
    weylGap: sigmaSum.map((s, i) => Math.abs(s - sigmaA[i])),
    hintLower: sigmaA.map((s) => Math.abs(s - sigmaMaxB)),
  };
}

/**
 * Whether a square F is normal, FᵀF = FFᵀ, to a relative tolerance: every entry of FᵀF − FFᵀ at most relTol·‖F‖²_F (default 1e-12, far above the rounding of the products and far below any matrix typed with a few digits that is not normal). For normal F, σ_i(I + F) = |1 + λ_i(F)|. Throws RangeError for a non-square or invalid F. Used in chapter 1.2.
 */
export function isNormalMatrix(f: Matrix, relTol: number = 1e-12): boolean {
  const n: number = requireSquareMatrix("f", f);
  // Divided by the largest |entry| first, so no square overflows or underflows.
  let m: number = 0;
  for (const row of f) for (const x of row) m = Math.max(m, Math.abs(x));
  if (m === 0) return true;
  const g: Matrix = f.map((row) => row.map((x) => x / m));
  let size: number = 0;
  for (const row of g) for (const x of row) size += x * x;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let gtg: number = 0;
      let ggt: number = 0;
      for (let k = 0; k < n; k++) {
        gtg += g[k][i] * g[k][j];
        ggt += g[i][k] * g[j][k];
      }
      if (Math.abs(gtg - ggt) > relTol * size) return false;
    }
  }
  return true;
}
