// Polar decomposition A = UP: orthonormal U, symmetric positive semidefinite P = (AᵀA)^{1/2}.
import assert from "node:assert/strict";
import {test} from "node:test";
import {eigh} from "../../src/linalg/eigh.js";
import {haarOrthogonal} from "../../src/linalg/haar.js";
import {identity, matrix} from "../../src/linalg/matrix.js";
import {polar} from "../../src/linalg/polar.js";
import {createRng} from "../../src/random/rng.js";
import {gaussian, maxAbs, maxDifference, naiveProduct, naiveTranspose, orthonormalityError} from "./checks.js";

test("polar(A) gives A = UP with UᵀU = I and P symmetric positive semidefinite, P² = AᵀA", () => {
  const rng = createRng(1).fork("polar");
  for (const [m, n] of [
    [1, 1],
    [6, 6],
    [40, 40],
    [30, 12]
  ]) {
    const A = gaussian(rng, m, n);
    const {U, P} = polar(A);
    assert.deepEqual([U.rows, U.cols, P.rows, P.cols], [m, n, n, n]);
    assert.ok(maxDifference(naiveProduct(U, P), A) < 1e-13 * maxAbs(A) * m, `A = UP ${m}×${n}`);
    assert.ok(orthonormalityError(U) < 1e-13 * m);
    assert.ok(maxDifference(P, naiveTranspose(P)) === 0, "P exactly symmetric");
    assert.ok(eigh(P).values[0] > -1e-13 * maxAbs(P), "P ⪰ 0");
    const AtA = naiveProduct(naiveTranspose(A), A);
    assert.ok(maxDifference(naiveProduct(P, P), AtA) < 1e-12 * maxAbs(AtA) * m);
  }
});

test("polar of an orthogonal matrix is (Q, I); polar of a scaled rotation is (Q, cI)", () => {
  const Q = haarOrthogonal(8, createRng(2).fork("haar"));
  const {U, P} = polar(
    matrix(
      8,
      8,
      Q.data.map((x) => 3 * x)
    )
  );
  assert.ok(maxDifference(U, Q) < 1e-14);
  assert.ok(
    maxDifference(
      P,
      matrix(
        8,
        8,
        identity(8).data.map((x) => 3 * x)
      )
    ) < 1e-13
  );
});

test("polar of a rank-deficient matrix still gives an orthonormal U", () => {
  const rng = createRng(3).fork("rank");
  const A = naiveProduct(gaussian(rng, 10, 2), gaussian(rng, 2, 10));
  const {U, P} = polar(A);
  assert.ok(orthonormalityError(U) < 1e-13);
  assert.ok(maxDifference(naiveProduct(U, P), A) < 1e-13 * maxAbs(A));
});
