// Products with a matrix resident in WebAssembly memory: bit-identical to multiplyTransposeB (and to multiply for a
// symmetric matrix), shapes around the kernel's groups of four rows and vectors, repeated use, release and reuse of
// the memory, and shape errors.
import assert from "node:assert/strict";
import {test} from "node:test";
import {multiply, multiplyTransposeB} from "../../src/linalg/gemm.js";
import {matrix} from "../../src/linalg/matrix.js";
import {residentMatrix} from "../../src/linalg/residentMatrix.js";
import {createRng} from "../../src/random/rng.js";
import {gaussian} from "./checks.js";

test("residentMatrix(A).timesRows(X) equals multiplyTransposeB(X, A) bit for bit, for shapes around groups of four", () => {
  const rng = createRng(31).fork("resident");
  for (const [b, m, k] of [
    [1, 1, 1],
    [5, 7, 3],
    [4, 300, 300],
    [9, 257, 130],
    [3, 6, 513]
  ]) {
    const A = gaussian(rng, m, k);
    const resident = residentMatrix(A);
    assert.equal(resident.rows, m);
    assert.equal(resident.cols, k);
    for (let repeat = 0; repeat < 2; ++repeat) {
      const X = gaussian(rng, b, k);
      assert.deepEqual(resident.timesRows(X).data, multiplyTransposeB(X, A).data, `${b} vectors, ${m}×${k}`);
    }
    resident.release();
  }
});

test("residentMatrix: for a symmetric matrix, timesRows(X) is X·A bit for bit", () => {
  const G = gaussian(createRng(33).fork("resident-symmetric"), 203, 203);
  const S = multiplyTransposeB(G, G); // exactly symmetric
  const X = gaussian(createRng(34).fork("resident-vectors"), 6, 203);
  const resident = residentMatrix(S);
  assert.deepEqual(resident.timesRows(X).data, multiply(X, S).data);
});

test("residentMatrix: a released matrix refuses products, and the next one reuses its memory correctly", () => {
  const rng = createRng(35).fork("resident-release");
  const A = gaussian(rng, 40, 40);
  const first = residentMatrix(A);
  first.release();
  assert.throws(() => first.timesRows(matrix(1, 40)), /timesRows: the resident matrix has been released/);
  const B = gaussian(rng, 12, 7); // smaller: stale entries of A beyond B must not leak into its products
  const second = residentMatrix(B);
  const X = gaussian(rng, 5, 7);
  assert.deepEqual(second.timesRows(X).data, multiplyTransposeB(X, B).data);
});

test("residentMatrix: empty products and shape errors", () => {
  const A = gaussian(createRng(32).fork("resident-shapes"), 6, 4);
  const resident = residentMatrix(A);
  assert.deepEqual(resident.timesRows(matrix(0, 4)), matrix(0, 6));
  assert.throws(() => resident.timesRows(matrix(2, 5)), /timesRows: 2×5 vectors for a 6×4 matrix/);
});

test("residentMatrix: asymmetry() finds the largest |A_ij − A_ji| and max |A_ij|, and flags non-finite entries", () => {
  const rng = createRng(36).fork("resident-asymmetry");
  for (const n of [1, 5, 16, 17, 40]) {
    const G = gaussian(rng, n, n);
    const A = multiplyTransposeB(G, G);
    let scale = 0;
    for (const x of A.data) scale = Math.max(scale, Math.abs(x));
    assert.deepEqual(residentMatrix(A).asymmetry(), {scale, gap: 0, row: 0, col: 0}, `symmetric ${n}×${n}`);
    if (n < 2) continue;
    const [i, j] = [n - 1, Math.floor(n / 3)]; // one perturbed pair, in a tile away from the first
    A.data[i * n + j] += 1e-7;
    const found = residentMatrix(A).asymmetry();
    assert.equal(found.gap, Math.abs(A.data[i * n + j] - A.data[j * n + i]));
    assert.deepEqual([found.row, found.col], [i, j]);
  }
  const A = matrix(3, 3, Float64Array.of(1, 0, 0, 0, NaN, 0, 0, 0, 1));
  assert.ok(Number.isNaN(residentMatrix(A).asymmetry().scale));
  A.data[4] = -Infinity;
  assert.equal(residentMatrix(A).asymmetry().scale, Infinity);
});
