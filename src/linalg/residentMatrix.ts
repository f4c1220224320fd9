// A matrix kept in WebAssembly memory, copied in once, for repeated products with a few vectors (the block products
// of Lanczos): each product copies in only the vectors and reads the matrix in place.
import {kernelInstantiator} from "./kernels.js";
import type {Matrix} from "./matrix.js";
import {matrix} from "./matrix.js";
import type {Asymmetry} from "./symmetry.js";
import type {WasmMemory} from "./webAssembly.js";
import {wasmPageBytes} from "./webAssembly.js";

const instantiate = kernelInstantiator<KernelExports>("gemmKernel");

/** The largest linear memory a 32-bit WebAssembly module can address. */
const maxMemoryBytes = 65536 * wasmPageBytes;
const alignment = 64;
/** Vectors per pass of the kernel over the matrix (`matrixTimesFour`). */
const group = 4;

interface KernelExports {
  memory: WasmMemory;
  heapBase(): number;
  matrixTimesFour(m: number, k: number, a: number, lda: number, x: number, y: number): void;
  maxAbs(count: number, a: number): number;
  largestAsymmetry(n: number, a: number, where: number): number;
}

/** An m×k matrix A resident in WebAssembly memory. */
export interface ResidentMatrix {
  readonly rows: number;
  readonly cols: number;
  /**
   * For a b×k matrix X whose rows are vectors v, the b×m matrix whose rows are A·v, i.e. X·Aᵀ; equal bit for bit to
   * `multiplyTransposeB(X, A)` (and so, for a symmetric A, to `multiply(X, A)`).
   */
  timesRows(X: Matrix): Matrix;
  /**
   * For a square A: max |A_ij| (NaN or +∞ when A has a non-finite entry) and its largest asymmetry |A_ij − A_ji|,
   * computed in the kernel (SIMD for the maximum; 16×16 tiles for the asymmetry), so that checking a large matrix
   * costs a fraction of a product.
   */
  asymmetry(): Asymmetry;
  /** Hands the kernel instance (and its memory, already paged in) to the next `residentMatrix`; no products after. */
  release(): void;
}

// One released instance, kept for the next resident matrix: a fresh 2000×2000 resident matrix spends more time
// having the operating system supply its memory than copying into it.
let spare: KernelExports | undefined;
/** A released instance whose memory is larger than this is dropped instead, so that the memory is freed. */
const retainedMemoryBytes = 256 * 1024 * 1024;

/**
 * Copies A into an instance of the product kernel (gemmKernel.as) once; each `timesRows(X)` then copies in X, four
 * vectors at a time in the interleaved layout the kernel reads, and lets `matrixTimesFour` stream A's rows against
 * them (one pass over A per four vectors, every sum in the order of `gemm`). Packing A for the general product
 * kernel instead would cost as much as a product, and for so few vectors the packed kernel is no faster. The memory
 * is freed when the returned object is no longer referenced, or handed to the next resident matrix by `release()`.
 * Throws a RangeError when A does not fit in WebAssembly's 4 GiB.
 */
export function residentMatrix(A: Matrix): ResidentMatrix {
  const {rows: m, cols: k} = A;
  let kernel: KernelExports | undefined = spare ?? instantiate();
  spare = undefined;
  const a = align(kernel.heapBase());
  const x = align(a + A.data.byteLength);
  const y = align(x + k * group * 8);
  ensure(kernel, y + m * group * 8, `${m}×${k}`);
  new Float64Array(kernel.memory.buffer).set(A.data, a / 8);
  return {
    rows: m,
    cols: k,
    timesRows(X: Matrix): Matrix {
      if (kernel === undefined) throw new Error("timesRows: the resident matrix has been released");
      if (X.cols !== k) throw new Error(`timesRows: ${X.rows}×${X.cols} vectors for a ${m}×${k} matrix`);
      const b = X.rows;
      const Y = matrix(b, m);
      const heap = new Float64Array(kernel.memory.buffer);
      const xs = heap.subarray(x / 8, x / 8 + k * group);
      const ys = heap.subarray(y / 8, y / 8 + m * group);
      for (let g = 0; g < b; g += group) {
        const width = Math.min(group, b - g);
        xs.fill(0);
        for (let r = 0; r < width; ++r) {
          const row = (g + r) * k;
          for (let p = 0; p < k; ++p) xs[p * group + r] = X.data[row + p];
        }
        kernel.matrixTimesFour(m, k, a, k * 8, x, y);
        for (let r = 0; r < width; ++r) {
          const row = (g + r) * m;
          for (let i = 0; i < m; ++i) Y.data[row + i] = ys[i * group + r];
        }
      }
      return Y;
    },
    asymmetry(): Asymmetry {
      if (kernel === undefined) throw new Error("asymmetry: the resident matrix has been released");
      if (m !== k) throw new Error(`asymmetry: ${m}×${k} is not square`);
      const scale = kernel.maxAbs(m * k, a);
      const gap = kernel.largestAsymmetry(m, a, y);
      const where = new Float64Array(kernel.memory.buffer, y, 2);
      return {scale, gap, row: where[0], col: where[1]};
    },
    release() {
      if (kernel !== undefined && kernel.memory.buffer.byteLength <= retainedMemoryBytes) spare = kernel;
      kernel = undefined;
    }
  };
}

function ensure(kernel: KernelExports, end: number, shape: string): void {
  if (end > maxMemoryBytes) {
    const gib = (end / 2 ** 30).toFixed(1);
    throw new RangeError(`residentMatrix: ${shape} needs ${gib} GiB, more than WebAssembly's 4 GiB`);
  }
  const {memory} = kernel;
  if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / wasmPageBytes));
}

function align(offset: number): number {
  return Math.ceil(offset / alignment) * alignment;
}
