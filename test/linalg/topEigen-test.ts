// Top-k eigenpairs by block Lanczos: agreement with eigh, Wishart edges, operators, determinism, failure modes.
import assert from "node:assert/strict";
import {test} from "node:test";
import {eigh} from "../../src/linalg/eigh.js";
import {gram, multiply} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {qr} from "../../src/linalg/qr.js";
import {topEigen} from "../../src/linalg/topEigen.js";
import {createRng} from "../../src/random/rng.js";
import {
  columnAlignment,
  gaussian,
  naiveProduct,
  naiveTranspose,
  orthonormalityError,
  randomSymmetric
} from "./checks.js";

// XXᵀ/d for an n×d Gaussian X.
function wishartGram(seed: number, n: number, d: number): Matrix {
  const X = gaussian(createRng(seed).fork("wishart"), n, d);
  const G = gram(X);
  return matrix(
    n,
    n,
    G.data.map((x) => x / d)
  );
}

test("topEigen(K, k, rng) matches eigh's top eigenpairs of a Gram matrix (Lanczos path, with restarts)", () => {
  const K = wishartGram(1, 400, 200);
  const k = 6;
  const result = topEigen(K, k, createRng(1), {blockSize: 4, maxBasis: 40});
  assert.ok(result.iterations > 10, "Lanczos, not the dense path");
  const {values, vectors} = eigh(K);
  const n = K.rows;
  for (let j = 0; j < k; ++j) {
    assert.ok(Math.abs(result.values[j] - values[n - 1 - j]) < 1e-10 * values[n - 1], `value ${j}`);
    assert.ok(columnAlignment(result.vectors, j, vectors, n - 1 - j) > 1 - 1e-8, `vector ${j}`);
    assert.ok(result.residuals[j] <= 1e-10 * values[n - 1], `residual ${j}`);
  }
  assert.ok(orthonormalityError(result.vectors) < 1e-12);
  // Residuals reported are the true ones.
  const AV = naiveProduct(K, result.vectors);
  for (let j = 0; j < k; ++j) {
    let s = 0;
    for (let i = 0; i < n; ++i) s += (AV.data[i * k + j] - result.values[j] * result.vectors.data[i * k + j]) ** 2;
    assert.ok(Math.abs(Math.sqrt(s) - result.residuals[j]) < 1e-12 * result.values[0]);
  }
});

test("topEigen of a large Wishart Gram: the top eigenvalue sits at the edge (1 + √(d/n))²", () => {
  // Eigenvalues of XᵀX/n (X n×d, γ = d/n) fill [(1 − √γ)², (1 + √γ)²]; the n×n Gram XXᵀ/n shares the non-zero ones.
  const n = 1500;
  const d = 300;
  const X = gaussian(createRng(2).fork("edge"), n, d);
  const K = matrix(
    n,
    n,
    gram(X).data.map((x) => x / n)
  );
  const {values} = topEigen(K, 3, createRng(1));
  const gamma = d / n;
  const upper = (1 + Math.sqrt(gamma)) ** 2;
  assert.ok(Math.abs(values[0] - upper) < 0.05 * upper, `top ${values[0]} vs edge ${upper}`);
  assert.ok(values[0] >= values[1] && values[1] >= values[2]);
  // The lower edge from the d×d side, by eigh.
  const small = eigh(
    matrix(
      d,
      d,
      naiveProduct(naiveTranspose(X), X).data.map((x) => x / n)
    )
  ).values;
  const lower = (1 - Math.sqrt(gamma)) ** 2;
  assert.ok(Math.abs(small[0] - lower) < 0.1 * lower, `bottom ${small[0]} vs edge ${lower}`);
  assert.ok(Math.abs(small[d - 1] - values[0]) < 1e-9 * values[0], "same top eigenvalue from both sides");
});

test("topEigen accepts an operator {n, apply} and gives the same pairs as the matrix", () => {
  const K = wishartGram(3, 300, 100);
  const options = {blockSize: 5, maxBasis: 60};
  const fromMatrix = topEigen(K, 4, createRng(1), options);
  let calls = 0;
  const fromOperator = topEigen(
    {
      n: 300,
      apply(X: Matrix): Matrix {
        ++calls;
        return multiply(K, X);
      }
    },
    4,
    createRng(1),
    options
  );
  assert.equal(calls, fromOperator.iterations + 0);
  for (let j = 0; j < 4; ++j) {
    assert.ok(Math.abs(fromMatrix.values[j] - fromOperator.values[j]) < 1e-12 * fromMatrix.values[0]);
    assert.ok(columnAlignment(fromMatrix.vectors, j, fromOperator.vectors, j) > 1 - 1e-9);
  }
});

test("topEigen is deterministic: the same input gives bit-identical output", () => {
  const K = wishartGram(4, 250, 80);
  const a = topEigen(K, 5, createRng(1), {blockSize: 5, maxBasis: 50});
  const b = topEigen(K, 5, createRng(1), {blockSize: 5, maxBasis: 50});
  assert.deepEqual(a.values, b.values);
  assert.deepEqual(a.vectors.data, b.vectors.data);
});

test("topEigen solves small problems densely and handles k = 0 and k = n", () => {
  const A = randomSymmetric(createRng(5).fork("small"), 12);
  const {values} = eigh(A);
  const all = topEigen(A, 12, createRng(1));
  assert.equal(all.iterations, 0);
  for (let j = 0; j < 12; ++j) {
    assert.ok(Math.abs(all.values[j] - values[11 - j]) < 1e-13 * Math.abs(values[11]) + 1e-13);
  }
  const none = topEigen(A, 0, createRng(1));
  assert.equal(none.values.length, 0);
  assert.equal(none.vectors.rows, 12);
  assert.equal(none.vectors.cols, 0);
});

test("topEigen finds an exactly low-rank spectrum (the Krylov space is exhausted early)", () => {
  const X = gaussian(createRng(6).fork("lowrank"), 500, 3);
  const K = gram(X);
  const result = topEigen(K, 5, createRng(1), {blockSize: 4, maxBasis: 40});
  const exact = eigh(K).values;
  for (let j = 0; j < 5; ++j) assert.ok(Math.abs(result.values[j] - exact[499 - j]) < 1e-10 * exact[499], `value ${j}`);
  assert.ok(orthonormalityError(result.vectors) < 1e-12);
});

test("topEigen with its default block resolves a top eigenvalue repeated four times, and a close cluster", () => {
  // A = Q diag(λ) Qᵀ with a Haar-like Q (the Q of a QR of a Gaussian matrix): λ = 5 four times, then 4, 4 + 1e-9,
  // then a bulk in [0, 1]. Four copies fill the default block of min(k, 4) = 4 vectors.
  const n = 300;
  const rng = createRng(7).fork("multiplicity");
  const Q = qr(gaussian(rng, n, n)).Q;
  const lambda = Float64Array.from({length: n}, (_, i) =>
    i < 4 ? 5 : i === 4 ? 4 + 1e-9 : i === 5 ? 4 : rng.uniform()
  );
  const A = matrix(n, n);
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j <= i; ++j) {
      let s = 0;
      for (let p = 0; p < n; ++p) s += Q.data[i * n + p] * lambda[p] * Q.data[j * n + p];
      A.data[i * n + j] = s;
      A.data[j * n + i] = s;
    }
  }
  const result = topEigen(A, 6, createRng(1));
  assert.ok(result.iterations > 0, "Lanczos, not the dense path");
  const expected = [5, 5, 5, 5, 4 + 1e-9, 4];
  for (let j = 0; j < 6; ++j)
    assert.ok(Math.abs(result.values[j] - expected[j]) < 1e-12 * 5, `value ${j}: ${result.values[j]}`);
  assert.ok(orthonormalityError(result.vectors) < 1e-12);
  // The four vectors for λ = 5 span the same space as the first four columns of Q.
  let captured = 0;
  for (let j = 0; j < 4; ++j) {
    for (let p = 0; p < 4; ++p) {
      let dot = 0;
      for (let i = 0; i < n; ++i) dot += result.vectors.data[i * 6 + j] * Q.data[i * n + p];
      captured += dot * dot;
    }
  }
  assert.ok(Math.abs(captured - 4) < 1e-9, `eigenspace captured ${captured} of 4`);
});

test("topEigen errors: bad k, asymmetric or non-finite input, operator shape, no convergence", () => {
  const K = wishartGram(7, 300, 300);
  assert.throws(() => topEigen(K, 301, createRng(1)), /topEigen: k must be an integer in \[0, 300\]/);
  assert.throws(
    () => topEigen(matrix(2, 2, Float64Array.of(1, 2, 3, 1)), 1, createRng(1)),
    /topEigen: matrix is not symmetric/
  );
  assert.throws(
    () => topEigen(matrix(2, 2, Float64Array.of(1, NaN, NaN, 1)), 1, createRng(1)),
    /topEigen: non-finite input/
  );
  const badOperator = {n: 300, apply: () => matrix(3, 3)};
  assert.throws(() => topEigen(badOperator, 2, createRng(1), {maxBasis: 40}), /topEigen: operator returned 3×3/);
  assert.throws(
    () => topEigen(K, 4, createRng(1), {maxIterations: 2, blockSize: 4, maxBasis: 40}),
    /^Error: topEigen: no convergence after 2 iterations \(residual \d/
  );
});
