// Symmetry and skew-symmetry checks shared by the decompositions (eigh, topEigen, cholesky, cayley, expmSkew).
import {assertFiniteMatrix, assertSquare} from "./matrix.js";
import type {Matrix} from "./matrix.js";

/** Default relative tolerance of `assertSymmetric` and `assertSkew`: |A_ij ∓ A_ji| ≤ tolerance · max |A_kl|. */
export const symmetryTolerance = 1e-10;

/** The largest asymmetry of a square matrix: max |A_ij| and the first i > j (in row order) with the largest gap. */
export interface Asymmetry {
  scale: number;
  gap: number;
  row: number;
  col: number;
}

/**
 * Throws `${routine}: matrix is not symmetric …` unless |A_ij − A_ji| ≤ tolerance · max |A_kl| for all i, j.
 * A must be square; entries are assumed finite.
 */
export function assertSymmetric(A: Matrix, routine: string, tolerance: number = symmetryTolerance): void {
  const {rows: n, data: a} = A;
  let scale = 0;
  for (let k = 0; k < a.length; ++k) {
    const x = Math.abs(a[k]);
    if (x > scale) scale = x;
  }
  let gap = 0;
  let row = 0;
  let col = 0;
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < i; ++j) {
      const x = Math.abs(a[i * n + j] - a[j * n + i]);
      if (x > gap) [gap, row, col] = [x, i, j];
    }
  }
  assertSmallAsymmetry({scale, gap, row, col}, routine, tolerance);
}

/** Throws `${routine}: matrix is not symmetric …` unless the asymmetry is at most tolerance · scale. */
export function assertSmallAsymmetry(
  {scale, gap, row, col}: Asymmetry,
  routine: string,
  tolerance: number = symmetryTolerance
): void {
  if (gap > tolerance * scale) {
    throw new Error(
      `${routine}: matrix is not symmetric ` +
        `(|A[${row}][${col}] − A[${col}][${row}]| = ${gap.toExponential(3)}, ` +
        `relative ${(gap / scale).toExponential(3)} > ${tolerance})`
    );
  }
}

/**
 * Throws `${routine}: …` unless K is square, finite and skew-symmetric: |K_ij + K_ji| ≤ tolerance · max |K_kl| for
 * all i, j (so the diagonal must be zero to that tolerance).
 */
export function assertSkew(K: Matrix, routine: string, tolerance: number = symmetryTolerance): void {
  assertSquare(K, routine);
  assertFiniteMatrix(K, routine);
  const {rows: n, data: k} = K;
  let scale = 0;
  for (let q = 0; q < k.length; ++q) scale = Math.max(scale, Math.abs(k[q]));
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j <= i; ++j) {
      const gap = Math.abs(k[i * n + j] + k[j * n + i]);
      if (gap > tolerance * scale) {
        throw new Error(
          `${routine}: matrix is not skew-symmetric (|K[${i}][${j}] + K[${j}][${i}]| = ${gap.toExponential(3)}, ` +
            `relative ${(gap / scale).toExponential(3)} > ${tolerance})`
        );
      }
    }
  }
}

/**
 * The lower triangle (with diagonal) of (A + Aᵀ)/2 written to `out` (row-major n×n, by default a fresh array; every
 * entry is written, the strict upper triangle with zeros), for a square A that is checked in the same pass to be
 * finite (the message of assertFiniteMatrix) and symmetric to `tolerance` relative to its largest entry (that of
 * assertSymmetric): one sweep over the matrix instead of three. Returns `out`.
 */
export function symmetricLower(
  A: Matrix,
  routine: string,
  out: Float64Array = new Float64Array(A.rows * A.rows),
  tolerance: number = symmetryTolerance
): Float64Array {
  const {rows: n, data: a} = A;
  let scale = 0;
  let gap = 0;
  let row = 0;
  let col = 0;
  let probe = 0; // Σ (x − x) over the entries: 0 when all are finite, NaN otherwise
  // Tiles of the lower triangle with their mirror images, so that the column-wise reads a[j·n + i] stay in cache.
  // The gap kept is the first largest in row order, as a row-by-row sweep would find it.
  for (let i0 = 0; i0 < n; i0 += symmetryTile) {
    const i1 = Math.min(n, i0 + symmetryTile);
    for (let j0 = 0; j0 <= i0; j0 += symmetryTile) {
      for (let i = i0; i < i1; ++i) {
        const r = i * n;
        const j1 = Math.min(i, j0 + symmetryTile);
        for (let j = j0; j < j1; ++j) {
          const x = a[r + j];
          const y = a[j * n + i];
          probe += x - x + (y - y);
          const ax = Math.abs(x);
          const ay = Math.abs(y);
          if (ax > scale) scale = ax;
          if (ay > scale) scale = ay;
          const difference = Math.abs(x - y);
          if (difference > gap || (difference === gap && difference > 0 && (i < row || (i === row && j < col)))) {
            gap = difference;
            row = i;
            col = j;
          }
          out[r + j] = x === y ? x : 0.5 * x + 0.5 * y;
          out[j * n + i] = 0;
        }
      }
    }
  }
  for (let i = 0; i < n; ++i) {
    const diagonal = a[i * n + i];
    probe += diagonal - diagonal;
    scale = Math.max(scale, Math.abs(diagonal));
    out[i * n + i] = diagonal;
  }
  if (probe !== 0) assertFiniteMatrix(A, routine); // throws, naming the first non-finite entry
  assertSmallAsymmetry({scale, gap, row, col}, routine, tolerance);
  return out;
}

// Rows and columns per tile of `symmetricLower`: a 32×32 tile and its mirror (16 KiB) fit in the L1 cache.
const symmetryTile = 32;
