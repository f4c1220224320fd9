// Symmetric eigendecomposition: Householder tridiagonalisation, then divide and conquer (with vectors) and root-free
// QL (the eigenvalues) on the tridiagonal matrix, as LAPACK dsyevd.
// References: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §8.3.1 (Householder
// tridiagonalisation), §8.4.4–8.4.5 (divide and conquer), §5.1.2–5.1.3 (Householder vectors), §5.1.6–5.1.7 (WY
// representation, blocked application); LAPACK dsyevd, dsytd2, dstedc, dormtr for the conventions (H = I − τvvᵀ,
// v₀ = 1).
import {applyReflectorsLeft} from "./blockedHouseholder.js";
import {applyReflectorsRight} from "./householder.js";
import {multiply} from "./gemm.js";
import {assertSquare, matrix} from "./matrix.js";
import type {Matrix} from "./matrix.js";
import {tridiagonalizeWasm} from "./reductionWasm.js";
import {symmetricLower} from "./symmetry.js";
import {tridiagonalDivideConquer} from "./tridiagonalDivideConquer.js";
import {tridiagonalEigenvalues} from "./tridiagonalEigenvalues.js";

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
 * A is reduced to tridiagonal form T = QᵀAQ by Householder reflections H_k = I − τ_k v_k v_kᵀ, choosing H_k to
 * annihilate column k below the subdiagonal and updating the trailing block by A₂₂ ← A₂₂ − vwᵀ − wvᵀ with
 * p = τA₂₂v, w = p − (τ/2)(pᵀv)v (GVL Algorithm 8.3.1), blocked as LAPACK dsytrd: panels of 32 reflectors are
 * formed with read-only symmetric products, then applied to the trailing triangle at once (a WebAssembly SIMD kernel,
 * reductionKernel.as). The eigenvalues come from the root-free QL iteration (`tridiagonalEigenvalues`, LAPACK dsterf)
 * in O(n²). With eigenvectors, T = ZΛZᵀ is solved by divide and conquer (`tridiagonalDivideConquer`, LAPACK dstedc)
 * and the reflectors are applied to Z in blocks of 64 with the compact WY representation and matrix products
 * (`applyReflectorsLeft`, dormtr), giving V = QZ. The result is backward stable: ‖A − VΛVᵀ‖ and ‖VᵀV − I‖ are
 * O(nε‖A‖) and O(nε). The same input always gives
 * bit-identical output.
 *
 * Throws if A is not square, has a non-finite entry, or is not symmetric to a relative tolerance of 1e-10
 * (the average (A + Aᵀ)/2 is used).
 */
export function eigh(A: Matrix, options?: {vectors?: true}): SymmetricEigen;
export function eigh(A: Matrix, options: {vectors: false}): {values: Float64Array; vectors: null};
export function eigh(A: Matrix, options?: EighOptions): {values: Float64Array; vectors: Matrix | null};
export function eigh(A: Matrix, {vectors = true}: EighOptions = {}): {values: Float64Array; vectors: Matrix | null} {
  assertSquare(A, "eigh");
  const n = A.rows;
  const {d, e, reflectors, tau} = tridiagonalizeWasm(n, (target) => symmetricLower(A, "eigh", target), vectors);
  if (reflectors === null) return {values: shiftedTridiagonalEigenvalues(d, e), vectors: null};
  // The eigenvalues come from root-free QL in both cases, so that they are bit-identical with and without vectors;
  // they agree with divide and conquer's to O(nε‖T‖), the accuracy of either.
  const values = shiftedTridiagonalEigenvalues(d, e);
  const Z = tridiagonalDivideConquer(d, e).vectors; // T = ZΛZᵀ
  applyReflectorsLeft(Z, reflectors, tau, Math.max(0, n - 2), 1); // V = QZ, Q = H₀⋯H_{n−3}
  return {values, vectors: Z};
}

/** Eigenvalues of a symmetric matrix with a band of rows of its eigenvector matrix (see `eighRows`). */
export interface SymmetricEigenRows {
  /** Eigenvalues in ascending order. */
  values: Float64Array;
  /** (to − from)×n: rows from … to − 1 of the eigenvector matrix; column j holds those coordinates of eigenvector j. */
  rows: Matrix;
}

/**
 * Eigenvalues (ascending) of a symmetric matrix and coordinates from … to − 1 of every eigenvector, i.e. rows
 * from … to − 1 of the `vectors` that `eigh` would return (to rounding), without applying the reflectors to all of
 * Z: only rows from … to − 1 of Q are formed, and multiplied by the eigenvectors Z of the tridiagonal matrix. Used for cheap residual estimates in Lanczos methods (`topEigen`).
 * Same checks as `eigh`; requires 0 ≤ from ≤ to ≤ n.
 */
export function eighRows(A: Matrix, from: number, to: number): SymmetricEigenRows {
  assertSquare(A, "eighRows");
  const n = A.rows;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > n) {
    throw new Error(`eighRows: invalid row range ${from} … ${to} for ${n}×${n}`);
  }
  const b = to - from;
  const {d, e, reflectors, tau} = tridiagonalizeWasm(n, (target) => symmetricLower(A, "eighRows", target), true);
  if (reflectors === null) throw new Error("eighRows: reflectors missing"); // unreachable: requested above
  // Rows from … to − 1 of Q = H₀H₁⋯H_{n−3}, starting from those rows of I, times the eigenvectors Z of T.
  const R = matrix(b, n);
  for (let t = 0; t < b; ++t) R.data[t * n + from + t] = 1;
  applyReflectorsRight(R, reflectors, tau, Math.max(0, n - 2), 1);
  const values = shiftedTridiagonalEigenvalues(d, e);
  return {values, rows: multiply(R, tridiagonalDivideConquer(d, e).vectors)};
}

// tridiagonalEigenvalues on T + σI, then λ − σ, with σ the power of two at or above 2·max_i(|d_i| + |e_{i−1}| + |e_i|).
// Every shifted eigenvalue then lies in [σ/2, 3σ/2], so the relative deflation test of the root-free QL iteration acts at the
// scale of ‖T‖ (the accuracy the Householder reduction delivers, backward error O(nε‖A‖)) rather than resolving
// eigenvalues at rounding level, such as the null space of a Gram matrix, to full relative accuracy, which takes
// many extra sweeps. Unshifting is exact (Sterbenz), and eigenvectors are unchanged by the shift.
function shiftedTridiagonalEigenvalues(d: Float64Array, e: Float64Array): Float64Array {
  const n = d.length;
  let bound = 0;
  for (let i = 0; i < n; ++i) {
    const radius = Math.abs(d[i]) + (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0);
    if (radius > bound) bound = radius;
  }
  if (bound === 0) return d.slice();
  const sigma = 2 ** Math.ceil(Math.log2(2 * bound));
  const values = tridiagonalEigenvalues(
    d.map((x) => x + sigma),
    e
  );
  for (let i = 0; i < n; ++i) values[i] -= sigma;
  return values;
}
