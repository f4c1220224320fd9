// The exponential of a skew-symmetric matrix (a rotation), via the eigendecomposition of the symmetric KᵀK = −K².
// References: N. J. Higham, Functions of Matrices (SIAM, 2008), §10.3 (scaling and squaring) and §1.2 (functions of
// a symmetric matrix via its eigendecomposition); J. Gallier & D. Xu, "Computing exponentials of skew-symmetric
// matrices and logarithms of orthogonal matrices", Int. J. Robotics and Automation 17 (2002) 10–20.
import {eigh} from "./eigh.js";
import {gemmInto, gramTransposeA, multiply} from "./gemm.js";
import {matrix} from "./matrix.js";
import type {Matrix} from "./matrix.js";
import {assertSkew} from "./symmetry.js";

/**
 * exp(K) for a skew-symmetric K: an orthogonal matrix with determinant +1.
 *
 * Splitting the exponential series into even and odd powers, exp(K) = C(K²) + K·S(K²) with C(x) = cosh √x and
 * S(x) = sinh √x / √x, entire functions of x. With KᵀK = −K² = VΘ²Vᵀ (eigh of a symmetric positive semidefinite
 * matrix), exp(K) = V cos(Θ) Vᵀ + K·V sinc(Θ) Vᵀ, valid for repeated eigenvalues too. K is first scaled by 2^−s so
 * that ‖K‖_F ≤ 1, and the result squared s times; a final Newton–Schulz step Q ← Q(3I − QᵀQ)/2 restores
 * orthogonality to working precision.
 *
 * Accuracy: ‖QᵀQ − I‖ = O(nε), and the error against the exact exponential is O(nε·max(1, ‖K‖)), the conditioning
 * of the problem (for ‖K‖₂ ≤ 1 it is a few ulps of n). Throws unless K is square, finite and skew-symmetric to a
 * relative tolerance of 1e-10.
 */
export function expmSkew(K: Matrix): Matrix {
  assertSkew(K, "expmSkew");
  const n = K.rows;
  let frobenius = 0;
  for (const x of K.data) frobenius += x * x;
  frobenius = Math.sqrt(frobenius);
  const s = frobenius > 1 ? Math.ceil(Math.log2(frobenius)) : 0;
  const scale = 2 ** -s;
  const Ks = matrix(
    n,
    n,
    K.data.map((x) => x * scale)
  );
  const {values, vectors: V} = eigh(gramTransposeA(Ks)); // KᵀK = VΘ²Vᵀ
  const VC = matrix(n, n);
  const VS = matrix(n, n);
  for (let j = 0; j < n; ++j) {
    const theta = Math.sqrt(Math.max(values[j], 0));
    const c = Math.cos(theta);
    const sinc = theta < 1e-4 ? 1 - (theta * theta) / 6 : Math.sin(theta) / theta;
    for (let i = 0; i < n; ++i) {
      VC.data[i * n + j] = V.data[i * n + j] * c;
      VS.data[i * n + j] = V.data[i * n + j] * sinc;
    }
  }
  let Q = gemmInto(matrix(n, n), VC, V, {transB: true}); // V cos(Θ) Vᵀ
  gemmInto(Q, Ks, gemmInto(matrix(n, n), VS, V, {transB: true}), {beta: 1}); // + K·V sinc(Θ) Vᵀ
  for (let q = 0; q < s; ++q) Q = multiply(Q, Q);
  return newtonSchulz(Q);
}

// One step Q ← Q(3I − QᵀQ)/2 of the Newton–Schulz iteration for the orthogonal polar factor: it squares the
// orthogonality error of a nearly orthogonal Q (Higham, Functions of Matrices, §8.3).
function newtonSchulz(Q: Matrix): Matrix {
  const n = Q.rows;
  const E = gramTransposeA(Q); // QᵀQ
  const e = E.data;
  for (let q = 0; q < n * n; ++q) e[q] = -0.5 * e[q];
  for (let i = 0; i < n; ++i) e[i * n + i] += 1.5;
  return multiply(Q, E);
}
