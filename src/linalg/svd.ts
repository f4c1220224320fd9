// Thin singular value decomposition A = U diag(s) Vᵀ by Golub–Kahan–Reinsch: Householder bidiagonalisation, then
// implicit-shift QR on the bidiagonal matrix.
// References: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §5.4.8 (Householder
// bidiagonalisation, Algorithm 5.4.2) and §8.6.2–8.6.3 (the Golub–Kahan SVD step, Algorithms 8.6.1–8.6.2);
// G. H. Golub & C. Reinsch, "Singular value decomposition and least squares solutions", Numer. Math. 14 (1970)
// 403–420; the deflation tests and shift follow LINPACK dsvdc (Dongarra, Bunch, Moler & Stewart, 1979, ch. 11).
import {accumulateReflectors, householderVector} from "./householder.js";
import {assertFiniteMatrix, matrix, transpose} from "./matrix.js";
import type {Matrix} from "./matrix.js";

/** A = U diag(s) Vᵀ with p = min(m, n). */
export interface Svd {
  /** m×p with orthonormal columns (left singular vectors). */
  U: Matrix;
  /** The p singular values, descending and non-negative. */
  s: Float64Array;
  /** n×p with orthonormal columns (right singular vectors). */
  V: Matrix;
}

/**
 * The thin SVD of an m×n matrix: U is m×p, s has p = min(m, n) descending entries, V is n×p, and A = U diag(s) Vᵀ.
 * Both U and V always have orthonormal columns, including for rank-deficient A, whose null directions are
 * completed orthonormally. Backward stable: ‖A − U diag(s) Vᵀ‖, ‖UᵀU − I‖, ‖VᵀV − I‖ are O(max(m, n)·ε·‖A‖),
 * and each singular value is within O(max(m, n)·ε·‖A‖) of the exact one. Singular vectors of (nearly) repeated
 * singular values are any orthonormal basis of their subspace, fixed by the input bits. Throws on non-finite input
 * and if the bidiagonal QR iteration fails to converge (more than 75 sweeps for one singular value).
 */
export function svd(A: Matrix): Svd {
  assertFiniteMatrix(A, "svd");
  if (A.rows < A.cols) {
    const {U, s, V} = svd(transpose(A));
    return {U: V, s, V: U};
  }
  const {rows: m, cols: n} = A;
  if (n === 0) return {U: matrix(m, 0), s: new Float64Array(0), V: matrix(0, 0)};

  // Scale by a power of two (exact) so that the largest entry lies in [1, 2): the iteration then never
  // overflows or underflows, and the result scales exactly with A.
  let amax = 0;
  for (const x of A.data) amax = Math.max(amax, Math.abs(x));
  const exponent = amax === 0 ? 0 : -Math.floor(Math.log2(amax));
  const a = A.data.slice();
  if (exponent !== 0) for (let q = 0; q < a.length; ++q) a[q] = ldexp(a[q], exponent);

  const d = new Float64Array(n);
  const e = new Float64Array(n); // e[n − 1] = 0
  const leftVectors = new Float64Array(n * m);
  const leftTau = new Float64Array(n);
  const rightVectors = new Float64Array(n * n);
  const rightTau = new Float64Array(n);
  bidiagonalize(m, n, a, d, e, leftVectors, leftTau, rightVectors, rightTau);
  const Ut = accumulateReflectors(n, m, leftVectors, leftTau, n, 0); // rows: left vectors of the bidiagonal
  const Vt = accumulateReflectors(n, n, rightVectors, rightTau, Math.max(0, n - 2), 1);
  bidiagonalQr(d, e, Ut, Vt);

  // Descending order (ties by position), permuting the rows of Uᵀ and Vᵀ alongside.
  const order = Array.from({length: n}, (_, i) => i).sort((i, j) => d[j] - d[i] || i - j);
  const s = Float64Array.from(order, (i) => ldexp(d[i], -exponent));
  return {U: transpose(permuteRows(Ut, order)), s, V: transpose(permuteRows(Vt, order))};
}

// Householder bidiagonalisation of the m×n row-major `a` (m ≥ n, overwritten): A = U_B B V_Bᵀ with B upper
// bidiagonal (diagonal d, superdiagonal e), U_B = H₀⋯H_{n−1} and V_B = G₀⋯G_{n−3}. H_k zeroes column k below the
// diagonal; G_k zeroes row k right of the superdiagonal. Vectors go to the rows of leftVectors (coordinates
// k … m − 1) and rightVectors (coordinates k + 1 … n − 1), with their τ. Per step, one pass over the trailing
// block forms zᵀ = τuᵀA; a second applies A ← A − uzᵀ row by row and, while the row is in cache, the right
// reflection A ← A(I − τyyᵀ).
function bidiagonalize(
  m: number,
  n: number,
  a: Float64Array,
  d: Float64Array,
  e: Float64Array,
  leftVectors: Float64Array,
  leftTau: Float64Array,
  rightVectors: Float64Array,
  rightTau: Float64Array
): void {
  const reflection = new Float64Array(2);
  const u = new Float64Array(m);
  const z = new Float64Array(n);
  for (let k = 0; k < n; ++k) {
    // Left reflection from column k, rows k … m − 1.
    householderVector(a, k * n + k, n, m - k, reflection);
    const tl = reflection[0];
    d[k] = reflection[1];
    leftTau[k] = tl;
    u[k] = 1;
    for (let i = k + 1; i < m; ++i) u[i] = a[i * n + k];
    leftVectors.set(u.subarray(k, m), k * m + k);
    if (k + 1 >= n) break;

    // zᵀ = τ uᵀ A[k.., k+1..], then the update of row k.
    z.fill(0, k + 1, n);
    if (tl !== 0) {
      accumulateRows(a, n, u, k, m, k + 1, z);
      for (let j = k + 1; j < n; ++j) z[j] *= tl;
      const row = k * n;
      for (let j = k + 1; j < n; ++j) a[row + j] -= z[j];
    }

    if (k + 2 >= n) {
      // No right reflection is left: finish the left update and read off the last superdiagonal entry.
      e[k] = a[k * n + k + 1];
      for (let i = k + 1; i < m; ++i) {
        const row = i * n;
        const ui = u[i];
        for (let j = k + 1; j < n; ++j) a[row + j] -= ui * z[j];
      }
      continue;
    }

    // Right reflection from row k, columns k + 1 … n − 1.
    const rowK = k * n;
    householderVector(a, rowK + k + 1, 1, n - k - 1, reflection);
    const tr = reflection[0];
    e[k] = reflection[1];
    rightTau[k] = tr;
    a[rowK + k + 1] = 1; // a[k][k+1 ..] now holds y
    rightVectors.set(a.subarray(rowK + k + 1, rowK + n), k * n + k + 1);
    updateRows(a, n, u, z, k + 1, m, k + 1, rowK, tr);
  }
}

// z[j] += Σ_{i = lo … hi−1} u_i a[i][j] for j = from … n − 1, four rows per pass over z.
function accumulateRows(a: Float64Array, n: number, u: Float64Array, lo: number, hi: number, from: number, z: Float64Array): void {
  let i = lo;
  for (; i + 3 < hi; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    const u0 = u[i];
    const u1 = u[i + 1];
    const u2 = u[i + 2];
    const u3 = u[i + 3];
    for (let j = from; j < n; ++j) z[j] += u0 * a[r0 + j] + u1 * a[r1 + j] + u2 * a[r2 + j] + u3 * a[r3 + j];
  }
  for (; i < hi; ++i) {
    const r = i * n;
    const ui = u[i];
    for (let j = from; j < n; ++j) z[j] += ui * a[r + j];
  }
}

// For rows i = lo … hi − 1, columns j ≥ from: x = a_ij − u_i z_j (the left update), then
// a_ij = x − τ(x·y)y_j (the right reflection with y_j = a[yRow + j]), two rows per pass.
function updateRows(
  a: Float64Array,
  n: number,
  u: Float64Array,
  z: Float64Array,
  lo: number,
  hi: number,
  from: number,
  yRow: number, // offset of row k, so y_j = a[yRow + j]
  tau: number
): void {
  const y = yRow; // y_j = a[y + j]
  let i = lo;
  for (; i + 1 < hi; i += 2) {
    const r0 = i * n;
    const r1 = r0 + n;
    const u0 = u[i];
    const u1 = u[i + 1];
    let s0 = 0;
    let s1 = 0;
    for (let j = from; j < n; ++j) {
      const zj = z[j];
      const yj = a[y + j];
      const x0 = a[r0 + j] - u0 * zj;
      const x1 = a[r1 + j] - u1 * zj;
      a[r0 + j] = x0;
      a[r1 + j] = x1;
      s0 += x0 * yj;
      s1 += x1 * yj;
    }
    s0 *= tau;
    s1 *= tau;
    for (let j = from; j < n; ++j) {
      const yj = a[y + j];
      a[r0 + j] -= s0 * yj;
      a[r1 + j] -= s1 * yj;
    }
  }
  for (; i < hi; ++i) {
    const r = i * n;
    const ui = u[i];
    let s = 0;
    for (let j = from; j < n; ++j) {
      const x = a[r + j] - ui * z[j];
      a[r + j] = x;
      s += x * a[y + j];
    }
    s *= tau;
    for (let j = from; j < n; ++j) a[r + j] -= s * a[y + j];
  }
}

// Golub–Kahan SVD steps on the upper bidiagonal matrix (diagonal d, superdiagonal e, e[n − 1] = 0), until every
// e is negligible: |e_k| ≤ tiny + ε(|d_k| + |d_{k+1}|). Rotations on columns j, j+1 of V_B (U_B) are applied to
// rows j, j+1 of Vt (Ut). On return d holds the singular values, non-negative but unsorted.
function bidiagonalQr(d: Float64Array, e: Float64Array, Ut: Matrix, Vt: Matrix): void {
  const n = d.length;
  const eps = Number.EPSILON;
  const tiny = 2 ** -966; // entries are scaled to at most 2
  const cu = new Float64Array(n);
  const su = new Float64Array(n);
  const cv = new Float64Array(n);
  const sv = new Float64Array(n);
  let p = n; // the trailing d[p ..] have converged
  let iterations = 0;
  while (p > 0) {
    // The largest k < p − 1 with negligible e[k] (−1 if none): the block k + 1 … p − 1 is unreduced.
    let k = p - 2;
    for (; k >= 0; --k) {
      if (Math.abs(e[k]) <= tiny + eps * (Math.abs(d[k]) + Math.abs(d[k + 1]))) {
        e[k] = 0;
        break;
      }
    }
    if (k === p - 2) {
      // d[p − 1] has converged: make it non-negative.
      if (d[p - 1] <= 0) {
        d[p - 1] = d[p - 1] < 0 ? -d[p - 1] : 0;
        negateRow(Vt, p - 1);
      }
      --p;
      iterations = 0;
      continue;
    }
    // A negligible diagonal entry in the block?
    let ks = p - 1;
    for (; ks > k; --ks) {
      const t = (ks !== p - 1 ? Math.abs(e[ks]) : 0) + (ks !== k + 1 ? Math.abs(e[ks - 1]) : 0);
      if (Math.abs(d[ks]) <= tiny + eps * t) {
        d[ks] = 0;
        break;
      }
    }
    if (ks === p - 1) {
      // d[p − 1] = 0: rotate e[p − 2] away with rotations from the right (columns j and p − 1 of V_B).
      let f = e[p - 2];
      e[p - 2] = 0;
      for (let j = p - 2; j > k; --j) {
        const t = Math.hypot(d[j], f);
        const c = d[j] / t;
        const s = f / t;
        d[j] = t;
        if (j !== k + 1) {
          f = -s * e[j - 1];
          e[j - 1] = c * e[j - 1];
        }
        rotatePair(Vt, j, p - 1, c, s);
      }
    } else if (ks > k) {
      // d[ks] = 0: the matrix splits; rotate e[ks] away with rotations from the left (columns j and ks of U_B).
      let f = e[ks];
      e[ks] = 0;
      for (let j = ks + 1; j < p; ++j) {
        const t = Math.hypot(d[j], f);
        const c = d[j] / t;
        const s = f / t;
        d[j] = t;
        f = -s * e[j];
        e[j] = c * e[j];
        rotatePair(Ut, j, ks, c, s);
      }
    } else {
      // One implicit QR step on the block lo … p − 1 with the shift from its trailing 2×2 block of BᵀB.
      if (++iterations > 75) {
        throw new Error(`svd: no convergence after 75 iterations (singular value ${p - 1}, residual ${Math.abs(e[p - 2])})`);
      }
      const lo = k + 1;
      const scale = Math.max(Math.abs(d[p - 1]), Math.abs(d[p - 2]), Math.abs(e[p - 2]), Math.abs(d[lo]), Math.abs(e[lo]));
      const sp = d[p - 1] / scale;
      const spm1 = d[p - 2] / scale;
      const epm1 = e[p - 2] / scale;
      const sk = d[lo] / scale;
      const ek = e[lo] / scale;
      const b = ((spm1 + sp) * (spm1 - sp) + epm1 * epm1) / 2;
      const c2 = sp * epm1 * (sp * epm1);
      let shift = 0;
      if (b !== 0 || c2 !== 0) {
        shift = Math.sqrt(b * b + c2);
        if (b < 0) shift = -shift;
        shift = c2 / (b + shift);
      }
      let f = (sk + sp) * (sk - sp) + shift;
      let g = sk * ek;
      for (let j = lo; j < p - 1; ++j) {
        let t = Math.hypot(f, g);
        let c = f / t;
        let s = g / t;
        if (j !== lo) e[j - 1] = t;
        f = c * d[j] + s * e[j];
        e[j] = c * e[j] - s * d[j];
        g = s * d[j + 1];
        d[j + 1] = c * d[j + 1];
        cv[j] = c;
        sv[j] = s;
        t = Math.hypot(f, g);
        c = f / t;
        s = g / t;
        d[j] = t;
        f = c * e[j] + s * d[j + 1];
        d[j + 1] = -s * e[j] + c * d[j + 1];
        g = s * e[j + 1];
        e[j + 1] = c * e[j + 1];
        cu[j] = c;
        su[j] = s;
      }
      e[p - 2] = f;
      rotateChain(Vt.data, Vt.cols, cv, sv, lo, p - 2);
      rotateChain(Ut.data, Ut.cols, cu, su, lo, p - 2);
    }
  }
}

// Applies rotations j = from, from + 1, …, to (in that order) to the rows of the row-major array z (row length w):
// rotation j maps (row j, row j + 1) to (c_j·row j + s_j·row j+1, −s_j·row j + c_j·row j+1). Consecutive rotations
// share a row, so four at a time run in one pass that keeps the shared row in a register.
function rotateChain(z: Float64Array, w: number, c: Float64Array, s: Float64Array, from: number, to: number): void {
  let j = from;
  for (; j + 3 <= to; j += 4) {
    const c0 = c[j];
    const s0 = s[j];
    const c1 = c[j + 1];
    const s1 = s[j + 1];
    const c2 = c[j + 2];
    const s2 = s[j + 2];
    const c3 = c[j + 3];
    const s3 = s[j + 3];
    const o0 = j * w;
    const o1 = o0 + w;
    const o2 = o1 + w;
    const o3 = o2 + w;
    const o4 = o3 + w;
    for (let q = 0; q < w; ++q) {
      let x = z[o0 + q];
      let y = z[o1 + q];
      z[o0 + q] = c0 * x + s0 * y;
      x = c0 * y - s0 * x;
      y = z[o2 + q];
      z[o1 + q] = c1 * x + s1 * y;
      x = c1 * y - s1 * x;
      y = z[o3 + q];
      z[o2 + q] = c2 * x + s2 * y;
      x = c2 * y - s2 * x;
      y = z[o4 + q];
      z[o3 + q] = c3 * x + s3 * y;
      z[o4 + q] = c3 * y - s3 * x;
    }
  }
  for (; j <= to; ++j) {
    const cj = c[j];
    const sj = s[j];
    const o0 = j * w;
    const o1 = o0 + w;
    for (let q = 0; q < w; ++q) {
      const x = z[o0 + q];
      const y = z[o1 + q];
      z[o0 + q] = cj * x + sj * y;
      z[o1 + q] = cj * y - sj * x;
    }
  }
}

// (row i, row k) ← (c·row i + s·row k, −s·row i + c·row k).
function rotatePair(M: Matrix, i: number, k: number, c: number, s: number): void {
  const {cols: w, data: z} = M;
  const oi = i * w;
  const ok = k * w;
  for (let q = 0; q < w; ++q) {
    const x = z[oi + q];
    const y = z[ok + q];
    z[oi + q] = c * x + s * y;
    z[ok + q] = c * y - s * x;
  }
}

function negateRow(M: Matrix, i: number): void {
  const {cols: w, data: z} = M;
  for (let q = i * w; q < (i + 1) * w; ++q) z[q] = -z[q];
}

function permuteRows(M: Matrix, order: readonly number[]): Matrix {
  const {cols: w, data: z} = M;
  const P = matrix(order.length, w);
  order.forEach((from, to) => P.data.set(z.subarray(from * w, (from + 1) * w), to * w));
  return P;
}

// x·2^k, exact unless the result leaves the normal range; split in two steps so 2^k itself never overflows.
function ldexp(x: number, k: number): number {
  const h = Math.trunc(k / 2);
  return x * 2 ** h * 2 ** (k - h);
}
