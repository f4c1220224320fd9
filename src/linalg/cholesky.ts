// Cholesky factorisation A = LLᵀ of a symmetric positive definite matrix.
// Reference: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §4.2.5 (Algorithm 4.2.1, the
// gaxpy Cholesky, here in its row-oriented "dot product" form so that every inner loop reads contiguous rows).
import {assertFiniteMatrix, assertSquare, matrix} from "./matrix.js";
import type {Matrix} from "./matrix.js";
import {assertSymmetric} from "./symmetry.js";

/**
 * The lower-triangular L with positive diagonal such that A = LLᵀ. Only the lower triangle of A is read, after a
 * check that A is symmetric to a relative tolerance of 1e-10. Throws "cholesky: matrix is not positive definite"
 * when a pivot is not positive (A is indefinite, or positive semidefinite and singular to working precision).
 * Backward stable: LLᵀ = A + E with |E| ≤ O(nε)·|L||Lᵀ|.
 */
export function cholesky(A: Matrix): Matrix {
  assertSquare(A, "cholesky");
  assertFiniteMatrix(A, "cholesky");
  assertSymmetric(A, "cholesky");
  const n = A.rows;
  const a = A.data;
  const L = matrix(n, n);
  const l = L.data;
  for (let i = 0; i < n; ++i) {
    const ri = i * n;
    for (let j = 0; j < i; ++j) {
      const rj = j * n;
      let s = a[ri + j];
      for (let k = 0; k < j; ++k) s -= l[ri + k] * l[rj + k];
      l[ri + j] = s / l[rj + j];
    }
    let s = a[ri + i];
    for (let k = 0; k < i; ++k) s -= l[ri + k] * l[ri + k];
    if (!(s > 0)) throw new Error("cholesky: matrix is not positive definite");
    l[ri + i] = Math.sqrt(s);
  }
  return L;
}
