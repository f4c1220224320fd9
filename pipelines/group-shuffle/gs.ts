// GS matrices (Def. 3.1) and their higher-order products (Def. 5.1): fast apply, transposed apply, dense form.
import {identity} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {
  applyBlockDiagonal,
  applyBlockDiagonalBatch,
  applyBlockDiagonalTranspose,
  applyBlockDiagonalTransposeBatch,
  blockDiagonalParameterCount
} from "./blockDiagonal.js";
import type {BlockDiagonal, BlockKernel} from "./blockDiagonal.js";
import {
  assertPermutation,
  composePermutations,
  inversePermutation,
  isIdentityPermutation,
  permuteRows,
  permuteVector,
  shuffle
} from "./shuffle.js";
import type {Permutation} from "./shuffle.js";

/**
 * A = P_{m+1} · B_m P_m · … · B_1 P_1 (Def. 5.1) with block-diagonal B_i and permutations P_i; `null` stands
 * for an identity permutation (nothing is moved). A two-factor GS(P_L, P, P_R) matrix P_L·L·P·R·P_R is the case
 * m = 2 with B_1 = R, B_2 = L, P_1 = P_R, P_2 = P, P_3 = P_L. Applying A to a vector costs Σ_i |B_i| multiply–adds
 * (the stored block entries) plus m + 1 index maps.
 */
export interface GsProduct {
  readonly rows: number;
  readonly cols: number;
  /** B_1 … B_m, in the order they act on a vector. */
  readonly factors: readonly BlockDiagonal[];
  /** P_1 … P_{m+1}: P_i acts just before B_i, and P_{m+1} last. */
  readonly permutations: readonly (Permutation | null)[];
}

/** The permutations of a two-factor GS(P_L, P, P_R) matrix; omitted ones are the identity. */
export interface GsPermutations {
  pL?: Permutation | null;
  p: Permutation;
  pR?: Permutation | null;
}

/**
 * The higher-order product P_{m+1}·B_m P_m ⋯ B_1 P_1, checking that the shapes chain: P_1 has B_1.cols entries,
 * P_{i+1} has B_i.rows = B_{i+1}.cols entries, and P_{m+1} has B_m.rows. Identity permutations become null.
 */
export function gsProduct(factors: readonly BlockDiagonal[], permutations: readonly (Permutation | null)[]): GsProduct {
  const m = factors.length;
  if (m === 0) throw new Error("gsProduct: expected at least one factor");
  if (permutations.length !== m + 1) {
    throw new Error(`gsProduct: ${m} factors need ${m + 1} permutations, got ${permutations.length}`);
  }
  const normalized = permutations.map((sigma, i) => {
    const size = i < m ? factors[i].cols : factors[m - 1].rows;
    if (i > 0 && i < m && factors[i - 1].rows !== factors[i].cols) {
      const [rows, cols] = [factors[i - 1].rows, factors[i].cols];
      throw new Error(`gsProduct: factor ${i} has ${rows} rows but factor ${i + 1} has ${cols} columns`);
    }
    if (sigma === null) return null;
    if (sigma.length !== size)
      throw new Error(`gsProduct: permutation ${i + 1} has size ${sigma.length}, expected ${size}`);
    assertPermutation(sigma, "gsProduct");
    return isIdentityPermutation(sigma) ? null : sigma;
  });
  return {rows: factors[m - 1].rows, cols: factors[0].cols, factors, permutations: normalized};
}

/**
 * The GS(P_L, P, P_R) matrix P_L·L·P·R·P_R of Def. 3.1, with any block shapes that chain: L is k_L blocks of
 * b_L¹×b_L², R is k_R blocks of b_R¹×b_R², and b_L²·k_L = b_R¹·k_R = |P|.
 */
export function gs(left: BlockDiagonal, right: BlockDiagonal, {pL = null, p, pR = null}: GsPermutations): GsProduct {
  return gsProduct([right, left], [pR, p, pL]);
}

/**
 * The GSOFT matrix Q = Pᵀ·L·P·R = GS(Pᵀ, P, I) with P = P_(r,n), for L and R made of r square b×b blocks each
 * (n = rb). Applying it is the four steps of the paper: t_k = R_k x_k; u[σ(i)] = t[i]; v_k = L_k u_k;
 * y[i] = v[σ(i)].
 */
export function gsoft(left: BlockDiagonal, right: BlockDiagonal): GsProduct {
  const r = right.blocks.length;
  if (left.blocks.length !== r || left.rows !== left.cols || right.rows !== right.cols || left.rows !== right.rows) {
    throw new Error(
      `gsoft: expected two block-diagonal matrices of the same size with the same number of square blocks`
    );
  }
  const P = shuffle(r, right.rows);
  return gs(left, right, {pL: inversePermutation(P), p: P});
}

/**
 * The higher-order GS product of Theorem 2, P_L·B_m·P·B_{m−1}·P ⋯ P·B_1·P_R, with P = P_(r,n) between every pair
 * of factors (r = number of blocks of each factor, all n×n). With m = 2, P_L = Pᵀ and P_R = I this is GSOFT.
 */
export function gsChain(
  factors: readonly BlockDiagonal[],
  {pL = null, pR = null}: {pL?: Permutation | null; pR?: Permutation | null} = {}
): GsProduct {
  if (factors.length === 0) throw new Error("gsChain: expected at least one factor");
  const n = factors[0].rows;
  const r = factors[0].blocks.length;
  for (const B of factors) {
    if (B.rows !== n || B.cols !== n || B.blocks.length !== r) {
      throw new Error(`gsChain: every factor must be ${n}×${n} with ${r} blocks`);
    }
  }
  const P = shuffle(r, n);
  return gsProduct(factors, [pR, ...Array.from({length: factors.length - 1}, () => P), pL]);
}

/** One step Πᵀ·D·Π of a conjugated product: a block-diagonal D acting in the order given by Π (null: identity). */
export interface ConjugatedFactor {
  permutation: Permutation | null;
  factor: BlockDiagonal;
}

/**
 * The product F_m ⋯ F_1 of square factors F_i = Π_iᵀ·D_i·Π_i (F_1 acts first), written in the form of Def. 5.1
 * by merging neighbouring permutations: P_1 = Π_1, P_{i+1} = Π_{i+1}·Π_iᵀ, P_{m+1} = Π_mᵀ. GSOFT is
 * [(I, R), (P, L)]; OFT is one factor; BOFT is m factors with butterfly groupings (butterfly.ts).
 */
export function conjugatedProduct(steps: readonly ConjugatedFactor[]): GsProduct {
  if (steps.length === 0) throw new Error("conjugatedProduct: expected at least one factor");
  const permutations: (Permutation | null)[] = [steps[0].permutation];
  for (let i = 1; i < steps.length; ++i) {
    const previous = transposePermutation(steps[i - 1].permutation);
    const next = steps[i].permutation;
    permutations.push(next === null ? previous : previous === null ? next : composePermutations(next, previous));
  }
  permutations.push(transposePermutation(steps[steps.length - 1].permutation));
  return gsProduct(
    steps.map((step) => step.factor),
    permutations
  );
}

/** A·x for a vector x of length A.cols, in Σ|B_i| multiply–adds. */
export function gsApply(A: GsProduct, x: Float64Array): Float64Array {
  if (x.length !== A.cols)
    throw new Error(`gsApply: Matrix dimensions do not match: ${A.rows}×${A.cols} · ${x.length}`);
  let y = maybePermute(A.permutations[0], x);
  A.factors.forEach((B, i) => {
    y = maybePermute(A.permutations[i + 1], applyBlockDiagonal(B, y));
  });
  return y;
}

/** Aᵀ·x for a vector x of length A.rows. */
export function gsApplyTranspose(A: GsProduct, x: Float64Array): Float64Array {
  if (x.length !== A.rows) {
    throw new Error(`gsApplyTranspose: Matrix dimensions do not match: ${A.rows}×${A.cols}ᵀ · ${x.length}`);
  }
  const m = A.factors.length;
  let y = maybePermuteTranspose(A.permutations[m], x);
  for (let i = m - 1; i >= 0; --i)
    y = maybePermuteTranspose(A.permutations[i], applyBlockDiagonalTranspose(A.factors[i], y));
  return y;
}

/**
 * A·X for a matrix X (A.cols rows) whose columns are the vectors: each block is one small matrix product, computed
 * by `kernel` (see BlockKernel).
 */
export function gsApplyBatch(A: GsProduct, X: Matrix, kernel: BlockKernel = "gemm"): Matrix {
  if (X.rows !== A.cols) {
    throw new Error(`gsApplyBatch: Matrix dimensions do not match: ${A.rows}×${A.cols} · ${X.rows}×${X.cols}`);
  }
  let Y = maybePermuteRows(A.permutations[0], X);
  A.factors.forEach((B, i) => {
    Y = maybePermuteRows(A.permutations[i + 1], applyBlockDiagonalBatch(B, Y, kernel));
  });
  return Y;
}

/** Aᵀ·X for a matrix X with A.rows rows. */
export function gsApplyTransposeBatch(A: GsProduct, X: Matrix, kernel: BlockKernel = "gemm"): Matrix {
  if (X.rows !== A.rows) {
    throw new Error(
      `gsApplyTransposeBatch: Matrix dimensions do not match: ${A.rows}×${A.cols}ᵀ · ${X.rows}×${X.cols}`
    );
  }
  const m = A.factors.length;
  let Y = maybePermuteRowsTranspose(A.permutations[m], X);
  for (let i = m - 1; i >= 0; --i) {
    Y = maybePermuteRowsTranspose(A.permutations[i], applyBlockDiagonalTransposeBatch(A.factors[i], Y, kernel));
  }
  return Y;
}

/** The dense rows×cols matrix, materialised by applying A to the identity. */
export function gsDense(A: GsProduct): Matrix {
  return gsApplyBatch(A, identity(A.cols));
}

/** Multiply–adds of one matrix–vector product A·x: the number of stored block entries Σ_i |B_i|. */
export function gsMultiplyAdds(A: GsProduct): number {
  return A.factors.reduce((sum, B) => sum + blockDiagonalParameterCount(B), 0);
}

/** Pᵀ as a permutation, or null for the identity. */
export function transposePermutation(sigma: Permutation | null): Permutation | null {
  return sigma === null ? null : inversePermutation(sigma);
}

function maybePermute(sigma: Permutation | null, x: Float64Array): Float64Array {
  return sigma === null ? x : permuteVector(sigma, x);
}

function maybePermuteTranspose(sigma: Permutation | null, x: Float64Array): Float64Array {
  if (sigma === null) return x;
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; ++i) y[i] = x[sigma[i]];
  return y;
}

function maybePermuteRows(sigma: Permutation | null, X: Matrix): Matrix {
  return sigma === null ? X : permuteRows(sigma, X);
}

function maybePermuteRowsTranspose(sigma: Permutation | null, X: Matrix): Matrix {
  return sigma === null ? X : permuteRows(inversePermutation(sigma), X);
}
