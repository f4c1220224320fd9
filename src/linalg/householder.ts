// Householder reflections H = I − τvvᵀ: generating one from a vector, and multiplying many together in blocks.
// References: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §5.1.2–5.1.3 (Algorithm 5.1.1,
// the Householder vector) and §5.1.6–5.1.7 (the compact WY representation I − VTVᵀ); LAPACK dlarfg and dlarft.
import {gemmInto, multiply, multiplyTransposeB} from "./gemm.js";
import {identity, matrix} from "./matrix.js";
import type {Matrix} from "./matrix.js";

/**
 * Computes the Householder reflection H = I − τvvᵀ with v₀ = 1 and Hx = βe₁ for the vector x stored at
 * x[start + i·stride], i = 0 … length − 1 (LAPACK dlarfg). Writes v₁ … v_{length−1} over x₁ … x_{length−1}, leaves
 * x₀ in place, and returns τ in out[0] and β in out[1]. β = −sign(x₀)‖x‖, so no cancellation occurs; when
 * x₁ … x_{length−1} are all zero, H = I (τ = 0, β = x₀). The norm is scaled, so it neither overflows nor underflows.
 */
export function householderVector(
  x: Float64Array,
  start: number,
  stride: number,
  length: number,
  out: Float64Array
): void {
  const alpha = x[start];
  let scale = 0;
  for (let i = 1, p = start + stride; i < length; ++i, p += stride) {
    const a = Math.abs(x[p]);
    if (a > scale) scale = a;
  }
  if (scale === 0) {
    out[0] = 0;
    out[1] = alpha;
    return;
  }
  if (Math.abs(alpha) > scale) scale = Math.abs(alpha);
  let sum = 0;
  for (let i = 0, p = start; i < length; ++i, p += stride) {
    const a = x[p] / scale;
    sum += a * a;
  }
  const norm = scale * Math.sqrt(sum);
  const beta = alpha >= 0 ? -norm : norm;
  const f = 1 / (alpha - beta);
  for (let i = 1, p = start + stride; i < length; ++i, p += stride) x[p] *= f;
  out[0] = (beta - alpha) / beta;
  out[1] = beta;
}

/**
 * The p×L matrix [I_p 0]·H_{r−1}⋯H₁H₀, where H_k = I − τ_k v_k v_kᵀ and v_k is row k of the r×L row-major array
 * `vectors`, supported on coordinates k + shift … L − 1 with v_k[k + shift] = 1 (entries before that are ignored).
 * With H₀⋯H_{r−1} = Q this is the first p rows of Qᵀ, so its transpose holds the first p columns of Q.
 *
 * The product is built from the last reflector back, `blockSize` reflectors at a time: H_{k0}⋯H_{k1−1} = I − VTVᵀ
 * with T upper triangular (GVL Algorithm 5.1.2), so M ← M(I − VTVᵀ)ᵀ = M − (MV)TᵀVᵀ costs three matrix products.
 * Only the trailing block of M from row and column k0 + shift changes; rows above it are still unit vectors.
 */
export function accumulateReflectors(
  p: number,
  L: number,
  vectors: Float64Array,
  tau: Float64Array,
  r: number,
  shift: number,
  blockSize = 32
): Matrix {
  if (p > L) throw new Error(`accumulateReflectors: ${p} rows exceed the dimension ${L}`);
  const M = p === L ? identity(L) : matrix(p, L);
  const q = M.data;
  if (p < L) for (let i = 0; i < p; ++i) q[i * L + i] = 1;
  for (let k1 = r; k1 > 0; k1 -= blockSize) {
    const k0 = Math.max(0, k1 - blockSize);
    const offset = k0 + shift;
    if (offset >= p) continue; // acts only on rows ≥ p, which are not kept
    const rows = p - offset;
    const cols = L - offset;
    const V = reflectorBlock(vectors, L, k0, k1, shift);
    const T = wyFactor(V, tau.subarray(k0, k1));
    const S = matrix(rows, cols);
    const s = S.data;
    for (let i = 0; i < rows; ++i) s.set(q.subarray((offset + i) * L + offset, (offset + i + 1) * L), i * cols);
    gemmInto(S, multiplyTransposeB(multiplyTransposeB(S, V), T), V, {alpha: -1, beta: 1}); // S − (SV)TᵀV
    for (let i = 0; i < rows; ++i) q.set(s.subarray(i * cols, (i + 1) * cols), (offset + i) * L + offset);
  }
  return M;
}

/**
 * R ← R·H₀H₁⋯H_{r−1} in place for a p×L matrix R, with the reflectors stored as for `accumulateReflectors`. With
 * R = rows i … of the identity this gives rows i … of Q = H₀⋯H_{r−1}. Blocks of `blockSize` reflectors are applied
 * as R ← R − (RV)TVᵀ (GVL §5.1.7), three matrix products each, on the columns from k0 + shift on.
 */
export function applyReflectorsRight(
  R: Matrix,
  vectors: Float64Array,
  tau: Float64Array,
  r: number,
  shift: number,
  blockSize = 32
): void {
  const {rows: p, cols: L, data: x} = R;
  for (let k0 = 0; k0 < r; k0 += blockSize) {
    const k1 = Math.min(r, k0 + blockSize);
    const offset = k0 + shift;
    if (offset >= L) break;
    const cols = L - offset;
    const V = reflectorBlock(vectors, L, k0, k1, shift);
    const T = wyFactor(V, tau.subarray(k0, k1));
    const S = matrix(p, cols);
    for (let i = 0; i < p; ++i) S.data.set(x.subarray(i * L + offset, (i + 1) * L), i * cols);
    gemmInto(S, multiply(multiplyTransposeB(S, V), T), V, {alpha: -1, beta: 1}); // S − (SVᵀ)TV, V by rows
    for (let i = 0; i < p; ++i) x.set(S.data.subarray(i * cols, (i + 1) * cols), i * L + offset);
  }
}

/**
 * The upper-triangular T of the compact WY form H₀H₁⋯H_{b−1} = I − VᵀTV for the reflector vectors in the rows of V
 * (LAPACK dlarft, forward and columnwise): T_tt = τ_t and T[0..t−1][t] = −τ_t T[0..t−1][0..t−1] (V[0..t−1] v_t).
 */
export function wyFactor(V: Matrix, tau: Float64Array): Matrix {
  const b = V.rows;
  const G = multiplyTransposeB(V, V).data; // G[i][t] = v_iᵀ v_t
  const T = matrix(b, b);
  const x = T.data;
  for (let t = 0; t < b; ++t) {
    const tt = tau[t];
    x[t * b + t] = tt;
    for (let i = 0; i < t; ++i) {
      let sum = 0;
      for (let j = i; j < t; ++j) sum += x[i * b + j] * G[j * b + t];
      x[i * b + t] = -tt * sum;
    }
  }
  return T;
}

/**
 * The reflectors k0 … k1 − 1 of `vectors` (stored as for `accumulateReflectors`) as the rows of a block V: row t is
 * v_{k0+t} on coordinates k0 + shift … L − 1 (zero before its own start k0 + t + shift).
 */
export function reflectorBlock(vectors: Float64Array, L: number, k0: number, k1: number, shift: number): Matrix {
  const offset = k0 + shift;
  const cols = L - offset;
  const V = matrix(k1 - k0, cols);
  for (let k = k0; k < k1; ++k) {
    const from = k + shift;
    if (from >= L) continue;
    V.data.set(vectors.subarray(k * L + from, (k + 1) * L), (k - k0) * cols + (from - offset));
  }
  return V;
}
