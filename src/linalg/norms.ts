// Euclidean and Frobenius norms, summed in index order (so results never depend on anything but the input).
import type {Matrix} from "./matrix.js";

/** ‖x‖₂ of a vector. */
export function vectorNorm(x: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < x.length; ++i) sum += x[i] * x[i];
  return Math.sqrt(sum);
}

/** ‖A‖_F. */
export function frobeniusNorm(A: Matrix): number {
  return vectorNorm(A.data);
}

/** ‖A − B‖_F; throws if the shapes differ. */
export function frobeniusDistance(A: Matrix, B: Matrix): number {
  if (A.rows !== B.rows || A.cols !== B.cols) {
    throw new Error(`frobeniusDistance: Matrix dimensions do not match: ${A.rows}×${A.cols} and ${B.rows}×${B.cols}`);
  }
  let sum = 0;
  for (let q = 0; q < A.data.length; ++q) sum += (A.data[q] - B.data[q]) ** 2;
  return Math.sqrt(sum);
}
