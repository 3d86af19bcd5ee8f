// Dense kernels on row-major Float64Array matrices, for the residual-block
// simulation of chapter 1.3 (hundreds of 256×128 by 128×128 products per
// run, inside a Web Worker). The Matrix type of lib/linalg.ts (arrays of
// rows) is convenient for small figures but costs an object per row and
// defeats the JIT's bounds-check hoisting; here a matrix is one flat buffer
// and its shape is passed alongside. Float64Array rather than Float32Array:
// JavaScript arithmetic is double precision anyway, so float32 storage only
// adds a conversion per load and a rounding per store; in V8 it made the
// products below slower (≈ 0.7–1.0 against 1.3–2 G multiply-adds per
// second), and it would cost seven digits in gradients that tests compare
// with finite differences.

import { describeValue, requireIntegerInRange } from "./validate";

// Largest dimension the kernels accept: 2^26, so that every product of two
// dimensions stays an exact integer index far below 2^53.
const MAX_DIMENSION: number = 2 ** 26;

function requireShape(name: string, value: number): number {
  return requireIntegerInRange(name, value, 1, MAX_DIMENSION);
}

function requireBuffer(name: string, value: unknown, minLength: number): Float64Array {
  if (!(value instanceof Float64Array)) {
    throw new RangeError(`${name} must be a Float64Array, got ${describeValue(value)}`);
  }
  if (value.length < minLength) {
    throw new RangeError(`${name} must hold at least ${minLength} numbers, got ${value.length}`);
  }
  return value;
}

/**
 * out ← a·b for row-major a (rows×inner) and b (inner×cols), overwriting the first rows·cols entries of out. Used in chapter 1.3.
 *
 * Loop order i-k-j (the inner loop runs along contiguous rows of b and out),
 * blocked four rows of a by four of its columns: each step of the inner
 * loop loads four entries of b and updates four of out with 16
 * multiply-adds, all operands in registers. Of the blockings tried (2×8,
 * 3×4, 4×2, 4×4, 4×4 with column tiles) this was fastest in V8, ≈ 2 G
 * multiply-adds per second on one core for 256×128 by 128×128. Summation
 * order differs from the textbook loop, so results agree with it to
 * rounding (~inner·ε relative), not bitwise. out must not overlap a or b.
 * Throws RangeError for non-integer or non-positive sizes, non-Float64Array
 * arguments or buffers that are too short.
 */
export function matMulInto(a: Float64Array, b: Float64Array, out: Float64Array, rows: number, inner: number, cols: number): void {
  requireShape("rows", rows);
  requireShape("inner", inner);
  requireShape("cols", cols);
  requireBuffer("a", a, rows * inner);
  requireBuffer("b", b, inner * cols);
  requireBuffer("out", out, rows * cols);
  if (out.buffer === a.buffer || out.buffer === b.buffer) {
    // Views of one ArrayBuffer may or may not overlap; refusing all of them
    // is simpler than proving disjointness and costs callers nothing.
    throw new RangeError("out must not share its ArrayBuffer with a or b");
  }
  const k4: number = inner - (inner % 4);
  let i: number = 0;
  for (; i + 3 < rows; i += 4) {
    const c0: number = i * cols;
    const c1: number = c0 + cols;
    const c2: number = c1 + cols;
    const c3: number = c2 + cols;
    const a0: number = i * inner;
    const a1: number = a0 + inner;
    const a2: number = a1 + inner;
    const a3: number = a2 + inner;
    out.fill(0, c0, c3 + cols);
    let k: number = 0;
    for (; k < k4; k += 4) {
      const p0: number = a[a0 + k];
      const p1: number = a[a0 + k + 1];
      const p2: number = a[a0 + k + 2];
      const p3: number = a[a0 + k + 3];
      const q0: number = a[a1 + k];
      const q1: number = a[a1 + k + 1];
      const q2: number = a[a1 + k + 2];
      const q3: number = a[a1 + k + 3];
      const r0: number = a[a2 + k];
      const r1: number = a[a2 + k + 1];
      const r2: number = a[a2 + k + 2];
      const r3: number = a[a2 + k + 3];
      const s0: number = a[a3 + k];
      const s1: number = a[a3 + k + 1];
      const s2: number = a[a3 + k + 2];
      const s3: number = a[a3 + k + 3];
      const b0: number = k * cols;
      const b1: number = b0 + cols;
      const b2: number = b1 + cols;
      const b3: number = b2 + cols;
      for (let j = 0; j < cols; j++) {
        const u0: number = b[b0 + j];
        const u1: number = b[b1 + j];
        const u2: number = b[b2 + j];
        const u3: number = b[b3 + j];
        out[c0 + j] += p0 * u0 + p1 * u1 + p2 * u2 + p3 * u3;
        out[c1 + j] += q0 * u0 + q1 * u1 + q2 * u2 + q3 * u3;
        out[c2 + j] += r0 * u0 + r1 * u1 + r2 * u2 + r3 * u3;
        out[c3 + j] += s0 * u0 + s1 * u1 + s2 * u2 + s3 * u3;
      }
    }
    for (; k < inner; k++) {
      const p: number = a[a0 + k];
      const q: number = a[a1 + k];
      const r: number = a[a2 + k];
      const t: number = a[a3 + k];
      const bk: number = k * cols;
      for (let j = 0; j < cols; j++) {
        const u: number = b[bk + j];
        out[c0 + j] += p * u;
        out[c1 + j] += q * u;
        out[c2 + j] += r * u;
        out[c3 + j] += t * u;
      }
    }
  }
  for (; i < rows; i++) {
    // The last rows % 4 rows, one at a time.
    const c0: number = i * cols;
    const a0: number = i * inner;
    out.fill(0, c0, c0 + cols);
    for (let k = 0; k < inner; k++) {
      const p: number = a[a0 + k];
      const bk: number = k * cols;
      for (let j = 0; j < cols; j++) out[c0 + j] += p * b[bk + j];
    }
  }
}

/** out ← aᵀ for row-major a (rows×cols); out is cols×rows and must not share a's buffer. Throws RangeError for bad sizes or buffers. Used in chapter 1.3. */
export function transposeInto(a: Float64Array, out: Float64Array, rows: number, cols: number): void {
  requireShape("rows", rows);
  requireShape("cols", cols);
  requireBuffer("a", a, rows * cols);
  requireBuffer("out", out, rows * cols);
  if (out.buffer === a.buffer) throw new RangeError("out must not share its ArrayBuffer with a");
  for (let i = 0; i < rows; i++) {
    const o: number = i * cols;
    for (let j = 0; j < cols; j++) out[j * rows + i] = a[o + j];
  }
}

/**
 * Euclidean (Frobenius) norm √(Σ v_i²) of the first n entries of v (n ≥ 0; 0 for n = 0), without overflow or underflow for any finite entries. Used in chapter 1.3.
 *
 * Entries are rescaled by a power of two near the largest magnitude before
 * squaring (exact), so 1e200 and 1e-200 entries give correct norms. A
 * non-finite entry throws RangeError: a gradient that became NaN or
 * Infinity is a bug to report, not a norm.
 */
export function euclideanNorm(v: Float64Array, n: number = v.length): number {
  requireIntegerInRange("n", n, 0, MAX_DIMENSION * MAX_DIMENSION);
  requireBuffer("v", v, n);
  let maxAbs: number = 0;
  for (let i = 0; i < n; i++) {
    const x: number = Math.abs(v[i]);
    if (!(x <= maxAbs)) {
      if (!Number.isFinite(x)) throw new RangeError(`v[${i}] must be a finite number, got ${describeValue(v[i])}`);
      maxAbs = x;
    }
  }
  if (maxAbs === 0) return 0;
  const e: number = Math.floor(Math.log2(maxAbs));
  // Scale by 2^{−e} in two steps (2^{±1074} alone is not representable).
  const half: number = Math.trunc(-e / 2);
  const f1: number = 2 ** half;
  const f2: number = 2 ** (-e - half);
  let sum: number = 0;
  for (let i = 0; i < n; i++) {
    const u: number = v[i] * f1 * f2;
    sum += u * u;
  }
  return Math.sqrt(sum) * 2 ** Math.trunc(e / 2) * 2 ** (e - Math.trunc(e / 2));
}
