// A matrix product C ← β·C + α·op(A)·op(B) over strided Float64Arrays, and the arithmetic all kernels follow.

/**
 * A product C ← β·C + α·op(A)·op(B), where op(A) is m×k, op(B) is k×n and C is m×n row-major.
 *
 * Every kernel computes each entry of C in exactly this way: c ← β·c (c ← 0 when β = 0, so C is then not
 * read), then c ← c + (α·a_ip)·b_pj for p = 0, 1, …, k−1 in that order, each step one IEEE-754 multiply and
 * one add (never fused, never split into partial sums). With α = 1 and β = 0 this is the textbook loop
 * `s = 0; for (p…) s += a[i][p] * b[p][j]`, bit for bit. Results therefore depend only on the operands,
 * never on blocking, tiling, matrix size thresholds or which kernel ran.
 */
export interface GemmTask {
  m: number;
  n: number;
  k: number;
  /** Entry (i, p) of op(A) is a[i·aRowStride + p·aColStride]. */
  a: Float64Array;
  aRowStride: number;
  aColStride: number;
  /** Entry (p, j) of op(B) is b[p·bRowStride + j·bColStride]. */
  b: Float64Array;
  bRowStride: number;
  bColStride: number;
  alpha: number;
  beta: number;
  /** The m×n result, row-major, updated in place; must not share storage with a or b. */
  c: Float64Array;
  /**
   * A symmetric rank-k update (op(B) = op(A)ᵀ, m = n, β = 0): only entries on and below the diagonal are
   * computed, and the strictly upper triangle is then copied from them, so C is exactly symmetric.
   */
  symmetric: boolean;
}
