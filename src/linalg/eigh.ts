// Symmetric eigendecomposition: Householder tridiagonalisation, then implicit QL on the tridiagonal matrix.
// References: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §8.3.1 (Householder
// tridiagonalisation), §5.1.2–5.1.3 (Householder vectors), §5.1.6–5.1.7 (WY representation, block accumulation);
// LAPACK dsytd2/dorgtr for the conventions (H = I − τvvᵀ, v₀ = 1).
import {accumulateReflectors, householderVector} from "./householder.js";
import {assertFiniteMatrix, assertSquare, matrix, transpose} from "./matrix.js";
import type {Matrix} from "./matrix.js";
import {assertSymmetric, symmetricLower} from "./symmetry.js";
import {tridiagonalEigen} from "./tridiagonal.js";

/** Options for `eigh`. */
export interface EighOptions {
  /** Whether to compute eigenvectors (default true). Without them the cost drops from about 9n³ to (4/3)n³ flops. */
  vectors?: boolean;
}

/** The eigendecomposition A = V diag(values) Vᵀ of a symmetric matrix. */
export interface SymmetricEigen {
  /** Eigenvalues in ascending order. */
  values: Float64Array;
  /** n×n orthogonal matrix whose column j is a unit eigenvector for values[j]. */
  vectors: Matrix;
}

/**
 * Eigenvalues (ascending) and eigenvectors (column j of `vectors` belongs to `values[j]`) of a real symmetric matrix.
 *
 * A is reduced to tridiagonal form T = QᵀAQ by Householder reflections (the trailing rank-2 update of each step is
 * fused with the symmetric matrix–vector product of the next, so the working triangle is streamed once per step);
 * Qᵀ is formed from the reflectors in blocks of 32 with the compact WY representation and matrix products; the
 * implicit QL iteration of `tridiagonalEigen` then rotates the rows of Qᵀ into eigenvectors. The result is
 * backward stable: ‖A − VΛVᵀ‖ and ‖VᵀV − I‖ are O(nε‖A‖) and O(nε). The same input always gives bit-identical output.
 *
 * Throws if A is not square, has a non-finite entry, or is not symmetric to a relative tolerance of 1e-10
 * (the average (A + Aᵀ)/2 is used).
 */
export function eigh(A: Matrix, options?: {vectors?: true}): SymmetricEigen;
export function eigh(A: Matrix, options: {vectors: false}): {values: Float64Array; vectors: null};
export function eigh(A: Matrix, options?: EighOptions): {values: Float64Array; vectors: Matrix | null};
export function eigh(A: Matrix, {vectors = true}: EighOptions = {}): {values: Float64Array; vectors: Matrix | null} {
  assertSquare(A, "eigh");
  assertFiniteMatrix(A, "eigh");
  assertSymmetric(A, "eigh");
  const n = A.rows;
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  const reflectors = vectors ? new Float64Array(n * n) : null;
  const tau = new Float64Array(n);
  tridiagonalize(n, symmetricLower(A), d, e, reflectors, tau);
  if (reflectors === null) return {values: shiftedTridiagonalEigen(d, e), vectors: null};
  const basis = accumulateReflectors(n, n, reflectors, tau, n - 2, 1); // Qᵀ = H_{n−3} ⋯ H₀
  const values = shiftedTridiagonalEigen(d, e, basis);
  return {values, vectors: transpose(basis)};
}

/** Eigenvalues of a symmetric matrix with a band of rows of its eigenvector matrix (see `eighRows`). */
export interface SymmetricEigenRows {
  /** Eigenvalues in ascending order. */
  values: Float64Array;
  /** (to − from)×n: rows from … to − 1 of the eigenvector matrix, so column j holds those coordinates of eigenvector j. */
  rows: Matrix;
}

/**
 * Eigenvalues (ascending) of a symmetric matrix and coordinates from … to − 1 of every eigenvector, i.e. rows
 * from … to − 1 of the `vectors` that `eigh` would return, at a cost of (4/3)n³ + O(n²(to − from)) flops instead
 * of about 9n³. Since plane rotations act on the rows of the basis independently of its columns, the QL iteration
 * is run on only the wanted columns of Qᵀ. Used for cheap residual estimates in Lanczos methods (`topEigen`).
 * Same checks as `eigh`; requires 0 ≤ from ≤ to ≤ n.
 */
export function eighRows(A: Matrix, from: number, to: number): SymmetricEigenRows {
  assertSquare(A, "eighRows");
  assertFiniteMatrix(A, "eighRows");
  assertSymmetric(A, "eighRows");
  const n = A.rows;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > n) {
    throw new Error(`eighRows: invalid row range ${from} … ${to} for ${n}×${n}`);
  }
  const b = to - from;
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  const reflectors = new Float64Array(n * n);
  const tau = new Float64Array(n);
  tridiagonalize(n, symmetricLower(A), d, e, reflectors, tau);
  // Rows from … to − 1 of Q = H₀H₁⋯H_{n−3}: R ← R·H_k for k ascending, starting from those rows of I.
  const R = matrix(b, n);
  const r = R.data;
  for (let t = 0; t < b; ++t) r[t * n + from + t] = 1;
  for (let k = 0; k < n - 2; ++k) {
    const t = tau[k];
    if (t === 0) continue;
    const v = k * n;
    for (let row = 0; row < b; ++row) {
      const o = row * n;
      let s = 0;
      for (let j = k + 1; j < n; ++j) s += r[o + j] * reflectors[v + j];
      s *= t;
      for (let j = k + 1; j < n; ++j) r[o + j] -= s * reflectors[v + j];
    }
  }
  const basis = transpose(R); // the wanted columns of Qᵀ
  const values = shiftedTridiagonalEigen(d, e, basis);
  return {values, rows: transpose(basis)};
}

// tridiagonalEigen on T + σI, then λ − σ, with σ the power of two at or above 2·max_i(|d_i| + |e_{i−1}| + |e_i|).
// Every shifted eigenvalue then lies in [σ/2, 3σ/2], so the relative deflation test of the QL iteration acts at the
// scale of ‖T‖ (the accuracy the Householder reduction delivers, backward error O(nε‖A‖)) rather than resolving
// eigenvalues at rounding level, such as the null space of a Gram matrix, to full relative accuracy, which takes
// many extra sweeps. Unshifting is exact (Sterbenz), and eigenvectors are unchanged by the shift.
function shiftedTridiagonalEigen(d: Float64Array, e: Float64Array, basis?: Matrix): Float64Array {
  const n = d.length;
  let bound = 0;
  for (let i = 0; i < n; ++i) {
    const radius = Math.abs(d[i]) + (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0);
    if (radius > bound) bound = radius;
  }
  if (bound === 0) return tridiagonalEigen(d, e, basis);
  const sigma = 2 ** Math.ceil(Math.log2(2 * bound));
  const values = tridiagonalEigen(
    d.map((x) => x + sigma),
    e,
    basis
  );
  for (let i = 0; i < n; ++i) values[i] -= sigma;
  return values;
}

// Householder tridiagonalisation of the symmetric matrix whose lower triangle is in `a` (row-major n×n, overwritten).
// Step k chooses H_k = I − τ_k v_k v_kᵀ (v_k[k+1] = 1, v_k zero above) so that H_k annihilates a[k+2..n−1][k], and
// updates the trailing block by A₂₂ ← A₂₂ − v wᵀ − w vᵀ with p = τA₂₂v, w = p − (τ/2)(pᵀv)v (GVL Algorithm 8.3.1).
// The update of step k is applied lazily, during the sweep of step k + 1 that computes A₂₂v, so each step reads and
// writes the lower triangle once. Row k of `reflectors` receives v_k (when not null); tau[k] receives τ_k.
function tridiagonalize(
  n: number,
  a: Float64Array,
  d: Float64Array,
  e: Float64Array,
  reflectors: Float64Array | null,
  tau: Float64Array
): void {
  let v = new Float64Array(n); // current Householder vector
  let w = new Float64Array(n); // current update vector (p, then w)
  let vp = new Float64Array(n); // pending update from the previous step: A₂₂ −= vp wpᵀ + wp vpᵀ
  let wp = new Float64Array(n);
  const reflection = new Float64Array(2);
  let k = 0;
  for (; k < n - 2; ++k) {
    // Bring column k (rows k..n−1) up to date.
    for (let i = k; i < n; ++i) a[i * n + k] -= vp[i] * wp[k] + wp[i] * vp[k];
    d[k] = a[k * n + k];

    // Householder vector for x = a[k+1..n−1][k] (written over x below its first entry).
    householderVector(a, (k + 1) * n + k, n, n - k - 1, reflection);
    const t = reflection[0];
    e[k] = reflection[1];
    v[k + 1] = 1;
    for (let i = k + 2; i < n; ++i) v[i] = t === 0 ? 0 : a[i * n + k];
    tau[k] = t;
    if (reflectors !== null) reflectors.set(v.subarray(k + 1, n), k * n + k + 1);

    // One sweep over the trailing lower triangle: apply the pending update and accumulate w = A₂₂v.
    w.fill(0, k + 1, n);
    sweep(n, a, k + 1, v, w, vp, wp);

    // w = τp − (τ²/2)(pᵀv)v; it becomes the pending update together with v.
    let pv = 0;
    for (let i = k + 1; i < n; ++i) {
      w[i] *= t;
      pv += w[i] * v[i];
    }
    const c = 0.5 * t * pv;
    for (let i = k + 1; i < n; ++i) w[i] -= c * v[i];
    [vp, v] = [v, vp];
    [wp, w] = [w, wp];
  }
  // The last (at most 2×2) block: apply the pending update and read off d and e.
  for (let i = k; i < n; ++i) {
    for (let j = k; j <= i; ++j) a[i * n + j] -= vp[i] * wp[j] + wp[i] * vp[j];
    d[i] = a[i * n + i];
  }
  if (n >= 2) e[n - 2] = a[(n - 1) * n + n - 2];
}

// For rows i ≥ j ≥ lo of the lower triangle: a_ij ← a_ij − vp_i wp_j − wp_i vp_j, and w ← w + A v over the
// updated symmetric block (w_j += a_ij v_i for j < i; w_i += Σ_j≤i a_ij v_j). Rows are taken four at a time so
// that each load of vp_j, wp_j, v_j and w_j serves four entries.
function sweep(
  n: number,
  a: Float64Array,
  lo: number,
  v: Float64Array,
  w: Float64Array,
  vp: Float64Array,
  wp: Float64Array
): void {
  let i = lo;
  for (; i + 3 < n; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    const v0 = v[i];
    const v1 = v[i + 1];
    const v2 = v[i + 2];
    const v3 = v[i + 3];
    const p0 = vp[i];
    const p1 = vp[i + 1];
    const p2 = vp[i + 2];
    const p3 = vp[i + 3];
    const q0 = wp[i];
    const q1 = wp[i + 1];
    const q2 = wp[i + 2];
    const q3 = wp[i + 3];
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = lo; j < i; ++j) {
      const vpj = vp[j];
      const wpj = wp[j];
      const vj = v[j];
      const x0 = a[r0 + j] - p0 * wpj - q0 * vpj;
      const x1 = a[r1 + j] - p1 * wpj - q1 * vpj;
      const x2 = a[r2 + j] - p2 * wpj - q2 * vpj;
      const x3 = a[r3 + j] - p3 * wpj - q3 * vpj;
      a[r0 + j] = x0;
      a[r1 + j] = x1;
      a[r2 + j] = x2;
      a[r3 + j] = x3;
      s0 += x0 * vj;
      s1 += x1 * vj;
      s2 += x2 * vj;
      s3 += x3 * vj;
      w[j] += x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
    }
    w[i] += s0;
    w[i + 1] += s1;
    w[i + 2] += s2;
    w[i + 3] += s3;
    // The 4×4 diagonal block.
    for (let t = i; t < i + 4; ++t) triangleRow(n, a, t, i, v, w, vp, wp);
  }
  for (; i < n; ++i) triangleRow(n, a, i, lo, v, w, vp, wp);
}

// Row i of `sweep` for columns from..i (from ≤ i), one entry at a time.
function triangleRow(
  n: number,
  a: Float64Array,
  i: number,
  from: number,
  v: Float64Array,
  w: Float64Array,
  vp: Float64Array,
  wp: Float64Array
): void {
  const r = i * n;
  const vi = v[i];
  const vpi = vp[i];
  const wpi = wp[i];
  let s = 0;
  for (let j = from; j < i; ++j) {
    const x = a[r + j] - vpi * wp[j] - wpi * vp[j];
    a[r + j] = x;
    s += x * v[j];
    w[j] += x * vi;
  }
  const x = a[r + i] - 2 * vpi * wpi;
  a[r + i] = x;
  w[i] += s + x * vi;
}
