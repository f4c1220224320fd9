// Polar decomposition A = UP (U with orthonormal columns, P symmetric positive semidefinite) via the SVD.
// Reference: N. J. Higham, Functions of Matrices (SIAM, 2008), §8.1 (Theorem 8.1: A = WΣVᵀ gives U = WVᵀ and
// P = VΣVᵀ) and §8.6 (U is the nearest matrix with orthonormal columns in every unitarily invariant norm).
import {gemmInto, multiplyTransposeB} from "./gemm.js";
import {matrix} from "./matrix.js";
import type {Matrix} from "./matrix.js";
import {svd} from "./svd.js";

/** A = UP with U m×n (orthonormal columns when m ≥ n, orthonormal rows when m < n) and P n×n symmetric PSD. */
export interface Polar {
  U: Matrix;
  P: Matrix;
}

/**
 * The polar decomposition of an m×n matrix: A = UP where U = WVᵀ from the thin SVD A = W diag(s) Vᵀ and
 * P = V diag(s) Vᵀ. U is the orthogonal (m = n) or partial-isometry factor closest to A in the Frobenius norm; P is
 * (AᵀA)^{1/2}, exactly symmetric. For rank-deficient A, U is still orthonormal (the SVD completes the null
 * directions), though then not unique. Accuracy and errors are those of `svd`.
 */
export function polar(A: Matrix): Polar {
  const {U: W, s, V} = svd(A);
  const n = A.cols;
  const p = s.length;
  const U = multiplyTransposeB(W, V); // m×n
  // P = (V diag(s)) Vᵀ, symmetrised exactly by averaging with its transpose.
  const VS = matrix(n, p);
  for (let i = 0; i < n; ++i) for (let j = 0; j < p; ++j) VS.data[i * p + j] = V.data[i * p + j] * s[j];
  const P = gemmInto(matrix(n, n), VS, V, {transB: true});
  const x = P.data;
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < i; ++j) {
      const v = 0.5 * (x[i * n + j] + x[j * n + i]);
      x[i * n + j] = v;
      x[j * n + i] = v;
    }
  }
  return {U, P};
}
