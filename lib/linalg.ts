// Dense linear algebra on small matrices, for chapters 1.2 and 1.3.
//
// Matrices are plain arrays of rows so that chapters can write them inline
// ([[0, 0.01], [100, 0]]); the hot loops copy them into flat Float64Arrays.
//
// The singular value decomposition is one-sided Jacobi (Hestenes 1958): the
// columns of A are rotated pairwise until they are mutually orthogonal, then
// their norms are the singular values. It is short, needs no bidiagonal
// reduction, and is at least as accurate as the QR-iteration SVD (Demmel &
// Veselić 1992: relative accuracy for matrices whose columns are badly
// scaled but otherwise well conditioned, which is exactly the situation of
// the long Jacobian products in chapter 1.2).

import { describeValue, requireIntegerInRange } from "./validate";

// log₁₀2, to turn binary exponents into decimal ones (Math has no such constant).
const LOG10_2: number = Math.log10(2);

/** A real matrix as an array of rows, all of the same length. Used in chapters 1.2 and 1.3. */
export type Matrix = number[][];

/**
 * Largest number of rows or columns any function here accepts (4096). Used in chapters 1.2 and 1.3.
 *
 * Together with MAX_MATRIX_ENTRIES this keeps a typo in a widget (a
 * dimension of 10⁶) from freezing the page: the SVD of the largest allowed
 * square matrix, 256 × 256, takes well under a second.
 */
export const MAX_MATRIX_DIM: number = 4096;

/** Largest number of entries (rows × columns) any function here accepts: 65 536 = 256². Used in chapters 1.2 and 1.3. */
export const MAX_MATRIX_ENTRIES: number = 65_536;

/** The shape (rows × columns) of a validated matrix. Used in chapters 1.2 and 1.3. */
export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

/**
 * Checks that `a` is a non-empty, rectangular array of rows of finite numbers within the size caps and returns its shape; throws a RangeError naming `name` and the offending row or entry otherwise. Used in chapters 1.2 and 1.3.
 */
export function requireMatrix(name: string, a: unknown): Shape {
  if (!Array.isArray(a) || a.length === 0) {
    throw new RangeError(`${name} must be a non-empty array of rows, got ${describeShort(a)}`);
  }
  const first: unknown = a[0];
  if (!Array.isArray(first) || first.length === 0) {
    throw new RangeError(`${name}[0] must be a non-empty array of numbers, got ${describeShort(first)}`);
  }
  const rows: number = a.length;
  const cols: number = first.length;
  if (rows > MAX_MATRIX_DIM || cols > MAX_MATRIX_DIM || rows * cols > MAX_MATRIX_ENTRIES) {
    throw new RangeError(
      `${name} is ${rows}×${cols}; at most ${MAX_MATRIX_DIM} rows or columns and ${MAX_MATRIX_ENTRIES} entries are supported`,
    );
  }
  for (let i = 0; i < rows; i++) {
    const row: unknown = a[i];
    if (!Array.isArray(row)) {
      throw new RangeError(`${name}[${i}] must be an array of numbers, got ${describeShort(row)}`);
    }
    if (row.length !== cols) {
      throw new RangeError(`${name} is ragged: ${name}[${i}] has ${row.length} entries but ${name}[0] has ${cols}`);
    }
    for (let j = 0; j < cols; j++) {
      const x: unknown = row[j];
      if (typeof x !== "number" || !Number.isFinite(x)) {
        throw new RangeError(`${name}[${i}][${j}] must be a finite number, got ${describeValue(x)}`);
      }
    }
  }
  return { rows, cols };
}

/** Like requireMatrix, and additionally requires rows = columns; returns the dimension. Used in chapters 1.2 and 1.3. */
export function requireSquareMatrix(name: string, a: unknown): number {
  const { rows, cols } = requireMatrix(name, a);
  if (rows !== cols) throw new RangeError(`${name} must be square, got ${rows}×${cols}`);
  return rows;
}

/** Checks that `x` is a non-empty array of finite numbers of the given length (any length if `length` is omitted) and returns its length. Used in chapters 1.2 and 1.3. */
export function requireVector(name: string, x: unknown, length?: number): number {
  if (!Array.isArray(x) || x.length === 0) {
    throw new RangeError(`${name} must be a non-empty array of numbers, got ${describeShort(x)}`);
  }
  if (length !== undefined && x.length !== length) {
    throw new RangeError(`${name} must have ${length} entries, got ${x.length}`);
  }
  if (x.length > MAX_MATRIX_ENTRIES) {
    throw new RangeError(`${name} has ${x.length} entries; at most ${MAX_MATRIX_ENTRIES} are supported`);
  }
  for (let i = 0; i < x.length; i++) {
    const v: unknown = x[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RangeError(`${name}[${i}] must be a finite number, got ${describeValue(v)}`);
    }
  }
  return x.length;
}

// Finite inputs can still overflow (1e200·1e200) and then give NaN (∞ − ∞);
// neither may leave this module silently.
function requireFiniteResult(what: string, out: Matrix): Matrix {
  for (let i = 0; i < out.length; i++) {
    for (let j = 0; j < out[i].length; j++) {
      if (!Number.isFinite(out[i][j])) {
        throw new RangeError(`${what} overflows: entry [${i}][${j}] is ${describeValue(out[i][j])}; rescale the inputs`);
      }
    }
  }
  return out;
}

// describeValue on a 64×64 matrix would paste 4096 numbers into a message.
function describeShort(value: unknown): string {
  const s: string = describeValue(value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** The n×n identity matrix I (1 ≤ n ≤ MAX_MATRIX_DIM, n² ≤ MAX_MATRIX_ENTRIES). Used in chapter 1.2. */
export function identity(n: number): Matrix {
  requireIntegerInRange("n", n, 1, Math.floor(Math.sqrt(MAX_MATRIX_ENTRIES)));
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/** The transpose Aᵀ of an m×n matrix (n×m result). Used in chapter 1.2. */
export function transpose(a: Matrix): Matrix {
  const { rows, cols } = requireMatrix("a", a);
  return Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, i) => a[i][j]));
}

/** The product AB of an m×k and a k×n matrix (m×n result); throws RangeError if the inner sizes differ or an entry overflows. Used in chapter 1.2. */
export function matMul(a: Matrix, b: Matrix): Matrix {
  const sa: Shape = requireMatrix("a", a);
  const sb: Shape = requireMatrix("b", b);
  if (sa.cols !== sb.rows) {
    throw new RangeError(`matMul: a is ${sa.rows}×${sa.cols} and b is ${sb.rows}×${sb.cols}; a's columns must equal b's rows`);
  }
  const out: Matrix = [];
  for (let i = 0; i < sa.rows; i++) {
    const row: number[] = new Array<number>(sb.cols).fill(0);
    const ai: number[] = a[i];
    for (let k = 0; k < sa.cols; k++) {
      const aik: number = ai[k];
      if (aik === 0) continue;
      const bk: number[] = b[k];
      for (let j = 0; j < sb.cols; j++) row[j] += aik * bk[j];
    }
    out.push(row);
  }
  return requireFiniteResult("matMul", out);
}

/** The matrix–vector product Ax for an m×n matrix and a length-n vector (length-m result); throws RangeError on overflow. Used in chapter 1.2. */
export function matVec(a: Matrix, x: number[]): number[] {
  const { rows, cols } = requireMatrix("a", a);
  requireVector("x", x, cols);
  const out: number[] = new Array<number>(rows).fill(0);
  for (let i = 0; i < rows; i++) {
    let s: number = 0;
    for (let j = 0; j < cols; j++) s += a[i][j] * x[j];
    out[i] = s;
  }
  requireFiniteResult("matVec", [out]);
  return out;
}

function requireSameShape(a: Matrix, b: Matrix, what: string): Shape {
  const sa: Shape = requireMatrix("a", a);
  const sb: Shape = requireMatrix("b", b);
  if (sa.rows !== sb.rows || sa.cols !== sb.cols) {
    throw new RangeError(`${what}: a is ${sa.rows}×${sa.cols} but b is ${sb.rows}×${sb.cols}; the shapes must be equal`);
  }
  return sa;
}

/** The entrywise sum A + B of two matrices of equal shape; throws RangeError on overflow. Used in chapter 1.2. */
export function add(a: Matrix, b: Matrix): Matrix {
  requireSameShape(a, b, "add");
  return requireFiniteResult(
    "add",
    a.map((row, i) => row.map((x, j) => x + b[i][j])),
  );
}

/** The entrywise difference A − B of two matrices of equal shape; throws RangeError on overflow. Used in chapter 1.2. */
export function subtract(a: Matrix, b: Matrix): Matrix {
  requireSameShape(a, b, "subtract");
  return requireFiniteResult(
    "subtract",
    a.map((row, i) => row.map((x, j) => x - b[i][j])),
  );
}

/** The multiple c·A of a matrix by a finite scalar c; throws RangeError on overflow. Used in chapter 1.2. */
export function scale(c: number, a: Matrix): Matrix {
  if (typeof c !== "number" || !Number.isFinite(c)) {
    throw new RangeError(`c must be a finite number, got ${describeValue(c)}`);
  }
  requireMatrix("a", a);
  return requireFiniteResult(
    "scale",
    a.map((row) => row.map((x) => c * x)),
  );
}

/** The Frobenius norm ‖A‖_F = √(Σ a_ij²), computed without overflow or underflow for any finite entries. Used in chapter 1.2. */
export function frobeniusNorm(a: Matrix): number {
  const { rows, cols } = requireMatrix("a", a);
  const flat: Float64Array = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) flat[i * cols + j] = a[i][j];
  return scaledNorm(flat, 0, flat.length);
}

// ---------------------------------------------------------------------------
// Powers of two. Multiplying by 2^k is exact (unless the result is subnormal),
// so scaling a matrix by a power of two before the SVD changes no digit.

/** x·2^k for any integer k, without the intermediate 2^k overflowing (2^1074 is not a double, but 5e-324·2^1074 = 1 is). Used in chapter 1.2. */
export function ldexp(x: number, k: number): number {
  let y: number = x;
  let r: number = k;
  // Steps of 2^±1000 keep every intermediate between x and the result.
  while (r > 1000) {
    y *= 2 ** 1000;
    r -= 1000;
  }
  while (r < -1000) {
    y *= 2 ** -1000;
    r += 1000;
  }
  return y * 2 ** r;
}

/** The integer k with 2^k ≤ |x| < 2^(k+1), for finite x ≠ 0 (also for subnormals, down to −1074). Used in chapter 1.2. */
export function exponentOf(x: number): number {
  // Math.log2 can round up to the next integer just below a power of two,
  // so correct the estimate by one comparison in each direction.
  const ax: number = Math.abs(x);
  let k: number = Math.floor(Math.log2(ax));
  if (ldexp(1, k) > ax) k -= 1;
  else if (ldexp(1, k + 1) <= ax) k += 1;
  return k;
}

// ‖x[start..end)‖₂ with LAPACK dnrm2's idea: divide by the largest |entry|
// first, so squares neither overflow nor underflow.
function scaledNorm(x: Float64Array, start: number, end: number): number {
  let m: number = 0;
  for (let i = start; i < end; i++) {
    const a: number = Math.abs(x[i]);
    if (a > m) m = a;
  }
  if (m === 0) return 0;
  let s: number = 0;
  for (let i = start; i < end; i++) {
    const r: number = x[i] / m;
    s += r * r;
  }
  return m * Math.sqrt(s);
}

// ---------------------------------------------------------------------------
// Determinant by LU with partial pivoting.

/** sign(det A) ∈ {−1, 0, 1} and log₁₀|det A| (−Infinity when det A = 0) of a square matrix, by LU with partial pivoting on a copy scaled by a power of two, so it never overflows or underflows. Used in chapter 1.2. */
export function determinantLog10(a: Matrix): { sign: -1 | 0 | 1; log10Abs: number } {
  const { sign, mantissa, exponent } = determinantParts(a);
  if (sign === 0) return { sign: 0, log10Abs: -Infinity };
  return { sign, log10Abs: Math.log10(mantissa) + exponent * LOG10_2 };
}

/**
 * det A of a square matrix, by LU with partial pivoting; ±Infinity or 0 only when |det A| itself lies outside the range of doubles. Used in chapter 1.2.
 *
 * For 2×2 this is ad − bc up to rounding; the pivoting makes the
 * elimination backward stable for every size.
 */
export function determinant(a: Matrix): number {
  const { sign, mantissa, exponent } = determinantParts(a);
  if (sign === 0) return 0;
  return sign * ldexp(mantissa, exponent);
}

// det A = sign · mantissa · 2^exponent with mantissa ∈ [1, 2). The product of
// the pivots is renormalised by exact powers of two after every factor, so
// 64 pivots of 1e10 (det 1e640) cause no overflow.
function determinantParts(a: Matrix): { sign: -1 | 0 | 1; mantissa: number; exponent: number } {
  const n: number = requireSquareMatrix("a", a);
  let maxAbs: number = 0;
  for (const row of a) for (const x of row) maxAbs = Math.max(maxAbs, Math.abs(x));
  if (maxAbs === 0) return { sign: 0, mantissa: 0, exponent: 0 };
  const e: number = exponentOf(maxAbs);
  const lu: Float64Array = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) lu[i * n + j] = ldexp(a[i][j], -e);
  let sign: -1 | 1 = 1;
  let mantissa: number = 1;
  let exponent: number = n * e;
  for (let k = 0; k < n; k++) {
    let p: number = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(lu[i * n + k]) > Math.abs(lu[p * n + k])) p = i;
    const pivot: number = lu[p * n + k];
    if (pivot === 0) return { sign: 0, mantissa: 0, exponent: 0 };
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t: number = lu[k * n + j];
        lu[k * n + j] = lu[p * n + j];
        lu[p * n + j] = t;
      }
      sign = sign === 1 ? -1 : 1;
    }
    for (let i = k + 1; i < n; i++) {
      const l: number = lu[i * n + k] / pivot;
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j] -= l * lu[k * n + j];
    }
    if (pivot < 0) sign = sign === 1 ? -1 : 1;
    mantissa *= Math.abs(pivot);
    const k2: number = exponentOf(mantissa);
    mantissa = ldexp(mantissa, -k2);
    exponent += k2;
  }
  return { sign, mantissa, exponent };
}

// ---------------------------------------------------------------------------
// One-sided Jacobi SVD.

// Rotations stop when |cos∠(g_p, g_q)| ≤ max(m, 4)·ε: below that the computed
// cosine is rounding noise of the m-term dot product.
const EPS: number = Number.EPSILON;
// A sweep count no real matrix needs (Jacobi converges quadratically; 64×64
// random matrices take about 10 sweeps); it only guards against a livelock.
const MAX_SWEEPS: number = 80;
// Columns are rotated only if ‖g_p‖·‖g_q‖ ≥ 2^-900 (after scaling the matrix
// so its largest entry is in [1, 2), hence σ_max ≥ 1). A skipped pair leaves
// an off-diagonal entry ≤ 2^-900 in GᵀG, which moves no singular value by
// more than ~2^-450 ≈ 3e-136 absolute; it avoids dividing by squared norms
// that underflow.
const NEGLIGIBLE_PAIR: number = 2 ** -900;
const SMALL_SQUARE: number = 2 ** -900;

// Orthogonalises the columns of the m×n column-major g in place (m ≥ n);
// accumulates the rotations into the n×n column-major v when given.
function jacobiOrthogonalize(g: Float64Array, m: number, n: number, v: Float64Array | null): void {
  const tol: number = Math.max(m, 4) * EPS;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated: boolean = false;
    for (let p = 0; p < n - 1; p++) {
      const op: number = p * m;
      for (let q = p + 1; q < n; q++) {
        const oq: number = q * m;
        let alpha: number = 0;
        let beta: number = 0;
        let gamma: number = 0;
        for (let k = 0; k < m; k++) {
          const x: number = g[op + k];
          const y: number = g[oq + k];
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        const np: number = alpha >= SMALL_SQUARE ? Math.sqrt(alpha) : scaledNorm(g, op, op + m);
        const nq: number = beta >= SMALL_SQUARE ? Math.sqrt(beta) : scaledNorm(g, oq, oq + m);
        const scaleProduct: number = np * nq;
        if (scaleProduct < NEGLIGIBLE_PAIR) continue;
        if (Math.abs(gamma) <= tol * scaleProduct) continue;
        rotated = true;
        // ζ = (β − α)/(2γ), t = tan θ the smaller root of t² + 2ζt − 1 = 0,
        // so that the rotated columns are orthogonal (Rutishauser's formulas).
        const zeta: number = ((nq - np) * (nq + np)) / (2 * gamma);
        const t: number = Math.abs(zeta) > 1e150 ? 1 / (2 * zeta) : (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c: number = 1 / Math.sqrt(1 + t * t);
        const s: number = c * t;
        for (let k = 0; k < m; k++) {
          const x: number = g[op + k];
          const y: number = g[oq + k];
          g[op + k] = c * x - s * y;
          g[oq + k] = s * x + c * y;
        }
        if (v !== null) {
          const vp: number = p * n;
          const vq: number = q * n;
          for (let k = 0; k < n; k++) {
            const x: number = v[vp + k];
            const y: number = v[vq + k];
            v[vp + k] = c * x - s * y;
            v[vq + k] = s * x + c * y;
          }
        }
      }
    }
    if (!rotated) return;
  }
}

interface JacobiResult {
  // Singular values of the scaled matrix, descending.
  sigma: Float64Array;
  // Column order that sorts them (index into the Jacobi columns).
  order: number[];
  // The orthogonalised columns (column-major, m×n) and rotations (n×n).
  g: Float64Array;
  v: Float64Array | null;
  m: number;
  n: number;
  // The input was transposed (it had more columns than rows).
  transposed: boolean;
  // The input was multiplied by 2^-exponent before the iteration.
  exponent: number;
}

function jacobiSvd(a: Matrix, wantVectors: boolean): JacobiResult {
  const { rows, cols } = requireMatrix("a", a);
  // Work on whichever of A, Aᵀ has at least as many rows as columns, so the
  // iteration rotates min(m, n) columns and all of them carry a singular value.
  const transposed: boolean = cols > rows;
  const m: number = transposed ? cols : rows;
  const n: number = transposed ? rows : cols;
  let maxAbs: number = 0;
  for (const row of a) for (const x of row) maxAbs = Math.max(maxAbs, Math.abs(x));
  // Scale by a power of two (exact) so the largest entry lies in [1, 2):
  // squares and dot products then neither overflow nor underflow for the
  // entries that matter, whatever the magnitude of the input (1e-200, 1e150).
  const exponent: number = maxAbs === 0 ? 0 : exponentOf(maxAbs);
  const g: Float64Array = new Float64Array(m * n);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const x: number = ldexp(a[i][j], -exponent);
      if (transposed) g[i * m + j] = x;
      else g[j * m + i] = x;
    }
  }
  let v: Float64Array | null = null;
  if (wantVectors) {
    v = new Float64Array(n * n);
    for (let i = 0; i < n; i++) v[i * n + i] = 1;
  }
  jacobiOrthogonalize(g, m, n, v);
  const sigma: Float64Array = new Float64Array(n);
  for (let j = 0; j < n; j++) sigma[j] = scaledNorm(g, j * m, j * m + m);
  // Stable sort, so equal singular values keep the column order.
  const order: number[] = Array.from({ length: n }, (_, j) => j).sort((i, j) => sigma[j] - sigma[i] || i - j);
  const sorted: Float64Array = new Float64Array(n);
  for (let j = 0; j < n; j++) sorted[j] = sigma[order[j]];
  return { sigma: sorted, order, g, v, m, n, transposed, exponent };
}

/**
 * All min(m, n) singular values σ₁ ≥ … ≥ σ_k ≥ 0 of a real m×n matrix, by one-sided Jacobi; absolute error ≲ 1e-13·σ₁ for every σ_i (tested up to 64×64). Used in chapter 1.2.
 *
 * The matrix is first scaled by a power of two, so entries anywhere in the
 * double range (1e-300, 1e300) neither underflow nor overflow. A singular
 * value is returned as Infinity only if its true value exceeds
 * Number.MAX_VALUE (possible only when entries are within a factor √(mn)
 * of it), and as 0 or a subnormal only if its true value is below
 * Number.MIN_VALUE-scale. Throws RangeError for ragged, empty or non-finite
 * input and for sizes beyond MAX_MATRIX_DIM / MAX_MATRIX_ENTRIES.
 */
export function singularValues(a: Matrix): number[] {
  const r: JacobiResult = jacobiSvd(a, false);
  return Array.from(r.sigma, (s) => ldexp(s, r.exponent));
}

/** A thin singular value decomposition A = U·diag(s)·Vᵀ (the result of svd). Used in chapter 1.2. */
export interface Svd {
  /** m×k, orthonormal columns (k = min(m, n)): the left singular vectors. */
  u: Matrix;
  /** k singular values, descending, ≥ 0. */
  s: number[];
  /** n×k, orthonormal columns: the right singular vectors. */
  v: Matrix;
}

/**
 * Thin SVD A = U·diag(s)·Vᵀ of a real m×n matrix (U m×k, V n×k, k = min(m, n), s descending), by one-sided Jacobi; see singularValues for accuracy and range. Used in chapter 1.2.
 *
 * Conventions, so that figures drawing u and v are reproducible:
 * - each column u_j has its entry of largest magnitude positive (on an
 *   exact tie, the first such entry); v_j is flipped with it;
 * - equal singular values keep the order Jacobi produced; their vectors
 *   span the right subspace but any rotation within it would be as valid;
 * - for σ_j = 0, and whenever the column Jacobi left has no direction of
 *   its own (numerically inside the span of the earlier u's, which can only
 *   happen for σ_j below ~1e-135·σ₁), u_j completes the earlier columns to
 *   an orthonormal set with the first standard basis vectors outside their
 *   span.
 */
export function svd(a: Matrix): Svd {
  const r: JacobiResult = jacobiSvd(a, true);
  const { m, n, g, order } = r;
  const v: Float64Array = r.v as Float64Array;
  // Columns of G are σ_j·u_j; normalise them in σ order, then re-orthogonalise
  // (twice, modified Gram–Schmidt) against the earlier ones. For converged
  // columns this moves them by ~1e-15; for σ_j = 0 or negligible columns it
  // detects that there is no direction left and completes the basis.
  const uCols: Float64Array[] = [];
  const vCols: Float64Array[] = [];
  for (let jj = 0; jj < n; jj++) {
    const j: number = order[jj];
    const col: Float64Array = g.slice(j * m, j * m + m);
    const vc: Float64Array = v.slice(j * n, j * n + n);
    let ok: boolean = normalizeInPlace(col) && orthogonalizeAgainst(col, uCols);
    if (!ok) {
      // No usable direction in this column: take e_1, e_2, … in turn.
      for (let e = 0; e < m && !ok; e++) {
        col.fill(0);
        col[e] = 1;
        ok = orthogonalizeAgainst(col, uCols);
      }
    }
    uCols.push(col);
    vCols.push(vc);
  }
  const s: number[] = Array.from(r.sigma, (x) => ldexp(x, r.exponent));
  // Jacobi worked on Aᵀ = V Σ Uᵀ when A was wide, so the roles swap back.
  const [uFinal, vFinal] = r.transposed ? [vCols, uCols] : [uCols, vCols];
  // Sign convention: the largest-magnitude entry of each final u_j is positive.
  for (let j = 0; j < n; j++) {
    const u: Float64Array = uFinal[j];
    let best: number = 0;
    for (let i = 1; i < u.length; i++) if (Math.abs(u[i]) > Math.abs(u[best])) best = i;
    if (u[best] < 0) {
      u.forEach((x, i) => (u[i] = -x));
      const vc: Float64Array = vFinal[j];
      vc.forEach((x, i) => (vc[i] = -x));
    }
  }
  // "+ 0" turns −0 into 0, so that an exactly zero entry prints as 0.
  const toMatrix = (cols: Float64Array[]): Matrix => Array.from({ length: cols[0].length }, (_, i) => cols.map((col) => col[i] + 0));
  return { u: toMatrix(uFinal), s, v: toMatrix(vFinal) };
}

// Scales x to unit length; false if it is zero (no direction).
function normalizeInPlace(x: Float64Array): boolean {
  const nrm: number = scaledNorm(x, 0, x.length);
  if (nrm === 0) return false;
  for (let i = 0; i < x.length; i++) x[i] /= nrm;
  return true;
}

// Removes from the unit vector x its components along the orthonormal
// `basis` (two passes of modified Gram–Schmidt, "twice is enough") and
// renormalises. False if less than half of x was left, i.e. x lay
// (numerically) in their span and the result would be rounding noise.
function orthogonalizeAgainst(x: Float64Array, basis: Float64Array[]): boolean {
  for (let pass = 0; pass < 2; pass++) {
    for (const b of basis) {
      let d: number = 0;
      for (let i = 0; i < x.length; i++) d += b[i] * x[i];
      for (let i = 0; i < x.length; i++) x[i] -= d * b[i];
    }
    const nrm: number = scaledNorm(x, 0, x.length);
    if (nrm < 0.5) return false;
    for (let i = 0; i < x.length; i++) x[i] /= nrm;
  }
  return true;
}
