// Divide and conquer for symmetric tridiagonal matrices: residuals and orthogonality on inputs where deflation is
// delicate (clustered and exactly repeated eigenvalues, Wilkinson matrices, zeros off the diagonal), closed forms,
// agreement with implicit QL, and the 0×0 / 1×1 / 2×2 edge set.
import assert from "node:assert/strict";
import {test} from "node:test";
import {matrix} from "../../src/linalg/matrix.js";
import {tridiagonalEigen} from "../../src/linalg/tridiagonal.js";
import {tridiagonalDivideConquer} from "../../src/linalg/tridiagonalDivideConquer.js";
import {createRng} from "../../src/random/rng.js";
import {orthonormalityError} from "./checks.js";

// max_j ‖T z_j − λ_j z_j‖_∞ / ‖T‖_max, and the orthonormality error of Z, and the largest eigenvalue difference
// from implicit QL relative to ‖T‖_max; also checks the ascending order.
function check(d: Float64Array, e: Float64Array, label: string, tolerance = 1e-13): void {
  const n = d.length;
  const {values, vectors} = tridiagonalDivideConquer(d, e);
  assert.equal(values.length, n);
  assert.equal(vectors.rows, n);
  assert.equal(vectors.cols, n);
  let scale = 0;
  for (let i = 0; i < n; ++i) scale = Math.max(scale, Math.abs(d[i]), i < n - 1 ? Math.abs(e[i]) : 0);
  if (scale === 0) scale = 1;
  const z = vectors.data;
  let residual = 0;
  for (let j = 0; j < n; ++j) {
    for (let i = 0; i < n; ++i) {
      let t = d[i] * z[i * n + j];
      if (i > 0) t += e[i - 1] * z[(i - 1) * n + j];
      if (i < n - 1) t += e[i] * z[(i + 1) * n + j];
      residual = Math.max(residual, Math.abs(t - values[j] * z[i * n + j]));
    }
  }
  for (let j = 1; j < n; ++j) assert.ok(values[j - 1] <= values[j], `${label}: ascending at ${j}`);
  assert.ok(residual / scale < tolerance * Math.max(1, n / 10), `${label}: residual ${residual / scale}`);
  const orthogonality = orthonormalityError(vectors);
  assert.ok(orthogonality < tolerance * Math.max(1, n / 10), `${label}: orthogonality ${orthogonality}`);
  const ql = tridiagonalEigen(d, e);
  let difference = 0;
  for (let i = 0; i < n; ++i) difference = Math.max(difference, Math.abs(ql[i] - values[i]));
  assert.ok(difference / scale < tolerance * Math.max(1, n / 10), `${label}: differs from QL by ${difference}`);
}

test("tridiagonalDivideConquer(d, e) of random matrices gives T = ZΛZᵀ and ZᵀZ = I, agreeing with QL", () => {
  const rng = createRng(11).fork("divide-conquer");
  for (const n of [3, 25, 26, 27, 51, 100, 257]) check(rng.normals(n), rng.normals(n - 1), `random n = ${n}`);
});

test("tridiagonalDivideConquer of the (2, −1) Toeplitz matrix gives 2 − 2cos(kπ/(n+1)) and sine vectors", () => {
  for (const n of [30, 101]) {
    const {values, vectors} = tridiagonalDivideConquer(new Float64Array(n).fill(2), new Float64Array(n - 1).fill(-1));
    for (let k = 1; k <= n; ++k) {
      assert.ok(Math.abs(values[k - 1] - (2 - 2 * Math.cos((k * Math.PI) / (n + 1)))) < 1e-13, `n = ${n}, k = ${k}`);
      let dot = 0;
      let norm = 0;
      for (let i = 0; i < n; ++i) {
        const s = Math.sin(((i + 1) * k * Math.PI) / (n + 1));
        dot += s * vectors.data[i * n + k - 1];
        norm += s * s;
      }
      assert.ok(Math.abs(dot) / Math.sqrt(norm) > 1 - 1e-12, `eigenvector n = ${n}, k = ${k}`);
    }
  }
});

test("tridiagonalDivideConquer deflates Wilkinson matrices W⁺ and W⁻ (pairs equal to many digits)", () => {
  for (const n of [21, 61, 201]) {
    const m = (n - 1) / 2;
    const plus = Float64Array.from({length: n}, (_, i) => Math.abs(i - m));
    const minus = Float64Array.from({length: n}, (_, i) => i - m);
    check(plus, new Float64Array(n - 1).fill(1), `W+ ${n}`);
    check(minus, new Float64Array(n - 1).fill(1), `W- ${n}`);
  }
});

test("tridiagonalDivideConquer with exactly repeated eigenvalues: multiples of the identity and zero couplings", () => {
  for (const n of [40, 130]) {
    check(new Float64Array(n).fill(3), new Float64Array(n - 1), `3I n = ${n}`);
    const e = Float64Array.from({length: n - 1}, (_, i) => (i % 7 === 6 ? 0 : 1));
    check(new Float64Array(n).fill(-2), e, `blocks of the same 7×7 matrix, n = ${n}`);
    // Diagonal with repeated entries and zero off-diagonal: the eigenvalues are d, sorted.
    const d = Float64Array.from({length: n}, (_, i) => i % 3);
    const {values} = tridiagonalDivideConquer(d, new Float64Array(n - 1));
    assert.deepEqual(values, d.slice().sort());
  }
});

test("tridiagonalDivideConquer with clustered eigenvalues (a cluster of width 1e-12 and tiny couplings)", () => {
  const rng = createRng(12).fork("cluster");
  for (const n of [60, 200]) {
    const d = Float64Array.from({length: n}, (_, i) => 1 + 1e-14 * i);
    check(d, new Float64Array(n - 1).fill(1e-15), `cluster n = ${n}`);
    const noisy = Float64Array.from(rng.normals(n), (x, i) => (i % 2 === 0 ? 1 : 1 + 1e-12 * x));
    check(
      noisy,
      Float64Array.from(rng.normals(n - 1), (x) => 1e-10 * x),
      `two clusters n = ${n}`
    );
    const graded = Float64Array.from({length: n}, (_, i) => 10 ** (-i / 20));
    check(
      graded,
      Float64Array.from({length: n - 1}, (_, i) => 10 ** (-i / 20 - 0.5)),
      `graded n = ${n}`
    );
  }
});

test("tridiagonalDivideConquer of 0×0, 1×1 and 2×2 matrices and of the zero matrix", () => {
  const empty = tridiagonalDivideConquer(new Float64Array(0), new Float64Array(0));
  assert.equal(empty.values.length, 0);
  assert.equal(empty.vectors.rows, 0);
  const one = tridiagonalDivideConquer(Float64Array.of(-4), new Float64Array(0));
  assert.deepEqual(one.values, Float64Array.of(-4));
  assert.deepEqual(one.vectors, matrix(1, 1, Float64Array.of(1)));
  check(Float64Array.of(1, 1), Float64Array.of(1), "2×2 [[1, 1], [1, 1]]");
  const two = tridiagonalDivideConquer(Float64Array.of(2, 2), Float64Array.of(1));
  assert.ok(Math.abs(two.values[0] - 1) < 1e-15 && Math.abs(two.values[1] - 3) < 1e-15);
  const zero = tridiagonalDivideConquer(new Float64Array(40), new Float64Array(39));
  assert.deepEqual(zero.values, new Float64Array(40));
  assert.equal(orthonormalityError(zero.vectors), 0);
});

test("tridiagonalDivideConquer scales exactly, is deterministic and rejects bad input", () => {
  const rng = createRng(13).fork("scale");
  const d = rng.normals(90);
  const e = rng.normals(89);
  const base = tridiagonalDivideConquer(d, e);
  const scaled = tridiagonalDivideConquer(
    d.map((x) => x * 2 ** 40),
    e.map((x) => x * 2 ** 40)
  );
  assert.deepEqual(
    scaled.values,
    base.values.map((x) => x * 2 ** 40)
  );
  assert.deepEqual(scaled.vectors.data, base.vectors.data);
  assert.deepEqual(tridiagonalDivideConquer(d, e).vectors.data, base.vectors.data);
  assert.throws(() => tridiagonalDivideConquer(d, e.subarray(1)), /off-diagonal has length 88, expected 89/);
  assert.throws(() => tridiagonalDivideConquer(Float64Array.of(1, NaN), Float64Array.of(0)), /non-finite/);
});
