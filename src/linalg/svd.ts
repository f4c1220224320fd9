// Thin singular value decomposition A = U diag(s) Vᵀ by Golub–Kahan–Reinsch: Householder bidiagonalisation, then
// implicit-shift QR on the bidiagonal matrix.
// References: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §5.4.8 (Householder
// bidiagonalisation, Algorithm 5.4.2) and §8.6.2–8.6.3 (the Golub–Kahan SVD step, Algorithms 8.6.1–8.6.2);
// G. H. Golub & C. Reinsch, "Singular value decomposition and least squares solutions", Numer. Math. 14 (1970)
// 403–420; the deflation tests and shift follow LINPACK dsvdc (Dongarra, Bunch, Moler & Stewart, 1979, ch. 11).
import {accumulateReflectors} from "./householder.js";
import {assertFiniteMatrix, matrix, transpose} from "./matrix.js";
import type {Matrix} from "./matrix.js";
import {bidiagonalizeWasm, rotationSpace} from "./reductionWasm.js";
import type {RotationSpace} from "./reductionWasm.js";

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
 *
 * Method: A (m ≥ n; otherwise Aᵀ) is scaled by a power of two and reduced to upper bidiagonal form A = U_B B V_Bᵀ by
 * alternating Householder reflections from the left (zeroing column k below the diagonal) and the right (zeroing
 * row k right of the superdiagonal). Per step, one pass over the trailing block forms zᵀ = τuᵀA; a second applies
 * A ← A − uzᵀ row by row and, while the row is in cache, the right reflection (a WebAssembly SIMD kernel,
 * reductionKernel.as). U_B and V_B are formed in blocks with the compact WY representation; implicit-shift QR
 * sweeps with LINPACK's deflation tests then diagonalise B, their rotations applied to the rows of U_Bᵀ and V_Bᵀ.
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
  const a = exponent === 0 ? A.data : A.data.map((x) => ldexp(x, exponent));

  const {d, e, leftVectors, leftTau, rightVectors, rightTau} = bidiagonalizeWasm(m, n, a); // e[n − 1] = 0
  const Ut = accumulateReflectors(n, m, leftVectors, leftTau, n, 0); // rows: left vectors of the bidiagonal
  const Vt = accumulateReflectors(n, n, rightVectors, rightTau, Math.max(0, n - 2), 1);
  bidiagonalQr(d, e, Ut, Vt);

  // Descending order (ties by position), permuting the rows of Uᵀ and Vᵀ alongside.
  const order = Array.from({length: n}, (_, i) => i).sort((i, j) => d[j] - d[i] || i - j);
  const s = Float64Array.from(order, (i) => ldexp(d[i], -exponent));
  return {U: transpose(permuteRows(Ut, order)), s, V: transpose(permuteRows(Vt, order))};
}

// Golub–Kahan SVD steps on the upper bidiagonal matrix (diagonal d, superdiagonal e, e[n − 1] = 0), until every
// e is negligible: |e_k| ≤ tiny + ε(|d_k| + |d_{k+1}|). Rotations on columns j, j+1 of V_B (U_B) are applied to
// rows j, j+1 of Vt (Ut), which stay in WebAssembly memory meanwhile; each QR sweep's rotations are recorded and
// applied as one chain by the SIMD kernel (reductionKernel.as rotateChain). On return d holds the singular values,
// non-negative but unsorted.
function bidiagonalQr(d: Float64Array, e: Float64Array, Ut: Matrix, Vt: Matrix): void {
  const space = rotationSpace(Vt, Ut);
  try {
    iterate(d, e, space, Ut.cols, Vt.cols);
  } finally {
    space.finish();
  }
}

function iterate(d: Float64Array, e: Float64Array, space: RotationSpace, m: number, n: number): void {
  const eps = Number.EPSILON;
  const tiny = 2 ** -966; // entries are scaled to at most 2
  const {first: vt, second: ut, firstCos: cv, firstSin: sv, secondCos: cu, secondSin: su} = space;
  let p = d.length; // the trailing d[p ..] have converged
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
        for (let q = (p - 1) * n; q < p * n; ++q) vt[q] = -vt[q];
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
        rotatePair(vt, n, j, p - 1, c, s);
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
        rotatePair(ut, m, j, ks, c, s);
      }
    } else {
      // One implicit QR step on the block lo … p − 1 with the shift from its trailing 2×2 block of BᵀB.
      if (++iterations > 75) {
        throw new Error(
          `svd: no convergence after 75 iterations (singular value ${p - 1}, residual ${Math.abs(e[p - 2])})`
        );
      }
      const lo = k + 1;
      const scale = Math.max(
        Math.abs(d[p - 1]),
        Math.abs(d[p - 2]),
        Math.abs(e[p - 2]),
        Math.abs(d[lo]),
        Math.abs(e[lo])
      );
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
      space.rotate(0, lo, p - 2);
      space.rotate(1, lo, p - 2);
    }
  }
}

// (row i, row k) ← (c·row i + s·row k, −s·row i + c·row k) in the row-major z with rows of w entries.
function rotatePair(z: Float64Array, w: number, i: number, k: number, c: number, s: number): void {
  const oi = i * w;
  const ok = k * w;
  for (let q = 0; q < w; ++q) {
    const x = z[oi + q];
    const y = z[ok + q];
    z[oi + q] = c * x + s * y;
    z[ok + q] = c * y - s * x;
  }
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
