// Times our decompositions against ml-matrix on seeded inputs: symmetric eigendecomposition (800×800), top-10
// eigenpairs of 2000×2000 Gram matrices, SVD (500×500), and QR, Cholesky and LU solves for scale.
import {
  CholeskyDecomposition,
  EigenvalueDecomposition,
  QrDecomposition,
  SingularValueDecomposition,
  solve as mlSolve
} from "ml-matrix";
import {cholesky} from "../src/linalg/cholesky.js";
import {eigh} from "../src/linalg/eigh.js";
import {gram, multiplyTransposeB} from "../src/linalg/gemm.js";
import {matrix, toMlMatrix} from "../src/linalg/matrix.js";
import type {Matrix} from "../src/linalg/matrix.js";
import {qr} from "../src/linalg/qr.js";
import {solve} from "../src/linalg/solve.js";
import {svd} from "../src/linalg/svd.js";
import {topEigen} from "../src/linalg/topEigen.js";
import {createRng} from "../src/random/rng.js";
import {medianTime} from "./timing.js";

const rng = createRng(20240601).fork("bench-decompositions");

console.log("ours: median ms of 3 runs after a warm-up; ml-matrix: one run after a small warm-up; ratio = ml/ours");

{
  const n = 800;
  const A = symmetric(n);
  const mlA = toMlMatrix(A);
  new EigenvalueDecomposition(toMlMatrix(symmetric(60)), {assumeSymmetric: true});
  const ml = once(() => new EigenvalueDecomposition(mlA, {assumeSymmetric: true}));
  const ours = medianTime(() => eigh(A), 3);
  agree("eigh", ours.value.values, ml.value.realEigenvalues);
  line(`eigh ${n}×${n} (values and vectors)`, ml.ms, ours.ms, 5);
}

{
  const n = 2000;
  const wishart = scaled(gram(seeded(n, 1000)), 1 / 1000);
  const features = randomFeatureGram(n, 400, 2000);
  for (const [label, K] of [
    ["Wishart XXᵀ/d, d = 1000", wishart],
    ["ReLU features, d = 400, p = 2000", features]
  ] as const) {
    const ours = medianTime(() => topEigen(K, 10, createRng(1)), 3);
    const worst = Math.max(...ours.value.residuals) / ours.value.values[0];
    console.log(
      `${`topEigen k = 10 of ${n}×${n} Gram (${label})`.padEnd(60)} ours ${ms(ours.ms)} | budget 1000 ms: ` +
        `${ours.ms < 1000 ? "met" : "MISSED"} | ${ours.value.iterations} block products, relative residual ` +
        `${worst.toExponential(1)} | no ml-matrix counterpart`
    );
  }
}

{
  const n = 500;
  const A = seeded(n, n);
  const mlA = toMlMatrix(A);
  new SingularValueDecomposition(toMlMatrix(seeded(60, 60)));
  const ml = once(() => new SingularValueDecomposition(mlA));
  const ours = medianTime(() => svd(A), 3);
  agree("svd", ours.value.s, ml.value.diagonal);
  line(`svd ${n}×${n} (U, s, V)`, ml.ms, ours.ms, 5);
}

{
  const n = 500;
  const A = seeded(n, n);
  const mlA = toMlMatrix(A);
  new QrDecomposition(toMlMatrix(seeded(60, 60)));
  const ml = once(() => new QrDecomposition(mlA).orthogonalMatrix);
  const ours = medianTime(() => qr(A), 3);
  line(`qr ${n}×${n} (Q and R)`, ml.ms, ours.ms);
}

{
  const n = 1000;
  const X = seeded(n, n);
  const A = scaled(gram(X), 1 / n);
  const mlA = toMlMatrix(A);
  const ml = once(() => new CholeskyDecomposition(mlA));
  const ours = medianTime(() => cholesky(A), 3);
  line(`cholesky ${n}×${n}`, ml.ms, ours.ms);
}

{
  const n = 500;
  const A = seeded(n, n);
  const B = seeded(n, 10);
  const [mlA, mlB] = [toMlMatrix(A), toMlMatrix(B)];
  const ml = once(() => mlSolve(mlA, mlB));
  const ours = medianTime(() => solve(A, B), 3);
  line(`solve ${n}×${n}, 10 right-hand sides`, ml.ms, ours.ms);
}

function line(label: string, mlMs: number, oursMs: number, target?: number): void {
  const ratio = mlMs / oursMs;
  const goal = target === undefined ? "" : ` (target ≥ ${target}×: ${ratio >= target ? "met" : "MISSED"})`;
  console.log(`${label.padEnd(60)} ml-matrix ${ms(mlMs)} | ours ${ms(oursMs)} | ${ratio.toFixed(1)}×${goal}`);
}

function ms(x: number): string {
  return `${x.toFixed(1).padStart(8)} ms`;
}

function once<T>(run: () => T): {ms: number; value: T} {
  const start = performance.now();
  const value = run();
  return {ms: performance.now() - start, value};
}

// Guards the comparison: both libraries must have found the same spectrum (sorted either way).
function agree(label: string, ours: Float64Array, theirs: ArrayLike<number>): void {
  const a = Array.from(ours).sort((x, y) => x - y);
  const b = Array.from(theirs).sort((x, y) => x - y);
  const scale = Math.max(...a.map(Math.abs));
  const error = Math.max(...a.map((x, i) => Math.abs(x - b[i])));
  if (!(error <= 1e-10 * scale)) throw new Error(`${label}: ours and ml-matrix differ by ${error} (scale ${scale})`);
}

function seeded(rows: number, cols: number): Matrix {
  return matrix(rows, cols, rng.normals(rows * cols));
}

function symmetric(n: number): Matrix {
  const G = seeded(n, n);
  const S = matrix(n, n);
  for (let i = 0; i < n; ++i) for (let j = 0; j < n; ++j) S.data[i * n + j] = G.data[i * n + j] + G.data[j * n + i];
  return S;
}

function scaled(A: Matrix, factor: number): Matrix {
  return matrix(
    A.rows,
    A.cols,
    A.data.map((x) => x * factor)
  );
}

// K = ReLU(XWᵀ)ReLU(XWᵀ)ᵀ/(pn) for Gaussian X (n×d) and W (p×d) with rows of variance 1/d.
function randomFeatureGram(n: number, d: number, p: number): Matrix {
  const X = seeded(n, d);
  const W = scaled(seeded(p, d), 1 / Math.sqrt(d));
  const F = multiplyTransposeB(X, W);
  for (let q = 0; q < F.data.length; ++q) F.data[q] = Math.max(0, F.data[q]);
  return scaled(gram(F), 1 / (p * n));
}
