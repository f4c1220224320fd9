// Cholesky factorisation: LLᵀ = A, triangular shape, ml-matrix agreement, and the not-positive-definite error.
import assert from "node:assert/strict";
import {test} from "node:test";
import {CholeskyDecomposition} from "ml-matrix";
import {cholesky} from "../../src/linalg/cholesky.js";
import {identity, matrix, toMlMatrix} from "../../src/linalg/matrix.js";
import {createRng} from "../../src/random/rng.js";
import {gaussian, maxAbs, maxDifference, naiveProduct, naiveTranspose} from "./checks.js";

test("cholesky(A) gives lower-triangular L with positive diagonal and LLᵀ = A", () => {
  const rng = createRng(1).fork("cholesky");
  for (const n of [1, 2, 5, 40, 120]) {
    const X = gaussian(rng, n, n + 5);
    const A = naiveProduct(X, naiveTranspose(X));
    const L = cholesky(A);
    for (let i = 0; i < n; ++i) {
      assert.ok(L.data[i * n + i] > 0);
      for (let j = i + 1; j < n; ++j) assert.equal(L.data[i * n + j], 0);
    }
    assert.ok(maxDifference(naiveProduct(L, naiveTranspose(L)), A) < 1e-14 * maxAbs(A) * n, `n = ${n}`);
    const ml = new CholeskyDecomposition(toMlMatrix(A)).lowerTriangularMatrix;
    for (let i = 0; i < n; ++i) {
      for (let j = 0; j <= i; ++j) assert.ok(Math.abs(L.data[i * n + j] - ml.get(i, j)) < 1e-12 * maxAbs(L));
    }
  }
  assert.deepEqual(Array.from(cholesky(identity(3)).data), Array.from(identity(3).data));
  assert.equal(cholesky(matrix(0, 0)).rows, 0);
});

test('cholesky throws "cholesky: matrix is not positive definite" for indefinite and singular matrices', () => {
  const message = {message: "cholesky: matrix is not positive definite"};
  assert.throws(() => cholesky(matrix(2, 2, Float64Array.of(1, 2, 2, 1))), message);
  assert.throws(() => cholesky(matrix(1, 1, Float64Array.of(-1))), message);
  assert.throws(() => cholesky(matrix(2, 2, Float64Array.of(1, 1, 1, 1))), message); // semidefinite, singular
  assert.throws(() => cholesky(matrix(2, 2)), message);
});

test("cholesky rejects non-square, non-finite and asymmetric input", () => {
  assert.throws(() => cholesky(matrix(2, 3)), /cholesky: expected a square matrix/);
  assert.throws(() => cholesky(matrix(1, 1, Float64Array.of(Infinity))), /cholesky: non-finite input/);
  assert.throws(() => cholesky(matrix(2, 2, Float64Array.of(2, 1, 0, 2))), /cholesky: matrix is not symmetric/);
});
