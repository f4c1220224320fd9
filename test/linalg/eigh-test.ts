// Symmetric eigendecomposition: reconstruction, orthogonality, known spectra, repeated eigenvalues, ml-matrix.
import assert from "node:assert/strict";
import {test} from "node:test";
import {EigenvalueDecomposition} from "ml-matrix";
import {eigh, eighRows} from "../../src/linalg/eigh.js";
import {identity, matrix, toMlMatrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {createRng} from "../../src/random/rng.js";
import {
  columnAlignment,
  gaussian,
  maxAbs,
  maxDifference,
  naiveProduct,
  naiveTranspose,
  orthonormalityError,
  randomSymmetric,
  scaleColumns
} from "./checks.js";

// ‖A − VΛVᵀ‖_max / ‖A‖_max.
function reconstructionError(A: Matrix, values: Float64Array, V: Matrix): number {
  return maxDifference(naiveProduct(scaleColumns(V, values), naiveTranspose(V)), A) / maxAbs(A);
}

function assertAscending(values: Float64Array): void {
  for (let i = 1; i < values.length; ++i) assert.ok(values[i - 1] <= values[i], `ascending at ${i}`);
}

test("eigh(A) gives A = VΛVᵀ and VᵀV = I to 1e-10 relative, with ascending eigenvalues", () => {
  const rng = createRng(1).fork("eigh");
  for (const n of [1, 2, 3, 4, 5, 17, 33, 64, 150]) {
    const A = randomSymmetric(rng, n);
    const {values, vectors} = eigh(A);
    assert.equal(values.length, n);
    assert.equal(vectors.rows, n);
    assert.equal(vectors.cols, n);
    assertAscending(values);
    assert.ok(reconstructionError(A, values, vectors) < 1e-10, `reconstruction n = ${n}`);
    assert.ok(orthonormalityError(vectors) < 1e-10, `orthogonality n = ${n}`);
  }
});

test("eigh(A) agrees with ml-matrix EigenvalueDecomposition on random symmetric matrices", () => {
  const rng = createRng(2).fork("eigh-ml");
  for (const n of [6, 40, 120]) {
    const A = randomSymmetric(rng, n);
    const {values, vectors} = eigh(A);
    const ml = new EigenvalueDecomposition(toMlMatrix(A), {assumeSymmetric: true});
    const mlValues = ml.realEigenvalues;
    const mlVectors = ml.eigenvectorMatrix;
    const scale = Math.max(Math.abs(values[0]), Math.abs(values[n - 1]));
    for (let j = 0; j < n; ++j) {
      assert.ok(Math.abs(values[j] - mlValues[j]) < 1e-12 * scale, `value ${j}: ${values[j]} vs ${mlValues[j]}`);
    }
    // Eigenvalues of a random matrix are simple, so eigenvectors agree up to sign.
    const W = matrix(n, n);
    for (let i = 0; i < n; ++i) for (let j = 0; j < n; ++j) W.data[i * n + j] = mlVectors.get(i, j);
    for (let j = 0; j < n; ++j) assert.ok(columnAlignment(vectors, j, W, j) > 1 - 1e-8, `vector ${j}`);
  }
});

test("eigh(T) of the (2, −1) Toeplitz matrix gives λ_k = 2 − 2cos(kπ/(n+1)) and sine eigenvectors", () => {
  for (const n of [2, 10, 100]) {
    const T = matrix(n, n);
    for (let i = 0; i < n; ++i) {
      T.data[i * n + i] = 2;
      if (i + 1 < n) T.data[i * n + i + 1] = T.data[(i + 1) * n + i] = -1;
    }
    const {values, vectors} = eigh(T);
    for (let k = 1; k <= n; ++k) {
      const expected = 2 - 2 * Math.cos((k * Math.PI) / (n + 1));
      assert.ok(Math.abs(values[k - 1] - expected) < 1e-13, `n = ${n}, k = ${k}`);
      const S = matrix(n, 1);
      for (let j = 0; j < n; ++j) S.data[j] = Math.sin(((j + 1) * k * Math.PI) / (n + 1));
      assert.ok(columnAlignment(vectors, k - 1, S, 0) > 1 - 1e-12, `eigenvector n = ${n}, k = ${k}`);
    }
  }
});

test("eigh handles repeated eigenvalues: the identity and block-diagonal duplicates", () => {
  const {values, vectors} = eigh(identity(7));
  assert.deepEqual(Array.from(values), new Array(7).fill(1));
  assert.ok(orthonormalityError(vectors) < 1e-15);

  const rng = createRng(3).fork("duplicates");
  const m = 12;
  const B = randomSymmetric(rng, m);
  const A = matrix(2 * m, 2 * m);
  for (let i = 0; i < m; ++i) {
    for (let j = 0; j < m; ++j) {
      A.data[i * 2 * m + j] = B.data[i * m + j];
      A.data[(m + i) * 2 * m + m + j] = B.data[i * m + j];
    }
  }
  const result = eigh(A);
  const single = eigh(B).values;
  for (let j = 0; j < m; ++j) {
    assert.ok(Math.abs(result.values[2 * j] - single[j]) < 1e-12 * maxAbs(B), `pair ${j}`);
    assert.ok(Math.abs(result.values[2 * j + 1] - single[j]) < 1e-12 * maxAbs(B), `pair ${j}`);
  }
  assert.ok(reconstructionError(A, result.values, result.vectors) < 1e-12);
  assert.ok(orthonormalityError(result.vectors) < 1e-12);

  // A multiple of a projection: eigenvalue 5 (multiplicity 3) and 0 (multiplicity 27).
  const X = gaussian(rng, 30, 3);
  const P = naiveProduct(X, naiveTranspose(X));
  const projection = eigh(P);
  assert.ok(reconstructionError(P, projection.values, projection.vectors) < 1e-12);
  assert.ok(orthonormalityError(projection.vectors) < 1e-12);
});

test("eigh of a rank-deficient Gram matrix (n = 200, rank 40) is accurate and orthonormal", () => {
  const rng = createRng(4).fork("gram");
  const X = gaussian(rng, 200, 40);
  const G = naiveProduct(X, naiveTranspose(X));
  const {values, vectors} = eigh(G);
  assertAscending(values);
  for (let j = 0; j < 160; ++j) assert.ok(Math.abs(values[j]) < 1e-12 * values[199], `null eigenvalue ${j}`);
  assert.ok(values[160] > 1, "rank 40");
  assert.ok(reconstructionError(G, values, vectors) < 1e-12);
  assert.ok(orthonormalityError(vectors) < 1e-12);
});

test("eigh of 0×0 and 1×1 matrices", () => {
  const empty = eigh(matrix(0, 0));
  assert.equal(empty.values.length, 0);
  assert.equal(empty.vectors.rows, 0);
  const one = eigh(matrix(1, 1, Float64Array.of(-3.5)));
  assert.deepEqual(Array.from(one.values), [-3.5]);
  assert.deepEqual(Array.from(one.vectors.data), [1]);
});

test("eigh(A, {vectors: false}) gives bit-identical eigenvalues, and repeated calls are bit-identical", () => {
  const A = randomSymmetric(createRng(5).fork("bits"), 90);
  const full = eigh(A);
  assert.equal(eigh(A, {vectors: false}).vectors, null);
  assert.deepEqual(eigh(A, {vectors: false}).values, full.values);
  const again = eigh(A);
  assert.deepEqual(again.values, full.values);
  assert.deepEqual(again.vectors.data, full.vectors.data);
});

test("eigh scales exactly: eigh(2^k A) has eigenvalues 2^k λ", () => {
  const A = randomSymmetric(createRng(6).fork("scale"), 20);
  const values = eigh(A).values;
  const scaled = eigh(
    matrix(
      20,
      20,
      A.data.map((x) => x * 2 ** 40)
    )
  ).values;
  for (let j = 0; j < 20; ++j) assert.ok(Math.abs(scaled[j] / 2 ** 40 - values[j]) < 1e-13 * maxAbs(A));
});

test("eighRows(A, from, to) gives rows from … to − 1 of eigh's eigenvector matrix", () => {
  const A = randomSymmetric(createRng(7).fork("rows"), 50);
  const {values, vectors} = eigh(A);
  const {values: rowValues, rows} = eighRows(A, 45, 50);
  assert.deepEqual(rowValues, values);
  assert.equal(rows.rows, 5);
  assert.equal(rows.cols, 50);
  for (let i = 0; i < 5; ++i) {
    for (let j = 0; j < 50; ++j) {
      assert.ok(Math.abs(rows.data[i * 50 + j] - vectors.data[(45 + i) * 50 + j]) < 1e-12, `(${i}, ${j})`);
    }
  }
  assert.throws(() => eighRows(A, 3, 51), /eighRows: invalid row range/);
});

test("eigh rejects non-square, non-finite and asymmetric input", () => {
  assert.throws(() => eigh(matrix(2, 3)), /eigh: expected a square matrix, got 2×3/);
  assert.throws(() => eigh(matrix(2, 2, Float64Array.of(1, NaN, NaN, 1))), /eigh: non-finite input NaN/);
  assert.throws(() => eigh(matrix(2, 2, Float64Array.of(1, 2, 2.001, 1))), /eigh: matrix is not symmetric/);
  // Asymmetry at rounding level is accepted (the average is used).
  assert.doesNotThrow(() => eigh(matrix(2, 2, Float64Array.of(1, 2, 2 + 1e-15, 1))));
});
