// Root-free QL (dsterf) for the eigenvalues of symmetric tridiagonal matrices: closed-form spectra, agreement with
// implicit QL with rotations (a second algorithm), graded and split matrices, exact scaling, edge cases.
import assert from "node:assert/strict";
import {test} from "node:test";
import {tridiagonalEigen} from "../../src/linalg/tridiagonal.js";
import {tridiagonalEigenvalues} from "../../src/linalg/tridiagonalEigenvalues.js";
import {createRng} from "../../src/random/rng.js";

test("tridiagonalEigenvalues of the (2, −1) Toeplitz matrix gives 2 − 2cos(kπ/(n+1)) to 1e-13", () => {
  for (const n of [2, 3, 10, 51, 400]) {
    const lambda = tridiagonalEigenvalues(new Float64Array(n).fill(2), new Float64Array(n - 1).fill(-1));
    for (let k = 1; k <= n; ++k) {
      const expected = 2 - 2 * Math.cos((k * Math.PI) / (n + 1));
      assert.ok(Math.abs(lambda[k - 1] - expected) < 1e-13, `n = ${n}, k = ${k}: ${lambda[k - 1]} vs ${expected}`);
    }
  }
});

test("tridiagonalEigenvalues agrees with implicit QL with rotations to 1e-15·n·‖T‖ on random matrices", () => {
  const rng = createRng(11).fork("tridiagonal-values");
  for (const n of [1, 2, 3, 4, 7, 26, 100, 500]) {
    const d = rng.normals(n);
    const e = rng.normals(Math.max(0, n - 1));
    const ours = tridiagonalEigenvalues(d, e);
    const reference = tridiagonalEigen(d, e);
    const norm = Math.max(...Array.from(reference, Math.abs));
    for (let k = 0; k < n; ++k) {
      if (k > 0) assert.ok(ours[k - 1] <= ours[k], "ascending");
      assert.ok(Math.abs(ours[k] - reference[k]) <= 1e-15 * n * norm + 1e-300, `n = ${n}, k = ${k}`);
    }
  }
});

test("tridiagonalEigenvalues: trace and sum of squares of the spectrum match T's (identities)", () => {
  const rng = createRng(12).fork("identities");
  const n = 300;
  const d = rng.normals(n);
  const e = rng.normals(n - 1);
  const lambda = tridiagonalEigenvalues(d, e);
  let trace = 0;
  let frobenius = 0;
  for (let i = 0; i < n; ++i) trace += d[i];
  for (let i = 0; i < n; ++i) frobenius += d[i] * d[i] + (i < n - 1 ? 2 * e[i] * e[i] : 0);
  const sum = lambda.reduce((s, x) => s + x, 0);
  const squares = lambda.reduce((s, x) => s + x * x, 0);
  assert.ok(Math.abs(sum - trace) < 1e-11, `trace ${sum} vs ${trace}`);
  assert.ok(Math.abs(squares - frobenius) < 1e-10 * frobenius, `Σλ² ${squares} vs ‖T‖² ${frobenius}`);
});

test("tridiagonalEigenvalues resolves Wilkinson's W21+ nearly equal pairs and a graded matrix", () => {
  // W21+: diagonal |10 − i|, off-diagonal 1. Its two largest eigenvalues agree to about 1e-13 (Wilkinson 1965, §5.45).
  const d = Float64Array.from({length: 21}, (_, i) => Math.abs(10 - i));
  const e = new Float64Array(20).fill(1);
  const lambda = tridiagonalEigenvalues(d, e);
  const reference = tridiagonalEigen(d, e);
  for (let k = 0; k < 21; ++k) assert.ok(Math.abs(lambda[k] - reference[k]) < 1e-13);
  assert.ok(Math.abs(lambda[20] - 10.746194182903) < 1e-11 && lambda[20] - lambda[19] < 1e-12);
  // Entries falling by 10 per row from 1e200: both methods agree to rounding at the scale of ‖T‖.
  const graded = Float64Array.from({length: 40}, (_, i) => 1e200 * 10 ** -i);
  const gradedOff = Float64Array.from({length: 39}, (_, i) => 1e199 * 10 ** -i);
  const g = tridiagonalEigenvalues(graded, gradedOff);
  const gr = tridiagonalEigen(graded, gradedOff);
  for (let k = 0; k < 40; ++k) assert.ok(Math.abs(g[k] - gr[k]) < 1e-14 * 1e200);
});

test("tridiagonalEigenvalues: split blocks, repeated eigenvalues and exact scaling by powers of two", () => {
  const d = Float64Array.from([2, 2, 2, 5, 2, 2, 2]);
  const e = Float64Array.from([-1, -1, 0, 0, -1, -1]);
  const lambda = tridiagonalEigenvalues(d, e);
  const block = [2 - Math.SQRT2, 2, 2 + Math.SQRT2];
  const expected = [block[0], block[0], block[1], block[1], block[2], block[2], 5];
  for (let k = 0; k < 7; ++k) assert.ok(Math.abs(lambda[k] - expected[k]) < 1e-15 * 8, `k = ${k}`);
  const rng = createRng(13).fork("scaling");
  const dd = rng.normals(60);
  const ee = rng.normals(59);
  const base = tridiagonalEigenvalues(dd, ee);
  for (const power of [-1000, -300, 300, 1000]) {
    const scaled = tridiagonalEigenvalues(
      dd.map((x) => x * 2 ** power),
      ee.map((x) => x * 2 ** power)
    );
    for (let k = 0; k < 60; ++k) assert.equal(scaled[k], base[k] * 2 ** power, `2^${power}, k = ${k}`);
  }
});

test("tridiagonalEigenvalues: empty, 1×1, zero and diagonal matrices; inputs unmodified; bad input throws", () => {
  assert.deepEqual(Array.from(tridiagonalEigenvalues(new Float64Array(0), new Float64Array(0))), []);
  assert.deepEqual(Array.from(tridiagonalEigenvalues(Float64Array.of(-3), new Float64Array(0))), [-3]);
  assert.deepEqual(Array.from(tridiagonalEigenvalues(new Float64Array(3), new Float64Array(2))), [0, 0, 0]);
  assert.deepEqual(Array.from(tridiagonalEigenvalues(Float64Array.of(3, -1, 2), new Float64Array(2))), [-1, 2, 3]);
  const d = Float64Array.of(1, 2, 3, 4);
  const e = Float64Array.of(0.5, -0.25, 2);
  tridiagonalEigenvalues(d, e);
  assert.deepEqual(Array.from(d), [1, 2, 3, 4]);
  assert.deepEqual(Array.from(e), [0.5, -0.25, 2]);
  assert.throws(() => tridiagonalEigenvalues(Float64Array.of(1, NaN), Float64Array.of(0)), /non-finite input NaN/);
  assert.throws(
    () => tridiagonalEigenvalues(Float64Array.of(1, 2), Float64Array.of(1, 2)),
    /off-diagonal has length 2/
  );
});
