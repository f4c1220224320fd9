// Orthogonal Procrustes: recovery of a known rotation, optimality, and the proper-rotation constraint.
import assert from "node:assert/strict";
import {test} from "node:test";
import {determinant} from "../../src/linalg/determinant.js";
import {haarOrthogonal} from "../../src/linalg/haar.js";
import {matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {procrustes} from "../../src/linalg/procrustes.js";
import {createRng} from "../../src/random/rng.js";
import {gaussian, maxDifference, naiveProduct, orthonormalityError} from "./checks.js";

function misfit(R: Matrix, A: Matrix, B: Matrix): number {
  const RA = naiveProduct(R, A);
  let s = 0;
  for (let q = 0; q < RA.data.length; ++q) s += (RA.data[q] - B.data[q]) ** 2;
  return Math.sqrt(s);
}

test("procrustes(A, RA) recovers the orthogonal R", () => {
  const rng = createRng(1).fork("procrustes");
  for (const d of [2, 3, 10]) {
    const R = haarOrthogonal(d, rng.fork(`R${d}`));
    const A = gaussian(rng, d, 50);
    const found = procrustes(A, naiveProduct(R, A));
    assert.ok(maxDifference(found, R) < 1e-13, `d = ${d}`);
  }
});

test("procrustes minimises ‖RA − B‖_F: no random orthogonal matrix does better, and noise is tolerated", () => {
  const rng = createRng(2).fork("optimal");
  const d = 4;
  const R0 = haarOrthogonal(d, rng.fork("R0"));
  const A = gaussian(rng, d, 30);
  const noise = gaussian(rng, d, 30);
  const B = matrix(
    d,
    30,
    naiveProduct(R0, A).data.map((x, q) => x + 0.01 * noise.data[q])
  );
  const R = procrustes(A, B);
  assert.ok(orthonormalityError(R) < 1e-14);
  assert.ok(maxDifference(R, R0) < 0.01);
  const best = misfit(R, A, B);
  for (let t = 0; t < 50; ++t) assert.ok(misfit(haarOrthogonal(d, rng.fork(`q${t}`)), A, B) >= best);
});

test("procrustes(A, B, {rotation: true}) gives the best rotation (det +1) when plain procrustes reflects", () => {
  const rng = createRng(3).fork("rotation");
  const d = 3;
  const reflection = matrix(3, 3, Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, -1));
  const A = gaussian(rng, d, 20);
  const B = naiveProduct(reflection, A);
  const orthogonal = procrustes(A, B);
  assert.ok(maxDifference(orthogonal, reflection) < 1e-13);
  const rotation = procrustes(A, B, {rotation: true});
  assert.ok(Math.abs(determinant(rotation) - 1) < 1e-13);
  assert.ok(orthonormalityError(rotation) < 1e-14);
  // A proper rotation is unchanged by the constraint.
  const R = haarOrthogonal(d, rng.fork("R"));
  const proper = determinant(R) > 0 ? R : naiveProduct(R, reflection);
  assert.ok(maxDifference(procrustes(A, naiveProduct(proper, A), {rotation: true}), proper) < 1e-13);
});

test("procrustes rejects mismatched shapes and non-finite input", () => {
  assert.throws(() => procrustes(matrix(2, 3), matrix(3, 2)), /procrustes: Matrix dimensions do not match/);
  assert.throws(() => procrustes(matrix(1, 1, Float64Array.of(NaN)), matrix(1, 1)), /procrustes: non-finite input/);
});
