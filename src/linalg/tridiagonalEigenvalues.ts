// Eigenvalues of a symmetric tridiagonal matrix by the root-free QL/QR iteration of Pal, Walker and Kahan (LAPACK
// dsterf): the iteration runs on the squares of the off-diagonal entries, with one division per rotation and no
// square roots, about three times cheaper than implicit QL with rotations (`tridiagonalEigen`).
// References: B. N. Parlett, The Symmetric Eigenvalue Problem (1998), §8.15 (the root-free variant); LAPACK dsterf
// and dlae2 (version 3.12) for the splitting and convergence tests and the choice between QL and QR.
import {ldexp, unitScaleExponent} from "./powerOfTwo.js";
import {assertFiniteTridiagonal} from "./tridiagonal.js";

/**
 * The eigenvalues of the symmetric tridiagonal matrix with diagonal `d` (length n) and off-diagonal `e` (length
 * n − 1), in ascending order; `d` and `e` are not modified. Each is within O(nε‖T‖) of the exact one, the accuracy of
 * `tridiagonalEigen`, with which it agrees to that level (not bit for bit).
 *
 * Method: T is scaled by a power of two so that its largest entry lies in [1, 2) (exact, and no square overflows or
 * underflows harmfully). It is split where |e_m| ≤ ε·√|d_m d_{m+1}|; on each unreduced block the iteration is QL when
 * the last diagonal entry is the larger in magnitude and QR otherwise (so that the shift targets the larger end), with
 * Wilkinson's shift from the 2×2 block at that end, and a 2×2 block is solved directly (dlae2). An off-diagonal square
 * e_m² ≤ ε²|d_m d_{m+1}| is set to zero. Throws on non-finite input, on mismatched lengths, and if more than 30n
 * sweeps are needed in all (LAPACK's budget).
 */
export function tridiagonalEigenvalues(d: Float64Array, e: Float64Array): Float64Array {
  assertFiniteTridiagonal(d, e, "tridiagonalEigenvalues");
  const n = d.length;
  const exponent = unitScaleExponent(d, e);
  if (n <= 1 || exponent === null) return d.slice();
  const w = new Float64Array(n); // the diagonal, becomes the eigenvalues
  const f = new Float64Array(n); // the off-diagonal, squared block by block
  for (let i = 0; i < n; ++i) w[i] = ldexp(d[i], exponent);
  for (let i = 0; i < n - 1; ++i) f[i] = ldexp(e[i], exponent);

  const maxSweeps = 30 * n;
  let sweeps = 0;
  for (let start = 0; start < n;) {
    // The unreduced block start … end: e_end is negligible (or end = n − 1).
    let end = start;
    for (; end < n - 1; ++end) {
      if (Math.abs(f[end]) <= Math.sqrt(Math.abs(w[end])) * Math.sqrt(Math.abs(w[end + 1])) * EPSILON) {
        f[end] = 0;
        break;
      }
    }
    const from = start;
    start = end + 1;
    if (end === from) continue;
    for (let i = from; i < end; ++i) f[i] *= f[i];
    sweeps +=
      Math.abs(w[end]) < Math.abs(w[from])
        ? reduceFromBottom(w, f, end, from, maxSweeps - sweeps)
        : reduceFromTop(w, f, from, end, maxSweeps - sweeps);
  }
  for (let i = 0; i < n; ++i) w[i] = ldexp(w[i], -exponent);
  return w.sort();
}

const EPSILON = 2 ** -53;
const EPSILON2 = EPSILON * EPSILON;

// QL on the block l … lend (l < lend) whose off-diagonal squares are in f: eigenvalues converge at the top, l moves
// down. Returns the number of sweeps; throws when more than `budget` are needed.
function reduceFromTop(w: Float64Array, f: Float64Array, l: number, lend: number, budget: number): number {
  let sweeps = 0;
  while (l <= lend) {
    let m = l;
    for (; m < lend; ++m) if (Math.abs(f[m]) <= EPSILON2 * Math.abs(w[m] * w[m + 1])) break;
    if (m < lend) f[m] = 0;
    if (m === l) {
      l += 1; // w[l] has converged
      continue;
    }
    if (m === l + 1) {
      [w[l], w[l + 1]] = eigenvalues2x2(w[l], Math.sqrt(f[l]), w[l + 1]);
      f[l] = 0;
      l += 2;
      continue;
    }
    if (++sweeps > budget) throw new Error(`tridiagonalEigenvalues: no convergence within the sweep budget (at ${l})`);
    const sigma = wilkinsonShift(w[l], Math.sqrt(f[l]), w[l + 1]);
    let c = 1;
    let s = 0;
    let gamma = w[m] - sigma;
    let p = gamma * gamma;
    for (let i = m - 1; i >= l; --i) {
      const bb = f[i];
      const r = p + bb;
      if (i !== m - 1) f[i + 1] = s * r;
      const oldc = c;
      c = p / r;
      s = bb / r;
      const oldgam = gamma;
      const alpha = w[i];
      gamma = c * (alpha - sigma) - s * oldgam;
      w[i + 1] = oldgam + (alpha - gamma);
      p = c !== 0 ? (gamma * gamma) / c : oldc * bb;
    }
    f[l] = s * p;
    w[l] = sigma + gamma;
  }
  return sweeps;
}

// QR on the block lend … l (lend < l), the mirror image of reduceFromTop: eigenvalues converge at the bottom.
function reduceFromBottom(w: Float64Array, f: Float64Array, l: number, lend: number, budget: number): number {
  let sweeps = 0;
  while (l >= lend) {
    let m = l;
    for (; m > lend; --m) if (Math.abs(f[m - 1]) <= EPSILON2 * Math.abs(w[m] * w[m - 1])) break;
    if (m > lend) f[m - 1] = 0;
    if (m === l) {
      l -= 1; // w[l] has converged
      continue;
    }
    if (m === l - 1) {
      [w[l], w[l - 1]] = eigenvalues2x2(w[l], Math.sqrt(f[l - 1]), w[l - 1]);
      f[l - 1] = 0;
      l -= 2;
      continue;
    }
    if (++sweeps > budget) throw new Error(`tridiagonalEigenvalues: no convergence within the sweep budget (at ${l})`);
    const sigma = wilkinsonShift(w[l], Math.sqrt(f[l - 1]), w[l - 1]);
    let c = 1;
    let s = 0;
    let gamma = w[m] - sigma;
    let p = gamma * gamma;
    for (let i = m; i < l; ++i) {
      const bb = f[i];
      const r = p + bb;
      if (i !== m) f[i - 1] = s * r;
      const oldc = c;
      c = p / r;
      s = bb / r;
      const oldgam = gamma;
      const alpha = w[i + 1];
      gamma = c * (alpha - sigma) - s * oldgam;
      w[i] = oldgam + (alpha - gamma);
      p = c !== 0 ? (gamma * gamma) / c : oldc * bb;
    }
    f[l - 1] = s * p;
    w[l] = sigma + gamma;
  }
  return sweeps;
}

// The eigenvalue of [[a, b], [b, c]] nearer a, where a is the diagonal entry at the converging end (Wilkinson).
function wilkinsonShift(a: number, b: number, c: number): number {
  const g = (c - a) / (2 * b);
  const r = Math.hypot(g, 1);
  return a - b / (g + (g >= 0 ? r : -r));
}

// Both eigenvalues of [[a, b], [b, c]], the larger in magnitude first, without overflow or cancellation (dlae2).
function eigenvalues2x2(a: number, b: number, c: number): [number, number] {
  const sum = a + c;
  const difference = Math.abs(a - c);
  const tb = Math.abs(b + b);
  const [large, small] = Math.abs(a) > Math.abs(c) ? [a, c] : [c, a];
  let root: number;
  if (difference > tb) root = difference * Math.sqrt(1 + (tb / difference) ** 2);
  else if (difference < tb) root = tb * Math.sqrt(1 + (difference / tb) ** 2);
  else root = tb * Math.SQRT2;
  if (sum === 0) return [0.5 * root, -0.5 * root];
  const first = sum < 0 ? 0.5 * (sum - root) : 0.5 * (sum + root);
  return [first, (large / first) * small - (b / first) * b];
}
