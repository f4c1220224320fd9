// Cayley transform of skew-symmetric matrices: orthogonality, determinant, inverse map, and the gradient.
import assert from "node:assert/strict";
import {test} from "node:test";
import {cayley, cayleyGradient} from "../../src/linalg/cayley.js";
import {determinant} from "../../src/linalg/determinant.js";
import {identity, matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {createRng} from "../../src/random/rng.js";
import {gaussian, maxDifference, naiveProduct, orthonormalityError, randomSkew} from "./checks.js";

test("cayley(K) is orthogonal with determinant +1, and cayley(0) = I", () => {
  const rng = createRng(1).fork("cayley");
  for (const [n, scale] of [
    [1, 1],
    [2, 0.3],
    [5, 1],
    [30, 0.2],
    [30, 5],
    [80, 1]
  ]) {
    const Q = cayley(randomSkew(rng, n, scale));
    assert.ok(orthonormalityError(Q) < 1e-14 * n * (1 + scale), `n = ${n}, scale = ${scale}`);
    assert.ok(Math.abs(determinant(Q) - 1) < 1e-12, `det n = ${n}`);
  }
  assert.deepEqual(cayley(matrix(4, 4)).data, identity(4).data);
  assert.equal(cayley(matrix(0, 0)).rows, 0);
});

test("cayley of a 2×2 skew matrix is the rotation by 2·atan(θ)", () => {
  const theta = 0.7;
  const Q = cayley(matrix(2, 2, Float64Array.of(0, -theta, theta, 0)));
  const angle = 2 * Math.atan(theta);
  const R = matrix(2, 2, Float64Array.of(Math.cos(angle), -Math.sin(angle), Math.sin(angle), Math.cos(angle)));
  assert.ok(maxDifference(Q, R) < 1e-15);
});

test("cayley is inverted by K = (Q − I)(Q + I)⁻¹", () => {
  const K = randomSkew(createRng(2).fork("inverse"), 6, 0.8);
  const Q = cayley(K);
  // (Q − I)(Q + I)⁻¹ = ((Q + I)⁻ᵀ(Q − I)ᵀ)ᵀ; with Q orthogonal and commuting factors, also (Q + I)⁻¹(Q − I).
  const plus = matrix(
    6,
    6,
    Q.data.map((x, q) => x + identity(6).data[q])
  );
  const minus = matrix(
    6,
    6,
    Q.data.map((x, q) => x - identity(6).data[q])
  );
  // Solve (Q + I)X = (Q − I) by Gauss–Jordan on a tiny system.
  const X = gaussJordan(plus, minus);
  assert.ok(maxDifference(X, K) < 1e-13);
});

test("cayleyGradient(K, G) matches central finite differences of f(Q) = ⟨W, Q⟩ + ‖Q·c‖² along skew directions", () => {
  const rng = createRng(3).fork("gradient");
  const n = 7;
  const K = randomSkew(rng, n, 0.6);
  const W = gaussian(rng, n, n);
  const c = gaussian(rng, n, 1);
  const f = (X: Matrix): number => {
    const Q = cayley(X);
    const Qc = naiveProduct(Q, c);
    let s = 0;
    for (let q = 0; q < n * n; ++q) s += W.data[q] * Q.data[q];
    for (const x of Qc.data) s += x * x;
    return s;
  };
  // ∂f/∂Q = W + 2(Qc)cᵀ.
  const Q = cayley(K);
  const Qc = naiveProduct(Q, c);
  const G = matrix(
    n,
    n,
    W.data.map((w, q) => w + 2 * Qc.data[Math.floor(q / n)] * c.data[q % n])
  );
  const gradient = cayleyGradient(K, G);
  const negatedTranspose = gradient.data.map((_, q) => -gradient.data[(q % n) * n + Math.floor(q / n)]);
  assert.ok(maxDifference(gradient, matrix(n, n, negatedTranspose)) === 0, "skew");
  for (let t = 0; t < 5; ++t) {
    const E = randomSkew(rng, n, 1);
    const h = 1e-5;
    const plus = matrix(
      n,
      n,
      K.data.map((x, q) => x + h * E.data[q])
    );
    const minus = matrix(
      n,
      n,
      K.data.map((x, q) => x - h * E.data[q])
    );
    const fd = (f(plus) - f(minus)) / (2 * h);
    let analytic = 0;
    for (let q = 0; q < n * n; ++q) analytic += gradient.data[q] * E.data[q];
    assert.ok(Math.abs(fd - analytic) < 1e-7 * (1 + Math.abs(analytic)), `direction ${t}: ${fd} vs ${analytic}`);
  }
});

test("cayley rejects non-skew, non-square and non-finite input; cayleyGradient checks G's shape", () => {
  assert.throws(() => cayley(matrix(2, 2, Float64Array.of(0, 1, 1, 0))), /cayley: matrix is not skew-symmetric/);
  assert.throws(() => cayley(matrix(2, 2, Float64Array.of(1, 0, 0, 0))), /cayley: matrix is not skew-symmetric/);
  assert.throws(() => cayley(matrix(2, 3)), /cayley: expected a square matrix/);
  assert.throws(() => cayley(matrix(1, 1, Float64Array.of(NaN))), /cayley: non-finite input/);
  assert.throws(() => cayleyGradient(matrix(2, 2), matrix(3, 3)), /cayleyGradient: Matrix dimensions do not match/);
});

// X with AX = B by Gauss–Jordan elimination with partial pivoting (plain loops, for the test only).
function gaussJordan(A: Matrix, B: Matrix): Matrix {
  const n = A.rows;
  const k = B.cols;
  const a = A.data.slice();
  const b = B.data.slice();
  for (let c = 0; c < n; ++c) {
    let p = c;
    for (let i = c + 1; i < n; ++i) if (Math.abs(a[i * n + c]) > Math.abs(a[p * n + c])) p = i;
    for (let j = 0; j < n; ++j) [a[c * n + j], a[p * n + j]] = [a[p * n + j], a[c * n + j]];
    for (let j = 0; j < k; ++j) [b[c * k + j], b[p * k + j]] = [b[p * k + j], b[c * k + j]];
    const d = a[c * n + c];
    for (let j = 0; j < n; ++j) a[c * n + j] /= d;
    for (let j = 0; j < k; ++j) b[c * k + j] /= d;
    for (let i = 0; i < n; ++i) {
      if (i === c) continue;
      const f = a[i * n + c];
      for (let j = 0; j < n; ++j) a[i * n + j] -= f * a[c * n + j];
      for (let j = 0; j < k; ++j) b[i * k + j] -= f * b[c * k + j];
    }
  }
  return matrix(n, k, b);
}
