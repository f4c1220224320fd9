// Linear solves: LU with partial pivoting and the Cholesky route, by residuals, ml-matrix agreement and errors.
import assert from "node:assert/strict";
import {test} from "node:test";
import {solve as mlSolve} from "ml-matrix";
import {matrix, toMlMatrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {solve, solveSymmetricPositive} from "../../src/linalg/solve.js";
import {createRng} from "../../src/random/rng.js";
import {gaussian, maxAbs, maxDifference, naiveProduct, naiveTranspose} from "./checks.js";

// ‖AX − B‖_max / (‖A‖_max ‖X‖_max n): the backward-error-style residual.
function relativeResidual(A: Matrix, X: Matrix, B: Matrix): number {
  return maxDifference(naiveProduct(A, X), B) / (maxAbs(A) * maxAbs(X) * A.rows);
}

test("solve(A, B) has a small residual and agrees with ml-matrix", () => {
  const rng = createRng(1).fork("solve");
  for (const [n, k] of [
    [1, 1],
    [3, 2],
    [50, 1],
    [120, 7]
  ]) {
    const A = gaussian(rng, n, n);
    const B = gaussian(rng, n, k);
    const X = solve(A, B);
    assert.ok(relativeResidual(A, X, B) < 1e-15, `n = ${n}`);
    const ml = mlSolve(toMlMatrix(A), toMlMatrix(B));
    for (let i = 0; i < n; ++i) {
      for (let j = 0; j < k; ++j) assert.ok(Math.abs(X.data[i * k + j] - ml.get(i, j)) < 1e-9 * maxAbs(X));
    }
  }
});

test("solve needs pivoting: a zero leading entry is handled", () => {
  const A = matrix(2, 2, Float64Array.of(0, 1, 1, 0));
  const X = solve(A, matrix(2, 1, Float64Array.of(3, 4)));
  assert.deepEqual(Array.from(X.data), [4, 3]);
});

test("solve throws on singular matrices and bad shapes; inputs are not modified", () => {
  const singular = {message: "solve: matrix is singular to working precision"};
  assert.throws(() => solve(matrix(2, 2, Float64Array.of(1, 2, 2, 4)), matrix(2, 1)), singular);
  assert.throws(() => solve(matrix(3, 3), matrix(3, 1)), singular);
  assert.throws(() => solve(matrix(2, 2), matrix(3, 1)), /solve: Matrix dimensions do not match/);
  assert.throws(() => solve(matrix(2, 3), matrix(2, 1)), /solve: expected a square matrix/);
  const one = matrix(1, 1, Float64Array.of(1));
  assert.throws(() => solve(one, matrix(1, 1, Float64Array.of(NaN))), /solve: non-finite input/);
  const A = gaussian(createRng(2).fork("copy"), 4, 4);
  const B = gaussian(createRng(3).fork("copy"), 4, 2);
  const [a, b] = [A.data.slice(), B.data.slice()];
  solve(A, B);
  assert.deepEqual(A.data, a);
  assert.deepEqual(B.data, b);
});

test("solveSymmetricPositive(A, B) solves SPD systems via Cholesky", () => {
  const rng = createRng(4).fork("spd");
  for (const [n, k] of [
    [1, 1],
    [10, 3],
    [80, 2]
  ]) {
    const X0 = gaussian(rng, n, n + 3);
    const A = naiveProduct(X0, naiveTranspose(X0));
    const B = gaussian(rng, n, k);
    const X = solveSymmetricPositive(A, B);
    assert.ok(relativeResidual(A, X, B) < 1e-15, `n = ${n}`);
    assert.ok(maxDifference(X, solve(A, B)) < 1e-8 * maxAbs(X));
  }
  assert.throws(() => solveSymmetricPositive(matrix(2, 2, Float64Array.of(1, 2, 2, 1)), matrix(2, 1)), {
    message: "cholesky: matrix is not positive definite"
  });
  assert.throws(
    () => solveSymmetricPositive(matrix(2, 2), matrix(1, 1)),
    /solveSymmetricPositive: Matrix dimensions do not match/
  );
});
