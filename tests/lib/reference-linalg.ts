// Independent reference computations for the chapter 1.2 tests. Nothing here
// imports lib/linalg or lib/product-spectrum: each routine is a different
// textbook algorithm from the one under test (Laplace expansion instead of
// LU, power iteration instead of Jacobi, Householder reflections to build
// matrices with a known SVD, exterior powers for products of many factors).

import type { Rng } from "../../lib/random";

export type M = number[][];

/** Plain triple-loop product. */
export function mul(a: M, b: M): M {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, x, k) => s + x * b[k][j], 0)));
}

export function transposeRef(a: M): M {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

export function eye(n: number): M {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/** Determinant by Laplace expansion along the first row (fine for n ≤ 6). */
export function detLaplace(a: M): number {
  const n: number = a.length;
  if (n === 1) return a[0][0];
  if (n === 2) return a[0][0] * a[1][1] - a[0][1] * a[1][0];
  let s: number = 0;
  for (let j = 0; j < n; j++) {
    if (a[0][j] === 0) continue;
    const minor: M = a.slice(1).map((row) => row.filter((_, c) => c !== j));
    s += (j % 2 === 0 ? 1 : -1) * a[0][j] * detLaplace(minor);
  }
  return s;
}

/** Inverse by Gauss–Jordan elimination with full-row pivoting on the largest entry of the column. */
export function inverse(a: M): M {
  const n: number = a.length;
  const aug: M = a.map((row, i) => [...row, ...eye(n)[i]]);
  for (let c = 0; c < n; c++) {
    let p: number = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(aug[r][c]) > Math.abs(aug[p][c])) p = r;
    [aug[c], aug[p]] = [aug[p], aug[c]];
    const piv: number = aug[c][c];
    for (let j = 0; j < 2 * n; j++) aug[c][j] /= piv;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f: number = aug[r][c];
      for (let j = 0; j < 2 * n; j++) aug[r][j] -= f * aug[c][j];
    }
  }
  return aug.map((row) => row.slice(n));
}

/**
 * σ_max(A) by power iteration on AᵀA from a fixed start, stopping when the
 * Rayleigh quotient settles (or after `maxIter` steps). Its error is
 * ~ (σ₂/σ₁)^{2k} after k steps, so callers use it only where that is tiny.
 */
export function powerSigmaMax(a: M, maxIter: number = 20000): number {
  const n: number = a[0].length;
  let v: number[] = Array.from({ length: n }, (_, i) => 1 + 0.37 * i);
  let prev: number = -1;
  let lambda: number = 0;
  for (let it = 0; it < maxIter; it++) {
    const av: number[] = a.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
    const w: number[] = v.map((_, j) => a.reduce((s, row, i) => s + row[j] * av[i], 0));
    const nrm: number = Math.hypot(...w);
    if (nrm === 0) return 0;
    // Rayleigh quotient vᵀAᵀAv with ‖v‖ = 1 is ‖Av‖².
    lambda = av.reduce((s, x) => s + x * x, 0) / v.reduce((s, x) => s + x * x, 0);
    v = w.map((x) => x / nrm);
    if (Math.abs(lambda - prev) <= 4 * Number.EPSILON * lambda && it > 20) break;
    prev = lambda;
  }
  return Math.sqrt(lambda);
}

/** An n×n orthogonal matrix: the product of n Householder reflections I − 2vvᵀ/vᵀv with N(0, 1) vectors v. */
export function randomOrthogonal(rng: Rng, n: number): M {
  let q: M = eye(n);
  for (let r = 0; r < n; r++) {
    const v: number[] = Array.from({ length: n }, () => rng.normal());
    const vv: number = v.reduce((s, x) => s + x * x, 0);
    const h: M = eye(n).map((row, i) => row.map((x, j) => x - (2 * v[i] * v[j]) / vv));
    q = mul(h, q);
  }
  return q;
}

/** All k-element subsets of {0, …, n−1}, in lexicographic order. */
export function subsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const rec = (start: number, acc: number[]): void => {
    if (acc.length === k) {
      out.push(acc.slice());
      return;
    }
    for (let i = start; i < n; i++) {
      acc.push(i);
      rec(i + 1, acc);
      acc.pop();
    }
  };
  rec(0, []);
  return out;
}

/**
 * The k-th compound (exterior power) Λᵏ(A): the matrix of all k×k minors.
 * Cauchy–Binet gives Λᵏ(AB) = Λᵏ(A)Λᵏ(B), and the singular values of Λᵏ(A)
 * are the products of k singular values of A, so σ_max(Λᵏ(P)) = σ₁···σ_k(P).
 */
export function compound(a: M, k: number): M {
  const sets: number[][] = subsets(a.length, k);
  return sets.map((rows) => sets.map((cols) => detLaplace(rows.map((i) => cols.map((j) => a[i][j])))));
}

/** Compensated (Kahan–Babuška) sum, so long sums of logs carry no rounding drift of their own. */
export function kahanSum(terms: number[]): number {
  let s: number = 0;
  let c: number = 0;
  for (const x of terms) {
    const t: number = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/**
 * log₁₀σ_k of the product F_N···F_1 for every k, from exterior powers: the
 * product of Λᵏ(F_t) is accumulated with a scalar rescaling each step (its
 * leading singular value is then as accurate as a power iteration), and
 * log₁₀σ_k = log₁₀σ_max(ΛᵏP) − log₁₀σ_max(Λᵏ⁻¹P).
 */
export function log10SingularValuesByCompounds(factors: M[]): number[] {
  const d: number = factors[0].length;
  const out: number[] = [];
  let prevLog: number = 0;
  for (let k = 1; k <= d; k++) {
    const size: number = subsets(d, k).length;
    let p: M = eye(size);
    const logs: number[] = [];
    for (const f of factors) {
      p = mul(compound(f, k), p);
      let m: number = 0;
      for (const row of p) for (const x of row) m = Math.max(m, Math.abs(x));
      p = p.map((row) => row.map((x) => x / m));
      logs.push(Math.log10(m));
    }
    const logK: number = kahanSum(logs) + Math.log10(powerSigmaMax(p));
    out.push(logK - prevLog);
    prevLog = logK;
  }
  return out;
}

/** log₁₀|det A| by Gaussian elimination with row pivoting, summing log₁₀|pivot| (no product, so no overflow). */
export function log10AbsDetByElimination(a: M): number {
  const n: number = a.length;
  const u: M = a.map((row) => row.slice());
  let s: number = 0;
  for (let c = 0; c < n; c++) {
    let p: number = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(u[r][c]) > Math.abs(u[p][c])) p = r;
    [u[c], u[p]] = [u[p], u[c]];
    if (u[c][c] === 0) return -Infinity;
    s += Math.log10(Math.abs(u[c][c]));
    for (let r = c + 1; r < n; r++) {
      const f: number = u[r][c] / u[c][c];
      for (let j = c; j < n; j++) u[r][j] -= f * u[c][j];
    }
  }
  return s;
}
