// The WebAssembly SIMD kernels of the dense decompositions: reductionKernel.as as compiled and installed by
// the engine (see kernels.ts), with operands copied into its linear memory for each call.
import {kernelInstantiator} from "./kernels.js";
import type {Matrix} from "./matrix.js";
import {wasmPageBytes} from "./webAssembly.js";
import type {WasmMemory} from "./webAssembly.js";

const instantiate = kernelInstantiator<KernelExports>("reductionKernel");

/** The largest linear memory a 32-bit WebAssembly module can address. */
const maxMemoryBytes = 65536 * wasmPageBytes;
/** After a call that left the memory larger than this, the instance is dropped so that the memory is freed. */
const retainedMemoryBytes = 256 * 1024 * 1024;

interface KernelExports {
  memory: WasmMemory;
  heapBase(): number;
  tridiagonalize(n: number, a: number, d: number, e: number, refl: number, tau: number, work: number): void;
  tridiagonalizeBlocked(n: number, a: number, d: number, e: number, refl: number, tau: number, work: number): void;
  tridiagonalizeBlockedWork(n: number): number;
  bidiagonalize(
    m: number,
    n: number,
    a: number,
    d: number,
    e: number,
    left: number,
    leftTau: number,
    right: number,
    rightTau: number,
    work: number
  ): void;
  rotateChain(z: number, w: number, c: number, s: number, from: number, to: number): void;
}

let instance: KernelExports | undefined;

/** The output of `tridiagonalizeWasm`: T = QᵀAQ with Q = H₀⋯H_{n−3}, H_k = I − τ_k v_k v_kᵀ. */
export interface Tridiagonal {
  d: Float64Array;
  e: Float64Array;
  /** Row k holds v_k on coordinates k + 1 … n − 1 (n×n row-major), or null when not requested. */
  reflectors: Float64Array | null;
  tau: Float64Array;
}

/**
 * Householder tridiagonalisation of a symmetric n×n matrix, which `writeLower` writes straight into the kernel's
 * memory: its lower triangle into the row-major n×n `target` (the strict upper triangle is ignored). See `eigh` for
 * the algorithm.
 */
export function tridiagonalizeWasm(
  n: number,
  writeLower: (target: Float64Array) => void,
  reflectors: boolean
): Tridiagonal {
  const memory = new Layout();
  const a = memory.take(n * n);
  const d = memory.take(n);
  const e = memory.take(Math.max(n - 1, 1));
  const refl = reflectors ? memory.take(n * n) : 0;
  const tau = memory.take(n);
  const work = memory.take(memory.kernelExports.tridiagonalizeBlockedWork(n));
  const kernel = memory.allocate();
  const heap = new Float64Array(kernel.memory.buffer);
  writeLower(heap.subarray(a / 8, a / 8 + n * n));
  heap.fill(0, d / 8, work / 8); // d, e, the reflectors (zero outside their coordinates) and τ
  kernel.tridiagonalizeBlocked(n, a, d, e, refl, tau, work);
  const out = {
    d: heap.slice(d / 8, d / 8 + n),
    e: heap.slice(e / 8, e / 8 + Math.max(n - 1, 0)),
    reflectors: refl === 0 ? null : heap.slice(refl / 8, refl / 8 + n * n),
    tau: heap.slice(tau / 8, tau / 8 + n)
  };
  release(kernel);
  return out;
}

/** The output of `bidiagonalizeWasm`: A = U_B B V_Bᵀ with B upper bidiagonal (diagonal d, superdiagonal e). */
export interface Bidiagonal {
  d: Float64Array;
  /** Length n; e[n − 1] = 0. */
  e: Float64Array;
  /** n×m: row k holds the left vector u_k on coordinates k … m − 1. */
  leftVectors: Float64Array;
  leftTau: Float64Array;
  /** n×n: row k holds the right vector y_k on coordinates k + 1 … n − 1. */
  rightVectors: Float64Array;
  rightTau: Float64Array;
}

/** Householder bidiagonalisation of the m×n row-major `a` (m ≥ n), which is not modified. See `svd`. */
export function bidiagonalizeWasm(m: number, n: number, a: Float64Array): Bidiagonal {
  const memory = new Layout();
  const pa = memory.take(m * n);
  const d = memory.take(n);
  const e = memory.take(n);
  const left = memory.take(n * m);
  const leftTau = memory.take(n);
  const right = memory.take(n * n);
  const rightTau = memory.take(n);
  const work = memory.take(m + n + 2);
  const kernel = memory.allocate();
  const heap = new Float64Array(kernel.memory.buffer);
  heap.set(a, pa / 8);
  heap.fill(0, e / 8, work / 8); // e, the vectors (zero outside their coordinates) and τ
  kernel.bidiagonalize(m, n, pa, d, e, left, leftTau, right, rightTau, work);
  const out = {
    d: heap.slice(d / 8, d / 8 + n),
    e: heap.slice(e / 8, e / 8 + n),
    leftVectors: heap.slice(left / 8, left / 8 + n * m),
    leftTau: heap.slice(leftTau / 8, leftTau / 8 + n),
    rightVectors: heap.slice(right / 8, right / 8 + n * n),
    rightTau: heap.slice(rightTau / 8, rightTau / 8 + n)
  };
  release(kernel);
  return out;
}

/**
 * Two row-major matrices held in WebAssembly memory while chains of plane rotations are applied to their rows, with
 * buffers for the rotations' cosines and sines. The Float64Array views stay valid until `finish`.
 */
export interface RotationSpace {
  /** Views of the two matrices' data. */
  readonly first: Float64Array;
  readonly second: Float64Array;
  /** Cosines and sines of the rotations for the first and second matrix (length = rows). */
  readonly firstCos: Float64Array;
  readonly firstSin: Float64Array;
  readonly secondCos: Float64Array;
  readonly secondSin: Float64Array;
  /** Applies rotations j = from … to of the given matrix's buffers (see reductionKernel.as rotateChain). */
  rotate(which: 0 | 1, from: number, to: number): void;
  /** Copies both matrices back into the given matrices and releases the memory. */
  finish(): void;
}

/** Copies A and B (same number of rows) into WebAssembly memory for rotation chains; `finish` copies them back. */
export function rotationSpace(A: Matrix, B: Matrix): RotationSpace {
  const rows = A.rows;
  const memory = new Layout();
  const pa = memory.take(A.data.length);
  const pb = memory.take(B.data.length);
  const buffers = [memory.take(rows), memory.take(rows), memory.take(rows), memory.take(rows)];
  const kernel = memory.allocate();
  const heap = new Float64Array(kernel.memory.buffer);
  heap.set(A.data, pa / 8);
  heap.set(B.data, pb / 8);
  const view = (offset: number, length: number) => heap.subarray(offset / 8, offset / 8 + length);
  return {
    first: view(pa, A.data.length),
    second: view(pb, B.data.length),
    firstCos: view(buffers[0], rows),
    firstSin: view(buffers[1], rows),
    secondCos: view(buffers[2], rows),
    secondSin: view(buffers[3], rows),
    rotate(which, from, to) {
      if (which === 0) kernel.rotateChain(pa, A.cols, buffers[0], buffers[1], from, to);
      else kernel.rotateChain(pb, B.cols, buffers[2], buffers[3], from, to);
    },
    finish() {
      A.data.set(view(pa, A.data.length));
      B.data.set(view(pb, B.data.length));
      release(kernel);
    }
  };
}

// Hands out 64-byte-aligned addresses above the kernel's static data; `allocate` then grows the memory to fit them.
class Layout {
  readonly kernelExports: KernelExports;
  private readonly kernel: KernelExports;
  private end: number;

  constructor() {
    this.kernel = this.kernelExports = instance ??= instantiate();
    this.end = align(this.kernel.heapBase());
  }

  /** Reserves room for `doubles` f64 values and returns its byte address. */
  take(doubles: number): number {
    const address = this.end;
    this.end = align(address + doubles * 8);
    return address;
  }

  /** Grows the memory to hold every reservation; views of the memory must be made after this. */
  allocate(): KernelExports {
    if (this.end > maxMemoryBytes) {
      throw new RangeError(`reductionWasm: ${(this.end / 2 ** 30).toFixed(1)} GiB exceeds WebAssembly's 4 GiB`);
    }
    const {memory} = this.kernel;
    const missing = this.end - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / wasmPageBytes));
    return this.kernel;
  }
}

function release(kernel: KernelExports): void {
  if (kernel.memory.buffer.byteLength > retainedMemoryBytes) instance = undefined;
}

function align(offset: number): number {
  return Math.ceil(offset / 64) * 64;
}
