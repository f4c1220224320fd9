// Data on a random k-dimensional linear subspace P of R^d, and the orthogonal projector onto its complement P⊥.
import {multiply, multiplyTransposeB} from "../../src/linalg/gemm.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {matrix} from "../../src/linalg/matrix.js";
import {qr} from "../../src/linalg/qr.js";
import type {Rng} from "../../src/random/rng.js";

/** Points of a subspace: their coordinates F = XU in the orthonormal basis U (d×k) and their labels. */
export interface SubspaceSample {
  /** n×k coordinates; the points themselves are X = F·Uᵀ. */
  F: Matrix;
  /** Labels ±1. */
  y: Float64Array;
}

/** A random subspace with its basis, and a sampler of labelled points on it. */
export interface Subspace {
  d: number;
  k: number;
  /** d×k orthonormal basis of P (as columns). */
  U: Matrix;
}

/** A uniformly random k-dimensional subspace of R^d: the Q factor of a d×k Gaussian matrix. */
export function randomSubspace(d: number, k: number, rng: Rng): Subspace {
  if (!(Number.isInteger(k) && k >= 1 && k < d))
    throw new Error(`randomSubspace: need 1 ≤ k < d, got k = ${k}, d = ${d}`);
  return {d, k, U: qr(matrix(d, k, rng.normals(d * k))).Q};
}

/**
 * n points x = √(d/k)·U·c with c ~ N(0, I_k) (so E‖x‖² = d) and labels y = sign(c₁) (spec A.4). Returns the
 * coordinates F = √(d/k)·c.
 */
export function subspaceSample(space: Subspace, n: number, rng: Rng): SubspaceSample {
  const {d, k} = space;
  const scale = Math.sqrt(d / k);
  const F = matrix(n, k, rng.normals(n * k));
  for (let i = 0; i < F.data.length; ++i) F.data[i] *= scale;
  const y = Float64Array.from({length: n}, (_, i) => (F.data[i * k] >= 0 ? 1 : -1));
  return {F, y};
}

/** The points X = F·Uᵀ (n×d) of coordinates F. */
export function embed(F: Matrix, U: Matrix): Matrix {
  return multiplyTransposeB(F, U);
}

/** A·P⊥ = A − (AU)Uᵀ: the rows of A projected onto the orthogonal complement of the columns of U. */
export function projectOut(A: Matrix, U: Matrix): Matrix {
  const inP = multiplyTransposeB(multiply(A, U), U);
  const out = matrix(A.rows, A.cols);
  for (let i = 0; i < out.data.length; ++i) out.data[i] = A.data[i] - inP.data[i];
  return out;
}

/** A·P = (AU)Uᵀ: the rows of A projected onto the subspace. */
export function projectOnto(A: Matrix, U: Matrix): Matrix {
  return multiplyTransposeB(multiply(A, U), U);
}

/** The Euclidean norm of every row of A. */
export function rowNorms(A: Matrix): Float64Array {
  const {rows, cols, data} = A;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; ++i) {
    let s = 0;
    for (let j = 0; j < cols; ++j) s += data[i * cols + j] * data[i * cols + j];
    out[i] = Math.sqrt(s);
  }
  return out;
}
