// The WebAssembly SIMD matrix-product kernel: gemmKernel.as as compiled and installed by the engine (see
// kernels.ts), with the operands copied into its linear memory for each product.
import type {GemmTask} from "./gemmTask.js";
import {kernelInstantiator} from "./kernels.js";
import {wasmPageBytes} from "./webAssembly.js";
import type {WasmMemory} from "./webAssembly.js";

const instantiate = kernelInstantiator<GemmKernelExports>("gemmKernel");

/** The largest linear memory a 32-bit WebAssembly module can address. */
const maxMemoryBytes = 65536 * wasmPageBytes;
/** After a product that left the memory larger than this, the instance is dropped so that the memory is freed. */
const retainedMemoryBytes = 256 * 1024 * 1024;
/** Buffers start on 64-byte (cache-line) boundaries. */
const alignment = 64;

/** The exports of the gemm kernel (gemmKernel.as) that the product routines call. */
export interface GemmKernelExports {
  memory: WasmMemory;
  heapBase(): number;
  workBytes(): number;
  gemm(
    m: number,
    n: number,
    k: number,
    a: number,
    ars: number,
    acs: number,
    b: number,
    brs: number,
    bcs: number,
    alpha: number,
    c: number,
    ldc: number,
    lower: number,
    work: number
  ): void;
  mirrorLower(n: number, c: number): void;
}

let instance: GemmKernelExports | undefined;

/**
 * Performs `task` in WebAssembly: copies op(A), op(B) (once when they share storage) and, unless β = 0, C into
 * the kernel's memory, runs the packed SIMD kernel and copies C back. Throws a RangeError when the operands
 * do not fit in 4 GiB.
 */
export function gemmWasm(task: GemmTask): void {
  const {m, n, k, a, b, c, alpha, beta, symmetric} = task;
  const kernel = (instance ??= instantiate());
  const work = align(kernel.heapBase());
  const aOffset = align(work + kernel.workBytes());
  const bOffset = b === a ? aOffset : align(aOffset + a.byteLength);
  const cOffset = align(bOffset + b.byteLength);
  const end = cOffset + m * n * 8;
  if (end > maxMemoryBytes) {
    const shape = `${m}×${k} · ${k}×${n}`;
    throw new RangeError(`gemm: a ${shape} product needs ${gib(end)} GiB, more than WebAssembly's 4 GiB`);
  }
  const {memory} = kernel;
  if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / wasmPageBytes));
  const heap = new Float64Array(memory.buffer);
  heap.set(a, aOffset / 8);
  if (b !== a) heap.set(b, bOffset / 8);
  const result = heap.subarray(cOffset / 8, cOffset / 8 + m * n);
  if (beta === 0) result.fill(0);
  else {
    result.set(c.subarray(0, m * n));
    if (beta !== 1) for (let q = 0; q < result.length; ++q) result[q] = beta * result[q];
  }
  const {aRowStride, aColStride, bRowStride, bColStride} = task;
  kernel.gemm(
    m,
    n,
    k,
    aOffset,
    aRowStride * 8,
    aColStride * 8,
    bOffset,
    bRowStride * 8,
    bColStride * 8,
    alpha,
    cOffset,
    n * 8,
    symmetric ? 1 : 0,
    work
  );
  if (symmetric) kernel.mirrorLower(n, cOffset);
  c.set(result);
  if (memory.buffer.byteLength > retainedMemoryBytes) instance = undefined;
}

function align(offset: number): number {
  return Math.ceil(offset / alignment) * alignment;
}

function gib(bytes: number): string {
  return (bytes / 2 ** 30).toFixed(1);
}
