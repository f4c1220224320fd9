// Boolean support propagation through GS products (Theorem 2): which entries of a product can be nonzero.
import type {BlockDiagonal} from "./blockDiagonal.js";
import type {GsProduct} from "./gs.js";
import type {Permutation} from "./shuffle.js";

/**
 * The structural support of a partial product, one bitset per row: bit j of row i is set when entry (i, j) can
 * be nonzero for generic values of the block entries (every block entry is treated as nonzero).
 */
export interface Support {
  readonly rows: number;
  readonly cols: number;
  /** rows × words 32-bit words; row i is bits[i·words … (i + 1)·words − 1]. */
  readonly bits: Uint32Array;
  readonly words: number;
}

/** The support of the n×n identity. */
export function identitySupport(n: number): Support {
  const words = Math.ceil(n / 32);
  const bits = new Uint32Array(n * words);
  for (let i = 0; i < n; ++i) bits[i * words + (i >>> 5)] |= 1 << (i & 31);
  return {rows: n, cols: n, bits, words};
}

/** The support of P·S: row σ(i) of the result is row i of S. */
export function permuteSupport(sigma: Permutation | null, S: Support): Support {
  if (sigma === null) return S;
  if (sigma.length !== S.rows)
    throw new Error(`permuteSupport: permutation of ${sigma.length} applied to ${S.rows} rows`);
  const {words} = S;
  const bits = new Uint32Array(S.bits.length);
  for (let i = 0; i < S.rows; ++i) bits.set(S.bits.subarray(i * words, (i + 1) * words), sigma[i] * words);
  return {...S, bits};
}

/** The support of B·S for block-diagonal B with full blocks: every row of block k is the union of its input rows. */
export function blockSupport(B: BlockDiagonal, S: Support): Support {
  if (B.cols !== S.rows) throw new Error(`blockSupport: ${B.rows}×${B.cols} · ${S.rows} rows`);
  const {words} = S;
  const bits = new Uint32Array(B.rows * words);
  const union = new Uint32Array(words);
  for (let k = 0; k < B.blocks.length; ++k) {
    union.fill(0);
    for (let c = B.colOffsets[k]; c < B.colOffsets[k + 1]; ++c) {
      const row = c * words;
      for (let w = 0; w < words; ++w) union[w] |= S.bits[row + w];
    }
    for (let r = B.rowOffsets[k]; r < B.rowOffsets[k + 1]; ++r) bits.set(union, r * words);
  }
  return {rows: B.rows, cols: S.cols, bits, words};
}

/**
 * The supports after each factor of A = P_{m+1}·B_m P_m ⋯ B_1 P_1: element i − 1 is the support of
 * P_{i+1}·B_i P_i ⋯ B_1 P_1, so the last element is the support of A. A row permutation does not change
 * the number of nonzeros per row, so element i − 1 also gives the row counts of the i-factor product.
 */
export function supportsByFactor(A: GsProduct): Support[] {
  const supports: Support[] = [];
  let S = permuteSupport(A.permutations[0], identitySupport(A.cols));
  A.factors.forEach((B, i) => {
    S = permuteSupport(A.permutations[i + 1], blockSupport(B, S));
    supports.push(S);
  });
  return supports;
}

/** The number of possibly nonzero entries in each row. */
export function rowCounts(S: Support): Int32Array {
  const counts = new Int32Array(S.rows);
  for (let i = 0; i < S.rows; ++i) {
    let count = 0;
    for (let w = 0; w < S.words; ++w) count += popcount(S.bits[i * S.words + w]);
    counts[i] = count;
  }
  return counts;
}

/** True when every entry may be nonzero (a dense product). */
export function isFull(S: Support): boolean {
  return rowCounts(S).every((count) => count === S.cols);
}

/** Whether entry (i, j) may be nonzero. */
export function supportHas(S: Support, i: number, j: number): boolean {
  return ((S.bits[i * S.words + (j >>> 5)] >>> (j & 31)) & 1) === 1;
}

/**
 * Theorem 2: the least number of GS factors (r square b×b blocks each, P_(r,n) between them) whose product is
 * dense, 1 + ⌈log_b r⌉, computed in integers as 1 + min{t : b^t ≥ r}. The theorem's statement writes P_(k,br)
 * and P_(k,b) between factors; these are typos for P_(r,n) (the proof uses P_(r,n)).
 */
export function gsDenseFactors(r: number, b: number): number {
  if (!Number.isInteger(r) || !Number.isInteger(b) || r < 1 || b < 2) {
    throw new Error(`gsDenseFactors: expected integers r ≥ 1 and b ≥ 2, got r = ${r}, b = ${b}`);
  }
  let t = 0;
  let power = 1;
  while (power < r) {
    power *= b;
    ++t;
  }
  return 1 + t;
}

/** Nonzeros per row after m GS factors by the counting argument of Theorem 2: min(n, b^m). */
export function gsRowCountBound(n: number, b: number, m: number): number {
  return Math.min(n, b ** m);
}

/** Nonzeros per row after m BOFT butterfly factors of block size b: min(n, 2^{m−1}·b). */
export function boftRowCount(n: number, b: number, m: number): number {
  return Math.min(n, 2 ** (m - 1) * b);
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
