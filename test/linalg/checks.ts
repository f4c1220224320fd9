// Shared helpers for the decomposition tests: seeded inputs and independent plain-loop checks (no library kernels).
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import type {Rng} from "../../src/random/rng.js";

/** An m×n matrix of iid N(0, 1) entries. */
export function gaussian(rng: Rng, m: number, n: number): Matrix {
  return matrix(m, n, rng.normals(m * n));
}

/** (G + Gᵀ)/2 for Gaussian G: a random symmetric matrix. */
export function randomSymmetric(rng: Rng, n: number): Matrix {
  const G = gaussian(rng, n, n);
  const S = matrix(n, n);
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < n; ++j) S.data[i * n + j] = 0.5 * (G.data[i * n + j] + G.data[j * n + i]);
  }
  return S;
}

/** A random skew-symmetric matrix (G − Gᵀ)/2, scaled. */
export function randomSkew(rng: Rng, n: number, scale = 1): Matrix {
  const G = gaussian(rng, n, n);
  const K = matrix(n, n);
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < n; ++j) K.data[i * n + j] = (scale * (G.data[i * n + j] - G.data[j * n + i])) / 2;
  }
  return K;
}

/** A·B by the textbook triple loop. */
export function naiveProduct(A: Matrix, B: Matrix): Matrix {
  if (A.cols !== B.rows) throw new Error(`naiveProduct: ${A.rows}×${A.cols} · ${B.rows}×${B.cols}`);
  const C = matrix(A.rows, B.cols);
  for (let i = 0; i < A.rows; ++i) {
    for (let p = 0; p < A.cols; ++p) {
      const a = A.data[i * A.cols + p];
      for (let j = 0; j < B.cols; ++j) C.data[i * B.cols + j] += a * B.data[p * B.cols + j];
    }
  }
  return C;
}

/** Aᵀ by plain loops. */
export function naiveTranspose(A: Matrix): Matrix {
  const T = matrix(A.cols, A.rows);
  for (let i = 0; i < A.rows; ++i) for (let j = 0; j < A.cols; ++j) T.data[j * A.rows + i] = A.data[i * A.cols + j];
  return T;
}

/** A with column j scaled by d[j]. */
export function scaleColumns(A: Matrix, d: Float64Array): Matrix {
  const S = matrix(A.rows, A.cols, A.data.slice());
  for (let i = 0; i < A.rows; ++i) for (let j = 0; j < A.cols; ++j) S.data[i * A.cols + j] *= d[j];
  return S;
}

/** max |A_ij − B_ij|. */
export function maxDifference(A: Matrix, B: Matrix): number {
  if (A.rows !== B.rows || A.cols !== B.cols) {
    throw new Error(`maxDifference: ${A.rows}×${A.cols} vs ${B.rows}×${B.cols}`);
  }
  let d = 0;
  for (let q = 0; q < A.data.length; ++q) d = Math.max(d, Math.abs(A.data[q] - B.data[q]));
  return d;
}

/** max |A_ij| (1 for an empty matrix, so that relative errors stay finite). */
export function maxAbs(A: Matrix): number {
  let m = 0;
  for (const x of A.data) m = Math.max(m, Math.abs(x));
  return A.data.length === 0 ? 1 : m;
}

/** max |QᵀQ − I| over the columns of Q. */
export function orthonormalityError(Q: Matrix): number {
  const {rows: m, cols: n, data: q} = Q;
  let worst = 0;
  for (let a = 0; a < n; ++a) {
    for (let b = 0; b <= a; ++b) {
      let s = 0;
      for (let i = 0; i < m; ++i) s += q[i * n + a] * q[i * n + b];
      worst = Math.max(worst, Math.abs(s - (a === b ? 1 : 0)));
    }
  }
  return worst;
}

/** |cos ∠(column a of A, column b of B)|. */
export function columnAlignment(A: Matrix, a: number, B: Matrix, b: number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < A.rows; ++i) {
    const x = A.data[i * A.cols + a];
    const y = B.data[i * B.cols + b];
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return Math.abs(dot) / Math.sqrt(na * nb);
}
