// The plain-loop matrix-product kernel, for products too small to repay copying operands into WebAssembly.
import type {GemmTask} from "./gemmTask.js";

/**
 * Performs `task` with an i-p-j loop nest (row i of C accumulates α·a_ip times row p of op(B), for p in
 * order), which follows the arithmetic of GemmTask exactly.
 */
export function gemmLoop(task: GemmTask): void {
  const {m, n, k, a, aRowStride, aColStride, b, bRowStride, bColStride, alpha, beta, c, symmetric} = task;
  if (beta === 0) c.fill(0, 0, m * n);
  else if (beta !== 1) for (let q = 0; q < m * n; ++q) c[q] = beta * c[q];
  for (let i = 0; i < m; ++i) {
    const row = i * n;
    const end = symmetric ? i + 1 : n;
    for (let p = 0; p < k; ++p) {
      const aip = alpha * a[i * aRowStride + p * aColStride];
      const bp = p * bRowStride;
      for (let j = 0; j < end; ++j) c[row + j] += aip * b[bp + j * bColStride];
    }
  }
  if (symmetric) for (let i = 1; i < m; ++i) for (let j = 0; j < i; ++j) c[j * n + i] = c[i * n + j];
}
