// Training in the span of the data: exact reduction of a d-dimensional problem to r = rank coordinates.
//
// If every training input lies in the column space of an orthonormal d×r basis Q, then w·x = (wQ)·(Qᵀx) for each
// of them, and every gradient row ∂L/∂w_j = Σ_i G_ij x_i lies in that space too. Gradient descent on W therefore
// moves only C = WQ, exactly as gradient descent on the r-dimensional features XQ from C(0) = W(0)Q, while the
// complement part W(0)(I − QQᵀ) stays fixed (or shrinks by ∏(1 − ηλ) under coupled weight decay). The trained
// d-dimensional weights are W(T) = decay·W(0)(I − QQᵀ) + C(T)Qᵀ. This saves a factor d/r per step.
import {multiply, multiplyTransposeB} from "../../src/linalg/gemm.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {matrix, transpose} from "../../src/linalg/matrix.js";
import {qr} from "../../src/linalg/qr.js";

/** An orthonormal basis (d×min(n, d), as columns) of a space holding every row of the n×d matrix X. */
export function spanBasis(X: Matrix): Matrix {
  return qr(transpose(X)).Q;
}

/** The coordinates A·Q of the rows of A in the basis Q. */
export function coordinates(A: Matrix, Q: Matrix): Matrix {
  return multiply(A, Q);
}

/** The full weights decay·W₀(I − QQᵀ) + C·Qᵀ from the coordinates C reached by training in the span of Q. */
export function expandWeights(W0: Matrix, C: Matrix, Q: Matrix, decay: number): Matrix {
  const inSpan = multiply(W0, Q);
  const removed = multiplyTransposeB(inSpan, Q);
  const trained = multiplyTransposeB(C, Q);
  const W = matrix(W0.rows, W0.cols);
  for (let i = 0; i < W.data.length; ++i) W.data[i] = decay * (W0.data[i] - removed.data[i]) + trained.data[i];
  return W;
}
