// Singular values of long matrix products A_k ··· A_2 A_1 (Jacobian chains
// through depth or time), for every k, in log space.
//
// Two things go wrong with the obvious approach (multiply, rescale by a
// scalar, take the SVD). The product's singular values spread apart
// geometrically, e.g. σ₁/σ_d ~ 10^(−700) after 1000 steps, so (1) they leave
// the range of doubles, and (2) any representation with ONE scale factor
// keeps only the ~16 leading digits of the largest direction: every σ_i
// below 1e-16·σ₁ becomes rounding noise.
//
// Here the product P_k is kept as P_k·V_k = G_k with V_k orthogonal (never
// formed) and G_k's columns mutually orthogonal, so σ_i(P_k) = ‖g_i‖. Each
// column is stored with its own binary exponent, g_i = 2^{e_i}·b_i with
// max|b_i| ~ 1. One step multiplies every column by A (exact in the scaled
// representation, g_i ↦ 2^{e_i}·(A b_i)) and re-orthogonalises the columns
// with one-sided Jacobi rotations whose angles are computed from the
// exponents and mantissas, never from the (unrepresentable) products.
//
// Why the small singular values stay accurate: rounding perturbs each
// column relative to ITS OWN size, and a rotation between a large column p
// and a much smaller column q only subtracts from q its projection on p
// (relative to q's own scale) and changes p by a relative (σ_q/σ_p)²,
// i.e. not at all. This is the column-scaled setting in which Demmel &
// Veselić (1992) proved one-sided Jacobi relatively accurate, and the
// mechanism that makes the continuous QR method stable for Lyapunov
// exponents (Dieci & Van Vleck): a direction's error is never multiplied by
// a faster-growing direction's growth, because the re-orthogonalisation
// removes that component at every step. The tests compare every σ_i at
// depth 1000, with σ_d/σ₁ down to 1e-2700, against exterior-power
// (compound-matrix) products, which carry each σ₁···σ_i as their LEADING
// singular value.
//
// Cost per step, for d×d factors: d³ multiply–adds for A·B, about d³ for
// the re-orthogonalisation (block Gram–Schmidt plus Jacobi inside clusters
// of similar sizes, see orthogonalize) and d³/2 for the final check;
// V_k is not accumulated.

import { exponentOf, ldexp } from "./linalg";
import { describeValue, requireIntegerInRange } from "./validate";

/** Largest dimension d of the square factors a ProductSpectrum accepts: 64. Used in chapter 1.2. */
export const MAX_PRODUCT_DIM: number = 64;

const EPS: number = Number.EPSILON;
// log₁₀2, to turn binary exponents into decimal ones (Math has no such constant).
const LOG10_2: number = Math.log10(2);
// Jacobi inside one cluster converges quadratically; the first step (a full
// SVD of A₁, all columns one cluster) takes up to ~10 sweeps for d = 64.
// The cap only guards against a livelock.
const MAX_SWEEPS: number = 60;
// Rounds of the whole re-orthogonalisation per step; one nearly always
// suffices (see orthogonalize).
const MAX_ROUNDS: number = 8;
// 2^-k for k = 0 … POW2_RANGE (subnormal from k = 1023 on), to avoid a
// Math.pow in every rotation.
const POW2_RANGE: number = 1074;
const POW2_NEG: Float64Array = Float64Array.from({ length: POW2_RANGE + 1 }, (_, k) => ldexp(1, -k));
// 2^k for an integer k, by table lookup when |k| ≤ POW2_RANGE.
function pow2(k: number): number {
  if (k <= 0) return k >= -POW2_RANGE ? POW2_NEG[-k] : 0;
  return k <= POW2_RANGE ? 1 / POW2_NEG[k] : Infinity;
}
// (σ_small/σ_big)² below which a rotation leaves the larger column unchanged
// to within 2^-60 of itself (a sixteenth of an ulp) and reduces to a
// Gram–Schmidt projection of the smaller one.
const NEGLIGIBLE_RATIO2: number = 2 ** -60;
// A sweep whose rotations all started from cos² ≤ 2^-60 ends the Jacobi
// iteration inside a cluster (see jacobiRange).
const CONVERGED_COS2: number = 2 ** -60;
// A step is accepted when every pair of columns has |cos∠| ≤ 2^-40 ≈ 9e-13.
// Rotations themselves aim at d·ε, but Jacobi inside a cluster of nearly
// dependent columns amplifies the rounding-level cosines of those columns
// with larger ones (to ~1e-14 in practice), and insisting on d·ε would
// redo the whole step for nothing: non-orthogonality c moves no read-out
// σ_i by more than a relative (d − 1)·c/2 (Demmel–Veselić: GᵀG = D(I + E)D,
// |E_ij| ≤ c), i.e. ≤ 3e-11 for d = 64, and it does not accumulate, since
// the state is P·V with V orthogonal by construction whatever c is.
const ACCEPT_COS: number = 2 ** -40;
// Columns whose sizes differ by fewer than 26 bits, (σ_q/σ_p)² > 2^-52 = ε,
// belong to one cluster: a rotation between them moves the larger one by
// more than rounding.
const CLUSTER_BITS: number = 26;
// Factors whose largest entry lies outside [2^-100, 2^100] are scaled by a
// power of two before they are applied.
const FACTOR_LOW: number = 2 ** -100;
const FACTOR_HIGH: number = 2 ** 100;
// Mantissa columns are renormalised when their squared norm leaves
// [2^-200, 2^200]; in between, squares and products of entries stay normal.
const RENORM_LOW: number = 2 ** -200;
const RENORM_HIGH: number = 2 ** 200;

/**
 * Tracks all singular values of the running product P_k = A_k···A_1 of d×d matrices (d ≤ 64) in log space, with relative accuracy also for the smallest ones. Used in chapter 1.2.
 *
 * Usage: `const p = new ProductSpectrum(d)`; then for each factor
 * `p.multiplyLeft(a)` (a: row-major Float64Array of d² finite entries) and
 * `p.log10SingularValues(out, offset)` writes log₁₀σ₁ ≥ … ≥ log₁₀σ_d of the
 * current product. Accuracy: each log₁₀σ_i to ~1e-13 of its magnitude plus
 * the conditioning of the factors (≤ 2e-10 absolute at depth 1000 on the
 * tested random cases), independently of σ_i/σ₁. A factor that is exactly
 * singular leaves columns that are exactly zero (log₁₀σ = −Infinity) or,
 * more often, rounding noise at ~1e-16 relative to the column it was
 * cancelled from; −Infinity never appears unless some factor is singular
 * to within ~1e-290 of its norm.
 */
export class ProductSpectrum {
  /** The dimension d of the factors. Used in chapter 1.2. */
  readonly dim: number;
  // Column-major mantissas: column i is mant[i·d … i·d + d).
  private mant: Float64Array;
  // The buffer the next product is written into (swapped with mant).
  private spare: Float64Array;
  // Binary exponent of each column; can reach ±10⁶ after 10⁴ steps, so
  // stored as doubles (exact integers) rather than Int32.
  private readonly exps: Float64Array;
  private readonly order: Int32Array;
  private readonly logs: Float64Array;
  private readonly norms: Float64Array;
  private readonly factor: Float64Array;
  // Scratch space for projectLater.
  private readonly before: Float64Array;
  private readonly beforeExp: Float64Array;
  private readonly fast: Int32Array;
  private readonly coefs: Float64Array;
  private readonly keys: Float64Array;
  private stepCount: number = 0;
  private sweepCount: number = 0;

  /** Starts from the empty product P_0 = I (all σ = 1) of d×d factors, 1 ≤ d ≤ 64; throws RangeError otherwise. Used in chapter 1.2. */
  constructor(dim: number) {
    requireIntegerInRange("dim", dim, 1, MAX_PRODUCT_DIM);
    this.dim = dim;
    this.mant = new Float64Array(dim * dim);
    for (let i = 0; i < dim; i++) this.mant[i * dim + i] = 1;
    this.exps = new Float64Array(dim);
    this.spare = new Float64Array(dim * dim);
    this.order = new Int32Array(dim);
    this.logs = new Float64Array(dim);
    this.norms = new Float64Array(dim).fill(1);
    this.factor = new Float64Array(dim * dim);
    this.before = new Float64Array(dim);
    this.beforeExp = new Float64Array(dim);
    this.fast = new Int32Array(dim);
    this.coefs = new Float64Array(4);
    this.keys = new Float64Array(dim);
  }

  /** Number of factors multiplied in so far (k in P_k). Used in chapter 1.2. */
  get steps(): number {
    return this.stepCount;
  }

  /** Total Jacobi sweeps so far, over all clusters and steps (for cost reports). Used in chapter 1.2. */
  get sweeps(): number {
    return this.sweepCount;
  }

  /**
   * P ← A·P for a d×d factor A given row-major (a[i·d + j] = A_ij); throws RangeError for a wrong length or a non-finite entry. Used in chapter 1.2.
   */
  multiplyLeft(a: Float64Array): void {
    const d: number = this.dim;
    if (!(a instanceof Float64Array) || a.length !== d * d) {
      throw new RangeError(`factor must be a Float64Array of ${d * d} entries (row-major ${d}×${d}), got ${describeValue(a)}`);
    }
    let maxAbs: number = 0;
    for (let i = 0; i < d * d; i++) {
      const x: number = Math.abs(a[i]);
      if (!(x <= Number.MAX_VALUE)) throw new RangeError(`factor[${i}] must be a finite number, got ${describeValue(a[i])}`);
      if (x > maxAbs) maxAbs = x;
    }
    // Columns are not renormalised here: their mantissas may drift by up to
    // 2^±100 before refreshNorms rescales them. A factor with entries
    // outside [2^-100, 2^100] is scaled by a power of two first, so a
    // product A·b can neither overflow nor reach the subnormal range.
    let f: Float64Array = a;
    let shift: number = 0;
    if (maxAbs !== 0 && (maxAbs > FACTOR_HIGH || maxAbs < FACTOR_LOW)) {
      shift = exponentOf(maxAbs);
      f = this.factor;
      for (let i = 0; i < d * d; i++) f[i] = ldexp(a[i], -shift);
    }
    // next = f·mant, four columns at a time so that each entry of f is
    // loaded once per four multiply–adds (about 1.7× faster in V8 than one
    // column at a time); then the buffers swap.
    const mant: Float64Array = this.mant;
    const next: Float64Array = this.spare;
    let c: number = 0;
    for (; c + 3 < d; c += 4) {
      const o1: number = c * d;
      const o2: number = o1 + d;
      const o3: number = o2 + d;
      const o4: number = o3 + d;
      for (let i = 0; i < d; i++) {
        let s1: number = 0;
        let s2: number = 0;
        let s3: number = 0;
        let s4: number = 0;
        const ro: number = i * d;
        for (let k = 0; k < d; k++) {
          const x: number = f[ro + k];
          s1 += x * mant[o1 + k];
          s2 += x * mant[o2 + k];
          s3 += x * mant[o3 + k];
          s4 += x * mant[o4 + k];
        }
        next[o1 + i] = s1;
        next[o2 + i] = s2;
        next[o3 + i] = s3;
        next[o4 + i] = s4;
      }
    }
    for (; c < d; c++) {
      const o: number = c * d;
      for (let i = 0; i < d; i++) {
        let s1: number = 0;
        const ro: number = i * d;
        for (let k = 0; k < d; k++) s1 += f[ro + k] * mant[o + k];
        next[o + i] = s1;
      }
    }
    this.spare = mant;
    this.mant = next;
    if (shift !== 0) for (let j = 0; j < d; j++) this.exps[j] += shift;
    this.stepCount++;
    this.orthogonalize();
  }

  // Rescales column c's mantissa by a power of two (exact) so its largest
  // entry lies in [1, 2), moving the factor into the exponent.
  private renormalize(c: number): void {
    const d: number = this.dim;
    const off: number = c * d;
    let m: number = 0;
    for (let i = 0; i < d; i++) {
      const x: number = Math.abs(this.mant[off + i]);
      if (x > m) m = x;
    }
    if (m === 0) return;
    const k: number = exponentOf(m);
    if (k === 0) return;
    if (k > -1000 && k < 1000) {
      const f: number = 2 ** -k;
      for (let i = 0; i < d; i++) this.mant[off + i] *= f;
    } else {
      for (let i = 0; i < d; i++) this.mant[off + i] = ldexp(this.mant[off + i], -k);
    }
    this.exps[c] += k;
  }

  // Re-orthogonalises the columns after a step: afterwards every pair has
  // |cos∠| ≤ ACCEPT_COS, and nearly always ≤ ~10·d·ε.
  //
  // Plain cyclic Jacobi would need 4–8 sweeps per step here, because the
  // sizes come in clusters (a complex pair of eigenvalues of W gives two
  // singular values that never separate) and every rotation inside a cluster
  // disturbs the orthogonality of all smaller columns again. Instead:
  // sort the columns by size, cut them into clusters wherever two
  // neighbours differ by more than CLUSTER_BITS, and go through the
  // clusters from the largest: run Jacobi inside the cluster to convergence,
  // then rotate every smaller column against each column of the cluster.
  // Those rotations change the cluster's columns only by a relative
  // (σ_small/σ_big)² < ε, i.e. not at all, and make the smaller column
  // orthogonal to the cluster: block modified Gram–Schmidt, costing about
  // d³/2 multiply–adds. A final check of all pairs (d³/2) guards the
  // result; if it fails (e.g. a cluster shrank below a later column by
  // cancellation), the procedure runs again.
  private orthogonalize(): void {
    const d: number = this.dim;
    const order: Int32Array = this.order;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      this.refreshNorms();
      for (let i = 0; i < d; i++) order[i] = i;
      let start: number = 0;
      while (start < d) {
        this.sortRange(start);
        if (this.keys[order[start]] === -Infinity) break; // only zero columns left
        let end: number = start + 1;
        while (end < d && this.keys[order[end - 1]] - this.keys[order[end]] < CLUSTER_BITS) end++;
        this.jacobiRange(start, end);
        this.projectLater(start, end);
        start = end;
      }
      if (this.allOrthogonal()) return;
    }
  }

  // Squared mantissa norms and log₂ sizes of all columns, renormalising any
  // column whose mantissa drifted far from 1.
  private refreshNorms(): void {
    const d: number = this.dim;
    const mant: Float64Array = this.mant;
    for (let c = 0; c < d; c++) {
      const off: number = c * d;
      let a: number = 0;
      for (let k = 0; k < d; k++) a += mant[off + k] * mant[off + k];
      if (a !== 0 && (a < RENORM_LOW || a > RENORM_HIGH)) {
        this.renormalize(c);
        a = 0;
        for (let k = 0; k < d; k++) a += mant[off + k] * mant[off + k];
      }
      this.norms[c] = a;
      this.keys[c] = a === 0 ? -Infinity : this.exps[c] + 0.5 * Math.log2(a);
    }
  }

  // Sorts order[start … d) by current size, largest first.
  private sortRange(start: number): void {
    const d: number = this.dim;
    const order: Int32Array = this.order;
    const keys: Float64Array = this.keys;
    for (let i = start; i < d; i++) {
      const c: number = order[i];
      const a: number = this.norms[c];
      keys[c] = a === 0 ? -Infinity : this.exps[c] + 0.5 * Math.log2(a);
    }
    for (let i = start + 1; i < d; i++) {
      const oi: number = order[i];
      const v: number = keys[oi];
      let j: number = i - 1;
      while (j >= start && keys[order[j]] < v) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = oi;
    }
  }

  // Cyclic one-sided Jacobi on the columns order[start … end). Convergence
  // is quadratic, so once every rotation of a sweep started from |cos∠| ≤
  // 2^-30 the next sweep would only meet cosines at rounding level; it is
  // skipped (allOrthogonal still checks the result). Two columns are
  // orthogonal after their one rotation.
  private jacobiRange(start: number, end: number): void {
    if (end - start < 2) return;
    const order: Int32Array = this.order;
    for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      this.sweepCount++;
      let maxCos2: number = 0;
      for (let pi = start; pi < end - 1; pi++) {
        for (let qi = pi + 1; qi < end; qi++) {
          const cos2: number = this.rotatePair(order[pi], order[qi]);
          if (cos2 > maxCos2) maxCos2 = cos2;
        }
      }
      if (end - start === 2 || maxCos2 <= CONVERGED_COS2) return;
    }
  }

  // True when every pair of non-zero columns has |cos∠| ≤ ACCEPT_COS
  // (dot products four at a time, as in multiplyLeft).
  private allOrthogonal(): boolean {
    const d: number = this.dim;
    const mant: Float64Array = this.mant;
    const norms: Float64Array = this.norms;
    const tol2: number = ACCEPT_COS * ACCEPT_COS;
    for (let p = 0; p < d - 1; p++) {
      const a: number = norms[p];
      if (a === 0) continue;
      const op: number = p * d;
      let q: number = p + 1;
      for (; q + 3 < d; q += 4) {
        const o1: number = q * d;
        const o2: number = o1 + d;
        const o3: number = o2 + d;
        const o4: number = o3 + d;
        let g1: number = 0;
        let g2: number = 0;
        let g3: number = 0;
        let g4: number = 0;
        for (let k = 0; k < d; k++) {
          const x: number = mant[op + k];
          g1 += x * mant[o1 + k];
          g2 += x * mant[o2 + k];
          g3 += x * mant[o3 + k];
          g4 += x * mant[o4 + k];
        }
        // A zero column has g = 0 and norm 0, so 0 > 0 is false: no failure.
        if (g1 * g1 > tol2 * a * norms[q] || g2 * g2 > tol2 * a * norms[q + 1]) return false;
        if (g3 * g3 > tol2 * a * norms[q + 2] || g4 * g4 > tol2 * a * norms[q + 3]) return false;
      }
      for (; q < d; q++) {
        const oq: number = q * d;
        let g: number = 0;
        for (let k = 0; k < d; k++) g += mant[op + k] * mant[oq + k];
        if (g * g > tol2 * a * norms[q]) return false;
      }
    }
    return true;
  }

  // Makes every column order[end … d) orthogonal to each column of the
  // cluster order[start … end): modified Gram–Schmidt, cluster column by
  // cluster column. Pairs whose sizes are far apart (nearly all) take the
  // Gram–Schmidt fast path of rotatePair, four columns at a time so that
  // each entry of the cluster column is loaded once per four multiply–adds;
  // the rest get a full rotatePair. Columns that lost more than half of
  // their length are projected once more (see projectAgainst).
  private projectLater(start: number, end: number): void {
    const d: number = this.dim;
    if (end >= d) return;
    const order: Int32Array = this.order;
    const norms: Float64Array = this.norms;
    const exps: Float64Array = this.exps;
    const before: Float64Array = this.before;
    const beforeExp: Float64Array = this.beforeExp;
    const fast: Int32Array = this.fast;
    const coefs: Float64Array = this.coefs;
    const tol2: number = (Math.max(d, 4) * EPS) ** 2;
    for (let qi = end; qi < d; qi++) {
      const q: number = order[qi];
      before[q] = norms[q];
      beforeExp[q] = exps[q];
    }
    for (let pi = start; pi < end; pi++) {
      const p: number = order[pi];
      let nf: number = 0;
      for (let qi = end; qi < d; qi++) {
        const q: number = order[qi];
        const a: number = norms[p];
        const b: number = norms[q];
        if (a === 0 || b === 0) continue;
        const delta: number = exps[q] - exps[p];
        const h: number = delta > 0 ? 1 : delta < -POW2_RANGE ? 0 : POW2_NEG[-delta];
        if (delta <= 0 && h * h * b < a * NEGLIGIBLE_RATIO2) fast[nf++] = q;
        else this.rotatePair(p, q);
      }
      const a: number = norms[p];
      if (a === 0 || nf === 0) continue;
      const mant: Float64Array = this.mant;
      const op: number = p * d;
      let j: number = 0;
      for (; j + 3 < nf; j += 4) {
        const o1: number = fast[j] * d;
        const o2: number = fast[j + 1] * d;
        const o3: number = fast[j + 2] * d;
        const o4: number = fast[j + 3] * d;
        let g1: number = 0;
        let g2: number = 0;
        let g3: number = 0;
        let g4: number = 0;
        for (let k = 0; k < d; k++) {
          const x: number = mant[op + k];
          g1 += x * mant[o1 + k];
          g2 += x * mant[o2 + k];
          g3 += x * mant[o3 + k];
          g4 += x * mant[o4 + k];
        }
        coefs[0] = g1;
        coefs[1] = g2;
        coefs[2] = g3;
        coefs[3] = g4;
        for (let r = 0; r < 4; r++) {
          const g: number = coefs[r];
          const q: number = fast[j + r];
          const b: number = norms[q];
          const gg: number = g * g;
          if (gg <= tol2 * a * b) {
            coefs[r] = 0; // already orthogonal: y + 0·x = y exactly
          } else {
            coefs[r] = -g / a;
            const cut: number = gg / a;
            // As in rotatePair: b − g²/a while at most half of b goes;
            // NaN marks a norm to be summed after the update.
            norms[q] = cut <= 0.5 * b ? b - cut : Number.NaN;
          }
        }
        const c1: number = coefs[0];
        const c2: number = coefs[1];
        const c3: number = coefs[2];
        const c4: number = coefs[3];
        for (let k = 0; k < d; k++) {
          const x: number = mant[op + k];
          mant[o1 + k] += c1 * x;
          mant[o2 + k] += c2 * x;
          mant[o3 + k] += c3 * x;
          mant[o4 + k] += c4 * x;
        }
        for (let r = 0; r < 4; r++) if (Number.isNaN(norms[fast[j + r]])) this.sumNorm(fast[j + r]);
      }
      for (; j < nf; j++) {
        const q: number = fast[j];
        const oq: number = q * d;
        const b: number = norms[q];
        let g: number = 0;
        for (let k = 0; k < d; k++) g += mant[op + k] * mant[oq + k];
        const gg: number = g * g;
        if (gg <= tol2 * a * b) continue;
        const coef: number = -g / a;
        for (let k = 0; k < d; k++) mant[oq + k] += coef * mant[op + k];
        const cut: number = gg / a;
        if (cut <= 0.5 * b) norms[q] = b - cut;
        else this.sumNorm(q);
      }
    }
    for (let qi = end; qi < d; qi++) {
      const q: number = order[qi];
      const b0: number = before[q];
      if (b0 !== 0 && norms[q] * pow2(2 * (exps[q] - beforeExp[q])) < 0.25 * b0) this.projectAgainst(q, start, end);
    }
  }

  // norms[q] ← ‖mantissa q‖², summed, after renormalising q if it became tiny.
  private sumNorm(q: number): void {
    const d: number = this.dim;
    const mant: Float64Array = this.mant;
    const oq: number = q * d;
    let nb: number = 0;
    for (let k = 0; k < d; k++) nb += mant[oq + k] * mant[oq + k];
    if (nb !== 0 && nb < RENORM_LOW) {
      this.renormalize(q);
      nb = 0;
      for (let k = 0; k < d; k++) nb += mant[oq + k] * mant[oq + k];
    }
    this.norms[q] = nb;
  }

  // Makes column q orthogonal to the (smaller-indexed, larger) columns
  // order[start … end) by one rotation each. Nearly always the sizes are far
  // apart and the rotation is a Gram–Schmidt step, done inline here (this
  // loop is half of the total work); otherwise rotatePair does the full
  // rotation. If the projections cancelled more than half of q, its
  // rounding errors are now large relative to what is left, so it is
  // projected once more ("twice is enough", Kahan–Parlett).
  private projectAgainst(q: number, start: number, end: number): void {
    const d: number = this.dim;
    const order: Int32Array = this.order;
    const norms: Float64Array = this.norms;
    const exps: Float64Array = this.exps;
    const tol2: number = (Math.max(d, 4) * EPS) ** 2;
    const oq: number = q * d;
    for (let pass = 0; pass < 3; pass++) {
      const before: number = norms[q];
      const expBefore: number = exps[q];
      if (before === 0) return;
      for (let pi = start; pi < end; pi++) {
        const p: number = order[pi];
        const a: number = norms[p];
        const b: number = norms[q];
        const delta: number = exps[q] - exps[p];
        if (a === 0 || b === 0) continue;
        const h: number = delta > 0 ? 1 : delta < -POW2_RANGE ? 0 : POW2_NEG[-delta];
        if (delta > 0 || h * h * b >= a * NEGLIGIBLE_RATIO2) {
          this.rotatePair(p, q);
          continue;
        }
        // The fast path of rotatePair, inlined: see the comments there.
        const mant: Float64Array = this.mant;
        const op: number = p * d;
        let g: number = 0;
        for (let k = 0; k < d; k++) g += mant[op + k] * mant[oq + k];
        const g2: number = g * g;
        if (g2 <= tol2 * a * b) continue;
        const coef: number = -g / a;
        for (let k = 0; k < d; k++) mant[oq + k] += coef * mant[op + k];
        const cut: number = g2 / a;
        if (cut <= 0.5 * b) norms[q] = b - cut;
        else this.sumNorm(q);
      }
      if (norms[q] * pow2(2 * (exps[q] - expBefore)) >= 0.25 * before) return;
    }
  }

  // One Jacobi rotation making the true columns p and q orthogonal, computed
  // from mantissas and exponents only. Returns cos²∠ before the rotation, or
  // 0 if none was needed (|cos∠| ≤ d·ε or a zero column). Keeps norms[]
  // current.
  private rotatePair(p: number, q: number): number {
    const d: number = this.dim;
    const mant: Float64Array = this.mant;
    const exps: Float64Array = this.exps;
    const norms: Float64Array = this.norms;
    let a: number = norms[p];
    let b: number = norms[q];
    if (a === 0 || b === 0) return 0;
    let op: number = p * d;
    let oq: number = q * d;
    let g: number = 0;
    for (let k = 0; k < d; k++) g += mant[op + k] * mant[oq + k];
    // The cosine of the angle is scale-free (the exponents cancel); compare
    // its square, g²/(ab) ≤ (d·ε)², to avoid two square roots. With a, b in
    // [2^-200, 2^200] neither side leaves the normal range.
    const tol: number = Math.max(d, 4) * EPS;
    const g2: number = g * g;
    if (g2 <= tol * tol * a * b) return 0;
    // Name the columns so that `big` has the larger exponent: true columns
    // G_big = 2^E·x, G_small = 2^{E+δ}·y with δ ≤ 0.
    let big: number = p;
    let small: number = q;
    if (exps[q] > exps[p]) {
      big = q;
      small = p;
      op = q * d;
      oq = p * d;
      const t: number = a;
      a = b;
      b = t;
    }
    const delta: number = exps[small] - exps[big];
    // h = 2^δ ∈ (0, 1]; it underflows to 0 for δ < −1074, and every formula
    // below stays correct in that limit.
    const h: number = delta < -POW2_RANGE ? 0 : POW2_NEG[-delta];
    const h2b: number = h * h * b;
    let na: number = a;
    let nb: number = 0;
    if (h2b < a * NEGLIGIBLE_RATIO2) {
      // Sizes far apart, ρ = (σ_small/σ_big)² = h²b/a < 2^-60. The Jacobi
      // rotation below then has t² = h²g²/a² ≤ ρ, so c rounds to 1, τ equals
      // −g/a to a relative 2^-58, and G_big moves by less than ρ·|cos| of
      // itself: the rotation IS the Gram–Schmidt step y ← y − (g/a)·x,
      // done here without square roots.
      const coef: number = -g / a;
      for (let k = 0; k < d; k++) mant[oq + k] += coef * mant[op + k];
      // ‖y − (g/a)x‖² = b − g²/a (x·y = g, ‖x‖² = a); while that removes at
      // most half of b its relative rounding error is ≤ ~3ε. Beyond, sum.
      const cut: number = g2 / a;
      if (cut <= 0.5 * b) {
        nb = b - cut;
      } else {
        for (let k = 0; k < d; k++) nb += mant[oq + k] * mant[oq + k];
      }
    } else {
      // For the true columns α = 4^E·a, β = 4^{E+δ}·b, γ = 2^{2E+δ}·g, so
      // ζ = (β − α)/(2γ) = z/h with z = (h²b − a)/(2g). The rotation
      // t = tan θ (the smaller root of t² + 2ζt − 1 = 0) is written t = h·τ.
      const z: number = (h2b - a) / (2 * g);
      let tau: number;
      if (Math.abs(z) >= h) {
        // |ζ| ≥ 1: t = 1/(ζ(1 + √(1 + 1/ζ²))) = h/(z(1 + √(1 + (h/z)²))).
        const r: number = h / z;
        tau = 1 / (z * (1 + Math.sqrt(1 + r * r)));
      } else {
        // |ζ| < 1 forces |h²b − a| < 2h|g| ≤ 2h√(ab), so h is not tiny
        // (h ≳ √(a/b)/2 ≥ 2^-201) and ζ, t can be formed directly.
        const zeta: number = z / h;
        const t: number = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        tau = t / h;
      }
      const t: number = h * tau;
      const c: number = 1 / Math.sqrt(1 + t * t);
      // G_big' = c·G_big − s·G_small = 2^E·(c·x − c·τ·h²·y),
      // G_small' = s·G_big + c·G_small = 2^{E+δ}·(c·τ·x + c·y), with s = c·t.
      const cth2: number = c * tau * h * h;
      const ct: number = c * tau;
      for (let k = 0; k < d; k++) {
        const x: number = mant[op + k];
        const y: number = mant[oq + k];
        mant[op + k] = c * x - cth2 * y;
        mant[oq + k] = ct * x + c * y;
      }
      // The rotation moves tγ between the squared norms: α' = α − tγ and
      // β' = β + tγ (Rutishauser), i.e. a − h²τg and b + τg for the mantissas.
      // Exact in exact arithmetic; where either loses more than half (nearly
      // dependent columns) the norm is summed instead.
      na = a - h * h * tau * g;
      nb = b + tau * g;
      if (!(na >= 0.5 * a)) {
        na = 0;
        for (let k = 0; k < d; k++) na += mant[op + k] * mant[op + k];
      }
      if (!(nb >= 0.5 * b)) {
        nb = 0;
        for (let k = 0; k < d; k++) nb += mant[oq + k] * mant[oq + k];
      }
    }
    if (na < RENORM_LOW || nb < RENORM_LOW || na > RENORM_HIGH || nb > RENORM_HIGH) {
      // A column shrank by cancellation (a nearly dependent pair): restore
      // its scale so that later squares and products stay normal numbers.
      this.renormalize(big);
      this.renormalize(small);
      na = 0;
      nb = 0;
      for (let k = 0; k < d; k++) {
        na += mant[op + k] * mant[op + k];
        nb += mant[oq + k] * mant[oq + k];
      }
    }
    norms[big] = na;
    norms[small] = nb;
    return g2 / (a * b);
  }

  /**
   * Writes log₁₀ of the singular values of the current product, descending, into out[offset … offset + d). Used in chapter 1.2.
   *
   * σ_i = 2^{e_i}·‖b_i‖, so log₁₀σ_i = e_i·log₁₀2 + ½·log₁₀‖b_i‖²; an exactly
   * zero column gives −Infinity.
   */
  log10SingularValues(out: Float64Array, offset: number = 0): void {
    const d: number = this.dim;
    const logs: Float64Array = this.logs;
    // norms[] holds the current squared mantissa norms (kept up to date by
    // every rotation and renormalisation).
    for (let c = 0; c < d; c++) {
      const a: number = this.norms[c];
      logs[c] = a === 0 ? -Infinity : this.exps[c] * LOG10_2 + 0.5 * Math.log10(a);
    }
    const order: Int32Array = this.order;
    sortDescending(order, logs, d);
    for (let i = 0; i < d; i++) out[offset + i] = logs[order[i]];
  }
}

// order[0 … n) ← the indices 0 … n−1 sorted by keys[·] descending (stable
// insertion sort: n ≤ 64 and the order barely changes between calls).
function sortDescending(order: Int32Array, keys: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = 1; i < n; i++) {
    const oi: number = order[i];
    const v: number = keys[oi];
    let j: number = i - 1;
    while (j >= 0 && keys[order[j]] < v) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = oi;
  }
}
