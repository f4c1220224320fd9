// Times our matrix products (GEMM, and the Gram matrix by SYRK) against ml-matrix's mmul on seeded square inputs.
import {Matrix as MlMatrix} from "ml-matrix";
import {gram, multiply} from "../src/linalg/gemm.js";
import {matrix, toMlMatrix} from "../src/linalg/matrix.js";
import type {Matrix} from "../src/linalg/matrix.js";
import {createRng} from "../src/random/rng.js";
import {numpyColumn, recordGoal, versusNumpy} from "./numpy.js";
import {simdPeakGflops} from "./simdPeak.js";
import {medianTime} from "./timing.js";

const sizes = [256, 512, 1024];
const rng = createRng(20240601).fork("bench-gemm");

console.log("GFLOP/s counts 2n³ flops for gemm (A·B) and n²(n+1) for gram (A·Aᵀ; ml-matrix: A.mmul(A.transpose()))");
const peak = simdPeakGflops();
console.log(
  `ceiling of 128-bit WebAssembly SIMD here (f64x2 multiplies and adds, no loads): ${peak.toFixed(1)} GFLOP/s`
);
for (const n of sizes) {
  const A = seeded(n, n);
  const B = seeded(n, n);
  const mlA = toMlMatrix(A);
  const mlB = toMlMatrix(B);
  const mlAt = mlA.transpose();
  check(
    report(
      `gemm n=${n}`,
      2 * n ** 3,
      n,
      () => mlA.mmul(mlB),
      () => multiply(A, B)
    ),
    `gemm ${n}`
  );
  const peer = versusNumpy("gemm", [A, B], () => multiply(A, B), 3);
  if (peer !== null) console.log(`${"".padEnd(11)} ${numpyColumn(peer).slice(3)}`);
  if (n === 1024) recordGoal(`gemm ${n}×${n}`, peer, 2);
  check(
    report(
      `gram n=${n}`,
      n * n * (n + 1),
      n,
      () => mlA.mmul(mlAt),
      () => gram(A)
    ),
    `gram ${n}`
  );
}

// Times both implementations (median of several runs after a warm-up) and prints one line. Returns the two
// results for the agreement check.
function report(
  label: string,
  flops: number,
  n: number,
  ml: () => MlMatrix,
  ours: () => Matrix
): {ml: MlMatrix; ours: Matrix} {
  const mlRuns = n >= 1024 ? 3 : n >= 512 ? 5 : 10;
  const {ms: mlMs, value: mlValue} = medianTime(ml, mlRuns);
  const {ms: oursMs, value: oursValue} = medianTime(ours, 4 * mlRuns);
  const rate = (ms: number) => (flops / ms / 1e6).toFixed(2).padStart(6);
  console.log(
    `${label.padEnd(11)} ml-matrix ${mlMs.toFixed(1).padStart(7)} ms ${rate(mlMs)} GFLOP/s | ` +
      `ours ${oursMs.toFixed(2).padStart(7)} ms ${rate(oursMs)} GFLOP/s ` +
      `(${((100 * flops) / oursMs / 1e6 / peak).toFixed(0)}% of the ceiling) | ${(mlMs / oursMs).toFixed(1)}×`
  );
  return {ml: mlValue, ours: oursValue};
}

// Guards the comparison: both sides must have computed the same product (to rounding).
function check({ml, ours}: {ml: MlMatrix; ours: Matrix}, label: string): void {
  let scale = 0;
  let error = 0;
  for (let i = 0; i < ours.rows; ++i) {
    for (let j = 0; j < ours.cols; ++j) {
      const x = ours.data[i * ours.cols + j];
      scale = Math.max(scale, Math.abs(x));
      error = Math.max(error, Math.abs(x - ml.get(i, j)));
    }
  }
  if (!(error <= 1e-12 * scale)) throw new Error(`${label}: ours and ml-matrix differ by ${error} (scale ${scale})`);
}

function seeded(rows: number, cols: number): Matrix {
  return matrix(rows, cols, rng.normals(rows * cols));
}
