// The rank-one merge shared by the divide-and-conquer solvers (tridiagonalDivideConquer, bidiagonalDivideConquer):
// the roots of the secular equation 1/ρ + Σ z_i²/(p_i − x) = 0 by the rational interpolation of LAPACK dlaed4,
// Gu & Eisenstat's recomputed ẑ, and the product of the merged blocks' vectors with the secular vectors.
// References: R.-C. Li, "Solving secular equations stably and efficiently", LAPACK Working Note 89 (1993); M. Gu &
// S. C. Eisenstat, "A stable and efficient algorithm for the rank-one modification of the symmetric eigenproblem",
// SIAM J. Matrix Anal. Appl. 15 (1994) 1266–1276; LAPACK dlaed3, dlaed4, dlasd3, dlasd4 (version 3.12).
import {gemmInto} from "./gemm.js";
import {matrix} from "./matrix.js";
import type {Matrix} from "./matrix.js";

/** Unit roundoff, as LAPACK dlamch('E'). */
export const EPSILON = 2 ** -53;

/**
 * Fills `out` with p_i − p_origin for every pole i. The poles themselves are never needed, only these differences,
 * which the caller computes accurately (d_i − d_o for eigenvalues, (d_i − d_o)(d_i + d_o) for squared singular values).
 */
export type PoleOffsets = (origin: number, out: Float64Array) => void;

/** The K roots x_0 < … < x_{K−1} of a secular equation, each relative to its nearer pole. */
export interface SecularRoots {
  /** origin[j]: the pole x_j is measured from. */
  origin: Int32Array;
  /** x_j = p_origin[j] + tau[j]. */
  tau: Float64Array;
  /** K×K row-major: row j holds p_i − x_j, accurate to a few ulps of each entry. */
  delta: Float64Array;
}

/**
 * The roots of 1/ρ + Σ z_i²/(p_i − x) = 0 for K ≥ 2 strictly ascending poles p_i (known through `offsets`), nonzero z
 * with Σ z_i² = 1, and ρ > 0: x_j ∈ (p_j, p_{j+1}) and x_{K−1} ∈ (p_{K−1}, p_{K−1} + ρ).
 */
export function secularRoots(z: ArrayLike<number>, rho: number, offsets: PoleOffsets): SecularRoots {
  const K = z.length;
  const weights = Float64Array.from(z); // one array type in the hot loop, whatever the caller passes
  const origin = new Int32Array(K);
  const tau = new Float64Array(K);
  const delta = new Float64Array(K * K);
  const work = new Float64Array(K);
  for (let j = 0; j < K; ++j) {
    tau[j] = secularRoot(weights, rho, offsets, j, delta.subarray(j * K, (j + 1) * K), work, origin);
  }
  return {origin, tau, delta};
}

/**
 * Gu & Eisenstat's ẑ: the vector for which the computed roots are exact, ẑ_i² = Π_j (x_j − p_i) / Π_{j≠i} (p_j − p_i)
 * (ρẑ_i² for the normalised equation, i.e. the unnormalised z_i²), with the signs of z. Eigenvectors formed from
 * ẑ_i/(p_i − x_j) are then orthogonal to working precision.
 */
export function recomputedZ(z: ArrayLike<number>, delta: Float64Array, offsets: PoleOffsets): Float64Array {
  const K = z.length;
  // The products are formed for all i at once, factor j = 0, 1, … in turn.
  const product = new Float64Array(K);
  const difference = new Float64Array(K);
  for (let i = 0; i < K; ++i) product[i] = delta[i * K + i];
  for (let j = 0; j < K; ++j) {
    const row = j * K;
    offsets(j, difference); // p_i − p_j
    for (let i = 0; i < K; ++i) if (i !== j) product[i] *= delta[row + i] / difference[i];
  }
  const zhat = new Float64Array(K);
  for (let i = 0; i < K; ++i) {
    const magnitude = Math.sqrt(Math.max(0, -product[i]));
    zhat[i] = z[i] >= 0 ? magnitude : -magnitude;
  }
  return zhat;
}

/** Rows from … to − 1 of one column of a matrix: row from + i is data[offset + i·stride]. */
export interface ColumnSource {
  data: Float64Array;
  offset: number;
  stride: number;
}

/**
 * out[from + i][place[t]] = Σ_r columns[r](i)·S[rows[r]][t] for i = 0 … to − from − 1, in the row-major `out` with
 * rows of `width`: rows from … to − 1 of a merged vector matrix Q[:, kept]·S, using only the columns of Q that are
 * nonzero in those rows, as one matrix product.
 */
export function blockProduct(
  columns: readonly ColumnSource[],
  rows: readonly number[],
  S: Matrix,
  from: number,
  to: number,
  out: Float64Array,
  width: number,
  place: Int32Array
): void {
  const height = to - from;
  const K = S.cols;
  const inner = columns.length;
  if (inner === 0 || height === 0) return;
  const A = matrix(height, inner);
  const B = matrix(inner, K);
  const a = A.data;
  for (let r = 0; r < inner; ++r) {
    const {data, offset, stride} = columns[r];
    for (let i = 0, q = offset; i < height; ++i, q += stride) a[i * inner + r] = data[q];
  }
  for (let r = 0; r < inner; ++r) B.data.set(S.data.subarray(rows[r] * K, (rows[r] + 1) * K), r * K);
  const C = gemmInto(matrix(height, K), A, B).data;
  for (let i = 0; i < height; ++i) {
    const row = (from + i) * width;
    for (let t = 0; t < K; ++t) out[row + place[t]] = C[i * K + t];
  }
}

const maxIterations = 100;

// Root j by the rational interpolation of dlaed4: ψ (poles up to j) and φ (the rest) are each replaced by a constant
// plus one pole term matching value and slope, and the resulting quadratic solved. The root is carried as τ = x − p_o
// with the origin o the nearer pole, so that every p_i − x = (p_i − p_o) − τ is accurate; the iteration keeps a
// bracket and bisects whenever the step leaves it. Writes p_i − x to delta and the origin to origin[j]; returns τ.
function secularRoot(
  z: Float64Array,
  rho: number,
  poleOffsets: PoleOffsets,
  j: number,
  delta: Float64Array,
  offsets: Float64Array,
  origin: Int32Array
): number {
  const K = z.length;
  const rhoInv = 1 / rho;
  const sums = new Float64Array(5); // ψ, ψ′, φ, φ′ and Σ|terms| at the current τ
  let lo: number;
  let hi: number;
  let tau: number;
  const pole1 = j === K - 1 ? K - 2 : j; // the two poles of the model: the interpolated ψ and φ terms
  const pole2 = pole1 + 1;
  if (j === K - 1) {
    origin[j] = K - 1;
    poleOffsets(K - 1, offsets);
    let norm2 = 0;
    for (let i = 0; i < K; ++i) norm2 += z[i] * z[i];
    lo = 0;
    hi = rho * norm2 * (1 + 4 * EPSILON) + Number.MIN_VALUE;
    tau = hi / 2;
    evaluate(z, offsets, delta, tau, pole1, sums);
  } else {
    // Evaluate at the midpoint of the gap, whose sign tells which half holds the root; the origin is the pole at
    // the end of that half, and the evaluation serves as the first iteration.
    origin[j] = j;
    poleOffsets(j, offsets);
    const gap = offsets[j + 1];
    tau = gap / 2;
    evaluate(z, offsets, delta, tau, pole1, sums);
    if (rhoInv + sums[0] + sums[2] > 0) {
      lo = 0;
      hi = tau;
    } else {
      origin[j] = j + 1;
      poleOffsets(j + 1, offsets);
      lo = -gap / 2;
      hi = 0;
      tau = lo;
      for (let i = 0; i < K; ++i) delta[i] = offsets[i] - tau;
    }
  }
  for (let iteration = 0; ; ++iteration) {
    if (iteration > 0) evaluate(z, offsets, delta, tau, pole1, sums);
    const psi = sums[0];
    const dpsi = sums[1];
    const phi = sums[2];
    const dphi = sums[3];
    const magnitude = sums[4];
    const w = rhoInv + psi + phi;
    if (w === 0) break;
    // The error bound of the evaluation (as dlaed4's erretm), and the bracket update: w increases with τ.
    if (Math.abs(w) <= 8 * EPSILON * (rhoInv + magnitude + Math.abs(tau) * (dpsi + dphi))) break;
    if (w < 0) lo = tau;
    else hi = tau;
    if (iteration >= maxIterations || hi - lo <= 4 * EPSILON * Math.max(Math.abs(lo), Math.abs(hi))) break;
    const a1 = delta[pole1];
    const a2 = delta[pole2];
    const c = w - a1 * dpsi - a2 * dphi;
    const a = (a1 + a2) * w - a1 * a2 * (dpsi + dphi);
    const b = a1 * a2 * w;
    let eta: number;
    if (j === K - 1) {
      // Both poles lie below the root: the other root of the quadratic (dlaed4, case i = n).
      const cc = Math.abs(c);
      if (cc === 0) eta = hi - tau;
      else if (a >= 0) eta = (a + Math.sqrt(Math.abs(a * a - 4 * b * cc))) / (2 * cc);
      else eta = (2 * b) / (a - Math.sqrt(Math.abs(a * a - 4 * b * cc)));
    } else if (c === 0) eta = a === 0 ? 0 : b / a;
    else if (a <= 0) eta = (a - Math.sqrt(Math.abs(a * a - 4 * b * c))) / (2 * c);
    else eta = (2 * b) / (a + Math.sqrt(Math.abs(a * a - 4 * b * c)));
    // The step must point uphill of w's sign; otherwise take Newton's.
    if (w * eta >= 0) eta = -w / (dpsi + dphi);
    let next = tau + eta;
    if (!(next > lo && next < hi)) next = lo / 2 + hi / 2;
    if (next === tau) break;
    tau = next;
  }
  return tau;
}

// Fills delta with p_i − x = offsets_i − τ, and sums with the totals of the terms z_i²/(p_i − x) up to pole1 (ψ)
// and their derivatives, of the terms after it (φ) and derivatives, and of the terms' magnitudes.
function evaluate(
  z: Float64Array,
  offsets: Float64Array,
  delta: Float64Array,
  tau: number,
  pole1: number,
  sums: Float64Array
): void {
  // Split at pole1 (no test per term); the magnitudes run on from the first part, so every sum is over ascending i.
  sums[4] = 0;
  accumulate(z, offsets, delta, tau, 0, pole1 + 1, sums, 0);
  accumulate(z, offsets, delta, tau, pole1 + 1, z.length, sums, 2);
}

// For i = from … to − 1: delta_i = offsets_i − τ; sums[slot] = Σ z_i²/delta_i, sums[slot + 1] = Σ (z_i/delta_i)², and
// sums[4] += Σ |z_i²/delta_i|.
function accumulate(
  z: Float64Array,
  offsets: Float64Array,
  delta: Float64Array,
  tau: number,
  from: number,
  to: number,
  sums: Float64Array,
  slot: number
): void {
  let value = 0;
  let slope = 0;
  let magnitude = sums[4];
  for (let i = from; i < to; ++i) {
    const di = offsets[i] - tau;
    delta[i] = di;
    const t = z[i] / di;
    const term = z[i] * t;
    value += term;
    slope += t * t;
    magnitude += Math.abs(term);
  }
  sums[slot] = value;
  sums[slot + 1] = slope;
  sums[4] = magnitude;
}

/** (x, y) ← (c·x + s·y, c·y − s·x) (BLAS drot): the rotation that deflates a pair of close poles. */
export function rotatePair(x: Float64Array, y: Float64Array, c: number, s: number): void {
  for (let i = 0; i < x.length; ++i) {
    const a = x[i];
    const b = y[i];
    x[i] = c * a + s * b;
    y[i] = c * b - s * a;
  }
}
