// The determinant of a small square matrix by Gaussian elimination with partial pivoting.
// Reference: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §3.4.
import type {Matrix} from "../../src/linalg/matrix.js";

/** det A as the signed product of the LU pivots (PA = LU). Throws unless A is square. */
export function determinant(A: Matrix): number {
  if (A.rows !== A.cols) throw new Error(`determinant: expected a square matrix, got ${A.rows}×${A.cols}`);
  const n = A.rows;
  const a = A.data.slice();
  let det = 1;
  for (let c = 0; c < n; ++c) {
    let pivotRow = c;
    for (let i = c + 1; i < n; ++i) if (Math.abs(a[i * n + c]) > Math.abs(a[pivotRow * n + c])) pivotRow = i;
    const pivot = a[pivotRow * n + c];
    if (pivot === 0) return 0;
    if (pivotRow !== c) {
      for (let j = 0; j < n; ++j) {
        const t = a[c * n + j];
        a[c * n + j] = a[pivotRow * n + j];
        a[pivotRow * n + j] = t;
      }
      det = -det;
    }
    det *= pivot;
    for (let i = c + 1; i < n; ++i) {
      const factor = a[i * n + c] / pivot;
      if (factor === 0) continue;
      for (let j = c + 1; j < n; ++j) a[i * n + j] -= factor * a[c * n + j];
    }
  }
  return det;
}
