// Frobenius projection onto GS matrices (Algorithm 1), block ranks (Prop. 1) and orthogonal factors (Theorem 1).
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {polar} from "../../src/linalg/polar.js";
import {svd} from "../../src/linalg/svd.js";
import {blockDiagonal} from "./blockDiagonal.js";
import type {BlockDiagonal} from "./blockDiagonal.js";
import {gs} from "./gs.js";
import type {GsProduct} from "./gs.js";
import {inversePermutation, permuteColumns} from "./shuffle.js";
import type {Permutation} from "./shuffle.js";

/**
 * The shape of a GS(P_L, P, P_R) class: L has kL blocks of bL1×bL2, R has kR blocks of bR1×bR2, with
 * kL·bL2 = kR·bR1 = |P| (the inner size s); the matrices are (kL·bL1)×(kR·bR2).
 */
export interface GsLayout {
  kL: number;
  bL1: number;
  bL2: number;
  kR: number;
  bR1: number;
  bR2: number;
  pL: Permutation | null;
  p: Permutation;
  pR: Permutation | null;
}

/** The result of Algorithm 1. */
export interface GsProjection {
  /** The projection π(A) as a GS product. */
  product: GsProduct;
  left: BlockDiagonal;
  right: BlockDiagonal;
  /** ranks[k1·kR + k2]: the rank allowed in block (k1, k2) by Prop. 1. */
  ranks: Int32Array;
  /** Σ of the squared singular values dropped by the truncations: ‖A − π(A)‖²_F. */
  discarded: number;
}

/**
 * Proposition 1: in A = L·P·R, block (k1, k2) (rows of L block k1, columns of R block k2) is Σ u_{σ(i)} v_iᵀ over
 * the inner indices i with ⌊σ(i)/b_L²⌋ = k1 and ⌊i/b_R¹⌋ = k2 (u: columns of L, v: rows of R), so its rank is at
 * most the number of such i. The paper prints k_L and k_R as the divisors, a typo: the proof divides by the block
 * sizes. Returns the counts as a kL×kR row-major array.
 */
export function blockRanks(layout: GsLayout): Int32Array {
  checkLayout(layout);
  const {kL, bL2, kR, bR1, p} = layout;
  const ranks = new Int32Array(kL * kR);
  for (let i = 0; i < p.length; ++i) ranks[Math.floor(p[i] / bL2) * kR + Math.floor(i / bR1)] += 1;
  return ranks;
}

/**
 * Algorithm 1: the nearest GS(P_L, P, P_R) matrix to A in the Frobenius norm. For each block (k1, k2) of
 * B = P_Lᵀ·A·P_Rᵀ, a truncated SVD to the rank of Prop. 1; the columns of U_ρΣ_ρ^{1/2} go into L_{k1} and the
 * rows of Σ_ρ^{1/2}V_ρᵀ into R_{k2}, at the inner indices i of that block (the ℓ-th such i gets the ℓ-th singular
 * triple). The paper's pseudocode slices U[:r, :]; it means the first r columns. Blocks are independent because
 * every column of L and row of R belongs to exactly one block, so this is the exact projection, and
 * ‖A − π(A)‖²_F is the sum of the discarded σ².
 */
export function projectGs(A: Matrix, layout: GsLayout): GsProjection {
  checkLayout(layout);
  const {kL, bL1, bL2, kR, bR1, bR2, pL, p, pR} = layout;
  const rows = kL * bL1;
  const cols = kR * bR2;
  if (A.rows !== rows || A.cols !== cols) {
    throw new Error(`projectGs: A is ${A.rows}×${A.cols}, the layout needs ${rows}×${cols}`);
  }
  // B = P_Lᵀ A P_Rᵀ: row i of P_Lᵀ·A is row σ_L(i) of A; A·P_Rᵀ = A·P where P has the inverse permutation.
  let B = A;
  if (pL !== null) {
    B = matrix(rows, cols);
    for (let i = 0; i < rows; ++i) B.data.set(A.data.subarray(pL[i] * cols, (pL[i] + 1) * cols), i * cols);
  }
  if (pR !== null) B = permuteColumns(B, inversePermutation(pR));

  const leftBlocks = Array.from({length: kL}, () => matrix(bL1, bL2));
  const rightBlocks = Array.from({length: kR}, () => matrix(bR1, bR2));
  // Inner indices of each block (k1, k2), in increasing order.
  const members: number[][] = Array.from({length: kL * kR}, () => []);
  for (let i = 0; i < p.length; ++i) members[Math.floor(p[i] / bL2) * kR + Math.floor(i / bR1)].push(i);
  let discarded = 0;
  const block = matrix(bL1, bR2);
  for (let k1 = 0; k1 < kL; ++k1) {
    for (let k2 = 0; k2 < kR; ++k2) {
      for (let a = 0; a < bL1; ++a) {
        const from = (k1 * bL1 + a) * cols + k2 * bR2;
        block.data.set(B.data.subarray(from, from + bR2), a * bR2);
      }
      const indices = members[k1 * kR + k2];
      const {U, s, V} = svd(block);
      const kept = Math.min(indices.length, s.length);
      for (let l = kept; l < s.length; ++l) discarded += s[l] * s[l];
      const L = leftBlocks[k1];
      const R = rightBlocks[k2];
      for (let l = 0; l < kept; ++l) {
        const i = indices[l];
        const root = Math.sqrt(s[l]);
        const column = p[i] - k1 * bL2; // local column of L_{k1}
        const row = i - k2 * bR1; // local row of R_{k2}
        for (let a = 0; a < bL1; ++a) L.data[a * bL2 + column] = U.data[a * U.cols + l] * root;
        for (let c = 0; c < bR2; ++c) R.data[row * bR2 + c] = V.data[c * V.cols + l] * root;
      }
    }
  }
  const left = blockDiagonal(leftBlocks);
  const right = blockDiagonal(rightBlocks);
  return {product: gs(left, right, {pL, p, pR}), left, right, ranks: blockRanks(layout), discarded};
}

/**
 * Theorem 1, constructively: if L·P·R is orthogonal and the blocks are square (so all of them are invertible),
 * then L·P·R = (L·D_L^{−1/2})·P·(D_R^{−1/2}·R) with D_L = LᵀL and D_R = RRᵀ: orthogonality gives Pᵀ·D_L·P = D_R⁻¹,
 * and the square root of a block-diagonal matrix is block-diagonal, so Pᵀ·D_L^{1/2}·P = D_R^{−1/2}.
 * L_k(L_kᵀL_k)^{−1/2} and (R_kR_kᵀ)^{−1/2}R_k are the orthogonal polar factors of the blocks, so replacing every
 * block by its polar factor leaves the GS matrix unchanged (for any P_L, P_R) with orthogonal blocks.
 */
export function orthonormalizeFactors(
  left: BlockDiagonal,
  right: BlockDiagonal
): {left: BlockDiagonal; right: BlockDiagonal} {
  const polarFactor = (B: Matrix) => {
    if (B.rows !== B.cols) throw new Error(`orthonormalizeFactors: blocks must be square, got ${B.rows}×${B.cols}`);
    return polar(B).U;
  };
  return {left: blockDiagonal(left.blocks.map(polarFactor)), right: blockDiagonal(right.blocks.map(polarFactor))};
}

/** The layout of GSOFT, GS(Pᵀ, P, I) with P = P_(r,n): r square b×b blocks on both sides. */
export function gsoftLayout(r: number, b: number, p: Permutation): GsLayout {
  return {kL: r, bL1: b, bL2: b, kR: r, bR1: b, bR2: b, pL: inversePermutation(p), p, pR: null};
}

function checkLayout({kL, bL2, kR, bR1, p}: GsLayout): void {
  if (kL * bL2 !== p.length || kR * bR1 !== p.length) {
    throw new Error(`GS layout: k_L·b_L² = ${kL * bL2} and k_R·b_R¹ = ${kR * bR1} must both equal |P| = ${p.length}`);
  }
}
