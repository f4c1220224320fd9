// The induced kernel's Gram matrix on n fresh Gaussian inputs, shared by the spectrum experiments E4–E6: inputs,
// spike direction, projections t = Xû, the Gram K/n and the exactly linear (odd) part (1/4n)XΣ₁Xᵀ of ReLU.
import {multiplyVector} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {topEigen} from "../../src/linalg/topEigen.js";
import type {Rng} from "../../src/random/rng.js";
import {covarianceTerms, kernelFromTerms} from "./kernel.js";
import type {SpikedCovariance} from "./kernel.js";
import {gaussianMatrix, lanczosStart, unitVector} from "./model.js";
import type {Activation} from "./model.js";

/** A sample of the induced kernel: inputs, Σ₁, t = ⟨û, x⟩, K/n and (1/n)·XΣ₁Xᵀ/4. */
export interface GramSample {
  X: Matrix;
  covariance: SpikedCovariance;
  t: Float64Array;
  /** The normalised Gram matrix K/n, K_ij = k₁(x_i, x_j). */
  K: Matrix;
  /** (1/4n)·XΣ₁Xᵀ: for ReLU exactly the odd part of K/n, (K(x, x′) − K(x, −x′))/2n. */
  linear: Matrix;
}

/** Top-k eigenpairs, eigenvalues descending, eigenvectors as unit columns of an n×k matrix. */
export interface TopPairs {
  values: number[];
  vectors: Float64Array[];
}

/** Draws n inputs x ~ N(0, I_d) and a uniform unit û, and forms K/n and (1/4n)XΣ₁Xᵀ for Σ₁ = (s₀/d)I + r²ûûᵀ. */
export function sampleGram(
  rng: Rng,
  options: {n: number; d: number; s0: number; r: number; activation: Activation}
): GramSample {
  const {n, d, s0, r, activation} = options;
  const direction = unitVector(rng.fork("direction"), d);
  const X = gaussianMatrix(rng.fork("inputs"), n, d);
  const covariance = {s0, r, direction};
  const terms = covarianceTerms(X, covariance);
  const linear = matrix(
    n,
    n,
    terms.C.data.map((c) => c / (4 * n))
  );
  const K = kernelFromTerms(activation, terms, true);
  for (let k = 0; k < K.data.length; ++k) K.data[k] /= n;
  return {X, covariance, t: multiplyVector(X, direction), K, linear};
}

/** The top-k eigenpairs of a symmetric matrix, as plain arrays (eigenvectors as separate unit vectors). */
export function topPairs(A: Matrix, k: number): TopPairs {
  const {values, vectors} = topEigen(A, k, lanczosStart);
  const n = A.rows;
  return {
    values: Array.from(values),
    vectors: Array.from({length: k}, (_, m) => Float64Array.from({length: n}, (_, i) => vectors.data[i * k + m]))
  };
}

/** The MP edge (s₀/4d)(1 + √(d/n))² of the linear bulk in an n-sample Gram matrix. */
export function linearBulkEdge(s0: number, d: number, n: number): number {
  return (s0 / (4 * d)) * (1 + Math.sqrt(d / n)) ** 2;
}
