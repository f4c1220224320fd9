// Block-diagonal matrices with rectangular blocks: the factors L and R of the GS class, applied without forming them.
import {gemmInto} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import type {Rng} from "../../src/random/rng.js";

/**
 * diag(B_0, …, B_{k−1}) with blocks of any shapes: `rows` = Σ rows(B_i), `cols` = Σ cols(B_i). Block i occupies
 * rows rowOffsets[i] … rowOffsets[i + 1] − 1 and the matching columns.
 */
export interface BlockDiagonal {
  readonly rows: number;
  readonly cols: number;
  readonly blocks: readonly Matrix[];
  /** k + 1 offsets; rowOffsets[k] = rows. */
  readonly rowOffsets: Int32Array;
  /** k + 1 offsets; colOffsets[k] = cols. */
  readonly colOffsets: Int32Array;
}

/** The block-diagonal matrix with the given blocks (which are kept, not copied). */
export function blockDiagonal(blocks: readonly Matrix[]): BlockDiagonal {
  if (blocks.length === 0) throw new Error("blockDiagonal: expected at least one block");
  const rowOffsets = new Int32Array(blocks.length + 1);
  const colOffsets = new Int32Array(blocks.length + 1);
  blocks.forEach((B, i) => {
    rowOffsets[i + 1] = rowOffsets[i] + B.rows;
    colOffsets[i + 1] = colOffsets[i] + B.cols;
  });
  return {rows: rowOffsets[blocks.length], cols: colOffsets[blocks.length], blocks, rowOffsets, colOffsets};
}

/** k blocks of shape rows×cols with independent N(0, scale²) entries. */
export function randomBlockDiagonal(k: number, rows: number, cols: number, rng: Rng, scale = 1): BlockDiagonal {
  return blockDiagonal(
    Array.from({length: k}, () => {
      const data = rng.normals(rows * cols);
      for (let i = 0; i < data.length; ++i) data[i] *= scale;
      return matrix(rows, cols, data);
    })
  );
}

/** k zero blocks of shape rows×cols. */
export function zeroBlockDiagonal(k: number, rows: number, cols: number): BlockDiagonal {
  return blockDiagonal(Array.from({length: k}, () => matrix(rows, cols)));
}

/** The dense rows×cols matrix. */
export function blockDiagonalDense(D: BlockDiagonal): Matrix {
  const A = matrix(D.rows, D.cols);
  D.blocks.forEach((B, k) => {
    const r0 = D.rowOffsets[k];
    const c0 = D.colOffsets[k];
    for (let i = 0; i < B.rows; ++i) {
      A.data.set(B.data.subarray(i * B.cols, (i + 1) * B.cols), (r0 + i) * D.cols + c0);
    }
  });
  return A;
}

/** The number of stored entries Σ rows(B_i)·cols(B_i). */
export function blockDiagonalParameterCount(D: BlockDiagonal): number {
  return D.blocks.reduce((sum, B) => sum + B.rows * B.cols, 0);
}

/** D·x for a vector x of length D.cols: Σ rows(B_i)·cols(B_i) multiply–adds. */
export function applyBlockDiagonal(D: BlockDiagonal, x: Float64Array): Float64Array {
  if (x.length !== D.cols) {
    throw new Error(`applyBlockDiagonal: Matrix dimensions do not match: ${D.rows}×${D.cols} · ${x.length}`);
  }
  const y = new Float64Array(D.rows);
  D.blocks.forEach((B, k) => {
    const {rows: m, cols: n, data: b} = B;
    const r0 = D.rowOffsets[k];
    const c0 = D.colOffsets[k];
    for (let i = 0; i < m; ++i) {
      let sum = 0;
      const row = i * n;
      for (let j = 0; j < n; ++j) sum += b[row + j] * x[c0 + j];
      y[r0 + i] = sum;
    }
  });
  return y;
}

/** Dᵀ·x for a vector x of length D.rows. */
export function applyBlockDiagonalTranspose(D: BlockDiagonal, x: Float64Array): Float64Array {
  if (x.length !== D.rows) {
    throw new Error(`applyBlockDiagonalTranspose: Matrix dimensions do not match: ${D.rows}×${D.cols}ᵀ · ${x.length}`);
  }
  const y = new Float64Array(D.cols);
  D.blocks.forEach((B, k) => {
    const {rows: m, cols: n, data: b} = B;
    const r0 = D.rowOffsets[k];
    const c0 = D.colOffsets[k];
    for (let i = 0; i < m; ++i) {
      const xi = x[r0 + i];
      const row = i * n;
      for (let j = 0; j < n; ++j) y[c0 + j] += b[row + j] * xi;
    }
  });
  return y;
}

/**
 * How the block products of a batched apply are computed: `"gemm"` hands each block product B_k·X_k to the shared
 * GEMM (WebAssembly SIMD above a few dozen multiply–adds), `"loops"` runs plain row-axpy loops in JavaScript
 * (y_i += B_ij·x_j over the batch). Both take the terms of every sum in the same order, so they agree bit for bit.
 */
export type BlockKernel = "gemm" | "loops";

/**
 * D·X for a matrix X with D.cols rows whose columns are the vectors. Row-major storage makes the rows of each
 * block a contiguous slab of X, so every block is one small matrix product (B_k · X_k).
 */
export function applyBlockDiagonalBatch(D: BlockDiagonal, X: Matrix, kernel: BlockKernel = "gemm"): Matrix {
  return batch("applyBlockDiagonalBatch", D, X, false, kernel);
}

/** Dᵀ·X for a matrix X with D.rows rows. */
export function applyBlockDiagonalTransposeBatch(D: BlockDiagonal, X: Matrix, kernel: BlockKernel = "gemm"): Matrix {
  return batch("applyBlockDiagonalTransposeBatch", D, X, true, kernel);
}

function batch(routine: string, D: BlockDiagonal, X: Matrix, transposed: boolean, kernel: BlockKernel): Matrix {
  const inner = transposed ? D.rows : D.cols;
  const outer = transposed ? D.cols : D.rows;
  if (X.rows !== inner) {
    const shape = `${D.rows}×${D.cols}${transposed ? "ᵀ" : ""}`;
    throw new Error(`${routine}: Matrix dimensions do not match: ${shape} · ${X.rows}×${X.cols}`);
  }
  const p = X.cols;
  const Y = matrix(outer, p);
  const inOffsets = transposed ? D.rowOffsets : D.colOffsets;
  const outOffsets = transposed ? D.colOffsets : D.rowOffsets;
  D.blocks.forEach((B, k) => {
    const i0 = inOffsets[k];
    const i1 = inOffsets[k + 1];
    const o0 = outOffsets[k];
    const o1 = outOffsets[k + 1];
    if (o1 === o0 || p === 0) return;
    if (i1 === i0) return;
    if (kernel === "loops") {
      blockLoops(B, transposed, X.data, i0, Y.data, o0, p);
      return;
    }
    const Xk = matrix(i1 - i0, p, X.data.subarray(i0 * p, i1 * p));
    const Yk = matrix(o1 - o0, p, Y.data.subarray(o0 * p, o1 * p));
    gemmInto(Yk, B, Xk, {transA: transposed});
  });
  return Y;
}

// Y[o0 + i, :] = Σ_j op(B)_ij · X[i0 + j, :] with op(B) = B or Bᵀ, as row axpys over the batch (terms in order of j).
function blockLoops(
  B: Matrix,
  transposed: boolean,
  x: Float64Array,
  i0: number,
  y: Float64Array,
  o0: number,
  p: number
): void {
  const {rows, cols, data: b} = B;
  const outer = transposed ? cols : rows;
  const inner = transposed ? rows : cols;
  const rowStride = transposed ? 1 : cols;
  const colStride = transposed ? cols : 1;
  for (let i = 0; i < outer; ++i) {
    const yRow = (o0 + i) * p;
    for (let j = 0; j < inner; ++j) {
      const a = b[i * rowStride + j * colStride];
      const xRow = (i0 + j) * p;
      for (let c = 0; c < p; ++c) y[yRow + c] += a * x[xRow + c];
    }
  }
}
