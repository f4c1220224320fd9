// Thin singular value decomposition A = U diag(s) Vᵀ as LAPACK dgesdd: Householder bidiagonalisation, divide and
// conquer on the bidiagonal matrix, and the reflectors applied to its singular vectors in blocks.
// References: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §5.4.8 (Householder
// bidiagonalisation, Algorithm 5.4.2), §5.1.6–5.1.7 (WY representation, blocked application) and §8.6 (the SVD);
// LAPACK dgesdd, dgebd2, dbdsdc, dormbr for the conventions (H = I − τvvᵀ, v₀ = 1).
import {applyReflectorsLeft} from "./blockedHouseholder.js";
import {bidiagonalDivideConquer} from "./bidiagonalDivideConquer.js";
import {assertFiniteMatrix, matrix, transpose} from "./matrix.js";
import type {Matrix} from "./matrix.js";
import {ldexp} from "./powerOfTwo.js";
import {bidiagonalizeWasm} from "./reductionWasm.js";

/** A = U diag(s) Vᵀ with p = min(m, n). */
export interface Svd {
  /** m×p with orthonormal columns (left singular vectors). */
  U: Matrix;
  /** The p singular values, descending and non-negative. */
  s: Float64Array;
  /** n×p with orthonormal columns (right singular vectors). */
  V: Matrix;
}

/**
 * The thin SVD of an m×n matrix: U is m×p, s has p = min(m, n) descending entries, V is n×p, and A = U diag(s) Vᵀ.
 * Both U and V always have orthonormal columns, including for rank-deficient A, whose null directions are
 * completed orthonormally. Backward stable: ‖A − U diag(s) Vᵀ‖, ‖UᵀU − I‖, ‖VᵀV − I‖ are O(max(m, n)·ε·‖A‖),
 * and each singular value is within O(max(m, n)·ε·‖A‖) of the exact one. Singular vectors of (nearly) repeated
 * singular values are any orthonormal basis of their subspace, fixed by the input bits. Throws on non-finite input
 * and if the QR iteration on a small bidiagonal block fails to converge (more than 75 sweeps for one singular value).
 *
 * Method: A (m ≥ n; otherwise Aᵀ) is scaled by a power of two and reduced to upper bidiagonal form A = U_B B V_Bᵀ by
 * alternating Householder reflections from the left (zeroing column k below the diagonal) and the right (zeroing
 * row k right of the superdiagonal). Per step, one pass over the trailing block forms zᵀ = τuᵀA; a second applies
 * A ← A − uzᵀ row by row and, while the row is in cache, the right reflection (a WebAssembly SIMD kernel,
 * reductionKernel.as). B = U₀ΣV₀ᵀ is solved by divide and conquer (`bidiagonalDivideConquer`, LAPACK dbdsdc), and
 * U = U_B[U₀; 0], V = V_B V₀ are formed without forming U_B or V_B: their reflectors are applied to U₀ and V₀ in
 * blocks of 64 with the compact WY representation and matrix products (`applyReflectorsLeft`, dormbr).
 */
export function svd(A: Matrix): Svd {
  assertFiniteMatrix(A, "svd");
  if (A.rows < A.cols) {
    const {U, s, V} = svd(transpose(A));
    return {U: V, s, V: U};
  }
  const {rows: m, cols: n} = A;
  if (n === 0) return {U: matrix(m, 0), s: new Float64Array(0), V: matrix(0, 0)};

  // Scale by a power of two (exact) so that the largest entry lies in [1, 2): the iteration then never
  // overflows or underflows, and the result scales exactly with A.
  let amax = 0;
  for (let i = 0; i < A.data.length; ++i) amax = Math.max(amax, Math.abs(A.data[i]));
  const exponent = amax === 0 ? 0 : -Math.floor(Math.log2(amax));
  const half = 2 ** Math.trunc(exponent / 2); // 2^exponent in two factors, which never overflow
  const rest = 2 ** (exponent - Math.trunc(exponent / 2));
  const a = exponent === 0 ? A.data : A.data.map((x) => x * half * rest);

  const {d, e, leftVectors, leftTau, rightVectors, rightTau} = bidiagonalizeWasm(m, n, a); // e[n − 1] = 0
  const {values, U: U0, V: V0} = bidiagonalDivideConquer(d, e.subarray(0, n - 1)); // ascending

  // Descending order: column c of U and V is column n − 1 − c of U₀ and V₀ (U₀ padded with zero rows to m).
  const U = matrix(m, n);
  const V = matrix(n, n);
  for (let i = 0; i < n; ++i) {
    for (let c = 0; c < n; ++c) {
      U.data[i * n + c] = U0.data[i * n + n - 1 - c];
      V.data[i * n + c] = V0.data[i * n + n - 1 - c];
    }
  }
  applyReflectorsLeft(U, leftVectors, leftTau, n, 0); // U = H₀⋯H_{n−1}[U₀; 0]
  applyReflectorsLeft(V, rightVectors, rightTau, Math.max(0, n - 2), 1); // V = G₀⋯G_{n−3}V₀
  const s = Float64Array.from({length: n}, (_, c) => ldexp(values[n - 1 - c], -exponent));
  return {U, s, V};
}
