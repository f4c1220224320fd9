// Eigenvalues (and optionally eigenvectors) of a symmetric tridiagonal matrix by implicit QL with Wilkinson shifts.
import type {Matrix} from "./matrix.js";
import {ldexp, unitScaleExponent} from "./powerOfTwo.js";

/**
 * Eigenvalues of the symmetric tridiagonal matrix T with diagonal `d` (length n) and off-diagonal `e`
 * (length n − 1; e[i] couples coordinates i and i + 1), returned in ascending order. `d` and `e` are not
 * modified.
 *
 * The algorithm is the implicit QL iteration with Wilkinson shifts (Golub & Van Loan, Matrix Computations,
 * 4th ed., §8.3; Numerical Recipes, 3rd ed., §11.4, routine tqli; EISPACK tql2). The matrix is first scaled
 * by a power of two so that its largest entry lies in [1, 2), which keeps every rotation free of overflow
 * and underflow and makes the result exactly scale-equivariant.
 *
 * If `basis` (an n×m row-major matrix) is given, every plane rotation acting on coordinates (i, i + 1) is
 * applied in place to rows i and i + 1 of `basis`, and at the end its rows are permuted into ascending
 * eigenvalue order. With basis = I, row j becomes the unit eigenvector of T for eigenvalue j; with
 * basis = Qᵀ where A = Q T Qᵀ, row j becomes the unit eigenvector of A for eigenvalue j.
 *
 * Throws on non-finite input, on mismatched lengths, and if the eigenvalues need more than 30n QL sweeps in all.
 */
export function tridiagonalEigen(d: Float64Array, e: Float64Array, basis?: Matrix): Float64Array {
  assertFiniteTridiagonal(d, e, "tridiagonalEigen");
  const n = d.length;
  if (basis !== undefined && (basis.rows !== n || basis.data.length !== basis.rows * basis.cols)) {
    throw new Error(`tridiagonalEigen: basis is ${basis.rows}×${basis.cols}, expected ${n} rows`);
  }
  const exponent = unitScaleExponent(d, e);
  if (n <= 1 || exponent === null) return d.slice(); // already diagonal (all zero): nothing to rotate

  const w = new Float64Array(n); // diagonal, becomes the eigenvalues
  const f = new Float64Array(n); // off-diagonal, f[n − 1] = 0 as a sentinel
  for (let i = 0; i < n; ++i) w[i] = ldexp(d[i], exponent);
  for (let i = 0; i < n - 1; ++i) f[i] = ldexp(e[i], exponent);

  const z = basis?.data;
  const m = basis === undefined ? 0 : basis.cols;
  // Each sweep's rotations are recorded and applied to the basis afterwards, four at a time.
  const cosines = new Float64Array(z === undefined ? 0 : n);
  const sines = new Float64Array(z === undefined ? 0 : n);

  // A total budget of QL sweeps, as in LAPACK's dsteqr (30 per eigenvalue), rather than a budget per eigenvalue:
  // eigenvalues at rounding-noise level (a rank-deficient Gram matrix) may need many sweeps each.
  const maxSweeps = SWEEPS_PER_EIGENVALUE * n;
  let sweeps = 0;
  for (let l = 0; l < n; ++l) {
    for (;;) {
      // Find the first negligible off-diagonal entry at or after l.
      let k = l;
      for (; k < n - 1; ++k) {
        const dd = Math.abs(w[k]) + Math.abs(w[k + 1]);
        const ek = Math.abs(f[k]);
        if (ek <= EPSILON * dd || ek < TINY) break;
      }
      if (k === l) break; // w[l] has converged
      if (++sweeps > maxSweeps) {
        throw new Error(`tridiagonalEigen: no convergence after ${maxSweeps} QL sweeps (at index ${l})`);
      }

      // Wilkinson shift from the leading 2×2 block of the unreduced segment [l, k].
      let g = (w[l + 1] - w[l]) / (2 * f[l]);
      let r = pythag(g, 1);
      g = w[k] - w[l] + f[l] / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = k - 1;
      for (; i >= l; --i) {
        const fi = s * f[i];
        const b = c * f[i];
        r = pythag(fi, g);
        f[i + 1] = r;
        if (r === 0) {
          // Underflow: the segment splits at i + 1; undo the partial shift and start over.
          w[i + 1] -= p;
          f[k] = 0;
          break;
        }
        s = fi / r;
        c = g / r;
        if (z !== undefined) {
          cosines[i] = c;
          sines[i] = s;
        }
        g = w[i + 1] - p;
        r = (w[i] - g) * s + 2 * c * b;
        p = s * r;
        w[i + 1] = g + p;
        g = c * r - b;
      }
      // Apply this sweep's rotations k − 1, k − 2, …, i + 1 to the basis rows.
      if (z !== undefined) rotateRows(z, m, cosines, sines, k - 1, i + 1);
      if (r === 0 && i >= l) continue;
      w[l] -= p;
      f[l] = g;
      f[k] = 0;
    }
  }

  // Selection sort into ascending order, permuting basis rows alongside.
  for (let i = 0; i < n - 1; ++i) {
    let k = i;
    let wk = w[i];
    for (let j = i + 1; j < n; ++j) {
      if (w[j] < wk) {
        k = j;
        wk = w[j];
      }
    }
    if (k !== i) {
      w[k] = w[i];
      w[i] = wk;
      if (z !== undefined) {
        const oi = i * m;
        const ok = k * m;
        for (let j = 0; j < m; ++j) {
          const t = z[oi + j];
          z[oi + j] = z[ok + j];
          z[ok + j] = t;
        }
      }
    }
  }

  for (let i = 0; i < n; ++i) w[i] = ldexp(w[i], -exponent);
  return w;
}

/**
 * Throws unless `e` has length max(0, n − 1) for the n entries of `d` and every entry is finite; messages start with
 * `caller` and name the index.
 */
export function assertFiniteTridiagonal(d: Float64Array, e: Float64Array, caller: string): void {
  const n = d.length;
  if (e.length !== Math.max(0, n - 1)) {
    throw new Error(`${caller}: off-diagonal has length ${e.length}, expected ${Math.max(0, n - 1)}`);
  }
  for (let i = 0; i < n; ++i) {
    if (!Number.isFinite(d[i])) throw new Error(`${caller}: non-finite input ${d[i]} on the diagonal at index ${i}`);
  }
  for (let i = 0; i < n - 1; ++i) {
    if (!Number.isFinite(e[i])) throw new Error(`${caller}: non-finite input ${e[i]} off the diagonal at index ${i}`);
  }
}

const EPSILON = 2 ** -52;
const TINY = 2 ** -1000; // entries are scaled to at most 2, so anything below this is negligible
const SWEEPS_PER_EIGENVALUE = 30;

// Applies the plane rotations hi, hi − 1, …, lo (in that order) to the rows of the row-major n×m array z:
// rotation i maps (row i, row i + 1) to (c·row i − s·row i + 1, s·row i + c·row i + 1). Consecutive rotations
// share a row, so four are fused into one pass that carries the shared row in a register; this halves memory
// traffic and roughly doubles throughput of the loop that dominates large eigendecompositions.
function rotateRows(
  z: Float64Array,
  m: number,
  cosines: Float64Array,
  sines: Float64Array,
  hi: number,
  lo: number
): void {
  let i = hi;
  for (; i - 3 >= lo; i -= 4) {
    const c0 = cosines[i];
    const s0 = sines[i];
    const c1 = cosines[i - 1];
    const s1 = sines[i - 1];
    const c2 = cosines[i - 2];
    const s2 = sines[i - 2];
    const c3 = cosines[i - 3];
    const s3 = sines[i - 3];
    const o0 = (i - 3) * m;
    const o1 = o0 + m;
    const o2 = o1 + m;
    const o3 = o2 + m;
    const o4 = o3 + m;
    for (let j = 0; j < m; ++j) {
      let x = z[o4 + j];
      let y = z[o3 + j];
      z[o4 + j] = s0 * y + c0 * x;
      x = c0 * y - s0 * x;
      y = z[o2 + j];
      z[o3 + j] = s1 * y + c1 * x;
      x = c1 * y - s1 * x;
      y = z[o1 + j];
      z[o2 + j] = s2 * y + c2 * x;
      x = c2 * y - s2 * x;
      y = z[o0 + j];
      z[o1 + j] = s3 * y + c3 * x;
      z[o0 + j] = c3 * y - s3 * x;
    }
  }
  for (; i >= lo; --i) {
    const c = cosines[i];
    const s = sines[i];
    const oi = i * m;
    const oj = oi + m;
    for (let j = 0; j < m; ++j) {
      const y = z[oi + j];
      const x = z[oj + j];
      z[oj + j] = s * y + c * x;
      z[oi + j] = c * y - s * x;
    }
  }
}

// √(a² + b²) without destructive overflow or underflow.
function pythag(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x > y) {
    const t = y / x;
    return x * Math.sqrt(1 + t * t);
  }
  if (y === 0) return 0;
  const t = x / y;
  return y * Math.sqrt(1 + t * t);
}
