// Exponential of skew-symmetric matrices: Taylor agreement, closed-form rotations, orthogonality, group identities.
import assert from "node:assert/strict";
import {test} from "node:test";
import {determinant} from "../../src/linalg/determinant.js";
import {expmSkew} from "../../src/linalg/expm.js";
import {identity, matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {createRng} from "../../src/random/rng.js";
import {maxDifference, naiveProduct, orthonormalityError, randomSkew} from "./checks.js";

// Σ_{j ≤ 25} K^j / j!, accurate to rounding for ‖K‖ ≤ 0.1.
function taylor(K: Matrix): Matrix {
  const n = K.rows;
  let term = identity(n);
  const sum = identity(n);
  for (let j = 1; j <= 25; ++j) {
    term = matrix(
      n,
      n,
      naiveProduct(term, K).data.map((x) => x / j)
    );
    for (let q = 0; q < n * n; ++q) sum.data[q] += term.data[q];
  }
  return sum;
}

test("expmSkew(K) matches the Taylor series for small K to 1e-15", () => {
  const rng = createRng(1).fork("taylor");
  for (const [n, scale] of [
    [1, 0.1],
    [2, 0.05],
    [6, 0.02],
    [20, 0.01]
  ]) {
    const K = randomSkew(rng, n, scale);
    assert.ok(maxDifference(expmSkew(K), taylor(K)) < 1e-15 * Math.max(1, n / 4), `n = ${n}`);
  }
  assert.deepEqual(expmSkew(matrix(3, 3)).data, identity(3).data);
});

test("expmSkew of a 2×2 and a block-diagonal skew matrix gives the closed-form rotations", () => {
  for (const theta of [0.3, 2, 10, 100]) {
    const Q = expmSkew(matrix(2, 2, Float64Array.of(0, -theta, theta, 0)));
    const R = matrix(2, 2, Float64Array.of(Math.cos(theta), -Math.sin(theta), Math.sin(theta), Math.cos(theta)));
    assert.ok(maxDifference(Q, R) < 4e-16 * Math.max(1, theta), `θ = ${theta}`);
  }
  // Two planes with angles 1 and 1 (a repeated eigenvalue of KᵀK) plus a fixed axis.
  const K = matrix(5, 5);
  K.data[0 * 5 + 1] = -1;
  K.data[1 * 5 + 0] = 1;
  K.data[2 * 5 + 3] = -1;
  K.data[3 * 5 + 2] = 1;
  const Q = expmSkew(K);
  const [c, s] = [Math.cos(1), Math.sin(1)];
  const expected = matrix(
    5,
    5,
    Float64Array.of(c, -s, 0, 0, 0, s, c, 0, 0, 0, 0, 0, c, -s, 0, 0, 0, s, c, 0, 0, 0, 0, 0, 1)
  );
  assert.ok(maxDifference(Q, expected) < 1e-15);
});

test("expmSkew(K) is orthogonal with det +1 and exp(K)·exp(−K) = I, also for large ‖K‖", () => {
  const rng = createRng(2).fork("orthogonal");
  for (const [n, scale] of [
    [3, 1],
    [10, 3],
    [40, 1],
    [40, 20]
  ]) {
    const K = randomSkew(rng, n, scale);
    const Q = expmSkew(K);
    assert.ok(orthonormalityError(Q) < 2e-15 * n, `orthogonality n = ${n}, scale = ${scale}`);
    assert.ok(Math.abs(determinant(Q) - 1) < 1e-12);
    const back = expmSkew(
      matrix(
        n,
        n,
        K.data.map((x) => -x)
      )
    );
    assert.ok(maxDifference(naiveProduct(Q, back), identity(n)) < 1e-13 * n * Math.max(1, scale));
  }
});

test("expmSkew(K) = expmSkew(K/2)² (scaling and squaring consistency)", () => {
  const K = randomSkew(createRng(3).fork("square"), 12, 2);
  const half = expmSkew(
    matrix(
      12,
      12,
      K.data.map((x) => x / 2)
    )
  );
  assert.ok(maxDifference(expmSkew(K), naiveProduct(half, half)) < 1e-13);
});

test("expmSkew rejects non-skew and non-finite input", () => {
  assert.throws(() => expmSkew(matrix(2, 2, Float64Array.of(0, 1, 1, 0))), /expmSkew: matrix is not skew-symmetric/);
  assert.throws(() => expmSkew(matrix(1, 1, Float64Array.of(Infinity))), /expmSkew: non-finite input/);
});
