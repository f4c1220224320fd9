// Permutations of the GS class: index-array permutations, the shuffle P_(k,n) of Def. 5.2 and the paired shuffle.
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import type {Rng} from "../../src/random/rng.js";

/**
 * A permutation σ of {0, …, n − 1}, standing for the n×n matrix P with ones at (σ(i), i), so that
 * (Px)[σ(i)] = x[i]. The transpose Pᵀ is the inverse permutation.
 */
export type Permutation = Int32Array;

/**
 * The shuffle permutation P_(k,n) of Def. 5.2 (taken from Monarch): σ(i) = (i mod k)·(n/k) + ⌊i/k⌋, 0-indexed.
 * Equivalently, read x as a (n/k)×k row-major matrix, transpose it to k×(n/k) and flatten (einops
 * `'(b r) -> (r b)'` with r = k). The paper's sentence "reshape into k×n/k and transpose" describes the inverse
 * (gather) reading; this follows the formula, which the official multiply agrees with. Requires k | n.
 */
export function shuffle(k: number, n: number): Permutation {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 1 || n < 1 || n % k !== 0) {
    throw new Error(`shuffle: k must be a positive divisor of n, got k = ${k}, n = ${n}`);
  }
  const q = n / k;
  const sigma = new Int32Array(n);
  for (let i = 0; i < n; ++i) sigma[i] = (i % k) * q + Math.floor(i / k);
  return sigma;
}

/**
 * The "paired" channel shuffle of the GS orthogonal convolutions (§6.3, App. F, `channel_shuffle(paired=True)`):
 * σ(i) = (⌊i/2⌋ mod k)·(n/k) + 2⌊i/(2k)⌋ + (i mod 2), which moves neighbouring channel pairs together so that
 * MaxMin activations keep acting on the same pairs. Requires 2k | n.
 */
export function pairedShuffle(k: number, n: number): Permutation {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 1 || n < 1 || n % (2 * k) !== 0) {
    throw new Error(`pairedShuffle: 2k must divide n, got k = ${k}, n = ${n}`);
  }
  const q = n / k;
  const sigma = new Int32Array(n);
  for (let i = 0; i < n; ++i) sigma[i] = (Math.floor(i / 2) % k) * q + 2 * Math.floor(i / (2 * k)) + (i % 2);
  return sigma;
}

/** The identity permutation of size n. */
export function identityPermutation(n: number): Permutation {
  const sigma = new Int32Array(n);
  for (let i = 0; i < n; ++i) sigma[i] = i;
  return sigma;
}

/** A uniformly random permutation of size n (Fisher–Yates, drawing from rng). */
export function randomPermutation(n: number, rng: Rng): Permutation {
  const sigma = identityPermutation(n);
  for (let i = n - 1; i > 0; --i) {
    const j = rng.integer(i + 1);
    const t = sigma[i];
    sigma[i] = sigma[j];
    sigma[j] = t;
  }
  return sigma;
}

/** The inverse permutation, which stands for the transposed matrix Pᵀ. */
export function inversePermutation(sigma: Permutation): Permutation {
  assertPermutation(sigma, "inversePermutation");
  const inverse = new Int32Array(sigma.length);
  for (let i = 0; i < sigma.length; ++i) inverse[sigma[i]] = i;
  return inverse;
}

/** The permutation of the matrix product P_a·P_b (apply b first): i ↦ a(b(i)). */
export function composePermutations(a: Permutation, b: Permutation): Permutation {
  if (a.length !== b.length) throw new Error(`composePermutations: sizes ${a.length} and ${b.length} differ`);
  const c = new Int32Array(a.length);
  for (let i = 0; i < a.length; ++i) c[i] = a[b[i]];
  return c;
}

/** True when σ(i) = i for every i. */
export function isIdentityPermutation(sigma: Permutation): boolean {
  for (let i = 0; i < sigma.length; ++i) if (sigma[i] !== i) return false;
  return true;
}

/** True when the two permutations are equal entry by entry. */
export function permutationsEqual(a: Permutation, b: Permutation): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; ++i) if (a[i] !== b[i]) return false;
  return true;
}

/** The dense permutation matrix: ones at (σ(i), i). */
export function permutationMatrix(sigma: Permutation): Matrix {
  const n = sigma.length;
  const P = matrix(n, n);
  for (let i = 0; i < n; ++i) P.data[sigma[i] * n + i] = 1;
  return P;
}

/** Px as a new vector: y[σ(i)] = x[i] (a scatter). */
export function permuteVector(sigma: Permutation, x: Float64Array): Float64Array {
  if (x.length !== sigma.length)
    throw new Error(`permuteVector: permutation of ${sigma.length} applied to ${x.length}`);
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; ++i) y[sigma[i]] = x[i];
  return y;
}

/** Pᵀx as a new vector: y[i] = x[σ(i)] (a gather). */
export function permuteVectorTranspose(sigma: Permutation, x: Float64Array): Float64Array {
  if (x.length !== sigma.length) {
    throw new Error(`permuteVectorTranspose: permutation of ${sigma.length} applied to ${x.length}`);
  }
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; ++i) y[i] = x[sigma[i]];
  return y;
}

/** PX for a matrix X whose columns are vectors: row σ(i) of the result is row i of X. */
export function permuteRows(sigma: Permutation, X: Matrix): Matrix {
  if (X.rows !== sigma.length) throw new Error(`permuteRows: permutation of ${sigma.length} applied to ${X.rows} rows`);
  const {cols: p, data: x} = X;
  const Y = matrix(X.rows, p);
  for (let i = 0; i < X.rows; ++i) Y.data.set(x.subarray(i * p, (i + 1) * p), sigma[i] * p);
  return Y;
}

/** X·P for a matrix X: column j of the result is column σ(j) of X. */
export function permuteColumns(X: Matrix, sigma: Permutation): Matrix {
  if (X.cols !== sigma.length) {
    throw new Error(`permuteColumns: permutation of ${sigma.length} applied to ${X.cols} columns`);
  }
  const {rows: m, cols: n, data: x} = X;
  const Y = matrix(m, n);
  for (let i = 0; i < m; ++i) for (let j = 0; j < n; ++j) Y.data[i * n + j] = x[i * n + sigma[j]];
  return Y;
}

/** Throws `${routine}: …` unless sigma is a permutation of {0, …, n − 1}. */
export function assertPermutation(sigma: Permutation, routine: string): void {
  const seen = new Uint8Array(sigma.length);
  for (let i = 0; i < sigma.length; ++i) {
    const s = sigma[i];
    if (s < 0 || s >= sigma.length || seen[s]) throw new Error(`${routine}: not a permutation (entry ${i} is ${s})`);
    seen[s] = 1;
  }
}
