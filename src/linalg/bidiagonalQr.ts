// Singular values and vectors of a bidiagonal matrix by implicit-shift QR (Golub–Kahan–Reinsch), with LINPACK's
// deflation tests and shift.
// References: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §8.6.2–8.6.3 (the Golub–Kahan SVD
// step, Algorithms 8.6.1–8.6.2); G. H. Golub & C. Reinsch, "Singular value decomposition and least squares
// solutions", Numer. Math. 14 (1970) 403–420; LINPACK dsvdc (Dongarra, Bunch, Moler & Stewart, 1979, ch. 11).
import type {Matrix} from "./matrix.js";
import {rotationSpace} from "./reductionWasm.js";
import type {RotationSpace} from "./reductionWasm.js";

/**
 * Diagonalises the n×n upper bidiagonal matrix B (diagonal d, superdiagonal e of length n with e[n − 1] = 0; entries
 * at most 2 in magnitude) by Golub–Kahan SVD steps, until every e is negligible: |e_k| ≤ tiny + ε(|d_k| + |d_{k+1}|),
 * where `tiny` (default 2^−966, just above underflow) is an absolute floor: a caller content with absolute accuracy
 * passes ε‖B‖, which also ends the slow convergence of strongly graded matrices at entries far below ε‖B‖. With
 * B = U_B Σ V_Bᵀ to be found, rotations on columns j, j+1 of V_B (U_B) are applied to rows j, j+1 of Vt (Ut): start
 * them from identity rows to get the singular vectors as rows, or from the rows of earlier transformations to
 * accumulate. The matrices stay in WebAssembly memory meanwhile; each QR sweep's rotations are recorded and applied as
 * one chain by the SIMD kernel (reductionKernel.as rotateChain). On return d holds the singular values, non-negative
 * but unsorted. Throws if more than 75 sweeps are needed for one singular value.
 *
 * When Vt has n + 1 rows, B is n×(n + 1) with e[n − 1] its entry in column n. That entry is first chased out of the
 * matrix by rotations of columns j and n from the right (j = n − 1 … 0, as LAPACK dlasdq does for sqre = 1), leaving
 * an n×n bidiagonal matrix and a zero column, whose right vector ends in row n of Vt.
 */
export function bidiagonalQr(d: Float64Array, e: Float64Array, Ut: Matrix, Vt: Matrix, tiny = 2 ** -966): void {
  const n = d.length;
  if (Vt.rows === n + 1) {
    let f = e[n - 1];
    e[n - 1] = 0;
    for (let j = n - 1; j >= 0 && f !== 0; --j) {
      const t = Math.hypot(d[j], f);
      const c = d[j] / t;
      const s = f / t;
      d[j] = t;
      f = j > 0 ? -s * e[j - 1] : 0;
      if (j > 0) e[j - 1] = c * e[j - 1];
      rotatePair(Vt.data, Vt.cols, j, n, c, s);
    }
  }
  const space = rotationSpace(Vt, Ut);
  try {
    iterate(d, e, space, Ut.cols, Vt.cols, tiny);
  } finally {
    space.finish();
  }
}

function iterate(d: Float64Array, e: Float64Array, space: RotationSpace, m: number, n: number, tiny: number): void {
  const eps = Number.EPSILON;
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
