// Monarch matrices (App. C) as the special case GS(P₁, P₂, I) of the GS class, and their parameter counts.
import type {BlockDiagonal} from "./blockDiagonal.js";
import {gs} from "./gs.js";
import type {GsProduct} from "./gs.js";
import {inversePermutation, shuffle} from "./shuffle.js";

/** The block layout of a Monarch matrix of size n whose right factor R has k_R square blocks. */
export interface MonarchShape {
  n: number;
  /** Number of blocks of R and their size. */
  kR: number;
  bR: number;
  /** Number of blocks of L and their size: Monarch forces k_L = b_R and b_L = k_R. */
  kL: number;
  bL: number;
  /** Stored entries k_R·b_R² + k_L·b_L² = n·(b_R + b_L). */
  parameters: number;
}

/**
 * The Monarch layout with R made of kR square blocks: the constraints k_L = b_R¹ and k_R = b_L² of App. C leave
 * L with b_R blocks of size k_R. Equal block sizes therefore need b = r = √n.
 */
export function monarchShape(n: number, kR: number): MonarchShape {
  if (!Number.isInteger(n) || !Number.isInteger(kR) || kR < 1 || n % kR !== 0) {
    throw new Error(`monarchShape: the number of blocks must divide n, got n = ${n}, k_R = ${kR}`);
  }
  const bR = n / kR;
  return {n, kR, bR, kL: bR, bL: kR, parameters: kR * bR * bR + bR * kR * kR};
}

/**
 * The Monarch matrix M = P₁·L·P₂·R = GS(P₁, P₂, I) with P₂ = P_(k_L, n) and P₁ = P₂ᵀ = P_(k_R, n). Each L block
 * gathers one coordinate from every R block, so every block of M (Prop. 1) has rank 1. With square blocks of
 * one size (k_L = k_R = b, n = b²) this is exactly the GSOFT matrix Pᵀ·L·P·R with P = P_(r,n).
 */
export function monarch(left: BlockDiagonal, right: BlockDiagonal): GsProduct {
  const n = right.rows;
  const shape = monarchShape(n, right.blocks.length);
  const squareBlocks = (D: BlockDiagonal, size: number) => D.blocks.every((B) => B.rows === size && B.cols === size);
  if (
    left.rows !== n ||
    left.cols !== n ||
    right.cols !== n ||
    left.blocks.length !== shape.kL ||
    !squareBlocks(left, shape.bL) ||
    !squareBlocks(right, shape.bR)
  ) {
    throw new Error(
      `monarch: R with ${shape.kR} blocks of ${shape.bR}×${shape.bR} needs L with ${shape.kL} blocks of ${shape.bL}×${shape.bL}`
    );
  }
  const P2 = shuffle(shape.kL, n);
  return gs(left, right, {pL: inversePermutation(P2), p: P2});
}
