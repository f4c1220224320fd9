// Orthogonal blocks from unconstrained parameters: Q_i = Cayley(½(A_i − A_iᵀ)) (or exp), with the analytic gradient.
import {cayley, cayleyGradient} from "../../src/linalg/cayley.js";
import {expmSkew} from "../../src/linalg/expm.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {blockDiagonal} from "./blockDiagonal.js";
import type {BlockDiagonal} from "./blockDiagonal.js";

/**
 * How a skew-symmetric K becomes orthogonal: the Cayley map (I + K)(I − K)⁻¹ of the official
 * `GSOrthogonal` layer (PEFT's BOFT uses the mirror form (I − K)(I + K)⁻¹), or `"exp"` for the matrix exponential.
 */
export type OrthogonalMap = "cayley" | "exp";

/**
 * The skew part ½(A − Aᵀ) of a square matrix. The official code stores full b×b matrices A and uses their skew
 * part, so 2·r·b² raw parameters carry n(b − 1) degrees of freedom; storing only the upper triangle of K halves the
 * stored size (§7.1).
 */
export function skewPart(A: Matrix): Matrix {
  if (A.rows !== A.cols) throw new Error(`skewPart: expected a square matrix, got ${A.rows}×${A.cols}`);
  const n = A.rows;
  const K = matrix(n, n);
  for (let i = 0; i < n; ++i)
    for (let j = 0; j < n; ++j) K.data[i * n + j] = 0.5 * (A.data[i * n + j] - A.data[j * n + i]);
  return K;
}

/** The orthogonal block of a raw parameter matrix A: Cayley(skew A) or exp(skew A); A = 0 gives I exactly. */
export function orthogonalBlock(A: Matrix, map: OrthogonalMap = "cayley"): Matrix {
  const K = skewPart(A);
  return map === "cayley" ? cayley(K) : expmSkew(K);
}

/** Every block made orthogonal: diag(Q(A_1), …, Q(A_r)). */
export function orthogonalBlocks(raw: BlockDiagonal, map: OrthogonalMap = "cayley"): BlockDiagonal {
  return blockDiagonal(raw.blocks.map((A) => orthogonalBlock(A, map)));
}

/**
 * ∂f/∂A for Q = Cayley(½(A − Aᵀ)), given G = ∂f/∂Q. With M = (I − K)⁻¹, ∂f/∂K = (I + Q)ᵀ·G·Mᵀ, and the skew
 * part map gives ∂f/∂A = ½(∂f/∂K − (∂f/∂K)ᵀ); this is what `cayleyGradient` returns.
 */
export function cayleyParameterGradient(A: Matrix, G: Matrix): Matrix {
  return cayleyGradient(skewPart(A), G);
}

/** Block by block, ∂f/∂A_k from ∂f/∂Q_k for Cayley-parametrised blocks. */
export function cayleyBlocksGradient(raw: BlockDiagonal, dQ: readonly Matrix[]): Matrix[] {
  if (dQ.length !== raw.blocks.length) {
    throw new Error(`cayleyBlocksGradient: ${dQ.length} block gradients for ${raw.blocks.length} blocks`);
  }
  return raw.blocks.map((A, k) => cayleyParameterGradient(A, dQ[k]));
}

/** Skew-symmetric degrees of freedom of one b×b block, b(b − 1)/2. */
export function skewDegreesOfFreedom(b: number): number {
  return (b * (b - 1)) / 2;
}
