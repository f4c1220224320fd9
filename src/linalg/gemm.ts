// Matrix products (GEMM, SYRK) and matrix–vector products on row-major matrices, with shape checks.
//
// Every entry of a product is the k-sum of its terms taken in order from k = 0, one multiply and one add per
// term (see GemmTask), so results equal the textbook triple loop bit for bit and never depend on which kernel
// ran. Products of more than `loopMaxWork` multiply–adds run in the WebAssembly SIMD kernel; smaller ones in
// plain loops, where copying the operands would cost more than it saves.
import {gemmLoop} from "./gemmLoop.js";
import type {GemmTask} from "./gemmTask.js";
import {gemmWasm} from "./gemmWasm.js";
import {matrix} from "./matrix.js";
import type {Matrix} from "./matrix.js";

/** Options of gemmInto: C ← β·C + α·op(A)·op(B), where op(X) is X or Xᵀ. */
export interface GemmOptions {
  /** Scales op(A)·op(B); finite. Default 1. */
  alpha?: number;
  /** Scales the previous C; finite. With the default 0, C is overwritten without being read. */
  beta?: number;
  /** Use Aᵀ in place of A. Default false. */
  transA?: boolean;
  /** Use Bᵀ in place of B. Default false. */
  transB?: boolean;
}

/** The largest product (m·n·k multiply–adds) computed by plain loops rather than in WebAssembly. */
export const loopMaxWork = 4 * 4 * 4;

/** A·B. Throws `multiply: Matrix dimensions do not match: 3×4 · 5×2` unless A.cols = B.rows. */
export function multiply(A: Matrix, B: Matrix): Matrix {
  return product("multiply", A, false, B, false);
}

/** Aᵀ·B, without forming Aᵀ. Requires A.rows = B.rows. */
export function multiplyTransposeA(A: Matrix, B: Matrix): Matrix {
  return product("multiplyTransposeA", A, true, B, false);
}

/** A·Bᵀ, without forming Bᵀ. Requires A.cols = B.cols. */
export function multiplyTransposeB(A: Matrix, B: Matrix): Matrix {
  return product("multiplyTransposeB", A, false, B, true);
}

/**
 * The Gram matrix A·Aᵀ (rows×rows) as a symmetric rank-k update: only the lower triangle is computed and the
 * upper one is copied from it, so the result is exactly symmetric. Equal bit for bit to multiplyTransposeB(A, A).
 */
export function gram(A: Matrix): Matrix {
  return symmetricProduct(operand(A, false));
}

/** Aᵀ·A (cols×cols), exactly symmetric like gram; equal bit for bit to multiplyTransposeA(A, A). */
export function gramTransposeA(A: Matrix): Matrix {
  return symmetricProduct(operand(A, true));
}

/**
 * C ← β·C + α·op(A)·op(B) in place, returning C. Each entry is computed as c ← β·c (0 when β = 0), then
 * c ← c + (α·a_ip)·b_pj for p in order, so α = ±1 with β = 1 gives exact accumulation updates (C ± A·B) of
 * the kind blocked factorisations need. C must not share storage with A or B.
 */
export function gemmInto(C: Matrix, A: Matrix, B: Matrix, options: GemmOptions = {}): Matrix {
  const {alpha = 1, beta = 0, transA = false, transB = false} = options;
  if (!Number.isFinite(alpha)) throw new Error(`gemmInto: alpha must be finite, got ${alpha}`);
  if (!Number.isFinite(beta)) throw new Error(`gemmInto: beta must be finite, got ${beta}`);
  const a = operand(A, transA);
  const b = operand(B, transB);
  checkInner("gemmInto", a, b);
  if (C.rows !== a.rows || C.cols !== b.cols) {
    const expected = `${a.rows}×${b.cols} for ${a.shape} · ${b.shape}`;
    throw new Error(`gemmInto: result is ${C.rows}×${C.cols}, expected ${expected}`);
  }
  if (overlaps(C.data, A.data) || overlaps(C.data, B.data)) {
    throw new Error("gemmInto: C must not share storage with A or B");
  }
  run(task(a, b, C.data, alpha, beta, false));
  return C;
}

/** A·x for a vector x of length A.cols; entry i is the sum of A[i][p]·x[p] taken in order of p. */
export function multiplyVector(A: Matrix, x: Float64Array): Float64Array {
  const {rows: m, cols: n, data: a} = A;
  if (x.length !== n) {
    throw new Error(`multiplyVector: Matrix dimensions do not match: ${m}×${n} · ${x.length}`);
  }
  const y = new Float64Array(m);
  for (let i = 0; i < m; ++i) {
    const row = i * n;
    let sum = 0;
    for (let p = 0; p < n; ++p) sum += a[row + p] * x[p];
    y[i] = sum;
  }
  return y;
}

/** Aᵀ·x for a vector x of length A.rows; entry j is the sum of A[i][j]·x[i] taken in order of i. */
export function multiplyTransposeVector(A: Matrix, x: Float64Array): Float64Array {
  const {rows: m, cols: n, data: a} = A;
  if (x.length !== m) {
    throw new Error(`multiplyTransposeVector: Matrix dimensions do not match: ${m}×${n}ᵀ · ${x.length}`);
  }
  const y = new Float64Array(n);
  // Row by row (y += x_i · row i) reads A sequentially and still adds the terms of each y_j in order of i.
  for (let i = 0; i < m; ++i) {
    const row = i * n;
    const xi = x[i];
    for (let j = 0; j < n; ++j) y[j] += a[row + j] * xi;
  }
  return y;
}

// op(X) as a strided view: entry (i, j) of op(X) is data[i·rowStride + j·colStride].
interface Operand {
  rows: number;
  cols: number;
  data: Float64Array;
  rowStride: number;
  colStride: number;
  shape: string; // e.g. "3×4" or "4×3ᵀ"
}

function operand(X: Matrix, transposed: boolean): Operand {
  const {rows, cols, data} = X;
  return transposed
    ? {rows: cols, cols: rows, data, rowStride: 1, colStride: cols, shape: `${rows}×${cols}ᵀ`}
    : {rows, cols, data, rowStride: cols, colStride: 1, shape: `${rows}×${cols}`};
}

function product(routine: string, A: Matrix, transA: boolean, B: Matrix, transB: boolean): Matrix {
  const a = operand(A, transA);
  const b = operand(B, transB);
  checkInner(routine, a, b);
  const C = matrix(a.rows, b.cols);
  run(task(a, b, C.data, 1, 0, false));
  return C;
}

function symmetricProduct(a: Operand): Matrix {
  const C = matrix(a.rows, a.rows);
  const b: Operand = {...a, rows: a.cols, cols: a.rows, rowStride: a.colStride, colStride: a.rowStride};
  run(task(a, b, C.data, 1, 0, true));
  return C;
}

function checkInner(routine: string, a: Operand, b: Operand): void {
  if (a.cols !== b.rows) throw new Error(`${routine}: Matrix dimensions do not match: ${a.shape} · ${b.shape}`);
}

function task(a: Operand, b: Operand, c: Float64Array, alpha: number, beta: number, symmetric: boolean): GemmTask {
  return {
    m: a.rows,
    n: b.cols,
    k: a.cols,
    a: a.data,
    aRowStride: a.rowStride,
    aColStride: a.colStride,
    b: b.data,
    bRowStride: b.rowStride,
    bColStride: b.colStride,
    alpha,
    beta,
    c,
    symmetric
  };
}

function run(t: GemmTask): void {
  if (t.m * t.n * t.k <= loopMaxWork) gemmLoop(t);
  else gemmWasm(t);
}

function overlaps(x: Float64Array, y: Float64Array): boolean {
  return (
    x.buffer === y.buffer && x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength
  );
}
