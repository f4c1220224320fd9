// Applying a product of Householder reflections from the left in blocks (LAPACK dormtr/dormqr with side = 'L',
// trans = 'N', through dlarfb): C ← H₀H₁⋯H_{r−1}·C.
// References: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §5.1.6–5.1.7 (the compact WY
// representation, Algorithm 5.1.2, and its use in blocked updates); R. Schreiber & C. Van Loan, "A storage-efficient
// WY representation for products of Householder transformations", SIAM J. Sci. Stat. Comput. 10 (1989) 53–57.
import {gemmInto, multiply} from "./gemm.js";
import {reflectorBlock, wyFactor} from "./householder.js";
import {matrix} from "./matrix.js";
import type {Matrix} from "./matrix.js";

/**
 * C ← H₀H₁⋯H_{r−1}·C in place for an L×q matrix C, where H_k = I − τ_k v_k v_kᵀ and v_k is row k of the r×L
 * row-major array `vectors`, supported on coordinates k + shift … L − 1 with v_k[k + shift] = 1 (the storage of
 * `accumulateReflectors`). With C = Z, the eigenvectors of T = QᵀAQ, this gives the eigenvectors QZ of A without
 * forming Q (dormtr), at 2L²q flops instead of the (4/3)L³ of forming Q plus the 2L²q of multiplying by it.
 *
 * Blocks of `blockSize` reflectors are applied from the last block to the first: H_{k0}⋯H_{k1−1} = I − VᵀTV with V
 * holding the vectors as rows and T upper triangular (dlarft), so rows k0 + shift … L − 1 of C (a contiguous slice of
 * row-major storage) are updated as C₂ ← C₂ − Vᵀ(T(VC₂)), three matrix products (dlarfb).
 */
export function applyReflectorsLeft(
  C: Matrix,
  vectors: Float64Array,
  tau: Float64Array,
  r: number,
  shift: number,
  blockSize = 64
): void {
  const {rows: L, cols: q, data} = C;
  if (vectors.length < r * L || tau.length < r) {
    throw new Error(`applyReflectorsLeft: ${r} reflectors of length ${L} need more storage than given`);
  }
  const blocks = Math.ceil(r / blockSize);
  for (let block = blocks - 1; block >= 0; --block) {
    const k0 = block * blockSize;
    const k1 = Math.min(r, k0 + blockSize);
    const offset = k0 + shift;
    if (offset >= L) continue;
    const V = reflectorBlock(vectors, L, k0, k1, shift);
    const T = wyFactor(V, tau.subarray(k0, k1));
    const C2 = matrix(L - offset, q, data.subarray(offset * q, L * q));
    const W = multiply(T, multiply(V, C2)); // T(VC₂), (k1 − k0)×q
    gemmInto(C2, V, W, {transA: true, alpha: -1, beta: 1});
  }
}
