// Thin SVD: reconstruction, orthonormal factors, accuracy on known spectra (clustered, repeated, graded), rank
// deficiency, sizes around the divide-and-conquer leaves, ml-matrix agreement.
import assert from "node:assert/strict";
import {test} from "node:test";
import {SingularValueDecomposition} from "ml-matrix";
import {haarOrthogonal} from "../../src/linalg/haar.js";
import {matrix, toMlMatrix} from "../../src/linalg/matrix.js";
import type {Matrix} from "../../src/linalg/matrix.js";
import {svd} from "../../src/linalg/svd.js";
import {createRng} from "../../src/random/rng.js";
import {
  gaussian,
  maxAbs,
  maxDifference,
  naiveProduct,
  naiveTranspose,
  orthonormalityError,
  scaleColumns
} from "./checks.js";

function reconstructionError(A: Matrix, U: Matrix, s: Float64Array, V: Matrix): number {
  return maxDifference(naiveProduct(scaleColumns(U, s), naiveTranspose(V)), A) / maxAbs(A);
}

function assertDescending(s: Float64Array): void {
  for (let i = 0; i < s.length; ++i) {
    assert.ok(s[i] >= 0, `s[${i}] ≥ 0`);
    if (i > 0) assert.ok(s[i - 1] >= s[i], `descending at ${i}`);
  }
}

test("svd(A) gives A = U diag(s) Vᵀ with orthonormal U (m×p) and V (n×p) for tall, wide and square A", () => {
  const rng = createRng(1).fork("svd");
  for (const [m, n] of [
    [1, 1],
    [1, 5],
    [5, 1],
    [2, 2],
    [7, 3],
    [3, 7],
    [40, 40],
    [120, 80],
    [60, 130]
  ]) {
    const A = gaussian(rng, m, n);
    const {U, s, V} = svd(A);
    const p = Math.min(m, n);
    assert.deepEqual([U.rows, U.cols, s.length, V.rows, V.cols], [m, p, p, n, p]);
    assertDescending(s);
    assert.ok(reconstructionError(A, U, s, V) < 1e-12 * Math.max(m, n), `reconstruction ${m}×${n}`);
    assert.ok(orthonormalityError(U) < 1e-12 * Math.max(m, n), `U ${m}×${n}`);
    assert.ok(orthonormalityError(V) < 1e-12 * Math.max(m, n), `V ${m}×${n}`);
  }
});

test("svd recovers known singular values of a well-conditioned matrix to 1e-12 relative", () => {
  const rng = createRng(2).fork("known");
  const n = 60;
  const P = haarOrthogonal(n, rng.fork("P"));
  const Q = haarOrthogonal(n, rng.fork("Q"));
  const sigma = Float64Array.from({length: n}, (_, i) => 10 - (9 * i) / (n - 1)); // 10 … 1, descending
  const A = naiveProduct(scaleColumns(P, sigma), naiveTranspose(Q));
  const {s} = svd(A);
  for (let i = 0; i < n; ++i) assert.ok(Math.abs(s[i] - sigma[i]) < 1e-12 * sigma[i], `σ_${i}: ${s[i]} vs ${sigma[i]}`);
});

test("svd agrees with ml-matrix SingularValueDecomposition on random matrices", () => {
  const rng = createRng(3).fork("ml");
  for (const [m, n] of [
    [30, 30],
    [50, 20]
  ]) {
    const A = gaussian(rng, m, n);
    const {s} = svd(A);
    const ml = new SingularValueDecomposition(toMlMatrix(A)).diagonal;
    for (let i = 0; i < s.length; ++i) assert.ok(Math.abs(s[i] - ml[i]) < 1e-12 * s[0], `σ_${i} ${m}×${n}`);
  }
});

test("svd of rank-deficient matrices completes U and V orthonormally", () => {
  const rng = createRng(4).fork("rank");
  // Rank 4: a 30×4 times 4×20 product.
  const A = naiveProduct(gaussian(rng, 30, 4), gaussian(rng, 4, 20));
  const {U, s, V} = svd(A);
  assert.ok(s[3] > 1e-3 * s[0]);
  for (let i = 4; i < 20; ++i) assert.ok(s[i] < 1e-13 * s[0], `σ_${i} = ${s[i]}`);
  assert.ok(orthonormalityError(U) < 1e-12);
  assert.ok(orthonormalityError(V) < 1e-12);
  assert.ok(reconstructionError(A, U, s, V) < 1e-12);

  // Zero columns and an all-zero matrix.
  const B = gaussian(rng, 10, 6);
  for (let i = 0; i < 10; ++i) B.data[i * 6 + 2] = B.data[i * 6 + 5] = 0;
  const b = svd(B);
  assert.ok(b.s[3] > 1e-3 * b.s[0]);
  assert.ok(b.s[4] < 1e-14 * b.s[0] && b.s[5] < 1e-14 * b.s[0]);
  assert.ok(orthonormalityError(b.V) < 1e-13 && orthonormalityError(b.U) < 1e-13);
  const zero = svd(matrix(5, 3));
  assert.deepEqual(Array.from(zero.s), [0, 0, 0]);
  assert.ok(orthonormalityError(zero.U) === 0 && orthonormalityError(zero.V) === 0);
});

test("svd of 0×0, 0×n and 1×1 matrices; repeated calls are bit-identical", () => {
  const empty = svd(matrix(0, 0));
  assert.equal(empty.s.length, 0);
  const wide = svd(matrix(0, 4));
  assert.deepEqual([wide.U.rows, wide.U.cols, wide.V.rows, wide.V.cols], [0, 0, 4, 0]);
  const one = svd(matrix(1, 1, Float64Array.of(-2)));
  assert.deepEqual(Array.from(one.s), [2]);
  assert.equal(one.U.data[0] * one.V.data[0], -1);
  const A = gaussian(createRng(5).fork("bits"), 25, 17);
  const a = svd(A);
  const b = svd(A);
  assert.deepEqual(a.s, b.s);
  assert.deepEqual(a.U.data, b.U.data);
  assert.deepEqual(a.V.data, b.V.data);
});

test("svd handles extreme scales exactly: svd(2^k A) = 2^k svd(A)", () => {
  const A = gaussian(createRng(6).fork("scale"), 12, 9);
  const {s} = svd(A);
  for (const k of [-600, 600]) {
    const scaled = svd(
      matrix(
        12,
        9,
        A.data.map((x) => x * 2 ** k)
      )
    ).s;
    for (let i = 0; i < 9; ++i) assert.equal(scaled[i], s[i] * 2 ** k);
  }
});

// A = P diag(sigma) Qᵀ for Haar-random P (m×m, first n columns) and Q (n×n).
function withSpectrum(seed: number, m: number, sigma: Float64Array): Matrix {
  const n = sigma.length;
  const rng = createRng(seed).fork("spectrum");
  const P = haarOrthogonal(m, rng.fork("P"));
  const Pn = matrix(m, n);
  for (let i = 0; i < m; ++i) Pn.data.set(P.data.subarray(i * m, i * m + n), i * n);
  return naiveProduct(scaleColumns(Pn, sigma), naiveTranspose(haarOrthogonal(n, rng.fork("Q"))));
}

// The identities to 1e-10 relative, and every singular value within 1e-12·σ_max of the expected one.
function assertSpectrum(A: Matrix, expected: Float64Array, label: string): void {
  const {U, s, V} = svd(A);
  assertDescending(s);
  assert.ok(reconstructionError(A, U, s, V) < 1e-10, `${label}: reconstruction`);
  assert.ok(orthonormalityError(U) < 1e-10, `${label}: U`);
  assert.ok(orthonormalityError(V) < 1e-10, `${label}: V`);
  const sorted = Float64Array.from(expected).sort().reverse();
  for (let i = 0; i < s.length; ++i) {
    assert.ok(Math.abs(s[i] - sorted[i]) < 1e-12 * sorted[0], `${label}: σ_${i} = ${s[i]} vs ${sorted[i]}`);
  }
}

test("svd with clustered singular values 1 + k·1e-13 and exactly repeated ones", () => {
  const n = 90;
  assertSpectrum(
    withSpectrum(
      7,
      110,
      Float64Array.from({length: n}, (_, k) => 1 + k * 1e-13)
    ),
    Float64Array.from({length: n}, (_, k) => 1 + k * 1e-13),
    "cluster"
  );
  const repeated = Float64Array.from({length: n}, (_, k) => [3, 1, 1e-3][k % 3]);
  assertSpectrum(withSpectrum(8, n, repeated), repeated, "three values, 30 times each");
  const ones = new Float64Array(60).fill(2);
  assertSpectrum(withSpectrum(9, 75, ones), ones, "2·(orthonormal columns)");
});

test("svd of graded matrices: singular values from 1 down to 2^-60, and rows scaled by 2^-k", () => {
  const graded = Float64Array.from({length: 80}, (_, k) => 2 ** ((-60 * k) / 79));
  assertSpectrum(withSpectrum(10, 80, graded), graded, "graded spectrum");
  const A = gaussian(createRng(11).fork("rows"), 70, 60);
  for (let i = 0; i < 70; ++i) for (let j = 0; j < 60; ++j) A.data[i * 60 + j] *= 2 ** -i;
  const {U, s, V} = svd(A);
  assert.ok(
    reconstructionError(A, U, s, V) < 1e-10 && orthonormalityError(U) < 1e-10 && orthonormalityError(V) < 1e-10
  );
});

test("svd at sizes around the divide-and-conquer leaf (25 rows) and its doubling, tall and wide", () => {
  const rng = createRng(12).fork("sizes");
  for (const [m, n] of [
    [24, 24],
    [25, 25],
    [26, 26],
    [27, 27],
    [51, 51],
    [52, 52],
    [53, 53],
    [60, 26],
    [26, 60],
    [200, 150]
  ]) {
    const A = gaussian(rng, m, n);
    const {U, s, V} = svd(A);
    assertDescending(s);
    assert.ok(reconstructionError(A, U, s, V) < 1e-10, `reconstruction ${m}×${n}`);
    assert.ok(orthonormalityError(U) < 1e-10 && orthonormalityError(V) < 1e-10, `orthonormality ${m}×${n}`);
  }
});

test("svd of large rank-deficient and zero matrices", () => {
  const rng = createRng(13).fork("rank");
  const A = naiveProduct(gaussian(rng, 120, 10), gaussian(rng, 10, 100));
  const {U, s, V} = svd(A);
  assert.ok(s[9] > 1e-3 * s[0]);
  for (let i = 10; i < 100; ++i) assert.ok(s[i] < 1e-13 * s[0], `σ_${i} = ${s[i]}`);
  assert.ok(
    reconstructionError(A, U, s, V) < 1e-10 && orthonormalityError(U) < 1e-10 && orthonormalityError(V) < 1e-10
  );
  const zero = svd(matrix(70, 60));
  assert.ok(zero.s.every((x) => x === 0));
  assert.ok(orthonormalityError(zero.U) === 0 && orthonormalityError(zero.V) === 0);
});

test("svd rejects non-finite input", () => {
  const A = matrix(2, 2, Float64Array.of(1, Infinity, 0, 1));
  assert.throws(() => svd(A), /svd: non-finite input Infinity at \(0, 1\)/);
});
