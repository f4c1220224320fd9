// Divide and conquer for upper bidiagonal matrices: residuals and orthogonality on inputs where deflation is delicate
// (clustered and exactly repeated singular values, graded entries, zeros on and off the diagonal), sizes around the
// 25-row leaves, agreement with implicit QR, and the 0×0 / 1×1 / 2×2 edge set.
import assert from "node:assert/strict";
import {test} from "node:test";
import {bidiagonalDivideConquer} from "../../src/linalg/bidiagonalDivideConquer.js";
import {bidiagonalQr} from "../../src/linalg/bidiagonalQr.js";
import {identity} from "../../src/linalg/matrix.js";
import {createRng} from "../../src/random/rng.js";
import {orthonormalityError} from "./checks.js";

// max |B − UΣVᵀ| / ‖B‖_max, the orthonormality errors of U and V, and the largest difference from the singular values
// of implicit QR relative to ‖B‖_max; also checks ascending, non-negative singular values.
function check(d: Float64Array, e: Float64Array, label: string, tolerance = 1e-13): void {
  const n = d.length;
  const {values, U, V} = bidiagonalDivideConquer(d, e);
  assert.deepEqual([values.length, U.rows, U.cols, V.rows, V.cols], [n, n, n, n, n]);
  let scale = 0;
  for (let i = 0; i < n; ++i) scale = Math.max(scale, Math.abs(d[i]), i < n - 1 ? Math.abs(e[i]) : 0);
  if (scale === 0) scale = 1;
  let residual = 0;
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < n; ++j) {
      let t = 0;
      for (let c = 0; c < n; ++c) t += U.data[i * n + c] * values[c] * V.data[j * n + c];
      const b = i === j ? d[i] : j === i + 1 ? e[i] : 0;
      residual = Math.max(residual, Math.abs(t - b));
    }
  }
  const bound = tolerance * Math.max(1, n / 10);
  for (let j = 0; j < n; ++j) {
    assert.ok(values[j] >= 0, `${label}: σ_${j} = ${values[j]} ≥ 0`);
    if (j > 0) assert.ok(values[j - 1] <= values[j], `${label}: ascending at ${j}`);
  }
  assert.ok(residual / scale < bound, `${label}: residual ${residual / scale}`);
  assert.ok(orthonormalityError(U) < bound, `${label}: U orthogonality ${orthonormalityError(U)}`);
  assert.ok(orthonormalityError(V) < bound, `${label}: V orthogonality ${orthonormalityError(V)}`);
  const qr = d.slice();
  const f = new Float64Array(n);
  f.set(e);
  bidiagonalQr(qr, f, identity(n), identity(n), 2 ** -53 * scale);
  qr.sort();
  let difference = 0;
  for (let i = 0; i < n; ++i) difference = Math.max(difference, Math.abs(qr[i] - values[i]));
  assert.ok(difference / scale < bound, `${label}: differs from QR by ${difference / scale}`);
}

const filled = (n: number, f: (i: number) => number) => Float64Array.from({length: n}, (_, i) => f(i));

test("bidiagonalDivideConquer(d, e) of random matrices around the leaf size gives B = UΣVᵀ, agreeing with QR", () => {
  const rng = createRng(1).fork("random");
  for (const n of [3, 24, 25, 26, 27, 49, 50, 51, 52, 53, 101, 240]) {
    check(rng.normals(n), rng.normals(n - 1), `random n = ${n}`);
  }
});

test("bidiagonalDivideConquer with clustered singular values (1 + k·1e-13) and tiny couplings", () => {
  for (const n of [60, 200]) {
    check(
      filled(n, (i) => 1 + i * 1e-13),
      filled(n - 1, () => 1e-14),
      `cluster n = ${n}`
    );
    check(
      filled(n, (i) => 1 + (i % 5) * 1e-13),
      filled(n - 1, (i) => (i % 2) * 1e-15),
      `interleaved cluster n = ${n}`
    );
  }
});

test("bidiagonalDivideConquer with exactly repeated singular values: multiples of the identity, all-ones", () => {
  for (const n of [30, 80, 200]) {
    check(
      filled(n, () => 3),
      new Float64Array(n - 1),
      `3I n = ${n}`
    );
    check(
      filled(n, () => 1),
      filled(n - 1, () => 1),
      `ones n = ${n}`
    );
    check(
      filled(n, (i) => (i < n / 2 ? 2 : -2)),
      filled(n - 1, (i) => (i === Math.floor(n / 2) - 1 ? 0 : 1e-300)),
      `±2 blocks n = ${n}`
    );
  }
});

test("bidiagonalDivideConquer of graded matrices and with zeros on or off the diagonal", () => {
  const rng = createRng(2).fork("zeros");
  for (const n of [60, 150]) {
    check(
      filled(n, (i) => 2 ** (-i / 2)),
      filled(n - 1, (i) => 2 ** (-i / 2)),
      `graded down n = ${n}`
    );
    check(
      filled(n, (i) => 2 ** (-(n - i) / 3)),
      filled(n - 1, (i) => 2 ** (-(n - i) / 3)),
      `graded up n = ${n}`
    );
    check(
      filled(n, (i) => 0.01 ** (n - 1 - i)),
      filled(n - 1, (i) => 0.7 * 0.01 ** (n - 1 - i)),
      `graded by 0.01 into underflow n = ${n}`
    );
    check(
      new Float64Array(n),
      filled(n - 1, () => 1),
      `zero diagonal n = ${n}`
    );
    check(rng.normals(n), new Float64Array(n - 1), `zero superdiagonal n = ${n}`);
    const d = rng.normals(n);
    const e = rng.normals(n - 1);
    for (let i = 0; i < n; i += 7) d[i] = 0;
    for (let i = 3; i < n - 1; i += 11) e[i] = 0;
    check(d, e, `scattered zeros n = ${n}`);
    const middle = Math.floor(n / 2);
    d.fill(0, middle - 3, middle + 3);
    check(d, e, `zeros at the split n = ${n}`);
  }
});

test("bidiagonalDivideConquer of 0×0, 1×1 and 2×2 matrices and of the zero matrix", () => {
  const empty = bidiagonalDivideConquer(new Float64Array(0), new Float64Array(0));
  assert.deepEqual([empty.values.length, empty.U.rows, empty.V.rows], [0, 0, 0]);
  const one = bidiagonalDivideConquer(Float64Array.of(-3), new Float64Array(0));
  assert.deepEqual(Array.from(one.values), [3]);
  assert.equal(one.U.data[0] * one.V.data[0], -1);
  check(Float64Array.of(1, 2), Float64Array.of(3), "2×2");
  check(Float64Array.of(0, 0), Float64Array.of(1), "2×2 zero diagonal");
  const zero = bidiagonalDivideConquer(new Float64Array(40), new Float64Array(39));
  assert.deepEqual(Array.from(zero.values), new Array<number>(40).fill(0));
  assert.equal(orthonormalityError(zero.U), 0);
  assert.equal(orthonormalityError(zero.V), 0);
});

test("bidiagonalDivideConquer scales exactly, is deterministic and rejects bad input", () => {
  const rng = createRng(3).fork("scale");
  const d = rng.normals(70);
  const e = rng.normals(69);
  const base = bidiagonalDivideConquer(d, e);
  for (const k of [-700, 700]) {
    const scaled = bidiagonalDivideConquer(
      d.map((x) => x * 2 ** k),
      e.map((x) => x * 2 ** k)
    );
    assert.deepEqual(
      scaled.values,
      base.values.map((x) => x * 2 ** k)
    );
    assert.deepEqual(scaled.U.data, base.U.data);
  }
  const again = bidiagonalDivideConquer(d, e);
  assert.deepEqual(again.V.data, base.V.data);
  assert.throws(() => bidiagonalDivideConquer(d, e.subarray(1)), /superdiagonal has length 68, expected 69/);
  assert.throws(() => bidiagonalDivideConquer(Float64Array.of(1, NaN), Float64Array.of(1)), /non-finite d\[1\]/);
});
