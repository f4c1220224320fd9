// Norms against closed forms and ml-matrix.
import assert from "node:assert/strict";
import {test} from "node:test";
import {fromRows, matrix, toMlMatrix} from "../../src/linalg/matrix.js";
import {frobeniusDistance, frobeniusNorm, vectorNorm} from "../../src/linalg/norms.js";
import {createRng} from "../../src/random/rng.js";

test("vectorNorm and frobeniusNorm match closed forms and ml-matrix", () => {
  assert.equal(vectorNorm([3, 4]), 5);
  assert.equal(vectorNorm([]), 0);
  assert.equal(
    frobeniusNorm(
      fromRows([
        [1, 2],
        [2, 4]
      ])
    ),
    5
  );
  const A = matrix(7, 5, createRng(4).normals(35));
  assert.ok(Math.abs(frobeniusNorm(A) - toMlMatrix(A).norm("frobenius")) < 1e-14 * frobeniusNorm(A));
});

test("frobeniusDistance is ‖A − B‖_F and checks shapes", () => {
  assert.equal(frobeniusDistance(fromRows([[1, 1]]), fromRows([[4, 5]])), 5);
  assert.throws(() => frobeniusDistance(matrix(1, 2), matrix(2, 1)), /Matrix dimensions do not match/);
});
