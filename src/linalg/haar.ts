// Haar-distributed random orthogonal matrices: QR of a Gaussian matrix with the sign of R's diagonal fixed.
// Reference: F. Mezzadri, "How to generate random matrices from the classical compact groups", Notices of the AMS
// 54 (2007) 592–604, §5: Q from G = QR is Haar only once the columns are scaled so that R_ii > 0.
import type {Rng} from "../random/rng.js";
import {matrix} from "./matrix.js";
import type {Matrix} from "./matrix.js";
import {qr} from "./qr.js";

/**
 * An n×n orthogonal matrix drawn from the Haar (uniform) measure on O(n): G with iid N(0, 1) entries (n² draws from
 * `rng.normals`, row-major), G = QR by Householder QR, then Q·diag(sign R_ii). The result is a deterministic function
 * of the rng state; det Q is ±1 with equal probability.
 */
export function haarOrthogonal(n: number, rng: Rng): Matrix {
  if (!Number.isInteger(n) || n < 0) throw new Error(`haarOrthogonal: n must be a non-negative integer, got ${n}`);
  const {Q, R} = qr(matrix(n, n, rng.normals(n * n)));
  // Mezzadri's correction. `qr` already returns R_ii ≥ 0, so this only guards the convention (and R_ii = 0, which
  // has probability zero, would make the draw non-Haar).
  for (let j = 0; j < n; ++j) {
    const r = R.data[j * n + j];
    if (r === 0) throw new Error("haarOrthogonal: singular Gaussian draw");
    if (r < 0) for (let i = 0; i < n; ++i) Q.data[i * n + j] = -Q.data[i * n + j];
  }
  return Q;
}
