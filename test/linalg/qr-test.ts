// Householder QR: reconstruction, orthonormal Q, triangular R with R_ii ≥ 0, full and thin forms, rank deficiency.
import assert from "node:assert/strict";
import {test} from "node:test";
import {QrDecomposition} from "ml-matrix";
import {matrix, toMlMatrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {qr} from "../../src/linalg/qr.js";
import {createRng} from "../../src/random/rng.js";
import {gaussian, maxAbs, maxDifference, naiveProduct, orthonormalityError} from "./checks.js";

function assertUpperTriangular(R: Matrix): void {
  for (let i = 0; i < R.rows; ++i) {
    for (let j = 0; j < Math.min(i, R.cols); ++j) assert.equal(R.data[i * R.cols + j], 0, `R[${i}][${j}]`);
    if (i < R.cols) assert.ok(R.data[i * R.cols + i] >= 0, `R[${i}][${i}] ≥ 0`);
  }
}

test("qr(A) gives A = QR with orthonormal Q (m×p) and upper-triangular R (p×n), R_ii ≥ 0", () => {
  const rng = createRng(1).fork("qr");
  for (const [m, n] of [
    [1, 1],
    [4, 1],
    [1, 4],
    [5, 5],
    [30, 12],
    [12, 30],
    [100, 100]
  ]) {
    const A = gaussian(rng, m, n);
    const {Q, R} = qr(A);
    const p = Math.min(m, n);
    assert.deepEqual([Q.rows, Q.cols, R.rows, R.cols], [m, p, p, n]);
    assertUpperTriangular(R);
    assert.ok(maxDifference(naiveProduct(Q, R), A) < 1e-13 * maxAbs(A) * Math.max(m, n), `reconstruction ${m}×${n}`);
    assert.ok(orthonormalityError(Q) < 1e-14 * Math.max(m, n), `orthogonality ${m}×${n}`);
  }
});

test("qr(A, {full: true}) gives an m×m orthogonal Q and an m×n R", () => {
  const A = gaussian(createRng(2).fork("full"), 9, 4);
  const {Q, R} = qr(A, {full: true});
  assert.deepEqual([Q.rows, Q.cols, R.rows, R.cols], [9, 9, 9, 4]);
  assertUpperTriangular(R);
  assert.ok(orthonormalityError(Q) < 1e-14);
  assert.ok(maxDifference(naiveProduct(Q, R), A) < 1e-13 * maxAbs(A));
  // The thin factors are the leading columns and rows of the full ones.
  const thin = qr(A);
  for (let i = 0; i < 9; ++i) for (let j = 0; j < 4; ++j) assert.equal(thin.Q.data[i * 4 + j], Q.data[i * 9 + j]);
});

test("qr agrees with ml-matrix QrDecomposition up to the signs of R's rows", () => {
  const A = gaussian(createRng(3).fork("ml"), 20, 8);
  const {R} = qr(A);
  const mlR = new QrDecomposition(toMlMatrix(A)).upperTriangularMatrix;
  for (let i = 0; i < 8; ++i) {
    for (let j = 0; j < 8; ++j) {
      assert.ok(Math.abs(Math.abs(R.data[i * 8 + j]) - Math.abs(mlR.get(i, j))) < 1e-12 * maxAbs(R));
    }
  }
});

test("qr of rank-deficient matrices keeps Q orthonormal", () => {
  const rng = createRng(4).fork("rank");
  const A = gaussian(rng, 10, 5);
  for (let i = 0; i < 10; ++i) {
    A.data[i * 5 + 1] = 0; // a zero column
    A.data[i * 5 + 3] = 2 * A.data[i * 5 + 0]; // a dependent column
  }
  const {Q, R} = qr(A);
  assert.equal(R.data[1 * 5 + 1], 0);
  assert.ok(Math.abs(R.data[3 * 5 + 3]) < 1e-14 * maxAbs(A));
  assert.ok(orthonormalityError(Q) < 1e-14);
  assert.ok(maxDifference(naiveProduct(Q, R), A) < 1e-14 * maxAbs(A));
  const zero = qr(matrix(4, 3));
  assert.ok(orthonormalityError(zero.Q) === 0);
  assert.ok(zero.R.data.every((x) => x === 0));
});

test("qr of 0×0 and empty shapes; non-finite input throws", () => {
  const empty = qr(matrix(0, 0));
  assert.deepEqual([empty.Q.rows, empty.Q.cols, empty.R.rows, empty.R.cols], [0, 0, 0, 0]);
  const tall = qr(matrix(3, 0));
  assert.deepEqual([tall.Q.rows, tall.Q.cols, tall.R.rows, tall.R.cols], [3, 0, 0, 0]);
  assert.throws(() => qr(matrix(1, 2, Float64Array.of(0, NaN))), /qr: non-finite input NaN/);
});
