// Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by Cuppen's divide and conquer, with the
// deflation of LAPACK dlaed2, the secular-equation solver of dlaed4 and the eigenvector formula of Gu & Eisenstat.
// References: J. J. M. Cuppen, "A divide and conquer method for the symmetric tridiagonal eigenproblem", Numer.
// Math. 36 (1981) 177–195; M. Gu & S. C. Eisenstat, "A stable and efficient algorithm for the rank-one modification
// of the symmetric eigenproblem", SIAM J. Matrix Anal. Appl. 15 (1994) 1266–1276; G. H. Golub & C. F. Van Loan,
// Matrix Computations, 4th ed. (2013), §8.4.4–8.4.5; LAPACK dstedc, dlaed0–dlaed4 (version 3.12).
import {matrix, transpose} from "./matrix.js";
import type {Matrix} from "./matrix.js";
import {blockProduct, EPSILON, recomputedZ, rotatePair, secularRoots} from "./secularEquation.js";
import type {ColumnSource} from "./secularEquation.js";
import {assertFiniteTridiagonal, tridiagonalEigen} from "./tridiagonal.js";
import {ldexp, unitScaleExponent} from "./powerOfTwo.js";

/** The eigendecomposition T = Z diag(values) Zᵀ of a symmetric tridiagonal matrix. */
export interface TridiagonalEigenDecomposition {
  /** Eigenvalues in ascending order. */
  values: Float64Array;
  /** n×n orthogonal, row-major; column j is a unit eigenvector for values[j]. */
  vectors: Matrix;
}

/**
 * Eigenvalues (ascending) and eigenvectors of the symmetric tridiagonal matrix with diagonal `d` (length n) and
 * off-diagonal `e` (length n − 1), by divide and conquer (LAPACK dstedc with compz = 'I'). `d` and `e` are not
 * modified.
 *
 * T is scaled by a power of two and split where an off-diagonal entry is negligible (|e_i| ≤ ε√|d_i|√|d_{i+1}|).
 * A block of more than 25 rows is torn at its middle, T = diag(T₁, T₂) + ρuuᵀ with u = e_m + sign(β)e_{m+1}
 * (Cuppen); the halves are solved recursively, and the rank-one update diag(Λ₁, Λ₂) + ρzzᵀ, z = diag(Q₁, Q₂)ᵀu,
 * is deflated (small |z_i|, and pairs of close eigenvalues rotated together, as dlaed2), its remaining eigenvalues
 * found as roots of the secular equation 1/ρ + Σ z_i²/(d_i − λ) = 0 (the rational interpolation of dlaed4, each
 * root stored as an offset from its nearer pole), and its eigenvectors formed from a recomputed ẑ (Gu & Eisenstat,
 * which makes them orthogonal to working precision without extra precision). The eigenvectors of T are then
 * diag(Q₁, Q₂)·S, two matrix products that skip the zero blocks. Blocks of at most 25 rows use implicit QL.
 *
 * Backward stable like QL: ‖T − ZΛZᵀ‖ and ‖ZᵀZ − I‖ are O(nε‖T‖) and O(nε). Deterministic: every sum is taken in
 * a fixed order. Throws on non-finite input or mismatched lengths.
 */
export function tridiagonalDivideConquer(d: Float64Array, e: Float64Array): TridiagonalEigenDecomposition {
  assertFiniteTridiagonal(d, e, "tridiagonalDivideConquer");
  const n = d.length;
  const Z = matrix(n, n);
  if (n === 0) return {values: new Float64Array(0), vectors: Z};
  const exponent = unitScaleExponent(d, e);
  if (exponent === null) {
    for (let i = 0; i < n; ++i) Z.data[i * n + i] = 1;
    return {values: d.slice(), vectors: Z};
  }
  // Scaled by a power of two (exact) so that the largest entry lies in [1, 2).
  const w = d.map((x) => ldexp(x, exponent));
  const f = e.map((x) => ldexp(x, exponent));

  // Independent blocks where the off-diagonal is negligible (dstedc's splitting test).
  const values = new Float64Array(n);
  let start = 0;
  for (let i = 0; i < n; ++i) {
    if (i < n - 1 && Math.abs(f[i]) > EPSILON * Math.sqrt(Math.abs(w[i])) * Math.sqrt(Math.abs(w[i + 1]))) continue;
    const size = i + 1 - start;
    const block = solve(w.slice(start, i + 1), f.slice(start, i));
    if (size === n) {
      // One unreduced block: its (sorted) decomposition is the answer.
      return {values: block.values.map((x) => ldexp(x, -exponent)), vectors: block.vectors};
    }
    for (let r = 0; r < size; ++r) {
      values[start + r] = block.values[r];
      Z.data.set(block.vectors.data.subarray(r * size, (r + 1) * size), (start + r) * n + start);
    }
    start = i + 1;
  }
  // Sort into ascending order (stable), permuting the columns of Z alongside.
  const order = sortedOrder(values);
  const sorted = Float64Array.from(order, (j) => ldexp(values[j], -exponent));
  const inOrder = order.every((j, c) => j === c);
  return {values: sorted, vectors: inOrder ? Z : permuteColumns(Z, order)};
}

/** Blocks of at most this many rows are solved by implicit QL (LAPACK's SMLSIZ). */
const smallSize = 25;

interface Eigen {
  values: Float64Array; // ascending
  vectors: Matrix; // column j belongs to values[j]
}

// One unreduced block: QL when small, otherwise tear, recurse and merge.
function solve(d: Float64Array, e: Float64Array): Eigen {
  const n = d.length;
  if (n <= smallSize) {
    const basis = matrix(n, n);
    for (let i = 0; i < n; ++i) basis.data[i * n + i] = 1;
    const values = tridiagonalEigen(d, e, basis); // rows of basis become eigenvectors
    return {values, vectors: transposeSquare(basis)};
  }
  const m = n >> 1;
  const beta = e[m - 1];
  const rho = Math.abs(beta);
  const d1 = d.slice(0, m);
  const d2 = d.slice(m);
  d1[m - 1] -= rho;
  d2[0] -= rho;
  const left = solve(d1, e.slice(0, m - 1));
  const right = solve(d2, e.slice(m));
  return merge(left, right, rho, beta < 0 ? -1 : 1);
}

// The eigendecomposition of diag(Q₁, Q₂)(diag(Λ₁, Λ₂) + ρzzᵀ)diag(Q₁, Q₂)ᵀ with z = (last row of Q₁, σ·first row
// of Q₂): dlaed1 (deflation dlaed2, secular equation and vectors dlaed3).
function merge(left: Eigen, right: Eigen, rho0: number, sigma: number): Eigen {
  const n1 = left.values.length;
  const n2 = right.values.length;
  const n = n1 + n2;
  const q1 = left.vectors.data;
  const q2 = right.vectors.data;

  // z, normalised (‖z‖² = 2 since rows of orthogonal matrices are unit vectors): ρ ← 2ρ, z ← z/√2.
  const rho = 2 * rho0;
  const d = new Float64Array(n);
  const z = new Float64Array(n);
  const s2 = Math.SQRT1_2;
  for (let j = 0; j < n1; ++j) {
    d[j] = left.values[j];
    z[j] = q1[(n1 - 1) * n1 + j] * s2;
  }
  for (let j = 0; j < n2; ++j) {
    d[n1 + j] = right.values[j];
    z[n1 + j] = sigma * q2[j] * s2;
  }
  // Q = diag(Q₁, Q₂), never formed: column j is read from Q₁ or Q₂ unless deflation rotated it, in which case it
  // is held whole in rotated[j]. kind[j]: 1 = nonzero only in the upper n1 rows, 3 = only in the lower n2 rows,
  // 2 = both (dlaed2's column types).
  const rotated: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(n);
  const column = (j: number): Float64Array => {
    let x = rotated[j];
    if (x === undefined) {
      x = rotated[j] = new Float64Array(n);
      if (j < n1) for (let i = 0; i < n1; ++i) x[i] = q1[i * n1 + j];
      else for (let i = 0; i < n2; ++i) x[n1 + i] = q2[i * n2 + j - n1];
    }
    return x;
  };
  const kind = new Uint8Array(n);
  kind.fill(1, 0, n1);
  kind.fill(3, n1);

  // Order the poles ascending: merge the two sorted lists (ties: left first).
  const index = new Int32Array(n);
  for (let a = 0, b = n1, k = 0; k < n; ++k) {
    if (b >= n || (a < n1 && d[a] <= d[b])) index[k] = a++;
    else index[k] = b++;
  }

  // Deflation (dlaed2).
  let dmax = 0;
  let zmax = 0;
  for (let j = 0; j < n; ++j) {
    dmax = Math.max(dmax, Math.abs(d[j]));
    zmax = Math.max(zmax, Math.abs(z[j]));
  }
  const tol = 8 * EPSILON * Math.max(dmax, zmax * rho);
  const kept: number[] = []; // columns of Q that take part in the secular equation, poles ascending
  const deflated: number[] = []; // columns of Q that are eigenvectors already (eigenvalue d[j])
  if (rho * zmax <= tol) {
    // Everything deflates: the halves are already the answer.
    for (let k = 0; k < n; ++k) deflated.push(index[k]);
  } else {
    let previous = -1;
    for (let k = 0; k < n; ++k) {
      const j = index[k];
      if (rho * Math.abs(z[j]) <= tol) {
        deflated.push(j);
        continue;
      }
      if (previous < 0) {
        previous = j;
        continue;
      }
      // Are d[previous] and d[j] close enough to rotate z[previous] into z[j]?
      const tau = Math.hypot(z[j], z[previous]);
      const t = d[j] - d[previous];
      const c = z[j] / tau;
      const s = -z[previous] / tau;
      if (Math.abs(t * c * s) <= tol) {
        z[j] = tau;
        z[previous] = 0;
        if (kind[j] !== kind[previous]) kind[j] = 2;
        rotatePair(column(previous), column(j), c, s);
        const dp = d[previous];
        const dj = d[j];
        d[previous] = dp * c * c + dj * s * s;
        d[j] = dp * s * s + dj * c * c;
        deflated.push(previous);
      } else {
        kept.push(previous);
      }
      previous = j;
    }
    if (previous >= 0) kept.push(previous);
  }
  // A rotation can move d[j] past later poles only within tol; keep the secular poles strictly ordered.
  kept.sort((a, b) => d[a] - d[b] || a - b);

  const K = kept.length;
  const lambda = new Float64Array(K);
  const S = matrix(K, K); // S[i][j]: component i (pole kept[i]) of eigenvector j
  if (K > 0)
    secularEigen(
      kept.map((j) => d[j]),
      kept.map((j) => z[j]),
      rho,
      lambda,
      S.data
    );

  // Final order: all eigenvalues ascending (stable; deflated ones first among ties). Column c of the combined
  // list (deflated, then new) goes to position place[c].
  const D = deflated.length;
  const allValues = new Float64Array(n);
  deflated.forEach((j, c) => (allValues[c] = d[j]));
  allValues.set(lambda, D);
  const order = sortedOrder(allValues);
  const place = new Int32Array(n);
  order.forEach((c, position) => (place[c] = position));
  // Eigenvectors: columns of Q for deflated eigenvalues, and Q[:, kept]·S for the new ones, computed as two
  // products over the upper and lower row blocks that use only the columns nonzero there.
  const out = new Float64Array(n * n);
  for (let c = 0; c < D; ++c) {
    const j = deflated[c];
    const x = rotated[j];
    const to = place[c];
    if (x !== undefined) for (let i = 0; i < n; ++i) out[i * n + to] = x[i];
  }
  const fromLeft = deflated.filter((j) => j < n1 && rotated[j] === undefined);
  const toLeft = Int32Array.from(fromLeft, (j) => place[deflated.indexOf(j)]);
  const fromRight = deflated.filter((j) => j >= n1 && rotated[j] === undefined);
  const toRight = Int32Array.from(fromRight, (j) => place[deflated.indexOf(j)]);
  for (let i = 0; i < n1; ++i) {
    const row = i * n;
    const source = i * n1;
    for (let c = 0; c < fromLeft.length; ++c) out[row + toLeft[c]] = q1[source + fromLeft[c]];
  }
  for (let i = 0; i < n2; ++i) {
    const row = (n1 + i) * n;
    const source = i * n2 - n1;
    for (let c = 0; c < fromRight.length; ++c) out[row + toRight[c]] = q2[source + fromRight[c]];
  }
  if (K > 0) {
    // Column j of Q restricted to the upper (from = 0) or lower (from = n1) block of rows.
    const source = (j: number, from: number): ColumnSource => {
      const x = rotated[j];
      if (x !== undefined) return {data: x, offset: from, stride: 1};
      return j < n1 ? {data: q1, offset: j, stride: n1} : {data: q2, offset: j - n1, stride: n2};
    };
    const places = place.subarray(D);
    for (const [from, to, excluded] of [
      [0, n1, 3],
      [n1, n, 1]
    ]) {
      const rows = kept.map((_, r) => r).filter((r) => kind[kept[r]] !== excluded);
      const columns = rows.map((r) => source(kept[r], from));
      blockProduct(columns, rows, S, from, to, out, n, places);
    }
  }
  return {values: Float64Array.from(order, (c) => allValues[c]), vectors: matrix(n, n, out)};
}

// Roots λ_0 < … < λ_{K−1} of 1/ρ + Σ z_i²/(d_i − λ) (d strictly ascending, z nonzero, ρ > 0) and the unit
// eigenvectors of diag(d) + ρzzᵀ, column j of the row-major K×K `vectors` (dlaed3).
function secularEigen(d: number[], z: number[], rho: number, lambda: Float64Array, vectors: Float64Array): void {
  const K = d.length;
  if (K === 1) {
    lambda[0] = d[0] + rho * z[0] * z[0];
    vectors[0] = 1;
    return;
  }
  const offsets = (o: number, out: Float64Array): void => {
    for (let i = 0; i < K; ++i) out[i] = d[i] - d[o];
  };
  const {origin, tau, delta: differences} = secularRoots(z, rho, offsets); // row j: d_i − λ_j
  for (let j = 0; j < K; ++j) lambda[j] = d[origin[j]] + tau[j];
  const zhat = recomputedZ(z, differences, offsets);
  // Eigenvector j: ẑ_i / (d_i − λ_j), normalised; formed as row j, then transposed into column j.
  const rows = matrix(K, K, differences);
  for (let j = 0; j < K; ++j) {
    const row = j * K;
    let sum = 0;
    for (let i = 0; i < K; ++i) {
      const x = zhat[i] / differences[row + i];
      differences[row + i] = x;
      sum += x * x;
    }
    const scale = 1 / Math.sqrt(sum);
    for (let i = 0; i < K; ++i) differences[row + i] *= scale;
  }
  vectors.set(transpose(rows).data);
}

// Indices that sort values ascending, ties by index.
function sortedOrder(values: Float64Array): Int32Array {
  return Int32Array.from(values.keys()).sort((a, b) => values[a] - values[b] || a - b);
}

// Z with column c taken from column order[c].
function permuteColumns(Z: Matrix, order: Int32Array): Matrix {
  const {rows, cols, data} = Z;
  const P = matrix(rows, cols);
  for (let i = 0; i < rows; ++i) {
    const row = i * cols;
    for (let c = 0; c < cols; ++c) P.data[row + c] = data[row + order[c]];
  }
  return P;
}

function transposeSquare(A: Matrix): Matrix {
  const n = A.rows;
  const T = matrix(n, n);
  for (let i = 0; i < n; ++i) for (let j = 0; j < n; ++j) T.data[j * n + i] = A.data[i * n + j];
  return T;
}
