// Reverse-mode gradients through a GS product Y = A·X with respect to X and to every block of every factor.
import {gemmInto} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {applyBlockDiagonalBatch, applyBlockDiagonalTransposeBatch} from "./blockDiagonal.js";
import type {GsProduct} from "./gs.js";
import {inversePermutation, permuteRows} from "./shuffle.js";
import type {Permutation} from "./shuffle.js";

/** The output of a GS product and the input each factor received (needed by the backward pass). */
export interface GsForward {
  Y: Matrix;
  /** inputs[i] = P_i · B_{i−1} ⋯ (the matrix factor B_i multiplied), for i = 1 … m. */
  inputs: Matrix[];
}

/** Gradients of a scalar loss with respect to the input X and to each block of each factor. */
export interface GsGradient {
  dX: Matrix;
  /** dBlocks[i][k] = ∂loss/∂(block k of B_{i+1}), same shape as the block. */
  dBlocks: Matrix[][];
}

/** Y = A·X, keeping the input of every factor. */
export function gsForward(A: GsProduct, X: Matrix): GsForward {
  if (X.rows !== A.cols)
    throw new Error(`gsForward: Matrix dimensions do not match: ${A.rows}×${A.cols} · ${X.rows}×${X.cols}`);
  const inputs: Matrix[] = [];
  let Z = permute(A.permutations[0], X);
  A.factors.forEach((B, i) => {
    inputs.push(Z);
    Z = permute(A.permutations[i + 1], applyBlockDiagonalBatch(B, Z));
  });
  return {Y: Z, inputs};
}

/**
 * Back-propagates dY = ∂loss/∂Y through Y = A·X: with W_i the output of B_i, ∂loss/∂B_i(block k) =
 * (∂loss/∂W_i)_k · (Z_i)_kᵀ over the block's rows and columns, and the gradient moves on through B_iᵀ and P_iᵀ.
 */
export function gsBackward(A: GsProduct, forward: GsForward, dY: Matrix): GsGradient {
  const m = A.factors.length;
  if (dY.rows !== A.rows || dY.cols !== forward.Y.cols) {
    throw new Error(`gsBackward: gradient is ${dY.rows}×${dY.cols}, expected ${A.rows}×${forward.Y.cols}`);
  }
  const dBlocks: Matrix[][] = new Array(m);
  let G = permuteTranspose(A.permutations[m], dY);
  for (let i = m - 1; i >= 0; --i) {
    const B = A.factors[i];
    const Z = forward.inputs[i];
    const p = Z.cols;
    dBlocks[i] = B.blocks.map((block, k) => {
      const r0 = B.rowOffsets[k];
      const r1 = B.rowOffsets[k + 1];
      const c0 = B.colOffsets[k];
      const c1 = B.colOffsets[k + 1];
      const dBlock = matrix(block.rows, block.cols);
      if (p > 0 && r1 > r0 && c1 > c0) {
        const Gk = matrix(r1 - r0, p, G.data.subarray(r0 * p, r1 * p));
        const Zk = matrix(c1 - c0, p, Z.data.subarray(c0 * p, c1 * p));
        gemmInto(dBlock, Gk, Zk, {transB: true});
      }
      return dBlock;
    });
    G = permuteTranspose(A.permutations[i], applyBlockDiagonalTransposeBatch(B, G));
  }
  return {dX: G, dBlocks};
}

/**
 * ∂⟨C, A⟩/∂blocks for a dense coefficient matrix C (rows×cols of A): the block gradients of the linear loss
 * ⟨C, A⟩_F = Σ C_ij A_ij, i.e. the backward pass with X = I and dY = C. Turns a gradient with respect to the
 * dense matrix A into gradients with respect to its blocks.
 */
export function gsBlockGradient(A: GsProduct, C: Matrix): Matrix[][] {
  if (C.rows !== A.rows || C.cols !== A.cols) {
    throw new Error(`gsBlockGradient: coefficient matrix is ${C.rows}×${C.cols}, expected ${A.rows}×${A.cols}`);
  }
  const I = matrix(A.cols, A.cols);
  for (let i = 0; i < A.cols; ++i) I.data[i * A.cols + i] = 1;
  return gsBackward(A, gsForward(A, I), C).dBlocks;
}

function permute(sigma: Permutation | null, X: Matrix): Matrix {
  return sigma === null ? X : permuteRows(sigma, X);
}

function permuteTranspose(sigma: Permutation | null, X: Matrix): Matrix {
  return sigma === null ? X : permuteRows(inversePermutation(sigma), X);
}
