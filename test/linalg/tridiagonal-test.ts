// Implicit QL for symmetric tridiagonal matrices: closed-form spectra, reconstruction, orthogonality, edge cases.
import assert from "node:assert/strict";
import {test} from "node:test";
import {identity, matrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {tridiagonalEigen} from "../../src/linalg/tridiagonal.js";
import {createRng} from "../../src/random/rng.js";

test("tridiagonalEigen(d, e) of the (2, −1) Toeplitz matrix gives 2 − 2cos(kπ/(n+1)) to 1e-12", () => {
  for (const n of [2, 3, 10, 50, 200]) {
    const lambda = tridiagonalEigen(new Float64Array(n).fill(2), new Float64Array(n - 1).fill(-1));
    for (let k = 1; k <= n; ++k) {
      const expected = 2 - 2 * Math.cos((k * Math.PI) / (n + 1));
      assert.ok(Math.abs(lambda[k - 1] - expected) < 1e-12, `n = ${n}, k = ${k}: ${lambda[k - 1]} vs ${expected}`);
    }
  }
});

test("tridiagonalEigen(d, e, I) gives orthonormal eigenvector rows with T = VᵀΛV", () => {
  const rng = createRng(1).fork("tridiagonal");
  for (const n of [1, 2, 5, 40, 120]) {
    const d = rng.normals(n);
    const e = rng.normals(Math.max(0, n - 1));
    const V = identity(n);
    const lambda = tridiagonalEigen(d, e, V);
    for (let k = 1; k < n; ++k) assert.ok(lambda[k - 1] <= lambda[k], "ascending");
    assert.ok(orthogonalityError(V) < 1e-13 * n, `orthogonality n = ${n}: ${orthogonalityError(V)}`);
    assert.ok(reconstructionError(d, e, lambda, V) < 1e-13 * n, `reconstruction n = ${n}`);
  }
});

test("tridiagonalEigen(d, e, basis) rotates a general n×m basis: rows become Qᵀ-transformed eigenvectors", () => {
  // With basis = B (n×m), the result equals Vᵀ-rotated B: basis_out = V·B where V has the eigenvectors as rows.
  const rng = createRng(2).fork("basis");
  const n = 30;
  const m = 7;
  const d = rng.normals(n);
  const e = rng.normals(n - 1);
  const V = identity(n);
  tridiagonalEigen(d, e, V);
  const B = matrix(n, m, rng.normals(n * m));
  const expected = multiply(V, B);
  tridiagonalEigen(d, e, B);
  for (let k = 0; k < n * m; ++k) assert.ok(Math.abs(B.data[k] - expected.data[k]) < 1e-12);
});

test("tridiagonalEigen(d, e) does not modify its inputs", () => {
  const d = Float64Array.from([1, 2, 3, 4]);
  const e = Float64Array.from([0.5, -0.25, 2]);
  tridiagonalEigen(d, e, identity(4));
  assert.deepEqual(Array.from(d), [1, 2, 3, 4]);
  assert.deepEqual(Array.from(e), [0.5, -0.25, 2]);
});

test("tridiagonalEigen(d, e) handles repeated eigenvalues and split blocks (zeros in e)", () => {
  // Two identical 3×3 blocks and an isolated entry: every eigenvalue of the block appears twice.
  const d = Float64Array.from([2, 2, 2, 5, 2, 2, 2]);
  const e = Float64Array.from([-1, -1, 0, 0, -1, -1]);
  const V = identity(7);
  const lambda = tridiagonalEigen(d, e, V);
  const block = [2 - Math.SQRT2, 2, 2 + Math.SQRT2];
  const expected = [block[0], block[0], block[1], block[1], block[2], block[2], 5];
  expected.forEach((x, k) => assert.ok(Math.abs(lambda[k] - x) < 1e-14, `${lambda[k]} vs ${x}`));
  assert.ok(orthogonalityError(V) < 1e-14);
  assert.ok(reconstructionError(d, e, lambda, V) < 1e-14);
  // A multiple of the identity and the zero matrix.
  assert.deepEqual(Array.from(tridiagonalEigen(new Float64Array(4).fill(3), new Float64Array(3))), [3, 3, 3, 3]);
  assert.deepEqual(Array.from(tridiagonalEigen(new Float64Array(3), new Float64Array(2))), [0, 0, 0]);
  // Wilkinson's W21+ matrix has pairs of eigenvalues agreeing to ~1e-14 (largest 10.746194182903393).
  const W = tridiagonalEigen(
    Float64Array.from({length: 21}, (_, i) => Math.abs(10 - i)),
    new Float64Array(20).fill(1)
  );
  assert.ok(Math.abs(W[20] - 10.746194182903393) < 1e-13);
  assert.ok(Math.abs(W[19] - 10.746194182903322) < 1e-13);
});

test("tridiagonalEigen(d, e) is exact under scaling by powers of two, including extreme scales", () => {
  const d = Float64Array.from([1, -3, 0.5, 2]);
  const e = Float64Array.from([0.7, 1.1, -0.3]);
  const lambda = tridiagonalEigen(d, e);
  for (const k of [-1000, -500, 500, 1000]) {
    const s = 2 ** (k / 2) * 2 ** (k / 2);
    const scaled = tridiagonalEigen(
      d.map((x) => x * s),
      e.map((x) => x * s)
    );
    scaled.forEach((x, i) => assert.equal(x / s, lambda[i]));
  }
});

test("tridiagonalEigen handles n = 0 and n = 1", () => {
  assert.deepEqual(Array.from(tridiagonalEigen(new Float64Array(0), new Float64Array(0))), []);
  const V = identity(1);
  assert.deepEqual(Array.from(tridiagonalEigen(Float64Array.of(-2.5), new Float64Array(0), V)), [-2.5]);
  assert.deepEqual(Array.from(V.data), [1]);
});

test("tridiagonalEigen throws on non-finite input and on mismatched shapes", () => {
  assert.throws(() => tridiagonalEigen(Float64Array.of(1, NaN), Float64Array.of(0)), /tridiagonalEigen: non-finite/);
  assert.throws(() => tridiagonalEigen(Float64Array.of(1, 2), Float64Array.of(Infinity)), /non-finite input Infinity/);
  assert.throws(() => tridiagonalEigen(Float64Array.of(1, 2), Float64Array.of(1, 2)), /off-diagonal has length 2/);
  assert.throws(() => tridiagonalEigen(Float64Array.of(1, 2), Float64Array.of(1), identity(3)), /basis is 3×3/);
});

// max |V Vᵀ − I|
function orthogonalityError(V: Matrix): number {
  const {rows: n, cols: m, data: v} = V;
  let error = 0;
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < n; ++j) {
      let s = 0;
      for (let k = 0; k < m; ++k) s += v[i * m + k] * v[j * m + k];
      error = Math.max(error, Math.abs(s - (i === j ? 1 : 0)));
    }
  }
  return error;
}

// max |T − Vᵀ Λ V| over all entries.
function reconstructionError(d: Float64Array, e: Float64Array, lambda: Float64Array, V: Matrix): number {
  const n = d.length;
  const v = V.data;
  let error = 0;
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < n; ++j) {
      let s = 0;
      for (let k = 0; k < n; ++k) s += v[k * n + i] * lambda[k] * v[k * n + j];
      const t = i === j ? d[i] : Math.abs(i - j) === 1 ? e[Math.min(i, j)] : 0;
      error = Math.max(error, Math.abs(s - t));
    }
  }
  return error;
}

function multiply(A: Matrix, B: Matrix): Matrix {
  const C = matrix(A.rows, B.cols);
  for (let i = 0; i < A.rows; ++i) {
    for (let k = 0; k < A.cols; ++k) {
      const a = A.data[i * A.cols + k];
      for (let j = 0; j < B.cols; ++j) C.data[i * B.cols + j] += a * B.data[k * B.cols + j];
    }
  }
  return C;
}
