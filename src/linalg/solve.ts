// Linear systems AX = B: LU with partial pivoting for general square A, Cholesky for symmetric positive definite A.
// Reference: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §3.4 (Gaussian elimination with
// partial pivoting, Algorithm 3.4.1), §3.1 (triangular solves) and §4.2 (Cholesky).
import {cholesky} from "./cholesky.js";
import {assertFiniteMatrix, assertSquare, matrix} from "./matrix.js";
import type {Matrix} from "./matrix.js";

/**
 * The solution X of AX = B for a square n×n A and an n×k B, by LU factorisation with partial pivoting
 * (PA = LU), then forward and back substitution. Throws "solve: matrix is singular to working precision" when a
 * pivot is zero or below n·ε·max|A_ij| (the computed solution would then be meaningless), and on non-finite
 * input or mismatched shapes. Neither A nor B is modified.
 */
export function solve(A: Matrix, B: Matrix): Matrix {
  assertSquare(A, "solve");
  checkRightHandSide(A, B, "solve");
  assertFiniteMatrix(A, "solve");
  assertFiniteMatrix(B, "solve");
  const n = A.rows;
  const k = B.cols;
  const lu = A.data.slice();
  const X = matrix(n, k, B.data.slice());
  const x = X.data;
  let scale = 0;
  for (let q = 0; q < lu.length; ++q) scale = Math.max(scale, Math.abs(lu[q]));
  const threshold = n * Number.EPSILON * scale;
  for (let c = 0; c < n; ++c) {
    // Partial pivoting: the largest entry of column c on or below the diagonal.
    let pivotRow = c;
    let pivot = Math.abs(lu[c * n + c]);
    for (let i = c + 1; i < n; ++i) {
      const v = Math.abs(lu[i * n + c]);
      if (v > pivot) [pivot, pivotRow] = [v, i];
    }
    if (!(pivot > threshold)) throw new Error("solve: matrix is singular to working precision");
    if (pivotRow !== c) {
      swapRows(lu, n, c, pivotRow);
      swapRows(x, k, c, pivotRow);
    }
    // Eliminate below the pivot; the same row operations are applied to the right-hand side.
    const rc = c * n;
    const d = lu[rc + c];
    for (let i = c + 1; i < n; ++i) {
      const ri = i * n;
      const f = lu[ri + c] / d;
      if (f === 0) continue;
      lu[ri + c] = f;
      for (let j = c + 1; j < n; ++j) lu[ri + j] -= f * lu[rc + j];
      const xi = i * k;
      const xc = c * k;
      for (let j = 0; j < k; ++j) x[xi + j] -= f * x[xc + j];
    }
  }
  // Back substitution with U, row by row from the bottom.
  for (let i = n - 1; i >= 0; --i) {
    const ri = i * n;
    const xi = i * k;
    for (let c = i + 1; c < n; ++c) {
      const u = lu[ri + c];
      if (u === 0) continue;
      const xc = c * k;
      for (let j = 0; j < k; ++j) x[xi + j] -= u * x[xc + j];
    }
    const d = lu[ri + i];
    for (let j = 0; j < k; ++j) x[xi + j] /= d;
  }
  return X;
}

/**
 * The solution X of AX = B for a symmetric positive definite n×n A and an n×k B, via A = LLᵀ (`cholesky`), then
 * LY = B and LᵀX = Y. Throws "cholesky: matrix is not positive definite" when A is not, and on non-finite input,
 * asymmetric A or mismatched shapes.
 */
export function solveSymmetricPositive(A: Matrix, B: Matrix): Matrix {
  assertSquare(A, "solveSymmetricPositive");
  checkRightHandSide(A, B, "solveSymmetricPositive");
  assertFiniteMatrix(B, "solveSymmetricPositive");
  const l = cholesky(A).data;
  const n = A.rows;
  const k = B.cols;
  const X = matrix(n, k, B.data.slice());
  const x = X.data;
  // Forward: row i of Y is (B_i − Σ_{c<i} L_ic Y_c) / L_ii.
  for (let i = 0; i < n; ++i) {
    const ri = i * n;
    const xi = i * k;
    for (let c = 0; c < i; ++c) {
      const f = l[ri + c];
      if (f === 0) continue;
      const xc = c * k;
      for (let j = 0; j < k; ++j) x[xi + j] -= f * x[xc + j];
    }
    const d = l[ri + i];
    for (let j = 0; j < k; ++j) x[xi + j] /= d;
  }
  // Backward: X_i = Y_i / L_ii, then Y_c −= L_ic X_i for c < i, reading row i of L contiguously.
  for (let i = n - 1; i >= 0; --i) {
    const ri = i * n;
    const xi = i * k;
    const d = l[ri + i];
    for (let j = 0; j < k; ++j) x[xi + j] /= d;
    for (let c = 0; c < i; ++c) {
      const f = l[ri + c];
      if (f === 0) continue;
      const xc = c * k;
      for (let j = 0; j < k; ++j) x[xc + j] -= f * x[xi + j];
    }
  }
  return X;
}

function checkRightHandSide(A: Matrix, B: Matrix, routine: string): void {
  if (B.rows !== A.rows) {
    throw new Error(`${routine}: Matrix dimensions do not match: ${A.rows}×${A.cols} \\ ${B.rows}×${B.cols}`);
  }
}

function swapRows(a: Float64Array, width: number, i: number, j: number): void {
  const ri = i * width;
  const rj = j * width;
  for (let q = 0; q < width; ++q) {
    const t = a[ri + q];
    a[ri + q] = a[rj + q];
    a[rj + q] = t;
  }
}
