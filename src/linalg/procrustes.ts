// Orthogonal Procrustes: the orthogonal (or rotation) matrix R minimising ‖RA − B‖_F.
// References: P. H. Schönemann, "A generalized solution of the orthogonal Procrustes problem", Psychometrika 31
// (1966) 1–10; G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §6.4.1; for the rotation
// constraint, W. Kabsch, "A discussion of the solution for the best rotation to relate two sets of vectors",
// Acta Cryst. A34 (1978) 827–828.
import {determinantSign} from "./determinant.js";
import {multiplyTransposeB} from "./gemm.js";
import {assertFiniteMatrix, matrix} from "./matrix.js";
import type {Matrix} from "./matrix.js";
import {svd} from "./svd.js";

/** Options for `procrustes`. */
export interface ProcrustesOptions {
  /** Restrict R to rotations (det R = +1) instead of all orthogonal matrices. Default false. */
  rotation?: boolean;
}

/**
 * For d×N matrices A and B whose columns are corresponding points, the d×d orthogonal R minimising ‖RA − B‖_F.
 * With M = BAᵀ = UΣVᵀ (SVD), R = UVᵀ, the orthogonal polar factor of M. With `{rotation: true}`, R = U·diag(1, …, 1,
 * det(UVᵀ))·Vᵀ, the best proper rotation (Kabsch). R is unique when M has full rank (and, for rotations, when its
 * smallest singular value is simple); otherwise one minimiser is returned, deterministically. Throws when the shapes
 * differ or the input is not finite.
 */
export function procrustes(A: Matrix, B: Matrix, {rotation = false}: ProcrustesOptions = {}): Matrix {
  if (A.rows !== B.rows || A.cols !== B.cols) {
    throw new Error(`procrustes: Matrix dimensions do not match: ${A.rows}×${A.cols} and ${B.rows}×${B.cols}`);
  }
  assertFiniteMatrix(A, "procrustes");
  assertFiniteMatrix(B, "procrustes");
  const d = A.rows;
  const {U, V} = svd(multiplyTransposeB(B, A)); // d×d
  const R = multiplyTransposeB(U, V);
  if (rotation && d > 0 && determinantSign(R) < 0) {
    // Flip the direction of the smallest singular value (last column of U, since s is descending).
    const F = matrix(d, d, U.data.slice());
    for (let i = 0; i < d; ++i) F.data[i * d + d - 1] = -F.data[i * d + d - 1];
    return multiplyTransposeB(F, V);
  }
  return R;
}
