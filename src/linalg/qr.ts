// Householder QR factorisation A = QR, thin or full, with R's diagonal made non-negative.
// Reference: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §5.2.2 (Householder QR,
// Algorithm 5.2.1) and §5.1.6 (backward accumulation of Q).
import {accumulateReflectors, householderVector} from "./householder.js";
import {assertFiniteMatrix, matrix, transpose} from "./matrix.js";
import type {Matrix} from "./matrix.js";

/** Options for `qr`. */
export interface QrOptions {
  /** Return the full m×m Q and m×n R instead of the thin m×p Q and p×n R, p = min(m, n). Default false. */
  full?: boolean;
}

/** A = QR with orthonormal columns in Q and R upper triangular (trapezoidal when m < n) with R_ii ≥ 0. */
export interface Qr {
  Q: Matrix;
  R: Matrix;
}

/**
 * The QR factorisation of an m×n matrix by Householder reflections. Thin by default: Q is m×p with orthonormal
 * columns and R is p×n, p = min(m, n); with `{full: true}` Q is m×m orthogonal and R is m×n. Signs are chosen so
 * that R_ii ≥ 0, which makes the factorisation unique when A has full column rank. Rank-deficient A is fine: Q is
 * still orthonormal (zero columns of A give R_ii = 0). Backward stable: ‖A − QR‖ and ‖QᵀQ − I‖ are O(mε‖A‖) and
 * O(mε). Throws on non-finite input.
 */
export function qr(A: Matrix, {full = false}: QrOptions = {}): Qr {
  assertFiniteMatrix(A, "qr");
  const {rows: m, cols: n} = A;
  const p = Math.min(m, n);
  // Work on Aᵀ, whose rows are the columns of A, so that every reflection runs along contiguous memory.
  const at = transpose(A).data; // n×m
  const vectors = new Float64Array(p * m); // row k: v_k on coordinates k … m − 1
  const tau = new Float64Array(p);
  const reflection = new Float64Array(2);
  const rRows = full ? m : p;
  const R = matrix(rRows, n);
  const r = R.data;
  for (let k = 0; k < p; ++k) {
    const rowK = k * m;
    householderVector(at, rowK + k, 1, m - k, reflection);
    const t = reflection[0];
    tau[k] = t;
    r[k * n + k] = reflection[1];
    at[rowK + k] = 1;
    vectors.set(at.subarray(rowK + k, rowK + m), k * m + k);
    // Apply H_k to the remaining columns j > k: a_j ← a_j − τ (vᵀa_j) v, four columns per pass over v (four
    // independent sums, each in the order of i).
    if (t !== 0) {
      let j = k + 1;
      for (; j + 3 < n; j += 4) reflectFour(at, rowK, j * m, m, k, t);
      for (; j < n; ++j) {
        const rowJ = j * m;
        let s = 0;
        for (let i = k; i < m; ++i) s += at[rowK + i] * at[rowJ + i];
        s *= t;
        for (let i = k; i < m; ++i) at[rowJ + i] -= s * at[rowK + i];
      }
    }
    for (let j = k + 1; j < n; ++j) r[k * n + j] = at[j * m + k];
  }
  const Qt = accumulateReflectors(full ? m : p, m, vectors, tau, p, 0); // rows of Qᵀ
  // Make R's diagonal non-negative: flip row i of R and row i of Qᵀ together (A = (QD)(DR), D = diag(±1)).
  const qt = Qt.data;
  for (let i = 0; i < p; ++i) {
    if (r[i * n + i] < 0) {
      for (let j = i; j < n; ++j) r[i * n + j] = -r[i * n + j];
      for (let j = 0; j < m; ++j) qt[i * m + j] = -qt[i * m + j];
    }
  }
  return {Q: transpose(Qt), R};
}

// a_j ← a_j − τ(vᵀa_j)v for the four rows a_j of `at` (length m) starting at `row`, row + m, row + 2m, row + 3m, where
// v is the row at rowK; entries before `from` are untouched. The same operations, in the same order per row, as one
// row at a time.
function reflectFour(at: Float64Array, rowK: number, row: number, m: number, from: number, tau: number): void {
  const r1 = row + m;
  const r2 = r1 + m;
  const r3 = r2 + m;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = from; i < m; ++i) {
    const v = at[rowK + i];
    s0 += v * at[row + i];
    s1 += v * at[r1 + i];
    s2 += v * at[r2 + i];
    s3 += v * at[r3 + i];
  }
  s0 *= tau;
  s1 *= tau;
  s2 *= tau;
  s3 *= tau;
  for (let i = from; i < m; ++i) {
    const v = at[rowK + i];
    at[row + i] -= s0 * v;
    at[r1 + i] -= s1 * v;
    at[r2 + i] -= s2 * v;
    at[r3 + i] -= s3 * v;
  }
}
