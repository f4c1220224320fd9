// Fitting a structured orthogonal product (OFT, BOFT, GS) to an orthogonal target by alternating block Procrustes.
import {identity, matrix, transpose} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {polar} from "../../src/linalg/polar.js";
import {blockDiagonal} from "./blockDiagonal.js";
import type {BlockDiagonal} from "./blockDiagonal.js";
import {conjugatedProduct, gsApplyBatch, gsApplyTransposeBatch, gsDense} from "./gs.js";
import type {GsProduct} from "./gs.js";
import {inversePermutation} from "./shuffle.js";
import type {Permutation} from "./shuffle.js";

/** One factor Πᵀ·diag(B_1, …, B_r)·Π of a structured orthogonal product: its grouping and its square block size. */
export interface FactorStructure {
  permutation: Permutation | null;
  block: number;
}

/** When to stop before the sweep budget is spent. */
export interface FitOptions {
  /** Stop once a sweep lowers the relative error by at most this fraction of it. Default 0 (only on no change). */
  tolerance?: number;
  /** Stop once the relative error is below this value (an exact fit, to rounding). Default 1e-13. */
  floor?: number;
}

/** The result of a fit: the factors, the product, and the relative error after each sweep (index 0: the start). */
export interface ProcrustesFit {
  factors: BlockDiagonal[];
  product: GsProduct;
  /** ‖Q − T‖_F / ‖T‖_F before the first sweep and after each sweep. */
  errors: number[];
}

/**
 * Fits Q = F_m ⋯ F_1, F_i = Π_iᵀ·D_i·Π_i with orthogonal blocks, to the orthogonal target T, starting from the
 * identity. For orthogonal Q and T, ‖Q − T‖²_F = 2n − 2·tr(QᵀT); with X = F_{i−1} ⋯ F_1 and Y = F_m ⋯ F_{i+1}
 * fixed, tr(QᵀT) = ⟨D_i, Π_i·Yᵀ·T·Xᵀ·Π_iᵀ⟩, which each block maximises independently at the orthogonal polar
 * factor of the matching diagonal block. Every update is therefore exact and the error never increases. One sweep
 * updates F_1, …, F_m in turn; the fit stops after `sweeps` sweeps, or earlier when a sweep stops helping (see
 * FitOptions), so `errors` has at most sweeps + 1 entries.
 */
export function fitOrthogonalProduct(
  structure: readonly FactorStructure[],
  T: Matrix,
  sweeps: number,
  {tolerance = 0, floor = 1e-13}: FitOptions = {}
): ProcrustesFit {
  const n = T.rows;
  if (T.cols !== n) throw new Error(`fitOrthogonalProduct: the target must be square, got ${T.rows}×${T.cols}`);
  if (structure.length === 0) throw new Error("fitOrthogonalProduct: expected at least one factor");
  for (const {block} of structure) {
    if (!Number.isInteger(block) || block < 1 || n % block !== 0) {
      throw new Error(`fitOrthogonalProduct: block ${block} does not divide ${n}`);
    }
  }
  const factors = structure.map(({block}) => blockDiagonal(Array.from({length: n / block}, () => identity(block))));
  const inverses = structure.map(({permutation}) => (permutation === null ? null : inversePermutation(permutation)));
  const Tt = transpose(T);
  const scale = Math.sqrt(frobeniusSquared(T));
  const product = () => conjugatedProduct(structure.map(({permutation}, i) => ({permutation, factor: factors[i]})));
  const errors = [relativeError(product(), T, scale)];
  for (let sweep = 0; sweep < sweeps; ++sweep) {
    for (let i = 0; i < structure.length; ++i) {
      const steps = structure.map(({permutation}, j) => ({permutation, factor: factors[j]}));
      // Z = T·Xᵀ = (X·Tᵀ)ᵀ, then W = Yᵀ·Z.
      const Z = i === 0 ? T : transpose(gsApplyBatch(conjugatedProduct(steps.slice(0, i)), Tt));
      const W = i === structure.length - 1 ? Z : gsApplyTransposeBatch(conjugatedProduct(steps.slice(i + 1)), Z);
      factors[i] = bestBlocks(W, structure[i].block, inverses[i]);
    }
    const previous = errors[errors.length - 1];
    const error = relativeError(product(), T, scale);
    errors.push(error);
    if (error < floor || previous - error <= tolerance * previous) break;
  }
  return {factors, product: product(), errors};
}

// The block-diagonal D maximising ⟨D, Π·W·Πᵀ⟩ over orthogonal blocks: block k is the polar factor of the k-th
// diagonal block C_k of Π·W·Πᵀ, whose entry (a, c) is W[σ⁻¹(kb + a), σ⁻¹(kb + c)].
function bestBlocks(W: Matrix, b: number, inverse: Permutation | null): BlockDiagonal {
  const n = W.rows;
  const blocks: Matrix[] = [];
  for (let k = 0; k < n / b; ++k) {
    const C = matrix(b, b);
    for (let a = 0; a < b; ++a) {
      const row = inverse === null ? k * b + a : inverse[k * b + a];
      for (let c = 0; c < b; ++c)
        C.data[a * b + c] = W.data[row * n + (inverse === null ? k * b + c : inverse[k * b + c])];
    }
    blocks.push(polar(C).U);
  }
  return blockDiagonal(blocks);
}

function relativeError(Q: GsProduct, T: Matrix, scale: number): number {
  const D = gsDense(Q);
  let sum = 0;
  for (let q = 0; q < D.data.length; ++q) sum += (D.data[q] - T.data[q]) ** 2;
  return Math.sqrt(sum) / scale;
}

function frobeniusSquared(A: Matrix): number {
  let sum = 0;
  for (const x of A.data) sum += x * x;
  return sum;
}
