// A matrix kept in WebAssembly memory, packed once, for repeated products X·A (the block products of Lanczos).
// Reference: K. Goto & R. A. van de Geijn, "Anatomy of High-Performance Matrix Multiplication", ACM TOMS 34(3)
// (2008), §5 (packing B once per panel; here once for all products with the same B).
import {kernelInstantiator} from "./kernels.js";
import type {Matrix} from "./matrix.js";
import {matrix} from "./matrix.js";
import type {WasmMemory} from "./webAssembly.js";
import {wasmPageBytes} from "./webAssembly.js";

const instantiate = kernelInstantiator<KernelExports>("gemmKernel");

/** The largest linear memory a 32-bit WebAssembly module can address. */
const maxMemoryBytes = 65536 * wasmPageBytes;
const alignment = 64;

interface KernelExports {
  memory: WasmMemory;
  heapBase(): number;
  workBytes(): number;
  packedBytes(k: number, n: number): number;
  packWhole(k: number, n: number, b: number, brs: number, bcs: number, dst: number): void;
  gemmPacked(
    m: number,
    n: number,
    k: number,
    a: number,
    ars: number,
    acs: number,
    packed: number,
    alpha: number,
    c: number,
    ldc: number,
    work: number
  ): void;
}

/** A k×n matrix A resident in WebAssembly memory, packed for the SIMD product kernel. */
export interface ResidentMatrix {
  readonly rows: number;
  readonly cols: number;
  /** X·A for an m×rows matrix X; equal bit for bit to `multiply(X, A)`. */
  multiplyLeft(X: Matrix): Matrix;
}

/**
 * Copies A into its own instance of the product kernel (gemmKernel.as) and packs it there once, in the column
 * slivers the kernel reads; each `multiplyLeft(X)` then copies in only X and copies out X·A. For a tall A and a thin
 * X, as in block Lanczos (16 × 2000 · 2000 × 2000), copying and packing A would otherwise cost more than the
 * product itself. The memory is released when the returned object is no longer referenced. Throws a RangeError
 * when A does not fit in WebAssembly's 4 GiB.
 */
export function residentMatrix(A: Matrix): ResidentMatrix {
  const {rows: k, cols: n} = A;
  const kernel = instantiate();
  const work = align(kernel.heapBase());
  const packed = align(work + kernel.workBytes());
  const scratch = align(packed + kernel.packedBytes(k, n));
  ensure(kernel, scratch + A.data.byteLength, `${k}×${n}`);
  new Float64Array(kernel.memory.buffer).set(A.data, scratch / 8);
  kernel.packWhole(k, n, scratch, n * 8, 8, packed);
  return {
    rows: k,
    cols: n,
    multiplyLeft(X: Matrix): Matrix {
      if (X.cols !== k) {
        throw new Error(`multiplyLeft: Matrix dimensions do not match: ${X.rows}×${X.cols} · ${k}×${n}`);
      }
      const m = X.rows;
      const C = matrix(m, n);
      if (m === 0 || n === 0) return C;
      const x = scratch;
      const c = align(x + X.data.byteLength);
      ensure(kernel, c + C.data.byteLength, `${m}×${k} · ${k}×${n}`);
      const heap = new Float64Array(kernel.memory.buffer);
      heap.set(X.data, x / 8);
      heap.fill(0, c / 8, c / 8 + m * n);
      kernel.gemmPacked(m, n, k, x, k * 8, 8, packed, 1, c, n * 8, work);
      C.data.set(heap.subarray(c / 8, c / 8 + m * n));
      return C;
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
