// Dense row-major matrices on Float64Array: construction, shape checks, and conversion to and from ml-matrix.
import {Matrix as MlMatrix} from "ml-matrix";

/** A dense rows×cols matrix stored row-major: entry (i, j) is data[i * cols + j]. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Wraps (or allocates) row-major storage as a matrix, checking the length. */
export function matrix(rows: number, cols: number, data: Float64Array = new Float64Array(rows * cols)): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new Error(`matrix: invalid shape ${rows}×${cols}`);
  }
  if (data.length !== rows * cols) throw new Error(`matrix: data length ${data.length} does not match ${rows}×${cols}`);
  return {rows, cols, data};
}

/** The n×n identity. */
export function identity(n: number): Matrix {
  const I = matrix(n, n);
  for (let i = 0; i < n; ++i) I.data[i * n + i] = 1;
  return I;
}

/** A matrix from an array of equal-length rows. */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const m = rows.length;
  const n = m === 0 ? 0 : rows[0].length;
  const A = matrix(m, n);
  rows.forEach((row, i) => {
    if (row.length !== n) throw new Error(`fromRows: row ${i} has length ${row.length}, expected ${n}`);
    A.data.set(row, i * n);
  });
  return A;
}

/** The rows of a matrix as plain arrays. */
export function toRows(A: Matrix): number[][] {
  return Array.from({length: A.rows}, (_, i) => Array.from(A.data.subarray(i * A.cols, (i + 1) * A.cols)));
}

/** Entry (i, j). Convenience for tests and small code; hot loops index `data` directly. */
export function at(A: Matrix, i: number, j: number): number {
  return A.data[i * A.cols + j];
}

/** A copy with its own storage. */
export function copy(A: Matrix): Matrix {
  return matrix(A.rows, A.cols, A.data.slice());
}

/** The transpose, as a new matrix (blocked for cache locality). */
export function transpose(A: Matrix): Matrix {
  const {rows: m, cols: n, data: a} = A;
  const T = matrix(n, m);
  const t = T.data;
  const B = 32;
  for (let i0 = 0; i0 < m; i0 += B) {
    const i1 = Math.min(i0 + B, m);
    for (let j0 = 0; j0 < n; j0 += B) {
      const j1 = Math.min(j0 + B, n);
      for (let i = i0; i < i1; ++i) for (let j = j0; j < j1; ++j) t[j * m + i] = a[i * n + j];
    }
  }
  return T;
}

/** Throws `${routine}: …` unless A is square. */
export function assertSquare(A: Matrix, routine: string): void {
  if (A.rows !== A.cols) throw new Error(`${routine}: expected a square matrix, got ${A.rows}×${A.cols}`);
}

/** Throws `${routine}: …` if any entry of A is NaN or infinite. */
export function assertFiniteMatrix(A: Matrix, routine: string): void {
  const a = A.data;
  for (let k = 0; k < a.length; ++k) {
    if (!Number.isFinite(a[k])) {
      throw new Error(`${routine}: non-finite input ${a[k]} at (${Math.floor(k / A.cols)}, ${k % A.cols})`);
    }
  }
}

/** Converts to an ml-matrix Matrix (copies). */
export function toMlMatrix(A: Matrix): MlMatrix {
  const M = new MlMatrix(A.rows, A.cols);
  for (let i = 0; i < A.rows; ++i) for (let j = 0; j < A.cols; ++j) M.set(i, j, A.data[i * A.cols + j]);
  return M;
}

/** Converts from an ml-matrix Matrix (or any object with rows, columns and get). */
export function fromMlMatrix(M: {rows: number; columns: number; get(i: number, j: number): number}): Matrix {
  const A = matrix(M.rows, M.columns);
  for (let i = 0; i < M.rows; ++i) for (let j = 0; j < M.columns; ++j) A.data[i * M.columns + j] = M.get(i, j);
  return A;
}
