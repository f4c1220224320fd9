// Singular values and vectors of an upper bidiagonal matrix by divide and conquer, with the deflation of LAPACK
// dlasd2, the secular equation of dlasd4 and Gu & Eisenstat's singular vectors (dlasd3).
// References: M. Gu & S. C. Eisenstat, "A divide-and-conquer algorithm for the bidiagonal SVD", SIAM J. Matrix Anal.
// Appl. 16 (1995) 79–92; J. W. Demmel, Applied Numerical Linear Algebra (1997), §5.3.3 and §5.4; LAPACK dbdsdc,
// dlasd0–dlasd4, dlasdq (version 3.12).
import {bidiagonalQr} from "./bidiagonalQr.js";
import {identity, matrix, transpose} from "./matrix.js";
import type {Matrix} from "./matrix.js";
import {blockProduct, EPSILON, recomputedZ, rotatePair, secularRoots} from "./secularEquation.js";
import type {ColumnSource} from "./secularEquation.js";

/** B = U diag(values) Vᵀ for an n×n upper bidiagonal B. */
export interface BidiagonalSvd {
  /** Singular values in ascending order. */
  values: Float64Array;
  /** n×n orthogonal, row-major; column j is the left singular vector of values[j]. */
  U: Matrix;
  /** n×n orthogonal, row-major; column j is the right singular vector of values[j]. */
  V: Matrix;
}

/**
 * The SVD of the n×n upper bidiagonal matrix with diagonal `d` and superdiagonal `e` (length n − 1), by divide and
 * conquer (LAPACK dbdsdc with compq = 'I'). `d` and `e` are not modified.
 *
 * B is scaled by a power of two so that its largest entry lies in [1, 2). A block of more than 25 rows is split at its
 * middle row k (dlasd0): the k rows above form a k×(k + 1) bidiagonal matrix B₁, the rows below a square (or, inside
 * the recursion, one-column-wider) B₂. With B₁ = U₁[Σ₁ 0]V₁ᵀ and B₂ = U₂[Σ₂ 0]V₂ᵀ found recursively, row k becomes
 * z = (α·row k of V₁, β·row 1 of V₂) (α = d_k, β = e_k), and B = diag(U₁, 1, U₂)·M·diag(V₁, V₂)ᵀ with M = e_k zᵀ plus
 * diag(Σ₁, Σ₂) beside the null column of B₁ (the two null columns of B₁ and B₂ are rotated into one when B₂ has
 * one). M is deflated as dlasd2 does (small z_i, and pairs of close singular values rotated together on both sides);
 * its other singular values are the roots of 1 + Σ z_i²/(d_i² − σ²) = 0, found by the secular solver on the poles d_i²
 * (their differences formed as (d_i − d_j)(d_i + d_j)), and its vectors v_i = ẑ_i/(d_i² − σ²), u = (−1, d_i ẑ_i/(d_i² −
 * σ²)), normalised, from Gu & Eisenstat's ẑ, which makes them orthogonal to working precision. The vectors of B are
 * then two pairs of matrix products that skip the zero blocks. Blocks of at most 25 rows use implicit QR (`bidiagonalQr`),
 * with entries below ε‖B‖ negligible.
 *
 * Backward stable: ‖B − UΣVᵀ‖, ‖UᵀU − I‖ and ‖VᵀV − I‖ are O(nε‖B‖) and O(nε). Deterministic: every sum is taken in a
 * fixed order. Throws on non-finite input or mismatched lengths.
 */
export function bidiagonalDivideConquer(d: Float64Array, e: Float64Array): BidiagonalSvd {
  const n = d.length;
  if (e.length !== Math.max(0, n - 1)) {
    throw new Error(`bidiagonalDivideConquer: superdiagonal has length ${e.length}, expected ${Math.max(0, n - 1)}`);
  }
  let amax = 0;
  for (const [name, x] of [
    ["d", d],
    ["e", e]
  ] as const) {
    for (let i = 0; i < x.length; ++i) {
      if (!Number.isFinite(x[i])) throw new Error(`bidiagonalDivideConquer: non-finite ${name}[${i}] = ${x[i]}`);
      amax = Math.max(amax, Math.abs(x[i]));
    }
  }
  if (amax === 0) return {values: new Float64Array(n), U: identity(n), V: identity(n)};
  // Scale by a power of two (exact) so that the largest entry lies in [1, 2).
  const exponent = -Math.floor(Math.log2(amax));
  const node = solve(scaled(d, exponent), scaled(e, exponent), 0);
  return {values: scaled(node.values, -exponent), U: matrix(n, n, node.U), V: matrix(n, n, node.V)};
}

/** Blocks of at most this many rows are solved by implicit QR (LAPACK's SMLSIZ). */
const smallSize = 25;

// The SVD B = U[diag(values) 0]Vᵀ of an n×(n + sqre) upper bidiagonal block: values ascending, U n×n and V
// (n + sqre)×(n + sqre) row-major with the vectors as columns; when sqre = 1, column n of V spans the null space.
interface Node {
  values: Float64Array;
  U: Float64Array;
  V: Float64Array;
}

// One block: QR when small, otherwise split at the middle row, recurse and merge. e has n − 1 + sqre entries.
function solve(d: Float64Array, e: Float64Array, sqre: 0 | 1): Node {
  const n = d.length;
  if (n <= smallSize) return leaf(d, e, sqre);
  const k = n >> 1;
  const left = solve(d.slice(0, k), e.slice(0, k), 1);
  const right = solve(d.slice(k + 1), e.slice(k + 1), sqre);
  return merge(left, right, d[k], e[k], sqre);
}

function leaf(d: Float64Array, e: Float64Array, sqre: 0 | 1): Node {
  const n = d.length;
  const m = n + sqre;
  const values = d.slice();
  const f = new Float64Array(n);
  f.set(e);
  const Ut = identity(n);
  const Vt = identity(m);
  bidiagonalQr(values, f, Ut, Vt, EPSILON); // rows of Ut, Vt: singular vectors; ‖B‖ ≥ 1, so EPSILON ≤ ε‖B‖
  const order = Int32Array.from(values.keys()).sort((a, b) => values[a] - values[b] || a - b);
  const U = new Float64Array(n * n);
  const V = new Float64Array(m * m);
  for (let c = 0; c < n; ++c) {
    const j = order[c];
    for (let i = 0; i < n; ++i) U[i * n + c] = Ut.data[j * n + i];
    for (let i = 0; i < m; ++i) V[i * m + c] = Vt.data[j * m + i];
  }
  if (sqre === 1) for (let i = 0; i < m; ++i) V[i * m + n] = Vt.data[n * m + i];
  return {values: Float64Array.from(order, (j) => values[j]), U, V};
}

// The SVD of the block [B₁ 0; α e_kᵀ β e_1ᵀ; 0 B₂] from those of B₁ (k×(k + 1)) and B₂ (r×(r + sqre)): dlasd1
// (deflation dlasd2, secular equation and vectors dlasd3). Poles: 0 is the null column of B₁ (d = 0), 1 … k the
// columns of Σ₁, k + 1 … k + r those of Σ₂.
function merge(left: Node, right: Node, alpha: number, beta: number, sqre: 0 | 1): Node {
  const k = left.values.length;
  const r = right.values.length;
  const n = k + r + 1;
  const m = n + sqre;
  const k1 = k + 1; // columns of B₁
  const r1 = r + sqre; // columns of B₂
  const {U: U1, V: V1} = left;
  const {U: U2, V: V2} = right;

  const d = new Float64Array(n);
  const z = new Float64Array(n);
  for (let c = 0; c < k; ++c) {
    d[1 + c] = left.values[c];
    z[1 + c] = alpha * V1[k * k1 + c];
  }
  for (let c = 0; c < r; ++c) {
    d[k1 + c] = right.values[c];
    z[k1 + c] = beta * V2[c];
  }
  let dmax = 0;
  for (let p = 1; p < n; ++p) dmax = Math.max(dmax, d[p]);
  const tol = 8 * EPSILON * Math.max(dmax, Math.abs(alpha), Math.abs(beta));

  // The null pole: with sqre = 1 the null columns of B₁ and B₂ are rotated so that one carries all of z (vNull) and
  // the other none (the null vector of this block, vExtra). A negligible z₀ is raised to tol, as dlasd2 does.
  const z1 = alpha * V1[k * k1 + k];
  const z2 = sqre === 1 ? beta * V2[r] : 0;
  const norm = Math.hypot(z1, z2);
  const [c0, s0] = sqre === 0 || norm <= tol ? [1, 0] : [z1 / norm, z2 / norm];
  z[0] = norm <= tol ? tol : sqre === 1 ? norm : z1;
  const vNull = new Float64Array(m);
  const vExtra = new Float64Array(m);
  for (let i = 0; i < k1; ++i) {
    vNull[i] = c0 * V1[i * k1 + k];
    vExtra[i] = -s0 * V1[i * k1 + k];
  }
  if (sqre === 1) {
    for (let i = 0; i < r1; ++i) {
      vNull[k1 + i] = s0 * V2[i * r1 + r];
      vExtra[k1 + i] = c0 * V2[i * r1 + r];
    }
  }

  // Columns of diag(U₁, 1, U₂) and diag(V₁, V₂) per pole, restricted to the upper (rows 0 … k − 1 of U, 0 … k of V)
  // or lower block of rows, unless a deflating rotation made them explicit (whole columns). side[p]: bit 1 = nonzero
  // in the upper block, bit 2 = in the lower. The null pole has no column in U.
  const rotatedU: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(n);
  const rotatedV: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(n);
  const uSource = (p: number, lower: boolean): ColumnSource => {
    const x = rotatedU[p];
    if (x !== undefined) return {data: x, offset: lower ? k1 : 0, stride: 1};
    return lower ? {data: U2, offset: p - k1, stride: r} : {data: U1, offset: p - 1, stride: k};
  };
  const vSource = (p: number, lower: boolean): ColumnSource => {
    const x = p === 0 ? vNull : rotatedV[p];
    if (x !== undefined) return {data: x, offset: lower ? k1 : 0, stride: 1};
    return lower ? {data: V2, offset: p - k1, stride: r1} : {data: V1, offset: p - 1, stride: k1};
  };
  const explicit = (p: number): [Float64Array, Float64Array] => {
    if (rotatedU[p] === undefined || rotatedV[p] === undefined) {
      const u = new Float64Array(n);
      const v = new Float64Array(m);
      const lower = p >= k1;
      copyColumn(uSource(p, lower), lower ? k1 : 0, lower ? n : k, u, 1, 0);
      copyColumn(vSource(p, lower), lower ? k1 : 0, lower ? m : k1, v, 1, 0);
      rotatedU[p] = u;
      rotatedV[p] = v;
    }
    return [rotatedU[p]!, rotatedV[p]!];
  };
  const side = new Uint8Array(n);
  side.fill(1, 0, k1);
  side.fill(2, k1);
  if (s0 !== 0) side[0] = 3;

  // Deflation (dlasd2) over the poles 1 … n − 1 in ascending order of d (merging the two sorted lists, left first).
  const kept = [0];
  const deflated: number[] = [];
  let previous = -1;
  for (let a = 1, b = k1; a < k1 || b < n;) {
    const p = b >= n || (a < k1 && d[a] <= d[b]) ? a++ : b++;
    if (Math.abs(z[p]) <= tol) {
      deflated.push(p);
      continue;
    }
    if (previous >= 0 && Math.abs(d[p] - d[previous]) <= tol) {
      // Rotate poles previous and p on both sides so that z[previous] becomes zero.
      const tau = Math.hypot(z[p], z[previous]);
      const c = z[p] / tau;
      const s = -z[previous] / tau;
      const [ux, vx] = explicit(previous);
      const [uy, vy] = explicit(p);
      rotatePair(ux, uy, c, s);
      rotatePair(vx, vy, c, s);
      z[p] = tau;
      z[previous] = 0;
      side[p] = side[previous] = side[p] | side[previous];
      deflated.push(previous);
    } else if (previous >= 0) {
      kept.push(previous);
    }
    previous = p;
  }
  if (previous >= 0) kept.push(previous);
  if (kept.length > 1 && d[kept[1]] <= tol / 2) d[kept[1]] = tol / 2; // keep the smallest pole away from 0

  // The secular problem: singular values and vectors of the K×K matrix M on the kept poles. Su row 0 is M's row of z;
  // row i ≥ 1 and Sv row i belong to pole kept[i].
  const K = kept.length;
  const {sigma, Su, Sv} = secularSvd(
    kept.map((p) => d[p]),
    kept.map((p) => z[p])
  );

  // Final order: all singular values ascending (stable; deflated ones first among ties).
  const D = deflated.length;
  const all = new Float64Array(n);
  deflated.forEach((p, c) => (all[c] = d[p]));
  all.set(sigma, D);
  const order = Int32Array.from(all.keys()).sort((a, b) => all[a] - all[b] || a - b);
  const place = new Int32Array(n);
  order.forEach((c, position) => (place[c] = position));

  const U = new Float64Array(n * n);
  const V = new Float64Array(m * m);
  for (let c = 0; c < D; ++c) {
    const p = deflated[c];
    if (side[p] & 1) {
      copyColumn(uSource(p, false), 0, k, U, n, place[c]);
      copyColumn(vSource(p, false), 0, k1, V, m, place[c]);
    }
    if (side[p] & 2) {
      copyColumn(uSource(p, true), k1, n, U, n, place[c]);
      copyColumn(vSource(p, true), k1, m, V, m, place[c]);
    }
  }
  if (sqre === 1) for (let i = 0; i < m; ++i) V[i * m + n] = vExtra[i];
  // The new vectors: row k of U is M's row of z; the other rows come through diag(U₁, U₂) and diag(V₁, V₂).
  const places = place.subarray(D);
  for (let t = 0; t < K; ++t) U[k * n + places[t]] = Su.data[t];
  for (const lower of [false, true]) {
    const bit = lower ? 2 : 1;
    const rows = kept.map((_, i) => i).filter((i) => side[kept[i]] & bit);
    const uRows = rows.filter((i) => i > 0);
    const [from, toU, toV] = lower ? [k1, n, m] : [0, k, k1];
    blockProduct(
      uRows.map((i) => uSource(kept[i], lower)),
      uRows,
      Su,
      from,
      toU,
      U,
      n,
      places
    );
    blockProduct(
      rows.map((i) => vSource(kept[i], lower)),
      rows,
      Sv,
      from,
      toV,
      V,
      m,
      places
    );
  }
  return {values: Float64Array.from(order, (c) => all[c]), U, V};
}

// Singular values (ascending) of M = e₀zᵀ + diag(0, d_1, …, d_{K−1}) for 0 < d_1 < … < d_{K−1} and z_0 ≠ 0, with its
// left (Su) and right (Sv) singular vectors as the columns of K×K matrices (dlasd3).
function secularSvd(d: number[], z: number[]): {sigma: Float64Array; Su: Matrix; Sv: Matrix} {
  const K = d.length;
  if (K === 1) {
    return {
      sigma: Float64Array.of(Math.abs(z[0])),
      Su: matrix(1, 1, Float64Array.of(z[0] >= 0 ? 1 : -1)),
      Sv: matrix(1, 1, Float64Array.of(1))
    };
  }
  let norm2 = 0;
  for (const x of z) norm2 += x * x;
  const norm = Math.sqrt(norm2);
  const offsets = (o: number, out: Float64Array): void => {
    for (let i = 0; i < K; ++i) out[i] = (d[i] - d[o]) * (d[i] + d[o]);
  };
  const {origin, tau, delta} = secularRoots(
    z.map((x) => x / norm),
    norm2,
    offsets
  ); // row j: d_i² − σ_j²
  const sigma = Float64Array.from(origin, (o, j) => Math.sqrt(Math.max(0, d[o] * d[o] + tau[j])));
  const zhat = recomputedZ(z, delta, offsets);
  // Vector j as row j of Ut and Vt (v_i = ẑ_i/(d_i² − σ_j²), u = (−1, d_i v_i)), normalised, then transposed.
  const Ut = matrix(K, K);
  const Vt = matrix(K, K);
  const u = Ut.data;
  const v = Vt.data;
  for (let j = 0; j < K; ++j) {
    const row = j * K;
    let sv = 0;
    let su = 1;
    u[row] = -1;
    for (let i = 0; i < K; ++i) {
      const x = zhat[i] / delta[row + i];
      v[row + i] = x;
      sv += x * x;
      if (i > 0) {
        const y = d[i] * x;
        u[row + i] = y;
        su += y * y;
      }
    }
    const scaleV = 1 / Math.sqrt(sv);
    const scaleU = 1 / Math.sqrt(su);
    for (let i = 0; i < K; ++i) {
      v[row + i] *= scaleV;
      u[row + i] *= scaleU;
    }
  }
  return {sigma, Su: transpose(Ut), Sv: transpose(Vt)};
}

// out[(from + i)·width + column] = the source's row from + i, for i = 0 … to − from − 1.
function copyColumn(
  {data, offset, stride}: ColumnSource,
  from: number,
  to: number,
  out: Float64Array,
  width: number,
  column: number
): void {
  for (let i = 0, q = offset; i < to - from; ++i, q += stride) out[(from + i) * width + column] = data[q];
}

// x·2^k elementwise, exact unless a result leaves the normal range; 2^k is applied in two steps so it never overflows.
function scaled(x: Float64Array, k: number): Float64Array {
  const h = Math.trunc(k / 2);
  const f = 2 ** h;
  const g = 2 ** (k - h);
  return x.map((y) => y * f * g);
}
