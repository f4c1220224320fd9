// BOFT's block-butterfly factors (huggingface/peft `block_butterfly_perm`) in closed XOR form, as GS products.
import type {BlockDiagonal} from "./blockDiagonal.js";
import {conjugatedProduct} from "./gs.js";
import type {GsProduct} from "./gs.js";
import type {Permutation} from "./shuffle.js";

/**
 * The grouping permutation Π_i of butterfly factor i (0-based) for size n and block size b (even, b | n).
 * Indices fall into half-blocks of size b/2 (h = ⌊a/(b/2)⌋); factor i couples half-block h with h XOR 2^i into
 * one b×b block, the one with bit i clear first. Block j pairs h_j = the j-th half-block index with bit i clear
 * and h_j + 2^i. Π_i scatters index a to its place in that grouped order, so the factor is Π_iᵀ·D·Π_i with
 * D = diag(B_0, …, B_{r−1}). Factor 0 is the identity grouping (plain OFT). Requires 2^i | r, r = n/b.
 */
export function butterflyPermutation(n: number, b: number, i: number): Permutation {
  if (!Number.isInteger(b) || b < 2 || b % 2 !== 0 || n % b !== 0) {
    throw new Error(`butterflyPermutation: block size must be even and divide n, got b = ${b}, n = ${n}`);
  }
  const r = n / b;
  const stride = 2 ** i;
  if (!Number.isInteger(i) || i < 0 || r % stride !== 0) {
    throw new Error(`butterflyPermutation: factor ${i} needs 2^${i} to divide the number of blocks ${r}`);
  }
  const half = b / 2;
  const sigma = new Int32Array(n);
  for (let a = 0; a < n; ++a) {
    const h = Math.floor(a / half);
    const offset = a % half;
    const high = Math.floor(h / stride) % 2 === 1; // bit i of h
    const low = high ? h - stride : h;
    const j = Math.floor(low / (2 * stride)) * stride + (low % stride); // rank of `low` among indices with bit i clear
    sigma[a] = j * b + (high ? half : 0) + offset;
  }
  return sigma;
}

/** The number of butterfly factors BOFT needs for a dense product with r = n/b blocks: 1 + ⌈log₂ r⌉. */
export function boftDenseFactors(r: number): number {
  if (!Number.isInteger(r) || r < 1) throw new Error(`boftDenseFactors: r must be a positive integer, got ${r}`);
  let m = 1;
  while (2 ** (m - 1) < r) ++m;
  return m;
}

/**
 * The BOFT matrix F_{m−1} ⋯ F_1·F_0 with F_i = Π_iᵀ·D_i·Π_i (F_0 acts first), D_i = factors[i], each made of
 * r = n/b square b×b blocks. With m = 1 this is OFT.
 */
export function boft(factors: readonly BlockDiagonal[]): GsProduct {
  if (factors.length === 0) throw new Error("boft: expected at least one factor");
  const n = factors[0].rows;
  const b = factors[0].blocks[0].rows;
  for (const D of factors) {
    if (D.rows !== n || D.cols !== n || D.blocks.some((B) => B.rows !== b || B.cols !== b)) {
      throw new Error(`boft: every factor must be ${n}×${n} with ${b}×${b} blocks`);
    }
  }
  return conjugatedProduct(
    factors.map((factor, i) => ({permutation: i === 0 ? null : butterflyPermutation(n, b, i), factor}))
  );
}
