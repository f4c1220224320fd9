// Applying a product of Householder reflections from the left in blocks (LAPACK dormtr/dormqr with side = 'L',
// trans = 'N', through dlarfb): C ← H₀H₁⋯H_{r−1}·C.
// References: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed. (2013), §5.1.6–5.1.7 (the compact WY
// representation, Algorithm 5.1.2, and its use in blocked updates); R. Schreiber & C. Van Loan, "A storage-efficient
// WY representation for products of Householder transformations", SIAM J. Sci. Stat. Comput. 10 (1989) 53–57.
import {kernelInstantiator} from "./kernels.js";
import type {GemmKernelExports} from "./gemmWasm.js";
import {reflectorBlock, wyFactor} from "./householder.js";
import type {Matrix} from "./matrix.js";
import {wasmPageBytes} from "./webAssembly.js";

/**
 * C ← H₀H₁⋯H_{r−1}·C in place for an L×q matrix C, where H_k = I − τ_k v_k v_kᵀ and v_k is row k of the r×L
 * row-major array `vectors`, supported on coordinates k + shift … L − 1 with v_k[k + shift] = 1 (the storage of
 * `accumulateReflectors`). With C = Z, the eigenvectors of T = QᵀAQ, this gives the eigenvectors QZ of A without
 * forming Q (dormtr), at 2L²q flops instead of the (4/3)L³ of forming Q plus the 2L²q of multiplying by it.
 *
 * Blocks of `blockSize` reflectors are applied from the last block to the first: H_{k0}⋯H_{k1−1} = I − VᵀTV with V
 * holding the vectors as rows and T upper triangular (dlarft), so rows k0 + shift … L − 1 of C (a contiguous slice of
 * row-major storage) are updated as C₂ ← C₂ − Vᵀ(T(VC₂)), three matrix products (dlarfb). C stays in the memory of
 * an instance of the SIMD product kernel (gemmKernel.as) throughout; only each block's V and T are copied in.
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
  if (r === 0 || q === 0 || L === 0) return;
  // C stays in the product kernel's memory for all blocks; only V and T are copied in per block. The instance is
  // kept for later calls (instantiating one costs more than a small application), unless it grew large.
  const kernel = (instance ??= instantiate());
  const work = align(kernel.heapBase());
  const c = align(work + kernel.workBytes());
  const v = align(c + L * q * 8);
  const t = align(v + blockSize * L * 8);
  const w = align(t + blockSize * blockSize * 8);
  const w2 = align(w + blockSize * q * 8);
  const end = w2 + blockSize * q * 8;
  if (end > maxMemoryBytes) throw new RangeError(`applyReflectorsLeft: ${L}×${q} does not fit in 4 GiB`);
  const missing = end - kernel.memory.buffer.byteLength;
  if (missing > 0) kernel.memory.grow(Math.ceil(missing / wasmPageBytes));
  const heap = new Float64Array(kernel.memory.buffer);
  heap.set(data, c / 8);
  const blocks = Math.ceil(r / blockSize);
  for (let block = blocks - 1; block >= 0; --block) {
    const k0 = block * blockSize;
    const k1 = Math.min(r, k0 + blockSize);
    const offset = k0 + shift;
    if (offset >= L) continue;
    const b = k1 - k0;
    const rows = L - offset;
    const V = reflectorBlock(vectors, L, k0, k1, shift); // b×rows
    const T = wyFactor(V, tau.subarray(k0, k1));
    heap.set(V.data, v / 8);
    heap.set(T.data, t / 8);
    const c2 = c + offset * q * 8;
    heap.fill(0, w / 8, w / 8 + b * q);
    kernel.gemm(b, q, rows, v, rows * 8, 8, c2, q * 8, 8, 1, w, q * 8, 0, work); // W = VC₂
    heap.fill(0, w2 / 8, w2 / 8 + b * q);
    kernel.gemm(b, q, b, t, b * 8, 8, w, q * 8, 8, 1, w2, q * 8, 0, work); // W₂ = TW
    kernel.gemm(rows, q, b, v, 8, rows * 8, w2, q * 8, 8, -1, c2, q * 8, 0, work); // C₂ ← C₂ − VᵀW₂
  }
  data.set(heap.subarray(c / 8, c / 8 + L * q));
  if (kernel.memory.buffer.byteLength > retainedMemoryBytes) instance = undefined;
}

// Its own instance of the product kernel: C lives in its memory while wyFactor multiplies through gemm's instance.
const instantiate = kernelInstantiator<GemmKernelExports>("gemmKernel");
let instance: GemmKernelExports | undefined;
const maxMemoryBytes = 65536 * wasmPageBytes;
/** After a call that left the memory larger than this, the instance is dropped so that the memory is freed. */
const retainedMemoryBytes = 256 * 1024 * 1024;

function align(offset: number): number {
  return Math.ceil(offset / 64) * 64;
}
