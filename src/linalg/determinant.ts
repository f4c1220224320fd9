// The determinant and its sign from Gaussian elimination with partial pivoting (PA = LU).
// Reference: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §3.4.
import {assertSquare} from "./matrix.js";
import type {Matrix} from "./matrix.js";

/** det A as the signed product of the LU pivots; 0 when a pivot is exactly 0. Throws unless A is square. */
export function determinant(A: Matrix): number {
  let det = 1;
  const singular = eliminate(A, "determinant", (pivot, swapped) => {
    if (swapped) det = -det;
    det *= pivot;
  });
  return singular ? 0 : det;
}

/**
 * The sign of det A (−1, 0 or +1) from the signs of the LU pivots and the row swaps, without forming the product
 * (which can underflow or overflow for large n). Throws unless A is square.
 */
export function determinantSign(A: Matrix): number {
  let sign = 1;
  const singular = eliminate(A, "determinantSign", (pivot, swapped) => {
    if (swapped) sign = -sign;
    if (pivot < 0) sign = -sign;
  });
  return singular ? 0 : sign;
}

// Reduces a copy of A to upper triangular form, calling `visit` with each pivot and whether its row was swapped in;
// returns true (and stops) at the first zero pivot.
function eliminate(A: Matrix, name: string, visit: (pivot: number, swapped: boolean) => void): boolean {
  assertSquare(A, name);
  const n = A.rows;
  const a = A.data.slice();
  for (let c = 0; c < n; ++c) {
    let p = c;
    for (let i = c + 1; i < n; ++i) if (Math.abs(a[i * n + c]) > Math.abs(a[p * n + c])) p = i;
    const pivot = a[p * n + c];
    if (pivot === 0) return true;
    if (p !== c) {
      for (let j = 0; j < n; ++j) {
        const t = a[c * n + j];
        a[c * n + j] = a[p * n + j];
        a[p * n + j] = t;
      }
    }
    visit(pivot, p !== c);
    for (let i = c + 1; i < n; ++i) {
      const factor = a[i * n + c] / pivot;
      if (factor === 0) continue;
      for (let j = c + 1; j < n; ++j) a[i * n + j] -= factor * a[c * n + j];
    }
  }
  return false;
}
